import { createRoute } from "@hono/zod-openapi";
import { ContributionPaymentSchema, ContributionPaymentUpdateSchema } from "@vep/domain";
import { serviceContext } from "../../http/context.js";
import { bearerAuth, newRouter } from "../../http/router.js";
import { IdParam, json, notFound, refusals, staleOrTaken, versionedChanges, versionedDelete } from "../http.js";
import { deletePayment, updatePayment } from "./service.js";

const tags = ["Contributions"];

const updateRoute = createRoute({
  method: "patch",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "Correct a payment received (STAFF, ADMIN); needs the version read, in the body or If-Match",
  request: { params: IdParam, body: { required: true, content: json(ContributionPaymentUpdateSchema) } },
  responses: { 200: { description: "Updated", content: json(ContributionPaymentSchema) }, ...notFound, ...staleOrTaken, ...refusals },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "Remove a payment received (STAFF, ADMIN); needs If-Match with the version read",
  request: { params: IdParam },
  responses: { 204: { description: "Deleted" }, ...notFound, ...staleOrTaken, ...refusals },
});

export const contributionPaymentRoutes = newRouter()
  .openapi(updateRoute, async (c) => c.json(await updatePayment({ ctx: serviceContext(c), input: versionedChanges(c, c.req.valid("param").id, c.req.valid("json")) }), 200))
  .openapi(deleteRoute, async (c) => {
    await deletePayment({ ctx: serviceContext(c), input: versionedDelete(c, c.req.valid("param").id) });
    return c.body(null, 204);
  });
