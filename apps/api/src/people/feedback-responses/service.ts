// Feedback responses: what participants said about an activity. Here staff enter paper forms; the
// public form and partners' batches write them too. Ratings count even after a person is erased.
import type { Prisma } from "@vep/db";
import { ConflictError, NotFoundError, RuleViolationError, type FeedbackResponse, type FeedbackResponseInput, msg, type MessageText } from "@vep/domain";
import { recordAudit } from "../../http/audit.js";
import type { ServiceContext } from "../../http/context.js";
import { keyset, type Sort } from "../../http/pagination.js";
import { ensureReferencesExist, feedbackResponseScope, iso, withoutFreeText } from "../scope.js";

export type FeedbackResponseSort = Sort<"submittedAt" | "createdAt">;
const FREE_TEXT = ["willApply", "comments"] as const;

function toFeedbackResponse(row: Prisma.FeedbackResponseGetPayload<object>): FeedbackResponse {
  return {
    id: row.id,
    activityId: row.activityId,
    formId: row.formId,
    personId: row.personId,
    submissionId: row.submissionId,
    respondentSex: row.respondentSex,
    respondentRegionId: row.respondentRegionId,
    ratingRelevance: row.ratingRelevance,
    ratingUsefulness: row.ratingUsefulness,
    ratingTrainers: row.ratingTrainers,
    ratingOrganisation: row.ratingOrganisation,
    knowledgeBefore: row.knowledgeBefore,
    knowledgeAfter: row.knowledgeAfter,
    willApply: row.willApply,
    comments: row.comments,
    language: row.language,
    consentToQuote: row.consentToQuote,
    consentToAttribution: row.consentToAttribution,
    submittedAt: iso(row.submittedAt),
    createdAt: iso(row.createdAt),
  };
}

export async function listFeedbackResponses({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { activityId?: string | undefined; formId?: string | undefined; sort: FeedbackResponseSort; limit: number; cursor?: string | undefined };
}) {
  const page = keyset(input.sort, input.limit, input.cursor);
  const rows = await ctx.db.feedbackResponse.findMany({
    where: {
      AND: [feedbackResponseScope(ctx), input.activityId ? { activityId: input.activityId } : {}, input.formId ? { formId: input.formId } : {}, page.where],
    },
    orderBy: page.orderBy,
    take: page.take,
  });
  const { items, nextCursor } = page.page(rows);
  return { items: items.map(toFeedbackResponse), nextCursor };
}

export async function getFeedbackResponse({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  const row = await ctx.db.feedbackResponse.findFirst({ where: { AND: [{ id: input.id }, feedbackResponseScope(ctx)] } });
  if (!row) throw new NotFoundError("Feedback response");
  return toFeedbackResponse(row);
}

/** The form must be the activity's, and a named respondent enrolled in it, having not answered that form yet. */
async function checkRespondent(tx: Prisma.TransactionClient, input: FeedbackResponseInput) {
  const [form, person] = await Promise.all([
    input.formId ? tx.feedbackForm.findUnique({ where: { id: input.formId }, select: { activityId: true } }) : null,
    input.personId
      ? tx.person.findUnique({ where: { id: input.personId }, select: { sex: true, regionId: true, enrolments: { where: { activityId: input.activityId }, select: { id: true } } } })
      : null,
  ]);
  const problems: Record<string, MessageText> = {};
  if (form && form.activityId !== input.activityId) problems["body.formId"] = msg("people.formOfAnotherActivity");
  if (person && person.enrolments.length === 0) problems["body.personId"] = msg("people.notEnrolled");
  if (Object.keys(problems).length > 0) throw new RuleViolationError(msg("people.responseDoesNotFit"), problems);
  if (input.personId) {
    const earlier = await tx.feedbackResponse.findFirst({ where: { activityId: input.activityId, personId: input.personId, formId: input.formId }, select: { id: true } });
    if (earlier) throw new ConflictError(msg("people.alreadyAnswered", { id: earlier.id }));
  }
  return person;
}

export async function createFeedbackResponse({ ctx, input }: { ctx: ServiceContext; input: FeedbackResponseInput }) {
  return ctx.db.$transaction(async (tx) => {
    await ensureReferencesExist(tx, { activityId: input.activityId, formId: input.formId, personId: input.personId, respondentRegionId: input.respondentRegionId });
    const person = await checkRespondent(tx, input);
    const { submittedAt, ...fields } = input;
    const row = await tx.feedbackResponse.create({
      data: {
        ...fields,
        // Disaggregation by sex and region works even when the paper form left them out.
        respondentSex: fields.respondentSex ?? person?.sex ?? null,
        respondentRegionId: fields.respondentRegionId ?? person?.regionId ?? null,
        ...(submittedAt ? { submittedAt: new Date(submittedAt) } : {}),
      },
    });
    await recordAudit(tx, {
      actorId: ctx.user.id,
      action: "feedbackResponse.create",
      entityType: "FeedbackResponse",
      entityId: row.id,
      after: withoutFreeText(row, FREE_TEXT),
      ipAddress: ctx.clientAddress,
    });
    return toFeedbackResponse(row);
  });
}

export async function deleteFeedbackResponse({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  await ctx.db.$transaction(async (tx) => {
    const before = await tx.feedbackResponse.findUnique({ where: { id: input.id }, include: { _count: { select: { quotes: true } } } });
    if (!before) throw new NotFoundError("Feedback response");
    if (before._count.quotes > 0) throw new ConflictError(msg("people.responseHasQuotes", { count: before._count.quotes }));
    await tx.feedbackResponse.delete({ where: { id: input.id } });
    const { _count, ...response } = before;
    await recordAudit(tx, {
      actorId: ctx.user.id,
      action: "feedbackResponse.delete",
      entityType: "FeedbackResponse",
      entityId: input.id,
      before: withoutFreeText(response, FREE_TEXT),
      ipAddress: ctx.clientAddress,
    });
  });
}
