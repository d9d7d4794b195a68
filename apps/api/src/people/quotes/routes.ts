import { z } from "@hono/zod-openapi";
import { PageQuerySchema, pageOf, QuoteInputSchema, QuoteSchema, QuoteUpdateSchema } from "@vep/domain";
import { serviceContext } from "../../http/context.js";
import { deleteRoute, listRoute, patchRoute, postRoute, versionedChanges, versionedDelete } from "../../http/openapi.js";
import { newRouter } from "../../http/router.js";
import { createQuote, deleteQuote, listQuotes, updateQuote } from "./service.js";

const tags = ["Quotes"];

export const quoteRoutes = newRouter()
  .openapi(listRoute(tags, "Quotes (a partner: those of its activities)", PageQuerySchema.extend({ activityId: z.uuid().optional() }), pageOf(QuoteSchema)), async (c) => c.json(await listQuotes({ ctx: serviceContext(c), input: c.req.valid("query") }), 200))
  .openapi(postRoute(tags, "Record a quote (STAFF, ADMIN): needs consent to quote; a name needs consent to attribution", QuoteInputSchema, QuoteSchema), async (c) => c.json(await createQuote({ ctx: serviceContext(c), input: c.req.valid("json") }), 201))
  .openapi(patchRoute(tags, "Change a quote (STAFF, ADMIN)", QuoteUpdateSchema, QuoteSchema, { stale: "Changed by someone else since it was read" }), async (c) => {
    const input = versionedChanges(c, c.req.valid("param").id, c.req.valid("json"));
    return c.json(await updateQuote({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(deleteRoute(tags, "Remove a quote (STAFF, ADMIN)", { stale: "Changed by someone else since it was read" }), async (c) => {
    await deleteQuote({ ctx: serviceContext(c), input: versionedDelete(c, c.req.valid("param").id) });
    return c.body(null, 204);
  });
