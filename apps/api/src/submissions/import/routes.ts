// Uploads are the file itself as the request body (text/csv or the .xlsx type), streamed into the
// reader; what to make of it travels in the query. Larger than JSON bodies: see IMPORT_BODY_BYTES.
import { createRoute, z } from "@hono/zod-openapi";
import { ImportPreviewSchema, ImportQuerySchema, ImportResultSchema } from "@vep/domain";
import type { Context } from "hono";
import { serviceContext } from "../../http/context.js";
import { IdempotencyHeaders } from "../../http/idempotency.js";
import { conflict, IdParam, notFound, refusals } from "../../http/openapi.js";
import { bearerAuth, newRouter, type AppEnv } from "../../http/router.js";
import { importParticipants, previewImport, type Upload } from "./service.js";

const tags = ["Submissions"];
const file = z.string().meta({ format: "binary" });
const upload = {
  required: true,
  content: {
    "text/csv": { schema: file },
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: file },
  },
  description: "The spreadsheet as it is (CSV in UTF-8, UTF-16 or Windows-1251; or .xlsx)",
};

function uploadOf(c: Context<AppEnv>): Upload {
  // Node's web streams are async-iterable; the DOM typings do not say so.
  const body = c.req.raw.body as AsyncIterable<Uint8Array> | null;
  return { body: body ?? (async function* () {})(), contentType: c.req.header("content-type") };
}

const previewRoute = createRoute({
  method: "post",
  path: "/activities/{id}/participant-imports/preview",
  tags,
  security: bearerAuth,
  summary: "Read a participant list and show what an import would do, row by row; writes nothing",
  request: { params: IdParam, query: ImportQuerySchema, body: upload },
  responses: { 200: { description: "The preview", content: { "application/json": { schema: ImportPreviewSchema } } }, ...notFound, ...refusals },
});

const importRoute = createRoute({
  method: "post",
  path: "/activities/{id}/participant-imports",
  tags,
  security: bearerAuth,
  summary: "Import a participant list into the activity's open submission: every row or none (field-level problems by row)",
  request: { params: IdParam, query: ImportQuerySchema, headers: IdempotencyHeaders, body: upload },
  responses: {
    201: { description: "Imported (or the first answer again, for a repeated Idempotency-Key)", content: { "application/json": { schema: ImportResultSchema } } },
    ...notFound,
    ...conflict("The list is under review, or the Idempotency-Key was used for another request"),
    ...refusals,
  },
});

export const importRoutes = newRouter()
  .openapi(previewRoute, async (c) => c.json(await previewImport(serviceContext(c), c.req.valid("param").id, c.req.valid("query"), uploadOf(c)), 200))
  .openapi(importRoute, async (c) => {
    const result = await importParticipants(serviceContext(c), c.req.valid("param").id, c.req.valid("query"), uploadOf(c), c.req.valid("header")["idempotency-key"]);
    if (result.replayed) c.header("Idempotent-Replayed", "true");
    return c.json(result.body, 201);
  });
