// Authentication and authorisation for every request, before any route-level validation, so refusals
// come in the order 401 → 403 → 400 → 404 (CONVENTIONS.md).
import { getConnInfo } from "@hono/node-server/conninfo";
import { createMiddleware } from "hono/factory";
import { msg, scopeFor, type Principal } from "@vep/domain";
import { findSessionUser } from "../auth/service.js";
import { TOKEN_PATTERN } from "../auth/tokens.js";
import { problem } from "./errors.js";
import type { AppEnv } from "./router.js";

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/** The caller's address; the dashboard's server on this machine forwards its user's in X-Forwarded-For. */
function clientAddress(c: Parameters<Parameters<typeof createMiddleware<AppEnv>>[0]>[0]): string {
  let remote = "unknown";
  try {
    remote = getConnInfo(c).remote.address ?? "unknown";
  } catch {
    // not served by @hono/node-server (app.request in a unit test)
  }
  const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded && LOOPBACK.test(remote) ? forwarded.slice(0, 64) : remote;
}

export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  c.set("clientAddress", clientAddress(c));
  c.set("user", null);
  c.set("sessionId", null);
  const header = c.req.header("authorization");
  if (header !== undefined) {
    const token = /^Bearer (\S+)$/.exec(header)?.[1];
    const found = token && TOKEN_PATTERN.test(token) ? await findSessionUser(c.var.db, token, c.var.figures) : null;
    if (!found) {
      c.header("WWW-Authenticate", 'Bearer error="invalid_token"');
      return problem(c, 401, msg("http.unauthorized"), { detail: msg("http.sessionMissing") });
    }
    c.set("user", found.user);
    c.set("sessionId", found.sessionId);
  }
  await next();
});

/** Deny by default: a route answers only to the principals its row in the access table names. */
export const authorize = createMiddleware<AppEnv>(async (c, next) => {
  const method = c.req.method === "HEAD" ? "GET" : c.req.method;
  const route = c.req.matchedRoutes.findLast((r) => r.method === method);
  if (!route) return next(); // no such route: the app's 404
  const principal: Principal = c.var.user?.role ?? "ANONYMOUS";
  const scope = scopeFor(method, route.path, principal);
  if (scope) {
    c.set("scope", scope);
    return next();
  }
  if (principal === "ANONYMOUS") {
    c.header("WWW-Authenticate", "Bearer");
    return problem(c, 401, msg("http.unauthorized"), { detail: msg("http.signIn") });
  }
  return problem(c, 403, msg("http.forbidden"), { detail: msg("http.roleForbidden") });
});
