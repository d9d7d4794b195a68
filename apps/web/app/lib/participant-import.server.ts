// The import form's server side (participant lists and paper feedback alike), shared by the partner's and the staff's import pages and by the
// upload endpoint the browser posts to when it can show progress: reads the uploaded file and the
// user's choices, sends the file to the API, and says what came back.
import { randomUUID } from "node:crypto";
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import type { Role } from "@vep/domain";
import { notFound, postSheetImport, type AnyImportPreview } from "../api.server";
import { getSessionToken } from "../session.server";
import { requireUser } from "./auth.server";
import { importFormValues, importQuery, importRefusal, submissionPath, type ImportFormValues, type ImportRefusal, type SheetKind } from "./submissions";

/** The API takes files up to 50 MB (a 100,000-row list is about 10 MB as CSV). */
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/** What the form shows after a post; every answer but "imported" carries a fresh Idempotency-Key for the next try. */
export type ImportFormResult =
  | { kind: "imported"; redirectTo: string }
  | { kind: "preview"; preview: AnyImportPreview; values: ImportFormValues; idempotencyKey: string }
  | { kind: "refused"; refusal: ImportRefusal; detail: string | null; values: ImportFormValues; idempotencyKey: string }
  | { kind: "conflict"; detail: string | null; values: ImportFormValues; idempotencyKey: string }
  | { kind: "noFile" | "tooLarge"; values: ImportFormValues | null; idempotencyKey: string };

export async function runImportForm(request: Request, context: { clientAddress?: string | undefined }, activityId: string, roles: readonly Role[], sheet: SheetKind): Promise<ImportFormResult> {
  const { user, locale } = await requireUser(request, context, roles);
  const token = await getSessionToken(request);
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { kind: "tooLarge", values: null, idempotencyKey: randomUUID() };
    throw error;
  }
  const values = importFormValues(form);
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0 || !("name" in file) || typeof file.name !== "string") return { kind: "noFile", values, idempotencyKey: randomUUID() };

  const query = importQuery(values, file.name);
  const options = { request, locale, token, clientAddress: context.clientAddress };
  const next = { values, idempotencyKey: randomUUID() };
  if (values.intent === "import") {
    const answer = await postSheetImport({ ...options, idempotencyKey: values.idempotencyKey || undefined }, activityId, sheet, "import", file, query);
    if ("body" in answer) return { kind: "imported", redirectTo: submissionPath(user.role, answer.body.submission.id) };
    if (answer.status === 400) return { kind: "refused", refusal: importRefusal(answer.errors), detail: answer.detail, ...next };
    if (answer.status === 404) notFound("activity");
    return { kind: "conflict", detail: answer.detail, ...next };
  }
  const answer = await postSheetImport(options, activityId, sheet, "preview", file, query);
  if ("body" in answer) return { kind: "preview", preview: answer.body, ...next };
  if (answer.status === 400) return { kind: "refused", refusal: importRefusal(answer.errors), detail: answer.detail, ...next };
  if (answer.status === 404) notFound("activity");
  return { kind: "conflict", detail: answer.detail, ...next };
}

/** The Idempotency-Key of a page's first import: one per form shown, so a double click imports once. */
export function newIdempotencyKey(): string {
  return randomUUID();
}

/** The status the import pages answer a form post with (a redirect follows an import). */
export function importStatus(result: Exclude<ImportFormResult, { kind: "imported" }>): 200 | 400 | 409 {
  return result.kind === "preview" ? 200 : result.kind === "conflict" ? 409 : 400;
}
