import { CurrencyCodeSchema, ExchangeRateInputSchema, ExchangeRateSchema, ExchangeRateUpdateSchema, CalendarDateSchema, PageQuerySchema, pageOf } from "@vep/domain";
import { serviceContext } from "../../http/context.js";
import { deleteRoute, getRoute, listRoute, patchRoute, postRoute, versionedChanges, versionedDelete, withETag } from "../../http/openapi.js";
import { sortParam } from "../../http/pagination.js";
import { newRouter } from "../../http/router.js";
import { type ExchangeRateSort, createExchangeRate, deleteExchangeRate, getExchangeRate, listExchangeRates, updateExchangeRate } from "./service.js";

const tags = ["Exchange rates"];

const ExchangeRateQuery = PageQuerySchema.extend({
  currency: CurrencyCodeSchema.optional(),
  on: CalendarDateSchema.optional().describe("Only the rate in force on this date for each currency: its latest rate effective on or before it"),
  sort: sortParam<ExchangeRateSort["field"]>(["effectiveOn", "currency", "createdAt"], "-effectiveOn"),
});

export const exchangeRateRoutes = newRouter()
  .openapi(listRoute(tags, "UN operational rates of exchange", ExchangeRateQuery, pageOf(ExchangeRateSchema)), async (c) =>
    c.json(await listExchangeRates({ ctx: serviceContext(c), input: c.req.valid("query") }), 200),
  )
  .openapi(getRoute(tags, "One rate", ExchangeRateSchema), async (c) => c.json(withETag(c, await getExchangeRate({ ctx: serviceContext(c), input: c.req.valid("param") })), 200))
  .openapi(
    postRoute(tags, "Add a rate (STAFF, ADMIN); one per currency and effective date", ExchangeRateInputSchema, ExchangeRateSchema, "The currency already has a rate effective that day"),
    async (c) => c.json(await createExchangeRate({ ctx: serviceContext(c), input: c.req.valid("json") }), 201),
  )
  .openapi(patchRoute(tags, "Correct a rate (STAFF, ADMIN)", ExchangeRateUpdateSchema, ExchangeRateSchema), async (c) =>
    c.json(await updateExchangeRate({ ctx: serviceContext(c), input: versionedChanges(c, c.req.valid("param").id, c.req.valid("json")) }), 200),
  )
  .openapi(deleteRoute(tags, "Remove a rate (STAFF, ADMIN)"), async (c) => {
    await deleteExchangeRate({ ctx: serviceContext(c), input: versionedDelete(c, c.req.valid("param").id) });
    return c.body(null, 204);
  });
