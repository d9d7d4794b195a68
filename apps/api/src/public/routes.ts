import { createRoute, z } from "@hono/zod-openapi";
import { PageQuerySchema, PublicActivityDetailSchema, PublicActivitySummarySchema, PublicSummarySchema, pageOf } from "@vep/domain";
import { newRouter, ProblemSchema } from "../http/router.js";
import { getPublicActivity, getPublicSummary, listPublicActivities } from "./service.js";

const tags = ["Public"];

const summaryRoute = createRoute({
  method: "get",
  path: "/summary",
  tags,
  summary: "The programme's public summary: aggregates only, counts under 3 suppressed",
  request: { query: z.object({ programme: z.string().max(200).optional().describe("IATI activity identifier; default: the first programme") }) },
  responses: {
    200: { description: "Summary", content: { "application/json": { schema: PublicSummarySchema } } },
    404: { description: "No such programme", content: ProblemSchema },
  },
});

const listRoute = createRoute({
  method: "get",
  path: "/activities",
  tags,
  summary: "Delivered activities, newest first",
  request: { query: PageQuerySchema },
  responses: {
    200: { description: "A page of activities", content: { "application/json": { schema: pageOf(PublicActivitySummarySchema) } } },
    400: { description: "Invalid query", content: ProblemSchema },
  },
});

const detailRoute = createRoute({
  method: "get",
  path: "/activities/{id}",
  tags,
  summary: "One delivered activity: sessions, regions, partners, donors, consented quotes",
  request: { params: z.object({ id: z.uuid() }) },
  responses: {
    200: { description: "The activity", content: { "application/json": { schema: PublicActivityDetailSchema } } },
    400: { description: "Invalid id", content: ProblemSchema },
    404: { description: "No delivered activity with this id", content: ProblemSchema },
  },
});

export const publicRoutes = newRouter()
  .openapi(summaryRoute, async (c) => c.json(await getPublicSummary({ ctx: { db: c.var.db }, input: c.req.valid("query"), figures: c.var.figures }), 200))
  .openapi(listRoute, async (c) => c.json(await listPublicActivities({ ctx: { db: c.var.db }, input: c.req.valid("query") }), 200))
  .openapi(detailRoute, async (c) => c.json(await getPublicActivity({ ctx: { db: c.var.db }, input: c.req.valid("param") }), 200));
