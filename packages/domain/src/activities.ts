// Schemas of the activities area (request and response bodies), shared by the API and the dashboard:
// activities with their links, sessions, trainers.
import { z } from "zod";
import { english } from "./messages.js";
import { CalendarDateSchema, IdSchema, LanguageCodeSchema, TranslationsSchema, VersionReadSchema } from "./common.js";
import { ActivityStatusSchema, ActivityTypeSchema, CellSchema, ModalitySchema, PartnerRoleSchema, SexSchema } from "./public.js";

const id = IdSchema;
const version = VersionReadSchema;

/** A calendar date (`@db.Date` columns). */
export const IsoDateSchema = CalendarDateSchema.refine((d) => d >= "1990-01-01" && d <= "2100-12-31", english("activities.dateBetween"));
/** An instant with its offset, e.g. 2020-05-13T10:00:00+06:00. */
export const IsoDateTimeSchema = z.iso
  .datetime({ offset: true, message: english("activities.timestampFormat") })
  .refine((t) => t.slice(0, 4) >= "1990" && t.slice(0, 4) <= "2100", english("activities.timestampBetween"));

const distinct = (values: readonly string[]) => new Set(values).size === values.length;
const idList = (max: number) => z.array(id).max(max).refine(distinct, english("schema.idListedTwice"));

const endNotBeforeStart = {
  check: (v: { startDate?: string | undefined; endDate?: string | undefined }) => !v.startDate || !v.endDate || v.startDate <= v.endDate,
  issue: { path: ["endDate"], message: english("schema.notBeforeStartDate") },
};

// ───────────────────────────── activities ─────────────────────────────

export const ActivityPartnerInputSchema = z.strictObject({ organisationId: id, role: PartnerRoleSchema });

/** The editable fields, without defaults: an update changes only the fields it names. */
const ActivityFields = z.strictObject({
  programmeId: id,
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.\/-]{0,49}$/, english("activities.codeFormat"))
    .nullable(),
  type: ActivityTypeSchema,
  modality: ModalitySchema,
  title: z.string().trim().min(1).max(300),
  titleTranslations: TranslationsSchema,
  description: z.string().trim().max(5000),
  descriptionTranslations: TranslationsSchema,
  objectives: z.string().trim().max(5000),
  objectivesTranslations: TranslationsSchema,
  originalLanguage: LanguageCodeSchema,
  topics: z.array(z.string().trim().min(1).max(200)).max(30),
  countryId: id,
  startDate: IsoDateSchema,
  endDate: IsoDateSchema,
  completionSharePercent: z.number().int().min(1).max(100),
  status: ActivityStatusSchema,
  /** Regions of the activity's country, in force during its dates. */
  regionIds: idList(100),
  /** Outputs of the activity's programme that it serves. */
  outputIds: idList(50),
  /** Donors that fund it; each must contribute to the activity's programme. */
  donorIds: idList(20),
  partners: z
    .array(ActivityPartnerInputSchema)
    .max(20)
    .refine((ps) => distinct(ps.map((p) => p.organisationId)), english("activities.organisationListedTwice")),
});

export const ActivityInputSchema = ActivityFields.extend({
  code: ActivityFields.shape.code.default(null),
  titleTranslations: ActivityFields.shape.titleTranslations.default({}),
  description: ActivityFields.shape.description.default(""),
  descriptionTranslations: ActivityFields.shape.descriptionTranslations.default({}),
  objectives: ActivityFields.shape.objectives.default(""),
  objectivesTranslations: ActivityFields.shape.objectivesTranslations.default({}),
  originalLanguage: ActivityFields.shape.originalLanguage.default("en"),
  topics: ActivityFields.shape.topics.default([]),
  completionSharePercent: ActivityFields.shape.completionSharePercent.default(70),
  status: ActivityFields.shape.status.default("PLANNED"),
  regionIds: ActivityFields.shape.regionIds.default([]),
  outputIds: ActivityFields.shape.outputIds.default([]),
  donorIds: ActivityFields.shape.donorIds.default([]),
  partners: ActivityFields.shape.partners.default([]),
})
  .refine(endNotBeforeStart.check, endNotBeforeStart.issue)
  .meta({ id: "ActivityInput" });
export type ActivityInput = z.infer<typeof ActivityInputSchema>;

/** Arrays given replace the activity's current ones; arrays left out stay as they are. */
export const ActivityUpdateSchema = ActivityFields.partial()
  .extend({ version })
  .refine(endNotBeforeStart.check, endNotBeforeStart.issue)
  .meta({ id: "ActivityUpdate" });
export type ActivityUpdate = z.infer<typeof ActivityUpdateSchema>;

const translations = z.record(z.string(), z.string());
// Names come with their translations ({ "ru": "…" }) so that pages can show them in the reader's language.
const Ref = z.object({ id: z.string(), code: z.string(), name: z.string(), nameTranslations: translations.optional() });

