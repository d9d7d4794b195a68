import { createRoute, z } from "@hono/zod-openapi";
import { DATABASE_RETRY_AFTER_SECONDS } from "../http/errors.js";
import { newRouter } from "../http/router.js";
import { checkHealth } from "./service.js";

const HealthSchema = z
  .object({
    status: z.enum(["ok", "unavailable"]),
    database: z.object({
      engine: z.enum(["pglite", "postgresql"]),
      reachable: z.boolean(),
      migrations: z.enum(["up-to-date", "pending", "unknown"]),
    }),
  })
  .meta({ id: "Health" });

const healthRoute = createRoute({
  method: "get",
  path: "/",
  tags: ["Health"],
  summary: "Whether the API can serve: database reachable and migrations up to date",
  responses: {
    200: { description: "Healthy", content: { "application/json": { schema: HealthSchema } } },
    503: { description: "Database unreachable or migrations pending", content: { "application/json": { schema: HealthSchema } } },
  },
});

export function healthRoutes(engine: "pglite" | "postgresql", expectedMigrations: readonly string[]) {
  return newRouter().openapi(healthRoute, async (c) => {
    const database = await checkHealth(c.var.db, expectedMigrations);
    const body = { status: database.reachable && database.migrations === "up-to-date" ? ("ok" as const) : ("unavailable" as const), database: { engine, ...database } };
    if (body.status === "ok") return c.json(body, 200);
    c.header("Retry-After", String(DATABASE_RETRY_AFTER_SECONDS));
    return c.json(body, 503);
  });
}
