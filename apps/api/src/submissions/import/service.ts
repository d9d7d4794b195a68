// Importing a participant list into an activity's open submission: preview (nothing written) and
// import (all rows or none, in one transaction, one audit event, replayable with an Idempotency-Key).
import { createHash } from "node:crypto";
import type { Prisma } from "@vep/db";
import { ConflictError, delimiterOf, NotFoundError, parseMapping, RuleViolationError, type ImportPreview, type ImportQuery, type ImportResult } from "@vep/domain";
import { recordAudit } from "../../http/audit.js";
import type { ServiceContext } from "../../http/context.js";
import { idempotent, type IdempotentResult } from "../../http/idempotency.js";
import { activityScope } from "../../people/scope.js";
import { insertRows, rowKeysByName } from "../rows.js";
import { getSubmission, openSubmissionFor } from "../service.js";
import { analyseImport, type AnalyseOptions, type ImportTarget } from "./analyse.js";
import type { SheetFormat } from "./sheet.js";

/** Imports run in one transaction; 100,000 rows take seconds, not Prisma's default five. */
export const IMPORT_TRANSACTION = { timeout: 120_000, maxWait: 30_000 } as const;
/** The problems a refused import names in its answer (all of them are counted in its detail). */
const PROBLEMS_IN_REFUSAL = 1000;

const XLSX_TYPES = ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/octet-stream"];

/** CSV or XLSX: said outright, or by the file's extension, or by the content type. */
function formatOf(query: ImportQuery, contentType: string | undefined): SheetFormat {
  if (query.format) return query.format;
  const extension = /\.([a-z0-9]+)$/i.exec(query.fileName ?? "")?.[1]?.toLowerCase();
  if (extension === "xlsx" || extension === "csv" || extension === "txt") return extension === "xlsx" ? "xlsx" : "csv";
  if (extension === "xls") throw new RuleViolationError("Old Excel format", { "query.fileName": "Files in the old Excel format (.xls) cannot be read: save the sheet as .xlsx or CSV." });
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  return XLSX_TYPES.includes(type) ? "xlsx" : "csv";
}

function analyseOptions(query: ImportQuery, contentType: string | undefined): AnalyseOptions {
  let mapping: AnalyseOptions["mapping"];
  if (query.mapping !== undefined) {
    const parsed = parseMapping(query.mapping);
    if ("problem" in parsed) throw new RuleViolationError("Invalid column mapping", { "query.mapping": parsed.problem });
    mapping = parsed;
  }
  return {
    format: formatOf(query, contentType),
    encoding: query.encoding,
    delimiter: query.delimiter ? delimiterOf(query.delimiter) : undefined,
    sheet: query.sheet,
    headerRow: query.headerRow,
    mapping,
  };
}

/** The activity in the caller's scope and the organisation the list is for. */
async function importTarget(ctx: ServiceContext, activityId: string, organisationId: string | undefined): Promise<ImportTarget> {
  const activity = await ctx.db.activity.findFirst({
    where: { AND: [{ id: activityId }, activityScope(ctx)] },
    select: { id: true, startDate: true, countryId: true, partners: { select: { organisationId: true } } },
  });
  if (!activity) throw new NotFoundError("Activity");
  const isPartner = ctx.scope === "own-organisation";
  const forOrganisation = isPartner ? ctx.user.organisationId : organisationId;
  if (!forOrganisation) {
    throw new RuleViolationError("Whose list is it?", { "query.organisationId": "Name the partner organisation the list comes from." });
  }
  if (!activity.partners.some((p) => p.organisationId === forOrganisation)) {
    throw new RuleViolationError("Not a partner of the activity", { "query.organisationId": "This organisation is not a partner of the activity." });
  }
  const departments = await ctx.db.organisation.findMany({ where: { parentId: forOrganisation }, select: { id: true } });
  return {
    activity: { id: activity.id, startDate: activity.startDate, countryId: activity.countryId },
    organisationId: forOrganisation,
    ownOrganisationIds: [forOrganisation, ...departments.map((d) => d.id)],
    seesOtherOrganisations: !isPartner,
  };
}

export interface Upload {
  body: AsyncIterable<Uint8Array>;
  contentType: string | undefined;
}

export async function previewImport(ctx: ServiceContext, activityId: string, query: ImportQuery, upload: Upload): Promise<ImportPreview> {
  const options = analyseOptions(query, upload.contentType);
  const target = await importTarget(ctx, activityId, query.organisationId);
  return (await analyseImport(ctx.db, target, upload.body, options)).preview;
}

