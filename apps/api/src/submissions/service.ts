// Partner submissions as their readers see them: STAFF and ADMIN all of them, a PARTNER its own
// organisation's. The list, one submission, its rows, its history and what changed between revisions.
import type { Prisma } from "@vep/db";
import { msg, NotFoundError, RuleViolationError, type MessageText, type Submission, type SubmissionDiff, type SubmissionHistory, type SubmissionRowItem } from "@vep/domain";
import type { ServiceContext } from "../http/context.js";
import { keyset } from "../http/pagination.js";
import { diffRevisions } from "./rows.js";
import { texts } from "../results/shared.js";

export function submissionScope(ctx: ServiceContext): Prisma.SubmissionWhereInput {
  return ctx.scope === "own-organisation" ? { organisationId: ctx.user.organisationId ?? "none" } : {};
}

const select = {
  id: true,
  kind: true,
  status: true,
  currentRevision: true,
  reviewedAt: true,
  reviewerComment: true,
  updatedAt: true,
  version: true,
  activity: { select: { id: true, title: true, titleTranslations: true } },
  organisation: { select: { id: true, name: true, nameTranslations: true } },
  // Only the current revision: its row count and when it was sent.
  revisions: { orderBy: { number: "desc" }, take: 1, select: { rowCount: true, fileName: true, submittedAt: true } },
} satisfies Prisma.SubmissionSelect;

