// `node dist/server.js`: opens the database, serves the API, stops cleanly on SIGTERM or Ctrl-C.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { setFlagsFromString } from "node:v8";
import { serve } from "@hono/node-server";
import { DataDirInUseError } from "@vep/db";
import { createApp } from "./app.js";
import { loadEnv, webOrigins } from "./env.js";
import { createFigureCache } from "./http/figure-cache.js";
import { stdoutSink } from "./http/log.js";
import { prepareDatabase } from "./start.js";
import { sweepStaleUploads } from "./submissions/import/spool.js";

// Collect garbage once the heap has grown by half past what was live, not V8's default of up to four
// times: a 100,000-row import took the API to 540-810 MB, a busy dashboard to 490 MB (now about 310-360
// and 245). A fifth saves another 40 MB but costs a quarter of the dashboard's throughput in collections
// (tests/bench/RESULTS.md). V8 reads it at each collection, so setting it here takes effect.
setFlagsFromString("--heap-growing-percent=50");

const env = loadEnv();

let prepared;
try {
  prepared = await prepareDatabase(env);
} catch (error) {
  console.error(error instanceof DataDirInUseError ? `[api] ${error.message}` : error);
  process.exit(1);
}
const { database, migrations, applied, demoLogins, seconds } = prepared;
void sweepStaleUploads().catch((error: unknown) => console.error("[api] removing stale uploads failed:", error));

// Whole-programme figures are kept in memory until the database announces a change.
const figures = createFigureCache();
const stopWatching = await database.watchChanges(figures);
const app = createApp({
  db: database.prisma,
  figures,
  engine: database.engine,
  migrations,
  webOrigins: webOrigins(env),
  ...(env.LOG_REQUESTS === "json" ? { log: stdoutSink } : {}),
});
const server = serve({ fetch: app.fetch, hostname: env.HOST, port: env.API_PORT }, (info) => {
  console.log(`[api] database: ${database.engine} (${database.location})${applied.length ? `, applied ${applied.join(", ")}` : ""}`);
  console.log(`[api] API: http://${env.HOST}:${info.port}/api  (health: /api/health, OpenAPI: /api/openapi.json)`);
  const phases = Object.entries(seconds).filter(([, s]) => s >= 0.05).map(([phase, s]) => `${phase} ${s.toFixed(1)} s`);
  // From the process's start, so that loading the code counts too.
  console.log(`[api] ready in ${process.uptime().toFixed(1)} s${phases.length ? ` (${phases.join(", ")})` : ""}`);
  if (demoLogins.length > 0) {
    console.log(`[api] Demo data loaded. Dashboard: http://${env.HOST}:${env.WEB_PORT}/  Demo logins (not for production):`);
    for (const login of demoLogins) console.log(`[api]   ${login.role.padEnd(8)} ${login.email} / ${login.password}`);
  }
});

// Graceful shutdown (SIGTERM from a process manager, Ctrl-C): stop accepting connections, let the requests
// in flight finish (an import commits, an export completes), close keep-alive connections as they fall
// idle, then close the database. A request still running after DRAIN_TIMEOUT_MS is cut off and the exit
// code says so.
const DRAIN_TIMEOUT_MS = 10_000;
const inFlight = new Set<ServerResponse>();
let stopping = false;
const httpServer = server as Server;

httpServer.on("request", (_req: IncomingMessage, res: ServerResponse) => {
  // A request that arrives on a kept-alive connection while stopping is served, then its connection closes.
  if (stopping) res.setHeader("Connection", "close");
  inFlight.add(res);
  res.once("close", () => inFlight.delete(res));
});

async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  const started = Date.now();
  console.log(`[api] ${signal}: stopping; ${inFlight.size} request(s) in flight`);
  for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
  const drained = new Promise<boolean>((resolve) => httpServer.close(() => resolve(true)));
  const idleSockets = setInterval(() => httpServer.closeIdleConnections(), 100);
  const timedOut = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), DRAIN_TIMEOUT_MS).unref());
  httpServer.closeIdleConnections();
  const clean = await Promise.race([drained, timedOut]);
  clearInterval(idleSockets);
  if (!clean) {
    console.error(`[api] ${inFlight.size} request(s) still running after ${DRAIN_TIMEOUT_MS / 1000} s: cutting them off`);
    httpServer.closeAllConnections();
  }
  await stopWatching().catch(() => undefined);
  await database.close().catch((error: unknown) => console.error("[api] closing the database failed:", error));
  console.log(`[api] stopped in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(clean ? 0 : 1);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
