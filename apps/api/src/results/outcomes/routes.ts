import { createRoute, z } from "@hono/zod-openapi";
import { OutcomeDetailSchema, OutcomeInputSchema, OutcomeSchema, OutcomeUpdateSchema, PageQuerySchema, pageOf } from "@vep/domain";
import { expectedVersion } from "../../http/concurrency.js";
import { serviceContext } from "../../http/context.js";
import { sortParam } from "../../http/pagination.js";
import { bearerAuth, newRouter } from "../../http/router.js";
import { conflict, deleteByIdRoute, getByIdRoute, json, refusals, updateByIdRoute, versioned } from "../shared.js";
import { createOutcome, deleteOutcome, getOutcome, listOutcomes, updateOutcome } from "./service.js";

const tags = ["Results framework"];

const listRoute = createRoute({
  method: "get",
  path: "/",
  tags,
  security: bearerAuth,
  summary: "Outcomes (a donor sees those of the programmes it co-funds)",
  request: {
    query: PageQuerySchema.extend({ programmeId: z.uuid().optional(), sort: sortParam(["code", "position", "createdAt"], "code") }),
  },
  responses: { 200: { description: "A page of outcomes", content: json(pageOf(OutcomeSchema)) }, ...refusals },
});

const createOutcomeRoute = createRoute({
  method: "post",
  path: "/",
  tags,
  security: bearerAuth,
  summary: "Add an outcome to a programme",
  request: { body: { required: true, content: json(OutcomeInputSchema) } },
  responses: { 201: { description: "Created", content: json(OutcomeSchema) }, ...conflict("Code taken in the programme"), ...refusals },
});

export const outcomeRoutes = newRouter()
  .openapi(listRoute, async (c) => c.json(await listOutcomes({ ctx: serviceContext(c), input: c.req.valid("query") }), 200))
  .openapi(getByIdRoute(tags, "outcome", OutcomeDetailSchema), async (c) => {
    const outcome = await getOutcome({ ctx: serviceContext(c), input: c.req.valid("param") });
    c.header("ETag", `"${outcome.version}"`);
    return c.json(outcome, 200);
  })
  .openapi(createOutcomeRoute, async (c) => c.json(await createOutcome({ ctx: serviceContext(c), input: c.req.valid("json") }), 201))
  .openapi(updateByIdRoute(tags, "outcome", OutcomeUpdateSchema, OutcomeSchema), async (c) =>
    c.json(await updateOutcome({ ctx: serviceContext(c), input: versioned(c.req.valid("param").id, c.req.header("if-match"), c.req.valid("json")) }), 200),
  )
  .openapi(deleteByIdRoute(tags, "outcome", "Remove an outcome without outputs or indicators"), async (c) => {
    await deleteOutcome({ ctx: serviceContext(c), input: { id: c.req.valid("param").id, version: expectedVersion(c.req.header("if-match"), undefined) } });
    return c.body(null, 204);
  });
