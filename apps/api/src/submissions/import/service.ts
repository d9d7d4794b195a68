// Importing a participant list into an activity's open submission: preview (nothing written) and
// import (all rows or none, in one transaction, one audit event, replayable with an Idempotency-Key).
// The import reads the sheet inside its transaction and writes valid rows a batch at a time, so that a
// list of any length never sits in memory whole.
import { createHash } from "node:crypto";
import { releaseQueryHistory, type Prisma } from "@vep/db";
import { ConflictError, delimiterOf, FEEDBACK_IMPORT_FIELDS, IMPORT_FIELDS, msg, NotFoundError, parseMapping, RuleViolationError, type FeedbackImportPreview, type FeedbackRow, type ImportPreview, type ParticipantRow, type ImportQuery, type ImportResult, type Language, type MessageText } from "@vep/domain";
import { recordAudit } from "../../http/audit.js";
import type { ServiceContext } from "../../http/context.js";
import { idempotent, type IdempotentResult } from "../../http/idempotency.js";
import { activityScope } from "../../people/scope.js";
import { insertRows, rowKeysByName } from "../rows.js";
import { getSubmission, openSubmissionFor } from "../service.js";
import { analyseFeedback, analyseParticipants, type AnalyseOptions, type Analysis, type BatchSink, type ImportTarget } from "./analyse.js";
import type { SheetFormat } from "./sheet.js";
import { spool } from "./spool.js";

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
  if (extension === "xls") throw new RuleViolationError(msg("import.oldExcel"), { "query.fileName": msg("import.oldExcelField") });
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  return XLSX_TYPES.includes(type) ? "xlsx" : "csv";
}

