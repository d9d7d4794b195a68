import { z } from "@hono/zod-openapi";
import { OutputInputSchema, OutputSchema, OutputUpdateSchema, PageQuerySchema, pageOf } from "@vep/domain";
import { serviceContext } from "../../http/context.js";
import { deleteRoute, getRoute, listRoute, patchRoute, postRoute, versionedChanges, versionedDelete, withETag } from "../../http/openapi.js";
import { sortParam } from "../../http/pagination.js";
import { newRouter } from "../../http/router.js";
import { createOutput, deleteOutput, getOutput, listOutputs, updateOutput } from "./service.js";

const tags = ["Results framework"];

const OutputQuery = PageQuerySchema.extend({
  outcomeId: z.uuid().optional(),
  programmeId: z.uuid().optional(),
  sort: sortParam(["code", "position", "createdAt"], "code"),
});

export const outputRoutes = newRouter()
  .openapi(listRoute(tags, "Outputs (a donor sees those of the programmes it co-funds)", OutputQuery, pageOf(OutputSchema)), async (c) => c.json(await listOutputs({ ctx: serviceContext(c), input: c.req.valid("query") }), 200))
  .openapi(getRoute(tags, "One output", OutputSchema), async (c) =>
    c.json(withETag(c, await getOutput({ ctx: serviceContext(c), input: c.req.valid("param") })), 200))
  .openapi(postRoute(tags, "Add an output under an outcome", OutputInputSchema, OutputSchema, "Code taken under the outcome"), async (c) =>
    c.json(await createOutput({ ctx: serviceContext(c), input: c.req.valid("json") }), 201))
  .openapi(patchRoute(tags, "Change an output", OutputUpdateSchema, OutputSchema), async (c) =>
    c.json(await updateOutput({ ctx: serviceContext(c), input: versionedChanges(c, c.req.valid("param").id, c.req.valid("json")) }), 200),
  )
  .openapi(deleteRoute(tags, "Remove an output nothing refers to"), async (c) => {
    await deleteOutput({ ctx: serviceContext(c), input: versionedDelete(c, c.req.valid("param").id) });
    return c.body(null, 204);
  });
