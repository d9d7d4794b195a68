import { createRoute, z } from "@hono/zod-openapi";
import { BudgetInputSchema, BudgetSchema, BudgetUpdateSchema, MoneyDateRangeQuerySchema, PageQuerySchema, moneyDateRangeInOrder, pageOf } from "@vep/domain";
import { serviceContext } from "../../http/context.js";
import { sortParam } from "../../http/pagination.js";
import { bearerAuth, newRouter } from "../../http/router.js";
import { IdParam, json, notFound, refusals, staleOrTaken, versionedChanges, versionedDelete, withETag } from "../http.js";
import { type BudgetSort, createBudget, deleteBudget, getBudget, listBudgets, updateBudget } from "./service.js";

const tags = ["Budgets"];

const listRoute = createRoute({
  method: "get",
  path: "/",
  tags,
  security: bearerAuth,
  summary: "Budgets (a donor sees those of the programmes it co-funds)",
  request: {
    query: PageQuerySchema.extend({
      programmeId: z.uuid().optional(),
      outputId: z.uuid().optional(),
      ...MoneyDateRangeQuerySchema.shape,
      sort: sortParam<BudgetSort["field"]>(["periodStart", "amountMinor", "createdAt"], "periodStart"),
    })
      .superRefine(moneyDateRangeInOrder)
      .describe("`from`/`to`: budgets whose period overlaps these dates"),
  },
  responses: { 200: { description: "A page of budgets", content: json(pageOf(BudgetSchema)) }, ...refusals },
});

const getRoute = createRoute({
  method: "get",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "One budget",
  request: { params: IdParam },
  responses: { 200: { description: "The budget", content: json(BudgetSchema) }, ...notFound, ...refusals },
});

const createBudgetRoute = createRoute({
  method: "post",
  path: "/",
  tags,
  security: bearerAuth,
  summary: "Add a budget for a period of at most a year (STAFF, ADMIN)",
  request: { body: { required: true, content: json(BudgetInputSchema) } },
  responses: { 201: { description: "Created", content: json(BudgetSchema) }, ...refusals },
});

const updateRoute = createRoute({
  method: "patch",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "Change a budget (STAFF, ADMIN); needs the version read, in the body or If-Match",
  request: { params: IdParam, body: { required: true, content: json(BudgetUpdateSchema) } },
  responses: { 200: { description: "Updated", content: json(BudgetSchema) }, ...notFound, ...staleOrTaken, ...refusals },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "Remove a budget (STAFF, ADMIN); needs If-Match with the version read",
  request: { params: IdParam },
  responses: { 204: { description: "Deleted" }, ...notFound, ...staleOrTaken, ...refusals },
});

export const budgetRoutes = newRouter()
  .openapi(listRoute, async (c) => c.json(await listBudgets({ ctx: serviceContext(c), input: c.req.valid("query") }), 200))
  .openapi(getRoute, async (c) => c.json(withETag(c, await getBudget({ ctx: serviceContext(c), input: c.req.valid("param") })), 200))
  .openapi(createBudgetRoute, async (c) => c.json(await createBudget({ ctx: serviceContext(c), input: c.req.valid("json") }), 201))
  .openapi(updateRoute, async (c) => c.json(await updateBudget({ ctx: serviceContext(c), input: versionedChanges(c, c.req.valid("param").id, c.req.valid("json")) }), 200))
  .openapi(deleteRoute, async (c) => {
    await deleteBudget({ ctx: serviceContext(c), input: versionedDelete(c, c.req.valid("param").id) });
    return c.body(null, 204);
  });
