import { z } from "@hono/zod-openapi";
import { BudgetInputSchema, BudgetSchema, BudgetUpdateSchema, MoneyDateRangeQuerySchema, PageQuerySchema, moneyDateRangeInOrder, pageOf } from "@vep/domain";
import { serviceContext } from "../../http/context.js";
import { deleteRoute, getRoute, listRoute, patchRoute, postRoute, versionedChanges, versionedDelete, withETag } from "../../http/openapi.js";
import { sortParam } from "../../http/pagination.js";
import { newRouter } from "../../http/router.js";
import { type BudgetSort, createBudget, deleteBudget, getBudget, listBudgets, updateBudget } from "./service.js";

const tags = ["Budgets"];

const BudgetQuery = PageQuerySchema.extend({
  programmeId: z.uuid().optional(),
  outputId: z.uuid().optional(),
  ...MoneyDateRangeQuerySchema.shape,
  sort: sortParam<BudgetSort["field"]>(["periodStart", "amountMinor", "createdAt"], "periodStart"),
})
  .superRefine(moneyDateRangeInOrder)
  .describe("`from`/`to`: budgets whose period overlaps these dates");

export const budgetRoutes = newRouter()
  .openapi(listRoute(tags, "Budgets (a donor sees those of the programmes it co-funds)", BudgetQuery, pageOf(BudgetSchema)), async (c) =>
    c.json(await listBudgets({ ctx: serviceContext(c), input: c.req.valid("query") }), 200),
  )
  .openapi(getRoute(tags, "One budget", BudgetSchema), async (c) => c.json(withETag(c, await getBudget({ ctx: serviceContext(c), input: c.req.valid("param") })), 200))
  .openapi(postRoute(tags, "Add a budget for a period of at most a year (STAFF, ADMIN)", BudgetInputSchema, BudgetSchema), async (c) =>
    c.json(await createBudget({ ctx: serviceContext(c), input: c.req.valid("json") }), 201),
  )
  .openapi(patchRoute(tags, "Change a budget (STAFF, ADMIN)", BudgetUpdateSchema, BudgetSchema), async (c) =>
    c.json(await updateBudget({ ctx: serviceContext(c), input: versionedChanges(c, c.req.valid("param").id, c.req.valid("json")) }), 200),
  )
  .openapi(deleteRoute(tags, "Remove a budget (STAFF, ADMIN)"), async (c) => {
    await deleteBudget({ ctx: serviceContext(c), input: versionedDelete(c, c.req.valid("param").id) });
    return c.body(null, 204);
  });
