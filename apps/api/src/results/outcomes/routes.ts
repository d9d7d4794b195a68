import { z } from "@hono/zod-openapi";
import { OutcomeDetailSchema, OutcomeInputSchema, OutcomeSchema, OutcomeUpdateSchema, PageQuerySchema, pageOf } from "@vep/domain";
import { serviceContext } from "../../http/context.js";
import { deleteRoute, getRoute, listRoute, patchRoute, postRoute, versionedChanges, versionedDelete, withETag } from "../../http/openapi.js";
import { sortParam } from "../../http/pagination.js";
import { newRouter } from "../../http/router.js";
import { createOutcome, deleteOutcome, getOutcome, listOutcomes, updateOutcome } from "./service.js";

const tags = ["Results framework"];

const OutcomeQuery = PageQuerySchema.extend({ programmeId: z.uuid().optional(), sort: sortParam(["code", "position", "createdAt"], "code") });

export const outcomeRoutes = newRouter()
  .openapi(listRoute(tags, "Outcomes (a donor sees those of the programmes it co-funds)", OutcomeQuery, pageOf(OutcomeSchema)), async (c) => c.json(await listOutcomes({ ctx: serviceContext(c), input: c.req.valid("query") }), 200))
  .openapi(getRoute(tags, "One outcome", OutcomeDetailSchema), async (c) =>
    c.json(withETag(c, await getOutcome({ ctx: serviceContext(c), input: c.req.valid("param") })), 200))
  .openapi(postRoute(tags, "Add an outcome to a programme", OutcomeInputSchema, OutcomeSchema, "Code taken in the programme"), async (c) =>
    c.json(await createOutcome({ ctx: serviceContext(c), input: c.req.valid("json") }), 201))
  .openapi(patchRoute(tags, "Change an outcome", OutcomeUpdateSchema, OutcomeSchema), async (c) =>
    c.json(await updateOutcome({ ctx: serviceContext(c), input: versionedChanges(c, c.req.valid("param").id, c.req.valid("json")) }), 200),
  )
  .openapi(deleteRoute(tags, "Remove an outcome without outputs or indicators"), async (c) => {
    await deleteOutcome({ ctx: serviceContext(c), input: versionedDelete(c, c.req.valid("param").id) });
    return c.body(null, 204);
  });
