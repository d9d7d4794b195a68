// The review of a participant list: DRAFT → SUBMITTED → APPROVED, or → RETURNED → (fixed) → SUBMITTED.
// A return keeps the submitted revision as it was and opens the next one as its copy, so every
// resubmission is a new revision that diffs against the one before. Approval turns the rows into
// people and enrolments, which is the moment they start to count; an approved list is locked.
import type { Prisma } from "@vep/db";
import { ConflictError, msg, normalisePersonName, RuleViolationError, type RowEdit } from "@vep/domain";
import { recordAudit } from "../http/audit.js";
import { ensureUpdated } from "../http/concurrency.js";
import type { ServiceContext } from "../http/context.js";
import { notify } from "../notifications/service.js";
import { copyRows, materialiseRows } from "./rows.js";
import { getSubmission, submissionInScope } from "./service.js";

type Tx = Prisma.TransactionClient;
type SubmissionRecord = Awaited<ReturnType<typeof submissionInScope>>;

/** Approval writes a person and an enrolment per row: give a 100,000-row list the time it needs. */
const REVIEW_TRANSACTION = { timeout: 120_000, maxWait: 30_000 } as const;

/** Moves the submission on if nobody else did since the caller read it (409 otherwise). */
async function advance(tx: Tx, ctx: ServiceContext, submission: SubmissionRecord, version: number, data: Prisma.SubmissionUncheckedUpdateManyInput) {
  const { count } = await tx.submission.updateMany({ where: { id: submission.id, version }, data: { ...data, version: { increment: 1 } } });
  await ensureUpdated(count, async () => true, "Submission");
}

function refuseStatus(submission: SubmissionRecord, allowed: readonly string[], doing: "submitted" | "returned" | "approved" | "edited"): void {
  if (!allowed.includes(submission.status)) {
    const params = { status: msg(`submission.status.${submission.status}`), action: msg(`submission.action.${doing}`) };
    throw new ConflictError(submission.status === "APPROVED" ? msg("submission.refusedLocked", params) : msg("submission.refused", params));
  }
}

/** Who hears about a list: the partner organisation's users, or the staff who review. */
async function partnerUsers(tx: Tx, organisationId: string) {
  return (await tx.user.findMany({ where: { organisationId, role: "PARTNER", isActive: true }, select: { id: true } })).map((u) => u.id);
}
async function reviewers(tx: Tx) {
  return (await tx.user.findMany({ where: { role: "STAFF", isActive: true }, select: { id: true } })).map((u) => u.id);
}

async function noticeFor(tx: Tx, submission: SubmissionRecord) {
  const [activity, organisation] = await Promise.all([
    tx.activity.findUniqueOrThrow({ where: { id: submission.activityId }, select: { title: true } }),
    tx.organisation.findUniqueOrThrow({ where: { id: submission.organisationId }, select: { name: true } }),
  ]);
  return { submissionId: submission.id, activity: activity.title, organisation: organisation.name };
}

export async function submitSubmission(ctx: ServiceContext, id: string, input: { version: number; comment?: string | undefined }) {
  await ctx.db.$transaction(async (tx) => {
    const submission = await submissionInScope(tx, ctx, id);
    refuseStatus(submission, ["DRAFT", "RETURNED"], "submitted");
    const revision = await tx.submissionRevision.findUniqueOrThrow({ where: { submissionId_number: { submissionId: id, number: submission.currentRevision } } });
    if (revision.rowCount === 0) throw new RuleViolationError(msg("submission.empty"), { body: msg("submission.importFirst") });
    await advance(tx, ctx, submission, input.version, { status: "SUBMITTED" });
    await tx.submissionRevision.update({ where: { id: revision.id }, data: { submittedAt: new Date(), submittedById: ctx.user.id } });
    await tx.submissionEvent.create({ data: { submissionId: id, revision: revision.number, action: "SUBMITTED", actorId: ctx.user.id, comment: input.comment ?? null, meta: { rows: revision.rowCount } } });
    await recordAudit(tx, { actorId: ctx.user.id, action: "submission.submit", entityType: "Submission", entityId: id, meta: { revision: revision.number, rows: revision.rowCount }, ipAddress: ctx.clientAddress });
    await notify(tx, await reviewers(tx), "submission.submitted", { ...(await noticeFor(tx, submission)), revision: revision.number, comment: input.comment ?? null });
  });
  return getSubmission({ ctx, input: { id } });
}

