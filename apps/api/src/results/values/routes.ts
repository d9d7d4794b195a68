import { createRoute, z } from "@hono/zod-openapi";
import { IndicatorValueInputSchema, IndicatorValueLockSchema, IndicatorValueSchema, IndicatorValueUpdateSchema, PageQuerySchema, pageOf } from "@vep/domain";
import { expectedVersion } from "../../http/concurrency.js";
import { serviceContext } from "../../http/context.js";
import { conflict, getRoute, IdParam, json, notFound, patchRoute, refusals, versionedChanges, withETag } from "../../http/openapi.js";
import { sortParam } from "../../http/pagination.js";
import { bearerAuth, newRouter } from "../../http/router.js";
import { createValue, getValue, listValues, lockValue, updateValue } from "./service.js";

const tags = ["Results framework"];

const listRoute = createRoute({
  method: "get",
  path: "/{id}/values",
  tags,
  security: bearerAuth,
  summary: "An indicator's reported values, corrections included (a donor sees counts of 1–2 people suppressed)",
  request: {
    params: IdParam,
    query: PageQuerySchema.extend({
      inForce: z.enum(["true", "false"]).transform((v) => v === "true").optional().describe("true: only values not superseded by a correction; false: only superseded ones"),
      sort: sortParam(["periodStart", "createdAt"], "periodStart") }) },
  responses: { 200: { description: "A page of values", content: json(pageOf(IndicatorValueSchema)) }, ...notFound, ...refusals },
});

const createValueRoute = createRoute({
  method: "post",
  path: "/{id}/values",
  tags,
  security: bearerAuth,
  summary: "Report a value for a period (MANUAL indicators need evidence); with supersedesId and a reason, correct a locked value",
  request: { params: IdParam, body: { required: true, content: json(IndicatorValueInputSchema) } },
  responses: {
    201: { description: "Created", content: json(IndicatorValueSchema) },
    ...notFound,
    ...conflict("The period already has a value, or the corrected value is not locked or already corrected"),
    ...refusals } });

const lockRoute = createRoute({
  method: "post",
  path: "/{id}/lock",
  tags,
  security: bearerAuth,
  summary: "Lock a value (close its period); needs the version read, in the body or If-Match",
  request: { params: IdParam, body: { required: false, content: json(IndicatorValueLockSchema) } },
  responses: { 200: { description: "Locked", content: json(IndicatorValueSchema) }, ...notFound, ...conflict("Already locked, or changed since read"), ...refusals },
});

/** Under /indicators: the values of one indicator. */
export const indicatorValueRoutes = newRouter()
  .openapi(listRoute, async (c) =>
    c.json(await listValues({ ctx: serviceContext(c), input: { indicatorId: c.req.valid("param").id, ...c.req.valid("query") } }), 200),
  )
  .openapi(createValueRoute, async (c) =>
    c.json(await createValue({ ctx: serviceContext(c), input: { indicatorId: c.req.valid("param").id, value: c.req.valid("json") } }), 201),
  );

/** Under /indicator-values: one value. */
export const valueRoutes = newRouter()
  .openapi(getRoute(tags, "One indicator value", IndicatorValueSchema), async (c) => c.json(withETag(c, await getValue({ ctx: serviceContext(c), input: c.req.valid("param") })), 200))
  .openapi(patchRoute(tags, "Change an open value (409 once locked)", IndicatorValueUpdateSchema, IndicatorValueSchema), async (c) =>
    c.json(await updateValue({ ctx: serviceContext(c), input: versionedChanges(c, c.req.valid("param").id, c.req.valid("json")) }), 200),
  )
  .openapi(lockRoute, async (c) => {
    // The body is optional: If-Match alone will do.
    const version = expectedVersion(c.req.header("if-match"), c.req.valid("json")?.version);
    return c.json(await lockValue({ ctx: serviceContext(c), input: { id: c.req.valid("param").id, version } }), 200);
  });
