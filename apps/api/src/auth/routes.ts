import { createRoute } from "@hono/zod-openapi";
import { CurrentUserSchema, LoginInputSchema, LoginResultSchema, MeUpdateSchema, msg } from "@vep/domain";
import { problem } from "../http/errors.js";
import { bearerAuth, newRouter, ProblemSchema } from "../http/router.js";
import { login, logout, toCurrentUser, updateMe } from "./service.js";
import type { LoginThrottle } from "./throttle.js";

const tags = ["Authentication"];

const loginRoute = createRoute({
  method: "post",
  path: "/auth/login",
  tags,
  summary: "Sign in with e-mail and password; returns an opaque bearer token",
  request: { body: { required: true, content: { "application/json": { schema: LoginInputSchema } } } },
  responses: {
    200: { description: "Signed in", content: { "application/json": { schema: LoginResultSchema } } },
    400: { description: "Invalid input", content: ProblemSchema },
    401: { description: "E-mail or password incorrect (the same answer whether or not the account exists)", content: ProblemSchema },
    429: { description: "Too many failed attempts for this account or address; see Retry-After", content: ProblemSchema },
  },
});

const logoutRoute = createRoute({
  method: "post",
  path: "/auth/logout",
  tags,
  security: bearerAuth,
  summary: "End the current session",
  responses: {
    204: { description: "Signed out" },
    401: { description: "No valid session", content: ProblemSchema },
  },
});

const meRoute = createRoute({
  method: "get",
  path: "/me",
  tags,
  security: bearerAuth,
  summary: "The signed-in user",
  responses: {
    200: { description: "The user", content: { "application/json": { schema: CurrentUserSchema } } },
    401: { description: "No valid session", content: ProblemSchema },
  },
});

const updateMeRoute = createRoute({
  method: "patch",
  path: "/me",
  tags,
  security: bearerAuth,
  summary: "Change one's own preferences: the dashboard's language",
  request: { body: { required: true, content: { "application/json": { schema: MeUpdateSchema } } } },
  responses: {
    200: { description: "The user", content: { "application/json": { schema: CurrentUserSchema } } },
    400: { description: "Invalid input", content: ProblemSchema },
    401: { description: "No valid session", content: ProblemSchema },
  },
});

export function authRoutes(throttle: LoginThrottle) {
  return newRouter()
    .openapi(loginRoute, async (c) => {
      const input = c.req.valid("json");
      const address = c.var.clientAddress;
      const wait = Math.max(throttle.account.retryAfter(input.email), throttle.address.retryAfter(address));
      if (wait > 0) {
        c.header("Retry-After", String(wait));
        return problem(c, 429, msg("auth.tooManyAttempts"), { detail: msg("auth.tooManySignIns", { minutes: Math.ceil(wait / 60) }) });
      }
      const result = await login({ ctx: { db: c.var.db, clientAddress: address, userAgent: c.req.header("user-agent") }, input });
      if (!result) {
        throttle.account.fail(input.email);
        throttle.address.fail(address);
        return problem(c, 401, msg("http.unauthorized"), { detail: msg("auth.badCredentials") });
      }
      throttle.account.reset(input.email);
      return c.json(result, 200);
    })
    .openapi(logoutRoute, async (c) => {
      await logout({ ctx: { db: c.var.db, clientAddress: c.var.clientAddress, user: c.var.user! }, input: { sessionId: c.var.sessionId! } });
      return c.body(null, 204);
    })
    .openapi(meRoute, (c) => c.json(toCurrentUser(c.var.user!), 200))
    .openapi(updateMeRoute, async (c) =>
      c.json(await updateMe({ ctx: { db: c.var.db, clientAddress: c.var.clientAddress, user: c.var.user! }, input: c.req.valid("json") }), 200),
    );
}