export async function returnSubmission(
  ctx: ServiceContext,
  id: string,
  input: { version: number; comment?: string | undefined; rows: { rowNumber: number; field?: string | null | undefined; comment: string }[] },
) {
  await ctx.db.$transaction(async (tx) => {
    const submission = await submissionInScope(tx, ctx, id);
    refuseStatus(submission, ["SUBMITTED"], "returned");
    const revision = submission.currentRevision;
    const known = new Set(
      (await tx.submissionRow.findMany({ where: { submissionId: id, revision, rowNumber: { in: input.rows.map((r) => r.rowNumber) } }, select: { rowNumber: true } })).map((r) => r.rowNumber),
    );
    const missing = input.rows.map((r, i) => [i, r] as const).filter(([, r]) => !known.has(r.rowNumber));
    if (missing.length > 0) throw new RuleViolationError(msg("submission.rowsMissing"), Object.fromEntries(missing.map(([i, r]) => [`body.rows.${i}.rowNumber`, msg("submission.noRow", { row: r.rowNumber })])));

    const comment = input.comment ?? null;
    await advance(tx, ctx, submission, input.version, { status: "RETURNED", currentRevision: revision + 1, reviewedById: ctx.user.id, reviewedAt: new Date(), reviewerComment: comment });
    await tx.submissionComment.createMany({
      data: [
        ...(comment ? [{ submissionId: id, revision, rowNumber: null, field: null, comment, authorId: ctx.user.id }] : []),
        ...input.rows.map((r) => ({ submissionId: id, revision, rowNumber: r.rowNumber, field: r.field ?? null, comment: r.comment, authorId: ctx.user.id })),
      ],
    });
    // The partner fixes a copy; the returned revision stays as it was sent. (A feedback batch's responses
    // belong to the batch, not to a revision: a corrected file replaces them.)
    const previous = await tx.submissionRevision.findUniqueOrThrow({ where: { submissionId_number: { submissionId: id, number: revision } }, select: { fileName: true, fileSha256: true, rowCount: true } });
    if (submission.kind === "PARTICIPANT_LIST") await copyRows(tx, id, revision, revision + 1);
    await tx.submissionRevision.create({ data: { submissionId: id, number: revision + 1, ...previous } });
    await tx.submissionEvent.create({ data: { submissionId: id, revision, action: "RETURNED", actorId: ctx.user.id, comment, meta: { rowComments: input.rows.length } } });
    await recordAudit(tx, { actorId: ctx.user.id, action: "submission.return", entityType: "Submission", entityId: id, meta: { revision, rowComments: input.rows.length }, ipAddress: ctx.clientAddress });
    await notify(tx, await partnerUsers(tx, submission.organisationId), "submission.returned", { ...(await noticeFor(tx, submission)), revision, comment });
  }, REVIEW_TRANSACTION);
  return getSubmission({ ctx, input: { id } });
}

export async function approveSubmission(ctx: ServiceContext, id: string, input: { version: number; comment?: string | undefined }) {
  await ctx.db.$transaction(async (tx) => {
    const submission = await submissionInScope(tx, ctx, id);
    refuseStatus(submission, ["SUBMITTED"], "approved");
    const comment = input.comment ?? null;
    await advance(tx, ctx, submission, input.version, { status: "APPROVED", reviewedById: ctx.user.id, reviewedAt: new Date(), reviewerComment: comment });
    // A feedback batch's responses count from now on as they are; a list's rows become people first.
    const departments = await tx.organisation.findMany({ where: { parentId: submission.organisationId }, select: { id: true } });
    const result = submission.kind === "PARTICIPANT_LIST" ? await materialiseRows(tx, submission, submission.currentRevision, [submission.organisationId, ...departments.map((d) => d.id)]) : {};
    await tx.submissionEvent.create({ data: { submissionId: id, revision: submission.currentRevision, action: "APPROVED", actorId: ctx.user.id, comment, meta: { ...result } } });
    await recordAudit(tx, { actorId: ctx.user.id, action: "submission.approve", entityType: "Submission", entityId: id, meta: { revision: submission.currentRevision, ...result }, ipAddress: ctx.clientAddress });
    await notify(tx, await partnerUsers(tx, submission.organisationId), "submission.approved", { ...(await noticeFor(tx, submission)), revision: submission.currentRevision, comment });
  }, REVIEW_TRANSACTION);
  return getSubmission({ ctx, input: { id } });
}

