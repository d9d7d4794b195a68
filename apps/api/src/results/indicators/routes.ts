import { z } from "@hono/zod-openapi";
import { IndicatorDetailSchema, IndicatorInputSchema, IndicatorSchema, IndicatorSourceSchema, IndicatorUpdateSchema, PageQuerySchema, pageOf } from "@vep/domain";
import { serviceContext } from "../../http/context.js";
import { deleteRoute, getRoute, listRoute, patchRoute, postRoute, versionedChanges, versionedDelete, withETag } from "../../http/openapi.js";
import { sortParam } from "../../http/pagination.js";
import { newRouter } from "../../http/router.js";
import { createIndicator, deleteIndicator, getIndicator, listIndicators, updateIndicator } from "./service.js";

const tags = ["Results framework"];

const IndicatorQuery = PageQuerySchema.extend({
  programmeId: z.uuid().optional(),
  outcomeId: z.uuid().optional().describe("Indicators of the outcome itself (not of its outputs)"),
  outputId: z.uuid().optional(),
  source: IndicatorSourceSchema.optional(),
  q: z.string().trim().min(1).max(100).optional().describe("Search in code and name"),
  sort: sortParam(["code", "createdAt"], "code"),
});

export const indicatorRoutes = newRouter()
  .openapi(listRoute(tags, "Indicators (a donor sees those of the programmes it co-funds)", IndicatorQuery, pageOf(IndicatorSchema)), async (c) => c.json(await listIndicators({ ctx: serviceContext(c), input: c.req.valid("query") }), 200))
  .openapi(getRoute(tags, "One indicator", IndicatorDetailSchema), async (c) =>
    c.json(withETag(c, await getIndicator({ ctx: serviceContext(c), input: c.req.valid("param") })), 200))
  .openapi(postRoute(tags, "Add an indicator to an outcome or an output of a programme", IndicatorInputSchema, IndicatorSchema, "Code taken in the programme"), async (c) =>
    c.json(await createIndicator({ ctx: serviceContext(c), input: c.req.valid("json") }), 201))
  .openapi(patchRoute(tags, "Change an indicator", IndicatorUpdateSchema, IndicatorSchema), async (c) =>
    c.json(await updateIndicator({ ctx: serviceContext(c), input: versionedChanges(c, c.req.valid("param").id, c.req.valid("json")) }), 200),
  )
  .openapi(deleteRoute(tags, "Remove an indicator and its targets and open values (409 with locked values)"), async (c) => {
    await deleteIndicator({ ctx: serviceContext(c), input: versionedDelete(c, c.req.valid("param").id) });
    return c.body(null, 204);
  });
