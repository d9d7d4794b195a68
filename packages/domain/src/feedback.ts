// The public feedback form: the default questionnaire, what a participant without an account sees by
// the form's token, and what they may send back. Shared by the API and the dashboard's public page.
import { z } from "zod";
import { IdSchema } from "./common.js";
import { consentProblems, FeedbackQuestionKindSchema, text } from "./participants.js";
import { SexSchema } from "./public.js";

/**
 * Where each answerable question is stored: a FeedbackResponse has one column per question of the
 * template, so a question is answerable only when its key names one of these.
 */
export const FEEDBACK_ANSWER_FIELDS = {
  relevance: { field: "ratingRelevance", kind: "RATING" },
  usefulness: { field: "ratingUsefulness", kind: "RATING" },
  trainers: { field: "ratingTrainers", kind: "RATING" },
  organisation: { field: "ratingOrganisation", kind: "RATING" },
  knowledge_before: { field: "knowledgeBefore", kind: "RATING" },
  knowledge_after: { field: "knowledgeAfter", kind: "RATING" },
  will_apply: { field: "willApply", kind: "TEXT" },
  comments: { field: "comments", kind: "TEXT" },
  consent_to_quote: { field: "consentToQuote", kind: "YES_NO" },
  consent_to_attribution: { field: "consentToAttribution", kind: "YES_NO" },
} as const;
export type FeedbackQuestionKey = keyof typeof FEEDBACK_ANSWER_FIELDS;

export function isFeedbackQuestionKey(key: string): key is FeedbackQuestionKey {
  return Object.hasOwn(FEEDBACK_ANSWER_FIELDS, key);
}

/** The questionnaire a form gets when it is made without questions. English; the dashboard translates by key. */
export const DEFAULT_FEEDBACK_QUESTIONS: { key: FeedbackQuestionKey; label: string; kind: "RATING" | "TEXT" | "YES_NO" }[] = [
  { key: "relevance", label: "How relevant was the activity to your work?", kind: "RATING" },
  { key: "usefulness", label: "How useful was what you learned?", kind: "RATING" },
  { key: "trainers", label: "How would you rate the trainers?", kind: "RATING" },
  { key: "organisation", label: "How well was the activity organised?", kind: "RATING" },
  { key: "knowledge_before", label: "Your knowledge of the subject before the activity", kind: "RATING" },
  { key: "knowledge_after", label: "Your knowledge of the subject after the activity", kind: "RATING" },
  { key: "will_apply", label: "What will you apply in your work?", kind: "TEXT" },
  { key: "comments", label: "Any other comments", kind: "TEXT" },
  { key: "consent_to_quote", label: "My comments may be quoted, without my name, in programme reports", kind: "YES_NO" },
  { key: "consent_to_attribution", label: "My name may be shown with the quote", kind: "YES_NO" },
];

/** The answers on a 1–5 scale: the four ratings and knowledge before and after. */
export const FEEDBACK_SCALE_FIELDS = ["ratingRelevance", "ratingUsefulness", "ratingTrainers", "ratingOrganisation", "knowledgeBefore", "knowledgeAfter"] as const;

/** Most characters the public form accepts in "what will you apply" and in the comments. */
export const FEEDBACK_TEXT_LIMITS = { willApply: 2000, comments: 4000 } as const;
export const FEEDBACK_LANGUAGES = ["ru", "en", "kk"] as const;

const scale = z.number().int().min(1).max(5).optional();

/** What a participant sends. Anonymous: there is no field for who they are. */
export const PublicFeedbackAnswerSchema = z
  .strictObject({
    ratingRelevance: scale,
    ratingUsefulness: scale,
    ratingTrainers: scale,
    ratingOrganisation: scale,
    knowledgeBefore: scale,
    knowledgeAfter: scale,
    willApply: text(FEEDBACK_TEXT_LIMITS.willApply, { multiline: true }).optional(),
    comments: text(FEEDBACK_TEXT_LIMITS.comments, { multiline: true }).optional(),
    consentToQuote: z.boolean().default(false),
    consentToAttribution: z.boolean().default(false).describe("Consent to be named with a quote; needs consentToQuote"),
    respondentSex: SexSchema.optional(),
    respondentRegionId: IdSchema.optional().describe("One of the regions the form offers"),
    language: z.enum(FEEDBACK_LANGUAGES).describe("The language the participant answered in"),
  })
  .superRefine((answer, ctx) => {
    for (const [field, message] of Object.entries(consentProblems(answer))) ctx.addIssue({ code: "custom", path: [field], message });
  })
  .meta({ id: "PublicFeedbackAnswer" });
export type PublicFeedbackAnswer = z.infer<typeof PublicFeedbackAnswerSchema>;

const isoTimestamp = z.string().meta({ description: "ISO 8601 timestamp, UTC" });
const translations = z.record(z.string(), z.string());

/** What the public page needs to show the form; nothing about who else answered. */
export const PublicFeedbackFormSchema = z
  .object({
    title: z.string(),
    activity: z.object({ title: z.string(), titleTranslations: translations, startDate: z.string(), endDate: z.string() }),
    questions: z.array(z.object({ key: z.enum(Object.keys(FEEDBACK_ANSWER_FIELDS) as [FeedbackQuestionKey, ...FeedbackQuestionKey[]]), label: z.string(), kind: FeedbackQuestionKindSchema })),
    closesAt: isoTimestamp.nullable(),
    regions: z.array(z.object({ id: IdSchema, code: z.string(), name: z.string(), nameTranslations: translations })).describe("Regions in force during the activity, for the optional region question"),
  })
  .meta({ id: "PublicFeedbackForm" });
export type PublicFeedbackForm = z.infer<typeof PublicFeedbackFormSchema>;

export const PublicFeedbackReceiptSchema = z.object({ id: IdSchema }).meta({ id: "PublicFeedbackReceipt" });

/** Staff turn a response's comment into a quote; a name only where the response consents to attribution. */
export const QuoteFromResponseInputSchema = z
  .strictObject({
    attribution: text(300).nullable().default(null).describe('How the speaker is named, e.g. "Roman Telenkov, press officer"; only with consent to attribution'),
  })
  .meta({ id: "QuoteFromResponseInput" });
export type QuoteFromResponseInput = z.infer<typeof QuoteFromResponseInputSchema>;
