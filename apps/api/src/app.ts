// The HTTP API: one router per module, chained so that `AppType` carries every route's types to
// `hono/client` in the dashboard.
import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { Engine, PrismaClient } from "@vep/db";
import { activityRoutes } from "./activities/index.js";
import { adminRoutes } from "./admin/index.js";
import { authRoutes } from "./auth/routes.js";
import { createLoginThrottle, type LoginThrottle } from "./auth/throttle.js";
import { docsRoutes } from "./docs/routes.js";
import { exportRoutes } from "./exports/routes.js";
import { feedbackRoutes } from "./feedback/routes.js";
import { createFeedbackThrottle, type FeedbackThrottle } from "./feedback/throttle.js";
import { financeRoutes } from "./finance/index.js";
import { healthRoutes } from "./health/routes.js";
import { iatiRoutes } from "./iati/routes.js";
import { authenticate, authorize } from "./http/access.js";
import { msg } from "@vep/domain";
import { notFound, onError, problem } from "./http/errors.js";
import { refuseUnstorableText } from "./http/unstorable-text.js";
import { language } from "./http/language.js";
import { noFigureCache, type FigureCache } from "./http/figure-cache.js";
import { requestLog, type LogSink } from "./http/log.js";
import type { AppEnv } from "./http/router.js";
import { moneyRoutes } from "./money/index.js";
import { organisationRoutes } from "./organisations/routes.js";
import { peopleRoutes } from "./people/index.js";
import { publicRoutes } from "./public/routes.js";
import { resultsRoutes } from "./results/index.js";
import { importRoutes } from "./submissions/import/routes.js";
import { notificationRoutes } from "./notifications/routes.js";
import { reportRoutes } from "./reports/routes.js";
import { submissionRoutes } from "./submissions/routes.js";

export interface AppDeps {
  db: PrismaClient;
  engine: Engine;
  /** Names of the migrations this build ships; health reports "pending" until all are applied. */
  migrations: readonly string[];
  loginThrottle?: LoginThrottle;
  /** Limits public feedback posts per address; tests pass a small one. */
  feedbackThrottle?: FeedbackThrottle;
  /** Browser origins allowed to call the API directly (the dashboard). */
  webOrigins?: string[];
  /** Where request logs go; none when omitted (tests). */
  log?: LogSink;
  /** Figures kept between requests; the server feeds it the database's change notices. None in tests by default. */
  figures?: FigureCache;
}

/** Bodies larger than this are refused before they are read; spreadsheet uploads have their own limit. */
const MAX_JSON_BODY_BYTES = 256 * 1024;
/** A 100,000-row participant list is about 10 MB as CSV and 5 MB as .xlsx. */
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
const isUpload = (path: string) => /^\/api\/v1\/activities\/[^/]+\/(participant|feedback)-imports(\/preview)?$/.test(path);
const sizeLimit = (maxSize: number) => bodyLimit({ maxSize, onError: (c) => problem(c, 413, msg("http.payloadTooLarge"), { detail: msg("http.payloadTooLargeDetail", { kib: maxSize / 1024 }) }) });
const jsonLimit = sizeLimit(MAX_JSON_BODY_BYTES);
const uploadLimit = sizeLimit(MAX_UPLOAD_BYTES);

export function createApp({ db, engine, migrations, loginThrottle = createLoginThrottle(), feedbackThrottle = createFeedbackThrottle(), webOrigins = [], log, figures = noFigureCache() }: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", { type: "http", scheme: "bearer" });
  app.onError(onError);
  app.notFound(notFound);
  if (log) app.use(requestLog(log));
  const api = app
    .use(requestId())
    .use(language)
    .use(cors({ origin: webOrigins, allowHeaders: ["Authorization", "Content-Type", "If-Match", "Idempotency-Key"], exposeHeaders: ["ETag", "X-Request-Id", "Retry-After"], maxAge: 600 }))
    // Never framed; JSON and CSV answers may load and run nothing. A page with a policy of its own (the
    // API docs) keeps it: overwrite false.
    .use(secureHeaders({ xFrameOptions: "DENY", contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] }, overwrite: false }))
    .use((c, next) => (isUpload(c.req.path) ? uploadLimit : jsonLimit)(c, next))
    .use(async (c, next) => {
      c.set("db", db);
      c.set("figures", figures);
      await next();
      // A write may have changed any figure or account: drop what is kept before the writer can read
      // again. Signing in and out writes only sessions.
      if (!["GET", "HEAD", "OPTIONS"].includes(c.req.method)) {
        if (c.req.path.startsWith("/api/v1/auth/")) figures.wroteAccess();
        else figures.wrote();
      }
    })
    .use(authenticate)
    .use(authorize)
    // Uploads are streamed to their reader: only JSON bodies are read here.
    .use((c, next) => (isUpload(c.req.path) ? next() : refuseUnstorableText(c, next)))
    .route("/api/health", healthRoutes(engine, migrations))
    .route("/api/docs", docsRoutes)
    .route("/api/v1/public", publicRoutes)
    .route("/api/v1", authRoutes(loginThrottle))
    .route("/api/v1/organisations", organisationRoutes)
    .route("/api/v1", financeRoutes)
    .route("/api/v1", moneyRoutes)
    .route("/api/v1", resultsRoutes)
    .route("/api/v1", activityRoutes)
    .route("/api/v1", peopleRoutes)
    .route("/api/v1", feedbackRoutes(feedbackThrottle))
    .route("/api/v1", adminRoutes)
    .route("/api/v1/submissions", submissionRoutes)
    .route("/api/v1", importRoutes)
    .route("/api/v1/notifications", notificationRoutes)
    .route("/api/v1/reports", reportRoutes)
    .route("/api/v1/exports", exportRoutes)
    .route("/api/v1", iatiRoutes);
  // After the middleware, so that the document gets the headers (and CORS) of every other answer.
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: { title: "VEP Programme Tracker API", version: "1" },
  });
  return api;
}

export type AppType = ReturnType<typeof createApp>;
