// Schemas of the people area (participants, enrolments, attendance, feedback, quotes), shared by the API and the dashboard.
import { z } from "zod";
import { IdSchema, translations, VersionReadSchema } from "./common.js";
import { english } from "./messages.js";
import { SexSchema } from "./public.js";

export const EnrolmentRoleSchema = z.enum(["PARTICIPANT", "OBSERVER"]);
export const FeedbackQuestionKindSchema = z.enum(["RATING", "TEXT", "YES_NO"]);

/** What an erased person's name becomes; their other personal fields become null. */
export const ERASED_PERSON_NAME = "Erased person";

const id = IdSchema;
const MARKUP = /<\s*[a-zA-Z/!?]/;
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F]/;
const CONTROL_CHARACTERS_BUT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Text people type: trimmed, limited, without markup (it ends up in PDFs, CSVs and the dashboard) and
 * without control characters (line breaks allowed in `multiline` texts).
 */
export function text(max: number, { multiline = false } = {}) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((v) => !MARKUP.test(v), english("text.noMarkup"))
    .refine((v) => !(multiline ? CONTROL_CHARACTERS_BUT_LINES : CONTROL_CHARACTERS).test(v), english("text.noControlCharacters"));
}

/** A person's name in any script: letters, spaces, dots, hyphens and apostrophes. */
const personName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^\p{L}[\p{L}\p{M}\s.'’-]*$/u, english("people.nameLetters"));
const language = z.string().regex(/^[a-z]{2}$/, english("people.languageCode"));
const timestamp = z.iso.datetime({ offset: true }).describe("ISO 8601 timestamp");
const rating = z.number().int().min(1).max(5).nullable();
const TextTranslationsSchema = translations(text(4000, { multiline: true }));

const isoTimestamp = z.string().meta({ description: "ISO 8601 timestamp, UTC" });

// ───────────── participants ─────────────

/** The editable fields, without defaults: an update changes only the fields it names. */
const ParticipantFields = z.strictObject({
  fullName: personName,
  sex: SexSchema,
  position: text(300).nullable(),
  organisationId: id.nullable(),
  regionId: id.nullable(),
  email: z.email().max(254).nullable(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ()-]{3,38}[0-9]$/, english("people.phone"))
    .nullable(),
});

export const ParticipantInputSchema = ParticipantFields.extend({
  position: ParticipantFields.shape.position.default(null),
  organisationId: ParticipantFields.shape.organisationId.default(null),
  regionId: ParticipantFields.shape.regionId.default(null),
  email: ParticipantFields.shape.email.default(null),
  phone: ParticipantFields.shape.phone.default(null),
  allowDuplicate: z.boolean().default(false).describe("Add the person even when one with the same name is already in the organisation"),
}).meta({ id: "ParticipantInput" });
export type ParticipantInput = z.infer<typeof ParticipantInputSchema>;

export const ParticipantUpdateSchema = ParticipantFields.partial()
  .extend({ version: VersionReadSchema })
  .meta({ id: "ParticipantUpdate" });
export type ParticipantUpdate = z.infer<typeof ParticipantUpdateSchema>;

export const ParticipantSchema = z
  .object({
    id,
    fullName: z.string(),
    sex: SexSchema,
    position: z.string().nullable(),
    organisationId: z.string().nullable(),
    regionId: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    erasedAt: isoTimestamp.nullable(),
    version: z.number().int(),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
  })
  .meta({ id: "Participant" });
export type Participant = z.infer<typeof ParticipantSchema>;

export const ParticipantDetailSchema = ParticipantSchema.extend({
  enrolments: z.array(
    z.object({
      id,
      activityId: z.string(),
      activityTitle: z.string(),
      role: EnrolmentRoleSchema,
      sessionsAttended: z.number().int(),
      sessionCount: z.number().int(),
      trained: z.boolean(),
    }),
  ),
}).meta({ id: "ParticipantDetail" });
export type ParticipantDetail = z.infer<typeof ParticipantDetailSchema>;

export const ErasureInputSchema = z.strictObject({ reason: text(2000, { multiline: true }) }).meta({ id: "ErasureInput" });
export type ErasureInput = z.infer<typeof ErasureInputSchema>;

export const ErasureResultSchema = z
  .object({
    erasureRequestId: id,
    personId: id,
    status: z.literal("COMPLETED"),
    processedAt: isoTimestamp,
    quotesUnattributed: z.number().int(),
    feedbackBlanked: z.number().int(),
  })
  .meta({ id: "ErasureResult" });
export type ErasureResult = z.infer<typeof ErasureResultSchema>;

// ───────────── enrolments and attendance ─────────────

export const EnrolmentInputSchema = z
  .strictObject({ personId: id, role: EnrolmentRoleSchema.default("PARTICIPANT") })
  .meta({ id: "EnrolmentInput" });
