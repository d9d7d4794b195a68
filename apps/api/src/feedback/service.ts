// The public feedback form: a participant without an account reads the form and answers it by the
// token of its link; staff turn a consented comment into a quote. Answers are anonymous: no person,
// no address and no name is stored with them.
import type { Prisma, PrismaClient } from "@vep/db";
import {
  ConflictError,
  DEFAULT_FEEDBACK_QUESTIONS,
  FEEDBACK_ANSWER_FIELDS,
  isFeedbackQuestionKey,
  NotFoundError,
  msg,
  RuleViolationError,
  type PublicFeedbackAnswer,
  type PublicFeedbackForm,
  type QuoteFromResponseInput,
} from "@vep/domain";
import { hashToken, TOKEN_PATTERN } from "../auth/tokens.js";
import { recordAudit } from "../http/audit.js";
import type { ServiceContext } from "../http/context.js";
import { fromDateColumn } from "../http/dates.js";
import { insertQuote } from "../people/quotes/service.js";

export interface PublicFeedbackContext {
  db: PrismaClient;
}

const formSelect = {
  id: true,
  title: true,
  questions: true,
  opensAt: true,
  closesAt: true,
  activity: { select: { id: true, title: true, titleTranslations: true, countryId: true, startDate: true, endDate: true } },
} satisfies Prisma.FeedbackFormSelect;
type FormRow = Prisma.FeedbackFormGetPayload<{ select: typeof formSelect }>;

/** Why a form reached by its token cannot be answered now. */
export type Unavailable = { state: "not-open-yet"; opensAt: Date } | { state: "closed"; closedAt: Date };
type FormByToken = { state: "open"; form: FormRow } | Unavailable;

/** An unknown token and one that could never be a token get the same 404, so neither tells anything. */
async function formByToken(ctx: PublicFeedbackContext, token: string): Promise<FormByToken> {
  if (!TOKEN_PATTERN.test(token)) throw new NotFoundError("Feedback form");
  const form = await ctx.db.feedbackForm.findUnique({ where: { tokenHash: hashToken(token) }, select: formSelect });
  if (!form) throw new NotFoundError("Feedback form");
  const now = new Date();
  if (form.opensAt && form.opensAt > now) return { state: "not-open-yet", opensAt: form.opensAt };
  if (form.closesAt && form.closesAt <= now) return { state: "closed", closedAt: form.closesAt };
  return { state: "open", form };
}

/** Regions of the activity's country in force on any day of it (Kazakhstan's changed in 2022). */
function regionsOf(db: Prisma.TransactionClient, activity: FormRow["activity"]) {
  return db.region.findMany({
    where: { countryId: activity.countryId, validFrom: { lte: activity.endDate }, OR: [{ validTo: null }, { validTo: { gte: activity.startDate } }] },
    // Russian alphabetical order (http/search.ts).
    orderBy: { nameKey: "asc" },
    select: { id: true, code: true, name: true, nameTranslations: true },
  });
}

/**
 * The questions a participant can answer: those stored in one of the response's columns. A form made
 * before the default template existed has none, and gets the template.
 */
function answerableQuestions(stored: Prisma.JsonValue): PublicFeedbackForm["questions"] {
  const questions = Array.isArray(stored) ? (stored as { key: string; label: string }[]) : [];
  const answerable = questions.filter((q) => isFeedbackQuestionKey(q.key));
  return (answerable.length > 0 ? answerable : DEFAULT_FEEDBACK_QUESTIONS).map((q) => {
    const key = q.key as keyof typeof FEEDBACK_ANSWER_FIELDS;
    // The kind follows the column the answer goes to, whatever the stored question says.
    return { key, label: q.label, kind: FEEDBACK_ANSWER_FIELDS[key].kind };
  });
}

export async function getPublicFeedbackForm({ ctx, input }: { ctx: PublicFeedbackContext; input: { token: string } }): Promise<Unavailable | { state: "shown"; form: PublicFeedbackForm }> {
  const found = await formByToken(ctx, input.token);
  if (found.state !== "open") return found;
  const { form } = found;
  const regions = await regionsOf(ctx.db, form.activity);
  return {
    state: "shown",
    form: {
      title: form.title,
      activity: {
        title: form.activity.title,
        titleTranslations: form.activity.titleTranslations as Record<string, string>,
        startDate: fromDateColumn(form.activity.startDate),
        endDate: fromDateColumn(form.activity.endDate),
      },
      questions: answerableQuestions(form.questions),
      closesAt: form.closesAt?.toISOString() ?? null,
      regions: regions.map((r) => ({ ...r, nameTranslations: r.nameTranslations as Record<string, string> })),
    },
  };
}

/** Whether the form may be answered now; the route throttles between this and `submitFeedback`. */
export const openFeedbackForm = ({ ctx, input }: { ctx: PublicFeedbackContext; input: { token: string } }) => formByToken(ctx, input.token);

export async function submitFeedback({ ctx, input }: { ctx: PublicFeedbackContext; input: { form: FormRow; answer: PublicFeedbackAnswer } }): Promise<{ id: string }> {
  const { form, answer } = input;
  return ctx.db.$transaction(async (tx) => {
    if (answer.respondentRegionId !== undefined) {
      const offered = await regionsOf(tx, form.activity);
      if (!offered.some((r) => r.id === answer.respondentRegionId)) {
        throw new RuleViolationError(msg("feedback.regionNotOffered"), { "body.respondentRegionId": msg("feedback.regionNotOfferedField") });
      }
    }
    const row = await tx.feedbackResponse.create({ data: { ...answer, activityId: form.activity.id, formId: form.id } });
    // No actor and no address: the trail says that an anonymous answer arrived, not from where. The
    // free text is redacted by recordAudit.
    await recordAudit(tx, { actorId: null, action: "feedbackResponse.submit", entityType: "FeedbackResponse", entityId: row.id, after: row });
    return { id: row.id };
  });
}

/** Staff make a quote of a response's comment; the quote checks the consent the response records. */
export async function quoteFeedbackResponse({ ctx, input }: { ctx: ServiceContext; input: { id: string } & QuoteFromResponseInput }) {
  return ctx.db.$transaction(async (tx) => {
    // Lock the response, so that two clicks on "Use as quote" cannot both find it unquoted.
    await tx.$queryRaw`SELECT id FROM "FeedbackResponse" WHERE id = ${input.id} FOR UPDATE`;
    const response = await tx.feedbackResponse.findUnique({
      where: { id: input.id },
      select: { activityId: true, comments: true, language: true, consentToAttribution: true, _count: { select: { quotes: true } } },
    });
    if (!response) throw new NotFoundError("Feedback response");
    if (response._count.quotes > 0) throw new ConflictError(msg("feedback.alreadyQuoted"));
    if (!response.comments) throw new RuleViolationError(msg("feedback.nothingToQuote"), { "param.id": msg("feedback.noCommentToQuote") });
    return insertQuote(tx, ctx, {
      activityId: response.activityId,
      feedbackResponseId: input.id,
      personId: null,
      text: response.comments,
      textTranslations: {},
      originalLanguage: response.language,
      // The quote records the response's consent; insertQuote refuses it when there is no consent to quote.
      consentToQuote: true,
      consentToAttribution: response.consentToAttribution,
      attribution: input.attribution,
    });
  });
}
