import { createRoute, z } from "@hono/zod-openapi";
import { IndicatorDetailSchema, IndicatorInputSchema, IndicatorSchema, IndicatorSourceSchema, IndicatorUpdateSchema, PageQuerySchema, pageOf } from "@vep/domain";
import { expectedVersion } from "../../http/concurrency.js";
import { serviceContext } from "../../http/context.js";
import { sortParam } from "../../http/pagination.js";
import { bearerAuth, newRouter } from "../../http/router.js";
import { conflict, deleteByIdRoute, getByIdRoute, json, refusals, updateByIdRoute, versioned } from "../shared.js";
import { createIndicator, deleteIndicator, getIndicator, listIndicators, updateIndicator } from "./service.js";

const tags = ["Results framework"];

const listRoute = createRoute({
  method: "get",
  path: "/",
  tags,
  security: bearerAuth,
  summary: "Indicators (a donor sees those of the programmes it co-funds)",
  request: {
    query: PageQuerySchema.extend({
      programmeId: z.uuid().optional(),
      outcomeId: z.uuid().optional().describe("Indicators of the outcome itself (not of its outputs)"),
      outputId: z.uuid().optional(),
      source: IndicatorSourceSchema.optional(),
      q: z.string().trim().min(1).max(100).optional().describe("Search in code and name"),
      sort: sortParam(["code", "createdAt"], "code"),
    }),
  },
  responses: { 200: { description: "A page of indicators", content: json(pageOf(IndicatorSchema)) }, ...refusals },
});

const createIndicatorRoute = createRoute({
  method: "post",
  path: "/",
  tags,
  security: bearerAuth,
  summary: "Add an indicator to an outcome or an output of a programme",
  request: { body: { required: true, content: json(IndicatorInputSchema) } },
  responses: { 201: { description: "Created", content: json(IndicatorSchema) }, ...conflict("Code taken in the programme"), ...refusals },
});

export const indicatorRoutes = newRouter()
  .openapi(listRoute, async (c) => c.json(await listIndicators({ ctx: serviceContext(c), input: c.req.valid("query") }), 200))
  .openapi(getByIdRoute(tags, "indicator", IndicatorDetailSchema), async (c) => {
    const indicator = await getIndicator({ ctx: serviceContext(c), input: c.req.valid("param") });
    c.header("ETag", `"${indicator.version}"`);
    return c.json(indicator, 200);
  })
  .openapi(createIndicatorRoute, async (c) => c.json(await createIndicator({ ctx: serviceContext(c), input: c.req.valid("json") }), 201))
  .openapi(updateByIdRoute(tags, "indicator", IndicatorUpdateSchema, IndicatorSchema), async (c) =>
    c.json(await updateIndicator({ ctx: serviceContext(c), input: versioned(c.req.valid("param").id, c.req.header("if-match"), c.req.valid("json")) }), 200),
  )
  .openapi(deleteByIdRoute(tags, "indicator", "Remove an indicator and its targets and open values (409 with locked values)"), async (c) => {
    await deleteIndicator({ ctx: serviceContext(c), input: { id: c.req.valid("param").id, version: expectedVersion(c.req.header("if-match"), undefined) } });
    return c.body(null, 204);
  });
