import { createRoute, z } from "@hono/zod-openapi";
import { OutputInputSchema, OutputSchema, OutputUpdateSchema, PageQuerySchema, pageOf } from "@vep/domain";
import { expectedVersion } from "../../http/concurrency.js";
import { serviceContext } from "../../http/context.js";
import { sortParam } from "../../http/pagination.js";
import { bearerAuth, newRouter } from "../../http/router.js";
import { conflict, deleteByIdRoute, getByIdRoute, json, refusals, updateByIdRoute, versioned } from "../shared.js";
import { createOutput, deleteOutput, getOutput, listOutputs, updateOutput } from "./service.js";

const tags = ["Results framework"];

const listRoute = createRoute({
  method: "get",
  path: "/",
  tags,
  security: bearerAuth,
  summary: "Outputs (a donor sees those of the programmes it co-funds)",
  request: {
    query: PageQuerySchema.extend({
      outcomeId: z.uuid().optional(),
      programmeId: z.uuid().optional(),
      sort: sortParam(["code", "position", "createdAt"], "code"),
    }),
  },
  responses: { 200: { description: "A page of outputs", content: json(pageOf(OutputSchema)) }, ...refusals },
});

const createOutputRoute = createRoute({
  method: "post",
  path: "/",
  tags,
  security: bearerAuth,
  summary: "Add an output under an outcome",
  request: { body: { required: true, content: json(OutputInputSchema) } },
  responses: { 201: { description: "Created", content: json(OutputSchema) }, ...conflict("Code taken under the outcome"), ...refusals },
});

export const outputRoutes = newRouter()
  .openapi(listRoute, async (c) => c.json(await listOutputs({ ctx: serviceContext(c), input: c.req.valid("query") }), 200))
  .openapi(getByIdRoute(tags, "output", OutputSchema), async (c) => {
    const output = await getOutput({ ctx: serviceContext(c), input: c.req.valid("param") });
    c.header("ETag", `"${output.version}"`);
    return c.json(output, 200);
  })
  .openapi(createOutputRoute, async (c) => c.json(await createOutput({ ctx: serviceContext(c), input: c.req.valid("json") }), 201))
  .openapi(updateByIdRoute(tags, "output", OutputUpdateSchema, OutputSchema), async (c) =>
    c.json(await updateOutput({ ctx: serviceContext(c), input: versioned(c.req.valid("param").id, c.req.header("if-match"), c.req.valid("json")) }), 200),
  )
  .openapi(deleteByIdRoute(tags, "output", "Remove an output nothing refers to"), async (c) => {
    await deleteOutput({ ctx: serviceContext(c), input: { id: c.req.valid("param").id, version: expectedVersion(c.req.header("if-match"), undefined) } });
    return c.body(null, 204);
  });
