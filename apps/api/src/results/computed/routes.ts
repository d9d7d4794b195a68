import { createRoute, z } from "@hono/zod-openapi";
import { ComputationQuerySchema, ComputedRecordsQuerySchema, ComputedRecordsSchema, IndicatorComputationSchema, IndicatorValueSchema, RecordComputedValuesInputSchema } from "@vep/domain";
import { serviceContext } from "../../http/context.js";
import { conflict, IdParam, json, notFound, refusals } from "../../http/openapi.js";
import { bearerAuth, newRouter } from "../../http/router.js";
import { getComputation, listComputedRecords, recordComputedValues } from "./service.js";

const tags = ["Results framework"];

const computationRoute = createRoute({
  method: "get",
  path: "/{id}/computation",
  tags,
  security: bearerAuth,
  summary: "A COMPUTED indicator's figure for a period from the approved records, total and breakdown (a donor sees counts of 1–2 people suppressed)",
  request: { params: IdParam, query: ComputationQuerySchema },
  responses: { 200: { description: "The figures", content: json(IndicatorComputationSchema) }, ...notFound, ...refusals },
});

const recordsRoute = createRoute({
  method: "get",
  path: "/{id}/computation/records",
  tags,
  security: bearerAuth,
  summary: "The records behind a computed figure (staff): who or what was counted, and what was looked at but did not count",
  request: { params: IdParam, query: ComputedRecordsQuerySchema },
  responses: { 200: { description: "The records", content: json(ComputedRecordsSchema) }, ...notFound, ...refusals },
});

const recordRoute = createRoute({
  method: "post",
  path: "/{id}/computation/values",
  tags,
  security: bearerAuth,
  summary: "Close a period: record the computed total and breakdown as locked values",
  request: { params: IdParam, body: { required: true, content: json(RecordComputedValuesInputSchema) } },
  responses: {
    201: { description: "The values recorded", content: json(z.object({ items: z.array(IndicatorValueSchema) })) },
    ...notFound,
    ...conflict("The period already has values"),
    ...refusals,
  },
});

/** Under /indicators: what a computed indicator counts. */
export const computationRoutes = newRouter()
  .openapi(computationRoute, async (c) => c.json(await getComputation({ ctx: serviceContext(c), input: { ...c.req.valid("param"), ...c.req.valid("query") } }), 200))
  .openapi(recordsRoute, async (c) => c.json(await listComputedRecords({ ctx: serviceContext(c), input: { ...c.req.valid("param"), ...c.req.valid("query") } }), 200))
  .openapi(recordRoute, async (c) => c.json(await recordComputedValues({ ctx: serviceContext(c), input: { ...c.req.valid("param"), ...c.req.valid("json") } }), 201));
