import { createRoute, z } from "@hono/zod-openapi";
import { ExpenditureInputSchema, ExpenditureSchema, ExpenditureUpdateSchema, MoneyDateRangeQuerySchema, PageQuerySchema, moneyDateRangeInOrder, pageOf } from "@vep/domain";
import { serviceContext } from "../../http/context.js";
import { sortParam } from "../../http/pagination.js";
import { bearerAuth, newRouter } from "../../http/router.js";
import { IdParam, json, notFound, refusals, staleOrTaken, versionedChanges, versionedDelete, withETag } from "../http.js";
import { type ExpenditureSort, createExpenditure, deleteExpenditure, getExpenditure, listExpenditures, updateExpenditure } from "./service.js";

const tags = ["Expenditure"];

const listRoute = createRoute({
  method: "get",
  path: "/",
  tags,
  security: bearerAuth,
  summary: "Expenditure (a donor sees that of the programmes it co-funds)",
  request: {
    query: PageQuerySchema.extend({
      programmeId: z.uuid().optional(),
      activityId: z.uuid().optional(),
      ...MoneyDateRangeQuerySchema.shape,
      sort: sortParam<ExpenditureSort["field"]>(["spentOn", "amountMinor", "createdAt"], "-spentOn"),
    })
      .superRefine(moneyDateRangeInOrder)
      .describe("`from`/`to` bound the date spent"),
  },
  responses: { 200: { description: "A page of expenditure", content: json(pageOf(ExpenditureSchema)) }, ...refusals },
});

const getRoute = createRoute({
  method: "get",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "One expenditure",
  request: { params: IdParam },
  responses: { 200: { description: "The expenditure", content: json(ExpenditureSchema) }, ...notFound, ...refusals },
});

const createExpenditureRoute = createRoute({
  method: "post",
  path: "/",
  tags,
  security: bearerAuth,
  summary: "Record money spent (STAFF, ADMIN); the activity, if named, must be the programme's",
  request: { body: { required: true, content: json(ExpenditureInputSchema) } },
  responses: { 201: { description: "Created", content: json(ExpenditureSchema) }, ...refusals },
});

const updateRoute = createRoute({
  method: "patch",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "Change an expenditure (STAFF, ADMIN); needs the version read, in the body or If-Match",
  request: { params: IdParam, body: { required: true, content: json(ExpenditureUpdateSchema) } },
  responses: { 200: { description: "Updated", content: json(ExpenditureSchema) }, ...notFound, ...staleOrTaken, ...refusals },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "Remove an expenditure (STAFF, ADMIN); needs If-Match with the version read",
  request: { params: IdParam },
  responses: { 204: { description: "Deleted" }, ...notFound, ...staleOrTaken, ...refusals },
});

export const expenditureRoutes = newRouter()
  .openapi(listRoute, async (c) => c.json(await listExpenditures({ ctx: serviceContext(c), input: c.req.valid("query") }), 200))
  .openapi(getRoute, async (c) => c.json(withETag(c, await getExpenditure({ ctx: serviceContext(c), input: c.req.valid("param") })), 200))
  .openapi(createExpenditureRoute, async (c) => c.json(await createExpenditure({ ctx: serviceContext(c), input: c.req.valid("json") }), 201))
  .openapi(updateRoute, async (c) => c.json(await updateExpenditure({ ctx: serviceContext(c), input: versionedChanges(c, c.req.valid("param").id, c.req.valid("json")) }), 200))
  .openapi(deleteRoute, async (c) => {
    await deleteExpenditure({ ctx: serviceContext(c), input: versionedDelete(c, c.req.valid("param").id) });
    return c.body(null, 204);
  });
