// Reading partner submissions: STAFF and ADMIN all of them, a PARTNER its own organisation's.
import type { Prisma } from "@vep/db";
import { NotFoundError, type Submission } from "@vep/domain";
import type { ServiceContext } from "../http/context.js";
import { keyset } from "../http/pagination.js";

function submissionScope(ctx: ServiceContext): Prisma.SubmissionWhereInput {
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
  activity: { select: { id: true, title: true } },
  organisation: { select: { id: true, name: true } },
  // Only the current revision: its row count and when it was sent.
  revisions: { orderBy: { number: "desc" }, take: 1, select: { rows: true, submittedAt: true } },
} satisfies Prisma.SubmissionSelect;

function toSubmission(row: Prisma.SubmissionGetPayload<{ select: typeof select }>): Submission {
  const current = row.revisions[0];
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    activity: row.activity,
    organisation: row.organisation,
    revision: row.currentRevision,
    rows: Array.isArray(current?.rows) ? current.rows.length : 0,
    submittedAt: current?.submittedAt?.toISOString() ?? null,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    reviewerComment: row.reviewerComment,
    updatedAt: row.updatedAt.toISOString(),
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