function toSubmission(row: Prisma.SubmissionGetPayload<{ select: typeof select }>): Submission {
  const current = row.revisions[0];
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    activity: { ...row.activity, titleTranslations: texts(row.activity.titleTranslations) },
    organisation: { ...row.organisation, nameTranslations: texts(row.organisation.nameTranslations) },
    revision: row.currentRevision,
    rows: current?.rowCount ?? 0,
    fileName: current?.fileName ?? null,
    editable: (row.status === "DRAFT" || row.status === "RETURNED") && !current?.submittedAt,
    submittedAt: current?.submittedAt?.toISOString() ?? null,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    reviewerComment: row.reviewerComment,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export async function listSubmissions({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { status?: Submission["status"] | undefined; kind?: Submission["kind"] | undefined; activityId?: string | undefined; limit: number; cursor?: string | undefined };
}) {
  const page = keyset({ field: "updatedAt", direction: "desc" }, input.limit, input.cursor);
  const rows = await ctx.db.submission.findMany({
    where: {
      AND: [
        submissionScope(ctx),
        input.status ? { status: input.status } : {},
        input.kind ? { kind: input.kind } : {},
        input.activityId ? { activityId: input.activityId } : {},
        page.where,
      ],
    },
    orderBy: page.orderBy,
    take: page.take,
    select,
  });
  const { items, nextCursor } = page.page(rows);
  return { items: items.map(toSubmission), nextCursor };
}

export async function getSubmission({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  const row = await ctx.db.submission.findFirst({ where: { AND: [{ id: input.id }, submissionScope(ctx)] }, select });
  if (!row) throw new NotFoundError("Submission");
  return toSubmission(row);
}

/** The submission in scope, or 404 (outside the caller's scope looks the same as absent). */
export async function submissionInScope(db: Prisma.TransactionClient, ctx: ServiceContext, id: string) {
  const row = await db.submission.findFirst({ where: { AND: [{ id }, submissionScope(ctx)] } });
  if (!row) throw new NotFoundError("Submission");
  return row;
}

/**
 * The submission of this kind, activity and organisation that is not yet approved, if any. Holds the activity's row
 * until the transaction ends, so that two imports at once cannot both start a new list.
 */
export async function openSubmissionFor(tx: Prisma.TransactionClient, activityId: string, organisationId: string, kind: Submission["kind"]) {
  await tx.$queryRaw`SELECT 1 FROM "Activity" WHERE "id" = ${activityId} FOR UPDATE`;
  return tx.submission.findFirst({ where: { activityId, organisationId, kind, status: { in: ["DRAFT", "SUBMITTED", "RETURNED"] } } });
}

export async function listSubmissionRows({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { id: string; revision?: number | undefined; commented?: "true" | "false" | undefined; limit: number; cursor?: string | undefined };
}) {
  const submission = await submissionInScope(ctx.db, ctx, input.id);
  const revision = input.revision ?? submission.currentRevision;
  if (revision > submission.currentRevision) throw new RuleViolationError(msg("submission.noSuchRevision"), { "query.revision": msg("submission.revisionCount", { count: submission.currentRevision }) });
  // Comments are made on a submitted revision; they follow the row (by its key) into later revisions.
  const comments = await ctx.db.submissionComment.findMany({ where: { submissionId: submission.id, rowNumber: { not: null }, revision: { lte: revision } }, orderBy: { createdAt: "asc" } });
  const commentedRows = comments.length === 0 ? [] : await ctx.db.submissionRow.findMany({
    where: { submissionId: submission.id, OR: comments.map((c) => ({ revision: c.revision, rowNumber: c.rowNumber! })) },
    select: { revision: true, rowNumber: true, rowKey: true },
  });
  const keyOf = new Map(commentedRows.map((r) => [`${r.revision}:${r.rowNumber}`, r.rowKey]));
  const commentsByKey = new Map<string, SubmissionRowItem["comments"]>();
  for (const c of comments) {
    const key = keyOf.get(`${c.revision}:${c.rowNumber}`);
    if (!key) continue;
    commentsByKey.set(key, [...(commentsByKey.get(key) ?? []), { revision: c.revision, field: c.field, comment: c.comment }]);
  }

  const page = keyset({ field: "rowNumber", direction: "asc" }, input.limit, input.cursor);
  const rows = await ctx.db.submissionRow.findMany({
    where: { AND: [{ submissionId: submission.id, revision }, input.commented === "true" ? { rowKey: { in: [...commentsByKey.keys()] } } : {}, page.where] },
    orderBy: page.orderBy,
    take: page.take,
    include: { region: { select: { id: true, name: true, nameTranslations: true } } },
  });
  const { items, nextCursor } = page.page(rows);
  return {
    items: items.map(
      (r): SubmissionRowItem => ({
        rowNumber: r.rowNumber,
        rowKey: r.rowKey,
        fullName: r.fullName,
        sex: r.sex,
        region: r.region ? { ...r.region, nameTranslations: texts(r.region.nameTranslations) } : null,
        position: r.position,
        email: r.email,
        phone: r.phone,
        role: r.role,
        comments: commentsByKey.get(r.rowKey) ?? [],
      }),
    ),
    nextCursor,
  };
}

export async function submissionHistory(ctx: ServiceContext, id: string): Promise<SubmissionHistory> {
  const submission = await submissionInScope(ctx.db, ctx, id);
  const [revisions, events, comments] = await Promise.all([
    ctx.db.submissionRevision.findMany({ where: { submissionId: submission.id }, orderBy: { number: "asc" }, include: { submittedBy: { select: { displayName: true } } } }),
    ctx.db.submissionEvent.findMany({ where: { submissionId: submission.id }, orderBy: { createdAt: "asc" }, include: { actor: { select: { displayName: true } } } }),
    ctx.db.submissionComment.findMany({ where: { submissionId: submission.id }, orderBy: [{ revision: "asc" }, { rowNumber: "asc" }], include: { author: { select: { displayName: true } } } }),
  ]);
  return {
    revisions: revisions.map((r) => ({ number: r.number, rows: r.rowCount, fileName: r.fileName, submittedAt: r.submittedAt?.toISOString() ?? null, submittedBy: r.submittedBy?.displayName ?? null })),
    events: events.map((e) => ({ action: e.action, revision: e.revision, actor: e.actor?.displayName ?? null, comment: e.comment, at: e.createdAt.toISOString(), meta: (e.meta ?? {}) as Record<string, unknown> })),
    comments: comments.map((c) => ({ revision: c.revision, rowNumber: c.rowNumber, field: c.field, comment: c.comment, author: c.author.displayName, at: c.createdAt.toISOString() })),
  };
}

const DIFF_ROWS_SHOWN = 500;

export async function submissionDiff(ctx: ServiceContext, id: string, input: { from?: number | undefined; to?: number | undefined }): Promise<SubmissionDiff> {
  const submission = await submissionInScope(ctx.db, ctx, id);
  const to = input.to ?? submission.currentRevision;
  const from = input.from ?? to - 1;
  const problems: Record<string, MessageText> = {};
  if (to > submission.currentRevision) problems["query.to"] = msg("submission.revisionCount", { count: submission.currentRevision });
  if (from < 1 || from >= to) problems["query.from"] = to === 1 && input.from === undefined ? msg("submission.firstRevision") : msg("submission.earlierRevision");
  if (Object.keys(problems).length > 0) throw new RuleViolationError(msg("submission.cannotCompare"), problems);
  const diff = await diffRevisions(ctx.db, submission.id, from, to);
  const brief = (r: { rowNumber: number; fullName: string | null }) => ({ rowNumber: r.rowNumber, fullName: r.fullName ?? "" });
  return {
    from,
    to,
    counts: { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length, unchanged: diff.unchanged },
    added: diff.added.slice(0, DIFF_ROWS_SHOWN).map(brief),
    removed: diff.removed.slice(0, DIFF_ROWS_SHOWN).map(brief),
    changed: diff.changed.slice(0, DIFF_ROWS_SHOWN).map((c) => ({ ...brief(c.after), fields: c.fields })),
  };
}