function analyseOptions<F extends string>(query: ImportQuery, contentType: string | undefined, fields: readonly F[], language: Language): AnalyseOptions<F> {
  let mapping: AnalyseOptions<F>["mapping"];
  if (query.mapping !== undefined) {
    const parsed = parseMapping(query.mapping, fields);
    if ("problem" in parsed) throw new RuleViolationError(msg("import.invalidMapping"), { "query.mapping": parsed.problem });
    mapping = parsed;
  }
  return {
    format: formatOf(query, contentType),
    encoding: query.encoding,
    delimiter: query.delimiter ? delimiterOf(query.delimiter) : undefined,
    sheet: query.sheet,
    headerRow: query.headerRow,
    mapping,
    language,
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
    throw new RuleViolationError(msg("import.whoseList"), { "query.organisationId": msg("import.nameOrganisation") });
  }
  if (!activity.partners.some((p) => p.organisationId === forOrganisation)) {
    throw new RuleViolationError(msg("import.notPartner"), { "query.organisationId": msg("import.notPartnerField") });
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
  /** The language the preview's and the refusal's row messages are written in. */
  language: Language;
}

export async function previewParticipants(ctx: ServiceContext, activityId: string, query: ImportQuery, upload: Upload): Promise<ImportPreview> {
  const options = analyseOptions(query, upload.contentType, IMPORT_FIELDS, upload.language);
  const target = await importTarget(ctx, activityId, query.organisationId);
  return (await analyseParticipants(ctx.db, target, upload.body, options)).preview;
}

export async function previewFeedback(ctx: ServiceContext, activityId: string, query: ImportQuery, upload: Upload): Promise<FeedbackImportPreview> {
  const options = analyseOptions(query, upload.contentType, FEEDBACK_IMPORT_FIELDS, upload.language);
  const target = await importTarget(ctx, activityId, query.organisationId);
  return (await analyseFeedback(ctx.db, target, upload.body, options)).preview;
}

type Counted = { counts: { invalid: number }; mappingProblems: Record<string, string> };

/** A refused import names each problem as `rows.<row>.<field>` (or `file`, `columns.<field>`). */
function refusal(preview: Counted, problems: { row: number; field: string | null; message: string }[]): RuleViolationError {
  // The row messages are already in the caller's language (the analysis renders them).
  const fields: Record<string, string> = {};
  for (const [field, message] of Object.entries(preview.mappingProblems)) fields[`columns.${field}`] = message;
  for (const p of problems.slice(0, PROBLEMS_IN_REFUSAL)) {
    const key = p.row === 0 ? "file" : `rows.${p.row}.${p.field ?? "row"}`;
    fields[key] = fields[key] ? `${fields[key]} ${p.message}` : p.message;
  }
  const rows = preview.counts.invalid;
  const detail: MessageText = rows > 0 ? msg("import.rowsHaveProblems", { rows }) : msg("import.unreadable");
  return new RuleViolationError(detail, fields);
}

interface Commit<P extends Counted, R> {
  kind: "PARTICIPANT_LIST" | "FEEDBACK_BATCH";
  /** Clears what the open revision held and answers how a batch of valid rows is written into it. */
  prepare(tx: Prisma.TransactionClient, submissionId: string, revision: number): Promise<BatchSink<R>>;
  /** Reads the sheet, writing each batch of valid rows with `write`. */
  analyse(tx: Prisma.TransactionClient, body: AsyncIterable<Uint8Array>, write: BatchSink<R>): Promise<Analysis<P>>;
}

/**
 * Writes a sheet into the open submission of its kind: all rows or none (a row with a problem refuses the
 * import and rolls back what was written), replayable by key.
 */
async function commit<P extends Counted, R>(ctx: ServiceContext, target: ImportTarget, query: ImportQuery, upload: Upload, idempotencyKey: string | undefined, { kind, prepare, analyse }: Commit<P, R>): Promise<IdempotentResult<ImportResult>> {
  const file = await spool(upload.body);
  try {
    const fileName = query.fileName ?? null;
    const requestHash = createHash("sha256").update(JSON.stringify({ kind, activityId: target.activity.id, organisationId: target.organisationId, sha256: file.sha256, query })).digest("hex");
    return await idempotent(
      ctx.db,
      { userId: ctx.user.id, key: idempotencyKey, requestHash },
      async (tx) => {
        const { submissionId, revision } = await openRevisionForImport(tx, ctx, target, kind);
        const write = await prepare(tx, submissionId, revision);
        const analysis = await analyse(tx, file.read(), async (batch, notices) => {
          await write(batch, notices);
          releaseQueryHistory(); // or the last hundred batches stay in memory
        });
        if (analysis.problemCount > 0) throw refusal(analysis.preview, analysis.problems);
        if (analysis.validRows === 0) throw new RuleViolationError(msg("import.nothing"), { file: msg("import.noRows") });
        const { info, validRows: rows } = analysis;
        await tx.submissionRevision.update({ where: { submissionId_number: { submissionId, number: revision } }, data: { rowCount: rows, fileName, fileSha256: info.sha256 } });
        await tx.submission.update({ where: { id: submissionId }, data: { version: { increment: 1 } } });
        const meta = { rows, fileName, fileSha256: info.sha256, bytes: info.bytes, format: info.format, encoding: info.encoding, revision };
        await tx.submissionEvent.create({ data: { submissionId, revision, action: "IMPORTED", actorId: ctx.user.id, meta } });
        await recordAudit(tx, { actorId: ctx.user.id, action: "submission.import", entityType: "Submission", entityId: submissionId, meta: { kind, ...meta }, ipAddress: ctx.clientAddress });
        const submission = await getSubmission({ ctx: { ...ctx, db: tx as typeof ctx.db }, input: { id: submissionId } });
        return { status: 201 as const, body: { submission, imported: { rows, revision, fileSha256: info.sha256 } } };
      },
      IMPORT_TRANSACTION,
    );
  } finally {
    await file.remove();
  }
}

export async function importParticipants(ctx: ServiceContext, activityId: string, query: ImportQuery, upload: Upload, idempotencyKey: string | undefined) {
  const options = analyseOptions(query, upload.contentType, IMPORT_FIELDS, upload.language);
  const target = await importTarget(ctx, activityId, query.organisationId);
  return commit<ImportPreview, ParticipantRow>(ctx, target, query, upload, idempotencyKey, {
    kind: "PARTICIPANT_LIST",
    async prepare(tx, submissionId, revision) {
      // A re-imported row keeps the key of the same person's row in the revision before, for the diff.
      const previousKeys = revision > 1 ? await rowKeysByName(tx, submissionId, revision - 1) : new Map<string, string>();
      await tx.submissionRow.deleteMany({ where: { submissionId, revision } });
      return (batch) => insertRows(tx, submissionId, revision, batch.row.map((row, i) => ({ rowNumber: batch.rowNumber[i]!, rowKey: previousKeys.get(row.normalisedName) ?? null, row })));
    },
    analyse: (tx, body, write) => analyseParticipants(tx, target, body, options, write),
  });
}

/** Paper questionnaires: responses tied to the batch, which count once it is approved. */
export async function importFeedback(ctx: ServiceContext, activityId: string, query: ImportQuery, upload: Upload, idempotencyKey: string | undefined) {
  const options = analyseOptions(query, upload.contentType, FEEDBACK_IMPORT_FIELDS, upload.language);
  const target = await importTarget(ctx, activityId, query.organisationId);
  return commit<FeedbackImportPreview, FeedbackRow>(ctx, target, query, upload, idempotencyKey, {
    kind: "FEEDBACK_BATCH",
    async prepare(tx, submissionId) {
      await tx.feedbackResponse.deleteMany({ where: { submissionId } });
      return async (batch) => void (await tx.feedbackResponse.createMany({ data: batch.row.map((row) => ({ ...row, activityId, submissionId, language: "ru" })) }));
    },
    analyse: (tx, body, write) => analyseFeedback(tx, target, body, options, write),
  });
}

/**
 * The revision an import fills: the open one of the activity's submission of this kind from this
 * organisation, or the first revision of a new one. A submission under review takes no import until it
 * is returned; an approved one is locked, so a new import starts a new one.
 */
async function openRevisionForImport(tx: Prisma.TransactionClient, ctx: ServiceContext, target: ImportTarget, kind: Commit<Counted, unknown>["kind"]): Promise<{ submissionId: string; revision: number }> {
  const open = await openSubmissionFor(tx, target.activity.id, target.organisationId, kind);
  if (open?.status === "SUBMITTED") {
    throw new ConflictError(msg("import.underReview"));
  }
  if (open) return { submissionId: open.id, revision: open.currentRevision };
  const created = await tx.submission.create({
    data: { kind, activityId: target.activity.id, organisationId: target.organisationId, revisions: { create: { number: 1 } } },
    select: { id: true },
  });
  await recordAudit(tx, { actorId: ctx.user.id, action: "submission.create", entityType: "Submission", entityId: created.id, meta: { kind }, ipAddress: ctx.clientAddress });
  return { submissionId: created.id, revision: 1 };
}