/** A refused import names each problem as `rows.<row>.<field>` (or `file`, `columns.<field>`). */
function refusal(problemCount: number, preview: ImportPreview, problems: { row: number; field: string | null; message: string }[]): RuleViolationError {
  const fields: Record<string, string> = {};
  for (const [field, message] of Object.entries(preview.mappingProblems)) fields[`columns.${field}`] = message;
  for (const p of problems.slice(0, PROBLEMS_IN_REFUSAL)) {
    const key = p.row === 0 ? "file" : `rows.${p.row}.${p.field ?? "row"}`;
    fields[key] = fields[key] ? `${fields[key]} ${p.message}` : p.message;
  }
  const rows = preview.counts.invalid;
  const detail =
    rows > 0
      ? `${rows} row${rows === 1 ? " has" : "s have"} problems; nothing was imported. Correct them and upload the file again.`
      : "The file cannot be read as a participant list; nothing was imported.";
  return new RuleViolationError(detail, fields);
}

export async function importParticipants(
  ctx: ServiceContext,
  activityId: string,
  query: ImportQuery,
  upload: Upload,
  idempotencyKey: string | undefined,
): Promise<IdempotentResult<ImportResult>> {
  const options = analyseOptions(query, upload.contentType);
  const target = await importTarget(ctx, activityId, query.organisationId);
  const analysis = await analyseImport(ctx.db, target, upload.body, options);
  if (analysis.problemCount > 0) throw refusal(analysis.problemCount, analysis.preview, analysis.problems);
  if (analysis.valid.row.length === 0) throw new RuleViolationError("No participants in the file; nothing was imported.", { file: "The file holds no participant rows below the header." });

  const { info } = analysis;
  const fileName = query.fileName ?? null;
  const requestHash = createHash("sha256").update(JSON.stringify({ activityId, organisationId: target.organisationId, sha256: info.sha256, options })).digest("hex");

  return idempotent(
    ctx.db,
    { userId: ctx.user.id, key: idempotencyKey, requestHash },
    async (tx) => {
      const { submissionId, revision } = await openRevisionForImport(tx, ctx, target);
      const previousKeys = revision > 1 ? await rowKeysByName(tx, submissionId, revision - 1) : new Map<string, string>();
      await tx.submissionRow.deleteMany({ where: { submissionId, revision } });
      await insertRows(
        tx,
        submissionId,
        revision,
        analysis.valid.row.map((row, i) => ({ rowNumber: analysis.valid.rowNumber[i]!, rowKey: previousKeys.get(row.normalisedName) ?? null, row })),
      );
      const rows = analysis.valid.row.length;
      await tx.submissionRevision.update({ where: { submissionId_number: { submissionId, number: revision } }, data: { rowCount: rows, fileName, fileSha256: info.sha256 } });
      await tx.submission.update({ where: { id: submissionId }, data: { version: { increment: 1 } } });
      const meta = { rows, skipped: analysis.preview.counts.skipped, warnings: analysis.preview.warnings.length, fileName, fileSha256: info.sha256, bytes: info.bytes, format: info.format, encoding: info.encoding, revision };
      await tx.submissionEvent.create({ data: { submissionId, revision, action: "IMPORTED", actorId: ctx.user.id, meta } });
      await recordAudit(tx, { actorId: ctx.user.id, action: "submission.import", entityType: "Submission", entityId: submissionId, meta, ipAddress: ctx.clientAddress });
      const submission = await getSubmission({ ctx: { ...ctx, db: tx as typeof ctx.db }, input: { id: submissionId } });
      return { status: 201 as const, body: { submission, imported: { rows, revision, fileSha256: info.sha256 } } };
    },
    IMPORT_TRANSACTION,
  );
}

/**
 * The revision an import fills: the open one of the activity's list from this organisation, or the
 * first revision of a new list. A list under review takes no import until it is returned; an approved
 * list is locked, so a new import starts a new list.
 */
async function openRevisionForImport(tx: Prisma.TransactionClient, ctx: ServiceContext, target: ImportTarget): Promise<{ submissionId: string; revision: number }> {
  const open = await openSubmissionFor(tx, target.activity.id, target.organisationId);
  if (open?.status === "SUBMITTED") {
    throw new ConflictError("This activity's participant list from the organisation is under review: wait until it is approved or returned.");
  }
  if (open) return { submissionId: open.id, revision: open.currentRevision };
  const created = await tx.submission.create({
    data: { kind: "PARTICIPANT_LIST", activityId: target.activity.id, organisationId: target.organisationId, revisions: { create: { number: 1 } } },
    select: { id: true },
  });
  await recordAudit(tx, { actorId: ctx.user.id, action: "submission.create", entityType: "Submission", entityId: created.id, ipAddress: ctx.clientAddress });
  return { submissionId: created.id, revision: 1 };
}