// ── fixing single rows of the open revision ──

async function openRevisionRow(tx: Tx, ctx: ServiceContext, id: string, version: number, rowNumber: number) {
  const submission = await submissionInScope(tx, ctx, id);
  refuseStatus(submission, ["DRAFT", "RETURNED"], "edited");
  const row = await tx.submissionRow.findUnique({ where: { submissionId_revision_rowNumber: { submissionId: id, revision: submission.currentRevision, rowNumber } } });
  if (!row) throw new RuleViolationError(msg("submission.noSuchRow"), { "path.rowNumber": msg("submission.noRow", { row: rowNumber }) });
  await advance(tx, ctx, submission, version, {});
  return { submission, row };
}

async function regionValidFor(tx: Tx, activityId: string, regionId: string) {
  const activity = await tx.activity.findUniqueOrThrow({ where: { id: activityId }, select: { countryId: true, startDate: true } });
  const date = activity.startDate;
  const region = await tx.region.count({ where: { id: regionId, countryId: activity.countryId, validFrom: { lte: date }, OR: [{ validTo: null }, { validTo: { gt: date } }] } });
  if (region === 0) throw new RuleViolationError(msg("submission.notActivityRegion"), { "body.regionId": msg("submission.notActivityRegionField") });
}

export async function editSubmissionRow(ctx: ServiceContext, id: string, rowNumber: number, edit: RowEdit) {
  const { version, ...changes } = edit;
  await ctx.db.$transaction(async (tx) => {
    const { submission, row } = await openRevisionRow(tx, ctx, id, version, rowNumber);
    if (changes.regionId) await regionValidFor(tx, submission.activityId, changes.regionId);
    await tx.submissionRow.update({ where: { id: row.id }, data: { ...changes, ...(changes.fullName ? { normalisedName: normalisePersonName(changes.fullName) } : {}) } });
    await tx.submissionEvent.create({ data: { submissionId: id, revision: submission.currentRevision, action: "ROWS_EDITED", actorId: ctx.user.id, meta: { rowNumber, fields: Object.keys(changes) } } });
    await recordAudit(tx, { actorId: ctx.user.id, action: "submission.editRow", entityType: "Submission", entityId: id, meta: { revision: submission.currentRevision, rowNumber, fields: Object.keys(changes) }, ipAddress: ctx.clientAddress });
  });
  return getSubmission({ ctx, input: { id } });
}

export async function deleteSubmissionRow(ctx: ServiceContext, id: string, rowNumber: number, version: number) {
  await ctx.db.$transaction(async (tx) => {
    const { submission, row } = await openRevisionRow(tx, ctx, id, version, rowNumber);
    await tx.submissionRow.delete({ where: { id: row.id } });
    await tx.submissionRevision.update({ where: { submissionId_number: { submissionId: id, number: submission.currentRevision } }, data: { rowCount: { decrement: 1 } } });
    await tx.submissionEvent.create({ data: { submissionId: id, revision: submission.currentRevision, action: "ROWS_EDITED", actorId: ctx.user.id, meta: { rowNumber, removed: true } } });
    await recordAudit(tx, { actorId: ctx.user.id, action: "submission.removeRow", entityType: "Submission", entityId: id, meta: { revision: submission.currentRevision, rowNumber }, ipAddress: ctx.clientAddress });
  });
  return getSubmission({ ctx, input: { id } });
}
