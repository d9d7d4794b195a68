import { createRoute } from "@hono/zod-openapi";
import { CurrencyCodeSchema, ExchangeRateInputSchema, ExchangeRateSchema, ExchangeRateUpdateSchema, MoneyDateSchema, PageQuerySchema, pageOf } from "@vep/domain";
import { serviceContext } from "../../http/context.js";
import { sortParam } from "../../http/pagination.js";
import { bearerAuth, newRouter } from "../../http/router.js";
import { IdParam, json, notFound, refusals, staleOrTaken, versionedChanges, versionedDelete, withETag } from "../http.js";
import { type ExchangeRateSort, createExchangeRate, deleteExchangeRate, getExchangeRate, listExchangeRates, updateExchangeRate } from "./service.js";

const tags = ["Exchange rates"];

const listRoute = createRoute({
  method: "get",
  path: "/",
  tags,
  security: bearerAuth,
  summary: "UN operational rates of exchange",
  request: {
    query: PageQuerySchema.extend({
      currency: CurrencyCodeSchema.optional(),
      on: MoneyDateSchema.optional().describe("Only the rate in force on this date for each currency: its latest rate effective on or before it"),
      sort: sortParam<ExchangeRateSort["field"]>(["effectiveOn", "currency", "createdAt"], "-effectiveOn"),
    }),
  },
  responses: { 200: { description: "A page of rates", content: json(pageOf(ExchangeRateSchema)) }, ...refusals },
});

const getRoute = createRoute({
  method: "get",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "One rate",
  request: { params: IdParam },
  responses: { 200: { description: "The rate", content: json(ExchangeRateSchema) }, ...notFound, ...refusals },
});

const createRateRoute = createRoute({
  method: "post",
  path: "/",
  tags,
  security: bearerAuth,
  summary: "Add a rate (STAFF, ADMIN); one per currency and effective date",
  request: { body: { required: true, content: json(ExchangeRateInputSchema) } },
  responses: { 201: { description: "Created", content: json(ExchangeRateSchema) }, 409: { description: "The currency already has a rate effective that day", content: staleOrTaken[409].content }, ...refusals },
});

const updateRoute = createRoute({
  method: "patch",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "Correct a rate (STAFF, ADMIN); needs the version read, in the body or If-Match",
  request: { params: IdParam, body: { required: true, content: json(ExchangeRateUpdateSchema) } },
  responses: { 200: { description: "Updated", content: json(ExchangeRateSchema) }, ...notFound, ...staleOrTaken, ...refusals },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "Remove a rate (STAFF, ADMIN); needs If-Match with the version read",
  request: { params: IdParam },
  responses: { 204: { description: "Deleted" }, ...notFound, ...staleOrTaken, ...refusals },
});

export const exchangeRateRoutes = newRouter()
  .openapi(listRoute, async (c) => c.json(await listExchangeRates({ ctx: serviceContext(c), input: c.req.valid("query") }), 200))
  .openapi(getRoute, async (c) => c.json(withETag(c, await getExchangeRate({ ctx: serviceContext(c), input: c.req.valid("param") })), 200))
  .openapi(createRateRoute, async (c) => c.json(await createExchangeRate({ ctx: serviceContext(c), input: c.req.valid("json") }), 201))
  .openapi(updateRoute, async (c) => c.json(await updateExchangeRate({ ctx: serviceContext(c), input: versionedChanges(c, c.req.valid("param").id, c.req.valid("json")) }), 200))
  .openapi(deleteRoute, async (c) => {
    await deleteExchangeRate({ ctx: serviceContext(c), input: versionedDelete(c, c.req.valid("param").id) });
    return c.body(null, 204);
  });
