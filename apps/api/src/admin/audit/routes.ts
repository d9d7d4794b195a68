import { createRoute, z } from "@hono/zod-openapi";
import { AuditEventSchema, PageQuerySchema, RuleViolationError, pageOf, msg } from "@vep/domain";
import { serviceContext } from "../../http/context.js";
import { bearerAuth, newRouter, ProblemSchema } from "../../http/router.js";
import { listAuditEvents } from "./service.js";

const listRoute = createRoute({
  method: "get",
  path: "/",
  tags: ["Audit"],
  security: bearerAuth,
  summary: "The audit trail, newest first: who changed what, when (personal fields redacted)",
  request: {
    query: PageQuerySchema.extend({
      entityType: z.string().trim().min(1).max(60).optional(),
      entityId: z.string().trim().min(1).max(100).optional(),
      actorId: z.uuid().optional(),
      action: z.string().trim().min(1).max(60).optional().describe("An action or its prefix, e.g. `organisation.`"),
      from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
      to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
    }),
  },
  responses: {
    200: { description: "A page of audit events", content: { "application/json": { schema: pageOf(AuditEventSchema) } } },
    400: { description: "Invalid query", content: ProblemSchema },
    401: { description: "Not signed in", content: ProblemSchema },
    403: { description: "Role not allowed", content: ProblemSchema },
  },
});

export const auditRoutes = newRouter().openapi(listRoute, async (c) => {
  const { from, to, ...rest } = c.req.valid("query");
  const range = { from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined };
  if (range.from && range.to && range.from > range.to) throw new RuleViolationError(msg("admin.invalidRange"), { "query.to": msg("admin.rangeToBeforeFrom") });
  return c.json(await listAuditEvents({ ctx: serviceContext(c), input: { ...rest, ...range } }), 200);
});
