// Uploads are the file itself as the request body (text/csv or the .xlsx type), streamed into the
// reader; what to make of it travels in the query. Larger than JSON bodies: see IMPORT_BODY_BYTES.
import { createRoute, z } from "@hono/zod-openapi";
import { FeedbackImportPreviewSchema, ImportPreviewSchema, ImportQuerySchema, ImportResultSchema, type ImportResult } from "@vep/domain";
import type { Context } from "hono";
import { serviceContext } from "../../http/context.js";
import { IdempotencyHeaders, type IdempotentResult } from "../../http/idempotency.js";
import { conflict, IdParam, notFound, refusals } from "../../http/openapi.js";
import { bearerAuth, newRouter, type AppEnv } from "../../http/router.js";
import { importFeedback, importParticipants, previewFeedback, previewParticipants, type Upload } from "./service.js";

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
  return { body: body ?? (async function* () {})(), contentType: c.req.header("content-type"), language: c.var.language };
}

const IMPORTS = {
  participants: { path: "/activities/{id}/participant-imports", what: "a participant list", into: "the activity's open participant list" },
  feedback: { path: "/activities/{id}/feedback-imports", what: "paper feedback questionnaires typed into a sheet", into: "the activity's open feedback batch" },
} as const;

const previewRoute = <P extends string, T extends z.ZodType>(path: P, what: string, preview: T) =>
  createRoute({
    method: "post",
    path: `${path}/preview` as `${P}/preview`,
    tags,
    security: bearerAuth,
    summary: `Read ${what} and show what an import would do, row by row; writes nothing`,
    request: { params: IdParam, query: ImportQuerySchema, body: upload },
    responses: { 200: { description: "The preview", content: { "application/json": { schema: preview } } }, ...notFound, ...refusals },
  });

const importRoute = <P extends string>(path: P, what: string, into: string) =>
  createRoute({
    method: "post",
    path,
    tags,
    security: bearerAuth,
    summary: `Import ${what} into ${into}: every row or none (field-level problems by row)`,
    request: { params: IdParam, query: ImportQuerySchema, headers: IdempotencyHeaders, body: upload },
    responses: {
      201: { description: "Imported (or the first answer again, for a repeated Idempotency-Key)", content: { "application/json": { schema: ImportResultSchema } } },
      ...notFound,
      ...conflict("Under review, or the Idempotency-Key was used for another request"),
      ...refusals,
    },
  });

const { participants, feedback } = IMPORTS;

/** 201 with the import's answer; a replay for a repeated Idempotency-Key says so in a header. */
function created(c: Context<AppEnv>, result: IdempotentResult<ImportResult>) {
  if (result.replayed) c.header("Idempotent-Replayed", "true");
  return c.json(result.body, 201);
}

export const importRoutes = newRouter()
  .openapi(previewRoute(participants.path, participants.what, ImportPreviewSchema), async (c) =>
    c.json(await previewParticipants(serviceContext(c), c.req.valid("param").id, c.req.valid("query"), uploadOf(c)), 200),
  )
  .openapi(importRoute(participants.path, participants.what, participants.into), async (c) =>
    created(c, await importParticipants(serviceContext(c), c.req.valid("param").id, c.req.valid("query"), uploadOf(c), c.req.valid("header")["idempotency-key"])),
  )
  .openapi(previewRoute(feedback.path, feedback.what, FeedbackImportPreviewSchema), async (c) =>
    c.json(await previewFeedback(serviceContext(c), c.req.valid("param").id, c.req.valid("query"), uploadOf(c)), 200),
  )
  .openapi(importRoute(feedback.path, feedback.what, feedback.into), async (c) =>
    created(c, await importFeedback(serviceContext(c), c.req.valid("param").id, c.req.valid("query"), uploadOf(c), c.req.valid("header")["idempotency-key"])),
  );
