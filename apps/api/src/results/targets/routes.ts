import { createRoute } from "@hono/zod-openapi";
import { IndicatorTargetInputSchema, IndicatorTargetSchema, IndicatorTargetUpdateSchema, PageQuerySchema, pageOf } from "@vep/domain";
import { serviceContext } from "../../http/context.js";
import { conflict, deleteRoute, IdParam, json, notFound, patchRoute, refusals, versionedChanges, versionedDelete } from "../../http/openapi.js";
import { sortParam } from "../../http/pagination.js";
import { bearerAuth, newRouter } from "../../http/router.js";
import { createTarget, deleteTarget, listTargets, updateTarget } from "./service.js";

const tags = ["Results framework"];

const listRoute = createRoute({
  method: "get",
  path: "/{id}/targets",
  tags,
  security: bearerAuth,
  summary: "An indicator's targets, per period and breakdown cell",
  request: { params: IdParam, query: PageQuerySchema.extend({ sort: sortParam(["periodStart", "createdAt"], "periodStart") }) },
  responses: { 200: { description: "A page of targets", content: json(pageOf(IndicatorTargetSchema)) }, ...notFound, ...refusals },
});

const createTargetRoute = createRoute({
  method: "post",
  path: "/{id}/targets",
  tags,
  security: bearerAuth,
  summary: "Set a target for a period, for the total or a breakdown cell ({ \"sex\": \"FEMALE\" })",
  request: { params: IdParam, body: { required: true, content: json(IndicatorTargetInputSchema) } },
  responses: {
    201: { description: "Created", content: json(IndicatorTargetSchema) },
    ...notFound,
    ...conflict("A target for this period and cell exists"),
    ...refusals } });

/** Under /indicators: the targets of one indicator. */
export const indicatorTargetRoutes = newRouter()
  .openapi(listRoute, async (c) =>
    c.json(await listTargets({ ctx: serviceContext(c), input: { indicatorId: c.req.valid("param").id, ...c.req.valid("query") } }), 200),
  )
  .openapi(createTargetRoute, async (c) =>
    c.json(await createTarget({ ctx: serviceContext(c), input: { indicatorId: c.req.valid("param").id, target: c.req.valid("json") } }), 201),
  );

/** Under /indicator-targets: one target. */
export const targetRoutes = newRouter()
  .openapi(patchRoute(tags, "Change an indicator target", IndicatorTargetUpdateSchema, IndicatorTargetSchema), async (c) =>
    c.json(await updateTarget({ ctx: serviceContext(c), input: versionedChanges(c, c.req.valid("param").id, c.req.valid("json")) }), 200),
  )
  .openapi(deleteRoute(tags, "Remove an indicator target"), async (c) => {
    await deleteTarget({ ctx: serviceContext(c), input: versionedDelete(c, c.req.valid("param").id) });
    return c.body(null, 204);
  });
