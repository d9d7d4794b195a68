// Production server for the VEP dashboard: `npm run build && node server.js`.
// Hono on Node serves the built client assets and hands every other request to Remix.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { serveStatic } from "@hono/node-server/serve-static";
import { createRequestHandler } from "@remix-run/node";
import { Hono } from "hono";
import { compress } from "hono/compress";

const here = path.dirname(fileURLToPath(import.meta.url));
const clientDir = path.join(here, "build", "client");
const serverBuildPath = path.join(here, "build", "server", "index.js");

// Runtime configuration of the HTTP server itself (the Remix app reads its own in app/env.server.ts).
const port = parsePort(process.env.WEB_PORT, 3000);
const host = process.env.HOST?.trim() || "127.0.0.1";
process.env.NODE_ENV ??= "production";

/** @param {string | undefined} raw @param {number} fallback */
function parsePort(raw, fallback) {
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    console.error(`WEB_PORT must be a port number (1-65535), got "${raw}".`);
    process.exit(1);
  }
  return value;
}

/** @type {import("@remix-run/node").ServerBuild} */
const build = await import(serverBuildPath).catch((error) => {
  console.error(`Cannot load ${serverBuildPath}: run "npm run build" first.`);
  console.error(error);
  process.exit(1);
});
const handleRemix = createRequestHandler(build, process.env.NODE_ENV);

/** @param {string} nonce */
function contentSecurityPolicy(nonce) {
  return [
    "default-src 'self'",
    // Remix's inline bootstrap and streaming scripts carry the per-request nonce.
    `script-src 'self' 'nonce-${nonce}'`,
    // Stylesheets from our origin only; React/Recharts set style attributes (no <style> elements).
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** @typedef {{ Variables: { cspNonce: string; staticFile?: boolean } }} AppEnv */
/** @type {Hono<AppEnv>} */
const app = new Hono();

app.use("*", async (c, next) => {
  const nonce = randomBytes(16).toString("base64");
  c.set("cspNonce", nonce);
  await next();
  c.header("X-Content-Type-Options", "nosniff");
  c.header("X-Frame-Options", "DENY");
  c.header("Referrer-Policy", "strict-origin-when-cross-origin");
  c.header("Cross-Origin-Opener-Policy", "same-origin");
  c.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
  c.header("Content-Security-Policy", contentSecurityPolicy(nonce));
});

app.use("*", compress());

const staticRoot = path.relative(process.cwd(), clientDir) || ".";

/**
 * Files from build/client with a Cache-Control header. (serveStatic's onFound runs after the
 * response is built, too late to add headers, so it only marks the hit.)
 * @param {string} cacheControl
 * @returns {import("hono").MiddlewareHandler<AppEnv>}
 */
function staticFiles(cacheControl) {
  const serveFile = serveStatic({
    root: staticRoot,
    onFound: (_path, c) => {
      c.set("staticFile", true);
    },
  });
  return async (c, next) => {
    const response = await serveFile(c, next);
    if (response && c.get("staticFile")) response.headers.set("Cache-Control", cacheControl);
    return response;
  };
}

// Fingerprinted build output: cache forever; a missing one is a plain 404, not a Remix page.
app.use("/assets/*", staticFiles("public, max-age=31536000, immutable"));
app.all("/assets/*", (c) => c.text("Not found", 404));

// Other public files (favicon.svg, robots.txt): short cache. Everything else goes to Remix.
app.use("*", staticFiles("public, max-age=3600"));

app.all("*", (c) => handleRemix(c.req.raw, { cspNonce: c.get("cspNonce"), clientAddress: getConnInfo(c).remote.address }));

app.onError((error, c) => {
  console.error(error);
  return c.text("Internal Server Error", 500);
});

const server = serve(
  {
    fetch: app.fetch,
    port,
    hostname: host,
    // Keep Node's own Request/Response: Remix and fetch() to the API use them.
    overrideGlobalObjects: false,
  },
  (info) => {
    const shownHost = host.includes(":") ? `[${host}]` : host;
    console.log(`Dashboard: http://${shownHost}:${info.port}`);
  },
);

server.on("error", (error) => {
  console.error(`Dashboard server failed: ${error.message}`);
  process.exit(1);
});

let closing = false;
/** @param {NodeJS.Signals} signal */
function shutdown(signal) {
  if (closing) return;
  closing = true;
  console.log(`${signal} received, closing the dashboard server.`);
  // Stop accepting connections; let in-flight requests finish, close idle keep-alive sockets.
  server.close(() => process.exit(0));
  if ("closeIdleConnections" in server) server.closeIdleConnections();
  setTimeout(() => {
    if ("closeAllConnections" in server) server.closeAllConnections();
    process.exit(0);
  }, 5_000).unref();
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
