import { z } from "@hono/zod-openapi";
import { ExpenditureInputSchema, ExpenditureSchema, ExpenditureUpdateSchema, MoneyDateRangeQuerySchema, PageQuerySchema, moneyDateRangeInOrder, pageOf } from "@vep/domain";
import { serviceContext } from "../../http/context.js";
import { deleteRoute, getRoute, listRoute, patchRoute, postRoute, versionedChanges, versionedDelete, withETag } from "../../http/openapi.js";
import { sortParam } from "../../http/pagination.js";
import { newRouter } from "../../http/router.js";
import { type ExpenditureSort, createExpenditure, deleteExpenditure, getExpenditure, listExpenditures, updateExpenditure } from "./service.js";

const tags = ["Expenditure"];

const ExpenditureQuery = PageQuerySchema.extend({
  programmeId: z.uuid().optional(),
  activityId: z.uuid().optional(),
  ...MoneyDateRangeQuerySchema.shape,
  sort: sortParam<ExpenditureSort["field"]>(["spentOn", "amountMinor", "createdAt"], "-spentOn"),
})
  .superRefine(moneyDateRangeInOrder)
  .describe("`from`/`to` bound the date spent");

export const expenditureRoutes = newRouter()
  .openapi(listRoute(tags, "Expenditure (a donor sees that of the programmes it co-funds)", ExpenditureQuery, pageOf(ExpenditureSchema)), async (c) =>
    c.json(await listExpenditures({ ctx: serviceContext(c), input: c.req.valid("query") }), 200),
  )
  .openapi(getRoute(tags, "One expenditure", ExpenditureSchema), async (c) =>
    c.json(withETag(c, await getExpenditure({ ctx: serviceContext(c), input: c.req.valid("param") })), 200),
  )
  .openapi(postRoute(tags, "Record money spent (STAFF, ADMIN); the activity, if named, must be the programme's", ExpenditureInputSchema, ExpenditureSchema), async (c) =>
    c.json(await createExpenditure({ ctx: serviceContext(c), input: c.req.valid("json") }), 201),
  )
  .openapi(patchRoute(tags, "Change an expenditure (STAFF, ADMIN)", ExpenditureUpdateSchema, ExpenditureSchema), async (c) =>
    c.json(await updateExpenditure({ ctx: serviceContext(c), input: versionedChanges(c, c.req.valid("param").id, c.req.valid("json")) }), 200),
  )
  .openapi(deleteRoute(tags, "Remove an expenditure (STAFF, ADMIN)"), async (c) => {
    await deleteExpenditure({ ctx: serviceContext(c), input: versionedDelete(c, c.req.valid("param").id) });
    return c.body(null, 204);
  });
