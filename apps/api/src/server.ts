// `node dist/server.js`: opens the database, serves the API, stops cleanly on Ctrl-C.
import { serve } from "@hono/node-server";
import { DataDirInUseError } from "@vep/db";
import { createApp } from "./app.js";
import { loadEnv, webOrigins } from "./env.js";
import { stdoutSink } from "./http/log.js";
import { prepareDatabase } from "./start.js";

const env = loadEnv();
const started = Date.now();

let prepared;
try {
  prepared = await prepareDatabase(env);
} catch (error) {
  console.error(error instanceof DataDirInUseError ? `[api] ${error.message}` : error);
  process.exit(1);
}
const { database, migrations, applied, demoLogins } = prepared;

const app = createApp({
  db: database.prisma,
  engine: database.engine,
  migrations,
  webOrigins: webOrigins(env),
  ...(env.LOG_REQUESTS === "json" ? { log: stdoutSink } : {}),
});
const server = serve({ fetch: app.fetch, hostname: env.HOST, port: env.API_PORT }, (info) => {
  console.log(`[api] database: ${database.engine} (${database.location})${applied.length ? `, applied ${applied.join(", ")}` : ""}`);
  console.log(`[api] API: http://${env.HOST}:${info.port}/api  (health: /api/health, OpenAPI: /api/openapi.json)`);
  console.log(`[api] ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (demoLogins.length > 0) {
    console.log(`[api] Demo data loaded. Dashboard: http://${env.HOST}:${env.WEB_PORT}/  Demo logins (not for production):`);
    for (const login of demoLogins) console.log(`[api]   ${login.role.padEnd(8)} ${login.email} / ${login.password}`);
  }
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[api] ${signal}: stopping`);
  server.close();
  await database.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
