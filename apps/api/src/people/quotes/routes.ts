import { createRoute, z } from "@hono/zod-openapi";
import { PageQuerySchema, pageOf, QuoteInputSchema, QuoteSchema, QuoteUpdateSchema } from "@vep/domain";
import { expectedVersion } from "../../http/concurrency.js";
import { serviceContext } from "../../http/context.js";
import { bearerAuth, newRouter } from "../../http/router.js";
import { conflict, IdParam, json, notFound, refusals } from "../openapi.js";
import { createQuote, deleteQuote, listQuotes, updateQuote } from "./service.js";

const tags = ["Quotes"];

const listRoute = createRoute({
  method: "get",
  path: "/",
  tags,
  security: bearerAuth,
  summary: "Quotes (a partner: those of its activities)",
  request: { query: PageQuerySchema.extend({ activityId: z.uuid().optional() }) },
  responses: { 200: { description: "A page of quotes", content: json(pageOf(QuoteSchema)) }, ...refusals },
});

const createQuoteRoute = createRoute({
  method: "post",
  path: "/",
  tags,
  security: bearerAuth,
  summary: "Record a quote (STAFF, ADMIN): needs consent to quote; a name needs consent to attribution",
  request: { body: { required: true, content: json(QuoteInputSchema) } },
  responses: { 201: { description: "Created", content: json(QuoteSchema) }, ...refusals },
});

const updateRoute = createRoute({
  method: "patch",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "Change a quote (STAFF, ADMIN); needs the version read, in the body or If-Match",
  request: { params: IdParam, body: { required: true, content: json(QuoteUpdateSchema) } },
  responses: { 200: { description: "Updated", content: json(QuoteSchema) }, ...notFound, ...conflict("Changed by someone else since it was read"), ...refusals },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "Remove a quote (STAFF, ADMIN); needs If-Match with the version read",
  request: { params: IdParam },
  responses: { 204: { description: "Deleted" }, ...notFound, ...conflict("Changed by someone else since it was read"), ...refusals },
});

export const quoteRoutes = newRouter()
  .openapi(listRoute, async (c) => c.json(await listQuotes({ ctx: serviceContext(c), input: c.req.valid("query") }), 200))
  .openapi(createQuoteRoute, async (c) => c.json(await createQuote({ ctx: serviceContext(c), input: c.req.valid("json") }), 201))
  .openapi(updateRoute, async (c) => {
    const { version, ...changes } = c.req.valid("json");
    const input = { id: c.req.valid("param").id, version: expectedVersion(c.req.header("if-match"), version), changes };
    return c.json(await updateQuote({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(deleteRoute, async (c) => {
    await deleteQuote({ ctx: serviceContext(c), input: { id: c.req.valid("param").id, version: expectedVersion(c.req.header("if-match"), undefined) } });
    return c.body(null, 204);
  });
