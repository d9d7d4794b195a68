// Feedback forms: an activity's questionnaire, reachable by the public through a random token whose
// SHA-256 alone is stored, so the link is shown once, when the form is made.
import { randomBytes } from "node:crypto";
import type { Prisma } from "@vep/db";
import { ConflictError, DEFAULT_FEEDBACK_QUESTIONS, feedbackWindowProblems, NotFoundError, type FeedbackForm, type FeedbackFormCreated, type FeedbackFormInput, type FeedbackFormUpdate, msg } from "@vep/domain";
import { hashToken } from "../../auth/tokens.js";
import { recordAudit } from "../../http/audit.js";
import { ensureUpdated } from "../../http/concurrency.js";
import type { ServiceContext } from "../../http/context.js";
import { keyset } from "../../http/pagination.js";
import { activityScope, ensureReferencesExist, iso, isoOrNull, refuseProblems } from "../scope.js";

const formInclude = { _count: { select: { responses: true } } } satisfies Prisma.FeedbackFormInclude;
type FormRow = Prisma.FeedbackFormGetPayload<{ include: typeof formInclude }>;

function toFeedbackForm(row: FormRow): FeedbackForm {
  return {
    id: row.id,
    activityId: row.activityId,
    title: row.title,
    questions: row.questions as FeedbackForm["questions"],
    opensAt: isoOrNull(row.opensAt),
    closesAt: isoOrNull(row.closesAt),
    responseCount: row._count.responses,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

const formScope = (ctx: ServiceContext): Prisma.FeedbackFormWhereInput => ({ activity: activityScope(ctx) });

export async function listFeedbackForms({ ctx, input }: { ctx: ServiceContext; input: { activityId?: string | undefined; limit: number; cursor?: string | undefined } }) {
  const page = keyset({ field: "createdAt", direction: "asc" }, input.limit, input.cursor);
  const rows = await ctx.db.feedbackForm.findMany({
    where: { AND: [formScope(ctx), input.activityId ? { activityId: input.activityId } : {}, page.where] },
    include: formInclude,
    orderBy: page.orderBy,
    take: page.take,
  });
  const { items, nextCursor } = page.page(rows);
  return { items: items.map(toFeedbackForm), nextCursor };
}

export async function getFeedbackForm({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  const row = await ctx.db.feedbackForm.findFirst({ where: { AND: [{ id: input.id }, formScope(ctx)] }, include: formInclude });
  if (!row) throw new NotFoundError("Feedback form");
  return toFeedbackForm(row);
}

export async function createFeedbackForm({ ctx, input }: { ctx: ServiceContext; input: FeedbackFormInput }): Promise<FeedbackFormCreated> {
  const token = randomBytes(32).toString("base64url");
  return ctx.db.$transaction(async (tx) => {
    await ensureReferencesExist(tx, { activityId: input.activityId });
    // A form without questions gets the default questionnaire, whose answers the response's columns hold.
    const questions = input.questions.length > 0 ? input.questions : DEFAULT_FEEDBACK_QUESTIONS;
    const row = await tx.feedbackForm.create({ data: { ...input, questions, tokenHash: hashToken(token) }, include: formInclude });
    await recordAudit(tx, { actorId: ctx.user.id, action: "feedbackForm.create", entityType: "FeedbackForm", entityId: row.id, after: row, ipAddress: ctx.clientAddress });
    return { ...toFeedbackForm(row), token };
  });
}

export async function updateFeedbackForm({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number; changes: Omit<FeedbackFormUpdate, "version"> } }) {
  const { changes } = input;
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.feedbackForm.findFirst({ where: { AND: [{ id: input.id }, formScope(ctx)] } });
    if (!before) throw new NotFoundError("Feedback form");
    refuseProblems(msg("people.formWindowOrder"), feedbackWindowProblems({ opensAt: changes.opensAt === undefined ? before.opensAt : changes.opensAt, closesAt: changes.closesAt === undefined ? before.closesAt : changes.closesAt }));
    const { count } = await tx.feedbackForm.updateMany({ where: { id: input.id, version: input.version }, data: { ...changes, version: { increment: 1 } } });
    await ensureUpdated(count, async () => true, "Feedback form");
    const after = await tx.feedbackForm.findUniqueOrThrow({ where: { id: input.id }, include: formInclude });
    await recordAudit(tx, { actorId: ctx.user.id, action: "feedbackForm.update", entityType: "FeedbackForm", entityId: input.id, before, after, ipAddress: ctx.clientAddress });
    return toFeedbackForm(after);
  });
}

export async function deleteFeedbackForm({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number } }) {
  await ctx.db.$transaction(async (tx) => {
    const before = await tx.feedbackForm.findFirst({ where: { AND: [{ id: input.id }, formScope(ctx)] }, include: formInclude });
    if (!before) throw new NotFoundError("Feedback form");
    if (before._count.responses > 0) throw new ConflictError(msg("people.formHasResponses", { count: before._count.responses }));
    const { count } = await tx.feedbackForm.deleteMany({ where: { id: input.id, version: input.version } });
    await ensureUpdated(count, async () => true, "Feedback form");
    const { _count, ...form } = before;
    await recordAudit(tx, { actorId: ctx.user.id, action: "feedbackForm.delete", entityType: "FeedbackForm", entityId: input.id, before: form, ipAddress: ctx.clientAddress });
  });
}
