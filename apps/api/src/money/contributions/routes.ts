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
import { deleteRoute, getRoute, IdParam, json, listRoute, notFound, patchRoute, postRoute, refusals, versionedChanges, versionedDelete, withETag } from "../../http/openapi.js";
import { sortParam } from "../../http/pagination.js";
import { bearerAuth, newRouter } from "../../http/router.js";
import { type ContributionSort, addPayment, createContribution, deleteContribution, getContribution, listContributions, updateContribution } from "./service.js";

const tags = ["Contributions"];

const ContributionQuery = PageQuerySchema.extend({
  programmeId: z.uuid().optional(),
  donorId: z.uuid().optional(),
  currency: CurrencyCodeSchema.optional(),
  ...MoneyDateRangeQuerySchema.shape,
  sort: sortParam<ContributionSort["field"]>(["pledgedOn", "amountMinor", "createdAt"], "-pledgedOn"),
})
  .superRefine(moneyDateRangeInOrder)
  .describe("`from`/`to` bound the pledge date");

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
  .openapi(
    listRoute(tags, "Contributions, each with what has been received (a donor sees those to the programmes it co-funds)", ContributionQuery, pageOf(ContributionSchema)),
    async (c) => c.json(await listContributions({ ctx: serviceContext(c), input: c.req.valid("query") }), 200),
  )
  .openapi(getRoute(tags, "One contribution with its payments", ContributionDetailSchema), async (c) =>
    c.json(withETag(c, await getContribution({ ctx: serviceContext(c), input: c.req.valid("param") })), 200),
  )
  .openapi(postRoute(tags, "Record a pledge (STAFF, ADMIN)", ContributionInputSchema, ContributionSchema), async (c) =>
    c.json(await createContribution({ ctx: serviceContext(c), input: c.req.valid("json") }), 201),
  )
  .openapi(patchRoute(tags, "Change a contribution (STAFF, ADMIN)", ContributionUpdateSchema, ContributionDetailSchema), async (c) =>
    c.json(await updateContribution({ ctx: serviceContext(c), input: versionedChanges(c, c.req.valid("param").id, c.req.valid("json")) }), 200),
  )
  .openapi(deleteRoute(tags, "Remove a contribution and its payments (STAFF, ADMIN)"), async (c) => {
    await deleteContribution({ ctx: serviceContext(c), input: versionedDelete(c, c.req.valid("param").id) });
    return c.body(null, 204);
  })
  .openapi(addPaymentRoute, async (c) =>
    c.json(await addPayment({ ctx: serviceContext(c), input: { contributionId: c.req.valid("param").id, payment: c.req.valid("json") } }), 201),
  );