export type EnrolmentInput = z.infer<typeof EnrolmentInputSchema>;

/** A person as shown beside an enrolment or an attendance list. */
const PersonRefSchema = z.object({ id, fullName: z.string(), sex: SexSchema, organisationId: z.string().nullable(), regionId: z.string().nullable() });

export const EnrolmentSchema = z
  .object({
    id,
    activityId: z.string(),
    personId: z.string(),
    role: EnrolmentRoleSchema,
    submissionId: z.string().nullable(),
    person: PersonRefSchema,
    sessionsAttended: z.number().int(),
    version: z.number().int(),
    createdAt: isoTimestamp,
  })
  .meta({ id: "Enrolment" });
export type Enrolment = z.infer<typeof EnrolmentSchema>;

export const AttendanceInputSchema = z
  .strictObject({ personIds: z.array(id).max(1000) })
  .superRefine(({ personIds }, issue) => {
    const seen = new Set<string>();
    personIds.forEach((personId, index) => {
      if (seen.has(personId)) issue.addIssue({ code: "custom", path: ["personIds", index], message: english("schema.listedTwice") });
      seen.add(personId);
    });
  })
  .meta({ id: "AttendanceInput", description: "Everyone who attended the session; replaces the session's list." });
export type AttendanceInput = z.infer<typeof AttendanceInputSchema>;

export const AttendanceSchema = z
  .object({ sessionId: id, activityId: z.string(), count: z.number().int(), people: z.array(PersonRefSchema) })
  .meta({ id: "Attendance" });
export type Attendance = z.infer<typeof AttendanceSchema>;

// ───────────── feedback forms ─────────────

const FeedbackQuestionSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, english("people.questionKey")),
  label: text(500),
  kind: FeedbackQuestionKindSchema,
});

const FeedbackFormFields = z.strictObject({
  activityId: id,
  title: text(300),
  questions: z
    .array(FeedbackQuestionSchema)
    .max(50)
    .refine((qs) => new Set(qs.map((q) => q.key)).size === qs.length, english("people.questionKeysUnique")),
  opensAt: timestamp.nullable(),
  closesAt: timestamp.nullable(),
});

/** Problems with a form's window (opens before it closes), keyed by field; empty when fine. */
export function feedbackWindowProblems(window: { opensAt?: string | Date | null | undefined; closesAt?: string | Date | null | undefined }): Record<string, string> {
  if (!window.opensAt || !window.closesAt) return {};
  return new Date(window.opensAt) < new Date(window.closesAt) ? {} : { closesAt: english("people.closesAfterOpens") };
}

/** Turns a rule's problems into zod issues on the named fields, so that they come out as a 400 per field. */
function refineWith<T>(problems: (value: T) => Record<string, string>) {
  return (value: T, ctx: { addIssue(issue: { code: "custom"; path: string[]; message: string }): void }) => {
    for (const [field, message] of Object.entries(problems(value))) ctx.addIssue({ code: "custom", path: [field], message });
  };
}

export const FeedbackFormInputSchema = FeedbackFormFields.extend({
  questions: FeedbackFormFields.shape.questions.default([]),
  opensAt: FeedbackFormFields.shape.opensAt.default(null),
  closesAt: FeedbackFormFields.shape.closesAt.default(null),
})
  .superRefine(refineWith(feedbackWindowProblems))
  .meta({ id: "FeedbackFormInput" });
export type FeedbackFormInput = z.infer<typeof FeedbackFormInputSchema>;

/** A form stays with its activity; the window is checked against the stored values by the service. */
export const FeedbackFormUpdateSchema = FeedbackFormFields.omit({ activityId: true })
  .partial()
  .extend({ version: VersionReadSchema })
  .meta({ id: "FeedbackFormUpdate" });
export type FeedbackFormUpdate = z.infer<typeof FeedbackFormUpdateSchema>;

export const FeedbackFormSchema = z
  .object({
    id,
    activityId: z.string(),
    title: z.string(),
    questions: z.array(z.object({ key: z.string(), label: z.string(), kind: FeedbackQuestionKindSchema })),
    opensAt: isoTimestamp.nullable(),
    closesAt: isoTimestamp.nullable(),
    responseCount: z.number().int(),
    version: z.number().int(),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
  })
  .meta({ id: "FeedbackForm" });
export type FeedbackForm = z.infer<typeof FeedbackFormSchema>;

export const FeedbackFormCreatedSchema = FeedbackFormSchema.extend({
  token: z.string().describe("The public link's token. Shown this once: only its hash is kept."),
}).meta({ id: "FeedbackFormCreated" });
export type FeedbackFormCreated = z.infer<typeof FeedbackFormCreatedSchema>;

// ───────────── feedback responses and quotes ─────────────