export const ActivitySummarySchema = z
  .object({
    id: z.string(),
    programmeId: z.string(),
    code: z.string().nullable(),
    type: ActivityTypeSchema,
    modality: ModalitySchema,
    status: ActivityStatusSchema,
    title: z.string(),
    titleTranslations: translations,
    topics: z.array(z.string()),
    country: Ref,
    startDate: z.string(),
    endDate: z.string(),
    completionSharePercent: z.number().int(),
    sessionCount: z.number().int(),
    /** Counted participants (no submission, or an APPROVED one); a donor's view suppresses counts under 3. */
    participants: CellSchema,
    /** Counted participants who attended at least the completion share of the sessions. */
    trained: CellSchema,
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "ActivitySummary" });
export type ActivitySummary = z.infer<typeof ActivitySummarySchema>;

// ───────────────────────────── sessions ─────────────────────────────

const SessionFields = z.strictObject({
  sequence: z.number().int().min(1).max(1000),
  startsAt: IsoDateTimeSchema,
  endsAt: IsoDateTimeSchema.nullable(),
  topic: z.string().trim().min(1).max(500),
  topicTranslations: TranslationsSchema,
});

export const SessionInputSchema = SessionFields.extend({
  endsAt: SessionFields.shape.endsAt.default(null),
  topicTranslations: SessionFields.shape.topicTranslations.default({}),
}).meta({ id: "SessionInput" });
export type SessionInput = z.infer<typeof SessionInputSchema>;

export const SessionUpdateSchema = SessionFields.partial().extend({ version }).meta({ id: "SessionUpdate" });
export type SessionUpdate = z.infer<typeof SessionUpdateSchema>;

export const SessionTrainersInputSchema = z
  .strictObject({ trainerIds: idList(20) })
  .meta({ id: "SessionTrainersInput", description: "The session's trainers, replacing the current ones" });
export type SessionTrainersInput = z.infer<typeof SessionTrainersInputSchema>;

export const SessionSchema = z
  .object({
    id: z.string(),
    activityId: z.string(),
    sequence: z.number().int(),
    startsAt: z.string(),
    endsAt: z.string().nullable(),
    topic: z.string(),
    topicTranslations: translations,
    trainerCount: z.number().int(),
    /** Names of the trainers: for programme staff only (partners and donors get the count). */
    trainers: z.array(z.object({ id: z.string(), fullName: z.string() })).optional(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Session" });
export type Session = z.infer<typeof SessionSchema>;

export const ActivityDetailSchema = ActivitySummarySchema.extend({
  programme: z.object({ id: z.string(), title: z.string(), titleTranslations: translations.optional() }),
  description: z.string(),
  descriptionTranslations: translations,
  objectives: z.string(),
  objectivesTranslations: translations,
  originalLanguage: z.string(),
  regions: z.array(Ref),
  outputs: z.array(z.object({ id: z.string(), code: z.string(), title: z.string(), titleTranslations: translations.optional() })),
  donors: z.array(Ref),
  partners: z.array(z.object({ organisationId: z.string(), name: z.string(), nameTranslations: translations.optional(), acronym: z.string().nullable(), role: PartnerRoleSchema })),
  sessions: z.array(SessionSchema),
}).meta({ id: "ActivityDetail" });
export type ActivityDetail = z.infer<typeof ActivityDetailSchema>;

// ───────────────────────────── trainers (personal data) ─────────────────────────────

const TrainerFields = z.strictObject({
  fullName: z.string().trim().min(1).max(200),
  sex: SexSchema,
  position: z.string().trim().min(1).max(300).nullable(),
  /** The trainer's organisation, also recorded as the person's. */
  organisationId: id.nullable(),
  email: z.email().max(254).nullable(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ()-]{3,29}$/, english("activities.trainerPhone"))
    .nullable(),
  expertise: z.array(z.string().trim().min(1).max(100)).max(20),
});

export const TrainerInputSchema = TrainerFields.extend({
  position: TrainerFields.shape.position.default(null),
  organisationId: TrainerFields.shape.organisationId.default(null),
  email: TrainerFields.shape.email.default(null),
  phone: TrainerFields.shape.phone.default(null),
  expertise: TrainerFields.shape.expertise.default([]),
}).meta({ id: "TrainerInput" });
export type TrainerInput = z.infer<typeof TrainerInputSchema>;

export const TrainerUpdateSchema = TrainerFields.partial().extend({ version }).meta({ id: "TrainerUpdate" });
export type TrainerUpdate = z.infer<typeof TrainerUpdateSchema>;

export const TrainerSchema = z
  .object({
    id: z.string(),
    personId: z.string(),
    fullName: z.string(),
    sex: SexSchema,
    position: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
    expertise: z.array(z.string()),
    sessionsDelivered: z.number().int(),
    /** Mean `ratingTrainers` of the counted feedback on the activities whose sessions the trainer delivered. */
    averageRating: z.number().nullable(),
    ratingCount: z.number().int(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Trainer" });
export type Trainer = z.infer<typeof TrainerSchema>;

export const TrainerDetailSchema = TrainerSchema.extend({
  sessions: z.array(
    z.object({
      id: z.string(),
      sequence: z.number().int(),
      startsAt: z.string(),
      endsAt: z.string().nullable(),
      topic: z.string(),
      activity: z.object({ id: z.string(), code: z.string().nullable(), title: z.string() }),
    }),
  ),
}).meta({ id: "TrainerDetail" });
export type TrainerDetail = z.infer<typeof TrainerDetailSchema>;
