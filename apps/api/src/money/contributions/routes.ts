import { createRoute, z } from "@hono/zod-openapi";
import {
  ContributionDetailSchema,
  ContributionInputSchema,
  ContributionPaymentInputSchema,
  ContributionPaymentSchema,
  ContributionSchema,
  ContributionUpdateSchema,
  CurrencyCodeSchema,
  MoneyDateRangeQuerySchema,
  PageQuerySchema,
  moneyDateRangeInOrder,
  pageOf,
} from "@vep/domain";
import { serviceContext } from "../../http/context.js";
import { sortParam } from "../../http/pagination.js";
import { bearerAuth, newRouter } from "../../http/router.js";
import { IdParam, json, notFound, refusals, staleOrTaken, versionedChanges, versionedDelete, withETag } from "../http.js";
import { type ContributionSort, addPayment, createContribution, deleteContribution, getContribution, listContributions, updateContribution } from "./service.js";

const tags = ["Contributions"];

const listRoute = createRoute({
  method: "get",
  path: "/",
  tags,
  security: bearerAuth,
  summary: "Contributions, each with what has been received (a donor sees those to the programmes it co-funds)",
  request: {
    query: PageQuerySchema.extend({
      programmeId: z.uuid().optional(),
      donorId: z.uuid().optional(),
      currency: CurrencyCodeSchema.optional(),
      ...MoneyDateRangeQuerySchema.shape,
      sort: sortParam<ContributionSort["field"]>(["pledgedOn", "amountMinor", "createdAt"], "-pledgedOn"),
    })
      .superRefine(moneyDateRangeInOrder)
      .describe("`from`/`to` bound the pledge date"),
  },
  responses: { 200: { description: "A page of contributions", content: json(pageOf(ContributionSchema)) }, ...refusals },
});

const getRoute = createRoute({
  method: "get",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "One contribution with its payments",
  request: { params: IdParam },
  responses: { 200: { description: "The contribution", content: json(ContributionDetailSchema) }, ...notFound, ...refusals },
});

const createContributionRoute = createRoute({
  method: "post",
  path: "/",
  tags,
  security: bearerAuth,
  summary: "Record a pledge (STAFF, ADMIN)",
  request: { body: { required: true, content: json(ContributionInputSchema) } },
  responses: { 201: { description: "Created", content: json(ContributionSchema) }, ...refusals },
});

const updateRoute = createRoute({
  method: "patch",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "Change a contribution (STAFF, ADMIN); needs the version read, in the body or If-Match",
  request: { params: IdParam, body: { required: true, content: json(ContributionUpdateSchema) } },
  responses: { 200: { description: "Updated", content: json(ContributionDetailSchema) }, ...notFound, ...staleOrTaken, ...refusals },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "Remove a contribution and its payments (STAFF, ADMIN); needs If-Match with the version read",
  request: { params: IdParam },
  responses: { 204: { description: "Deleted" }, ...notFound, ...staleOrTaken, ...refusals },
});

const addPaymentRoute = createRoute({
  method: "post",
  path: "/{id}/payments",
  tags,
  security: bearerAuth,
  summary: "Record funds received (STAFF, ADMIN): in the contribution's currency, never above the pledge in total",
  request: { params: IdParam, body: { required: true, content: json(ContributionPaymentInputSchema) } },
  responses: { 201: { description: "Created", content: json(ContributionPaymentSchema) }, ...notFound, ...refusals },
});

export const contributionRoutes = newRouter()
  .openapi(listRoute, async (c) => c.json(await listContributions({ ctx: serviceContext(c), input: c.req.valid("query") }), 200))
  .openapi(getRoute, async (c) => c.json(withETag(c, await getContribution({ ctx: serviceContext(c), input: c.req.valid("param") })), 200))
  .openapi(createContributionRoute, async (c) => c.json(await createContribution({ ctx: serviceContext(c), input: c.req.valid("json") }), 201))
  .openapi(updateRoute, async (c) =>
    c.json(await updateContribution({ ctx: serviceContext(c), input: versionedChanges(c, c.req.valid("param").id, c.req.valid("json")) }), 200),
  )
  .openapi(deleteRoute, async (c) => {
    await deleteContribution({ ctx: serviceContext(c), input: versionedDelete(c, c.req.valid("param").id) });
    return c.body(null, 204);
  })
  .openapi(addPaymentRoute, async (c) =>
    c.json(await addPayment({ ctx: serviceContext(c), input: { contributionId: c.req.valid("param").id, payment: c.req.valid("json") } }), 201),
  );
