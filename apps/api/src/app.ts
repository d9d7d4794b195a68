// The HTTP API: one router per module, chained so that `AppType` carries every route's types to
// `hono/client` in the dashboard.
import { OpenAPIHono } from "@hono/zod-openapi";
import { secureHeaders } from "hono/secure-headers";
import type { Engine, PrismaClient } from "@vep/db";
import { healthRoutes } from "./health/routes.js";
import { notFound, onError } from "./http/errors.js";
import type { AppEnv } from "./http/router.js";
import { publicRoutes } from "./public/routes.js";

export interface AppDeps {
  db: PrismaClient;
  engine: Engine;
  /** Names of the migrations this build ships; health reports "pending" until all are applied. */
  migrations: readonly string[];
}

export function createApp({ db, engine, migrations }: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: { title: "VEP Programme Tracker API", version: "1" },
  });
  app.onError(onError);
  app.notFound(notFound);
  return app
    .use(secureHeaders())
    .use(async (c, next) => {
      c.set("db", db);
      await next();
    })
    .route("/api/health", healthRoutes(engine, migrations))
    .route("/api/v1/public", publicRoutes);
}

export type AppType = ReturnType<typeof createApp>;