/** Consent to attribution means little without consent to quote; a name needs consent to attribution. */
export function consentProblems(consent: { consentToQuote?: boolean | undefined; consentToAttribution?: boolean | undefined; attribution?: string | null | undefined }): Record<string, string> {
  const problems: Record<string, string> = {};
  if (consent.consentToAttribution && !consent.consentToQuote) problems.consentToAttribution = english("feedback.attributionNeedsQuote");
  if (consent.attribution && !consent.consentToAttribution) problems.attribution = english("feedback.nameNeedsAttribution");
  return problems;
}

export const FeedbackResponseInputSchema = z
  .strictObject({
    activityId: id,
    formId: id.nullable().default(null),
    personId: id.nullable().default(null).describe("The respondent, when known; their sex and region are taken from the record if not given"),
    respondentSex: SexSchema.nullable().default(null),
    respondentRegionId: id.nullable().default(null),
    ratingRelevance: rating.default(null),
    ratingUsefulness: rating.default(null),
    ratingTrainers: rating.default(null),
    ratingOrganisation: rating.default(null),
    knowledgeBefore: rating.default(null),
    knowledgeAfter: rating.default(null),
    willApply: text(4000, { multiline: true }).nullable().default(null),
    comments: text(4000, { multiline: true }).nullable().default(null),
    language: language.default("ru"),
    consentToQuote: z.boolean().default(false),
    consentToAttribution: z.boolean().default(false),
    submittedAt: timestamp.optional().describe("When the form was filled in; now when omitted"),
  })
  .superRefine(refineWith(consentProblems))
  .meta({ id: "FeedbackResponseInput" });
export type FeedbackResponseInput = z.infer<typeof FeedbackResponseInputSchema>;

export const FeedbackResponseSchema = z
  .object({
    id,
    activityId: z.string(),
    formId: z.string().nullable(),
    personId: z.string().nullable(),
    submissionId: z.string().nullable(),
    respondentSex: SexSchema.nullable(),
    respondentRegionId: z.string().nullable(),
    ratingRelevance: z.number().int().nullable(),
    ratingUsefulness: z.number().int().nullable(),
    ratingTrainers: z.number().int().nullable(),
    ratingOrganisation: z.number().int().nullable(),
    knowledgeBefore: z.number().int().nullable(),
    knowledgeAfter: z.number().int().nullable(),
    willApply: z.string().nullable(),
    comments: z.string().nullable(),
    language: z.string(),
    consentToQuote: z.boolean(),
    consentToAttribution: z.boolean(),
    submittedAt: isoTimestamp,
    createdAt: isoTimestamp,
  })
  .meta({ id: "FeedbackResponse" });
export type FeedbackResponse = z.infer<typeof FeedbackResponseSchema>;

const QuoteFields = z.strictObject({
  activityId: id,
  feedbackResponseId: id.nullable(),
  personId: id.nullable(),
  text: text(4000, { multiline: true }),
  textTranslations: TextTranslationsSchema,
  originalLanguage: language,
  consentToQuote: z.boolean(),
  consentToAttribution: z.boolean(),
  attribution: text(300).nullable().describe('How the speaker is named, e.g. "Roman Telenkov, press officer"'),
});

export const QuoteInputSchema = QuoteFields.extend({
  feedbackResponseId: QuoteFields.shape.feedbackResponseId.default(null),
  personId: QuoteFields.shape.personId.default(null),
  textTranslations: QuoteFields.shape.textTranslations.default({}),
  originalLanguage: QuoteFields.shape.originalLanguage.default("ru"),
  consentToAttribution: QuoteFields.shape.consentToAttribution.default(false),
  attribution: QuoteFields.shape.attribution.default(null),
})
  .superRefine((quote, ctx) => {
    if (!quote.consentToQuote) ctx.addIssue({ code: "custom", path: ["consentToQuote"], message: english("people.quoteConsentRequired") });
    refineWith(consentProblems)(quote, ctx);
  })
  .meta({ id: "QuoteInput" });
export type QuoteInput = z.infer<typeof QuoteInputSchema>;

/** A quote stays with its activity; consent is checked against the stored values by the service. */
export const QuoteUpdateSchema = QuoteFields.omit({ activityId: true })
  .partial()
  .extend({ version: VersionReadSchema })
  .meta({ id: "QuoteUpdate" });
export type QuoteUpdate = z.infer<typeof QuoteUpdateSchema>;

export const QuoteSchema = z
  .object({
    id,
    activityId: z.string(),
    feedbackResponseId: z.string().nullable(),
    personId: z.string().nullable(),
    text: z.string(),
    textTranslations: z.record(z.string(), z.string()),
    originalLanguage: z.string(),
    consentToQuote: z.boolean(),
    consentToAttribution: z.boolean(),
    attribution: z.string().nullable(),
    version: z.number().int(),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
  })
  .meta({ id: "Quote" });
export type Quote = z.infer<typeof QuoteSchema>;
