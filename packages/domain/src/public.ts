// What anonymous visitors may see: programme-level aggregates, counts of people suppressed when small.
import { z } from "zod";

export const CellSchema = z
  .object({ value: z.number().int().nullable(), suppressed: z.boolean() })
  .meta({ id: "Cell", description: "A count of people; `suppressed` (value null) when under 3, shown as \"<3\"." });

export const SexSchema = z.enum(["FEMALE", "MALE", "UNDISCLOSED"]);
export const ActivityTypeSchema = z.enum(["TRAINING", "WEBINAR", "WORKSHOP", "STUDY_VISIT", "TECHNICAL_ASSISTANCE", "CONFERENCE", "ASSESSMENT", "OTHER"]);
export const ModalitySchema = z.enum(["ONLINE", "IN_PERSON", "HYBRID"]);
export const ActivityStatusSchema = z.enum(["PLANNED", "DELIVERED", "CANCELLED"]);
export const ProgrammeStatusSchema = z.enum(["PIPELINE", "IMPLEMENTATION", "FINALISATION", "CLOSED", "CANCELLED", "SUSPENDED"]);
export const PartnerRoleSchema = z.enum(["NATIONAL_COUNTERPART", "IMPLEMENTING_PARTNER", "HOST", "CO_ORGANISER"]);

const isoDate = z.string().meta({ description: "ISO 8601 date (YYYY-MM-DD)" });
const isoDateTime = z.string().meta({ description: "ISO 8601 timestamp, UTC" });
/** Translations of a name or title, `{ "ru": "…" }`; the plain field holds the original (issue 8). */
const Translations = z.record(z.string(), z.string());
const DonorRef = z.object({ code: z.string(), name: z.string(), nameTranslations: Translations });

export const PublicSummarySchema = z
  .object({
    programme: z.object({
      id: z.string(),
      iatiIdentifier: z.string(),
      title: z.string(),
      titleTranslations: Translations,
      description: z.string(),
      descriptionTranslations: Translations,
      originalLanguage: z.string(),
      status: ProgrammeStatusSchema,
      startDate: isoDate,
      endDate: isoDate.nullable(),
      donors: z.array(DonorRef),
    }),
    totals: z.object({
      activitiesDelivered: z.number().int(),
      sessions: z.number().int(),
      participants: CellSchema,
      trained: CellSchema,
      regionsCovered: z.number().int(),
      regionsTotal: z.number().int(),
    }),
    trainedBySex: z.array(z.object({ sex: SexSchema, count: CellSchema })),
    trainedByRegion: z.array(z.object({ code: z.string(), name: z.string(), nameTranslations: Translations.optional(), count: CellSchema })),
  })
  .meta({ id: "PublicSummary" });
export type PublicSummary = z.infer<typeof PublicSummarySchema>;

export const PublicActivitySummarySchema = z
  .object({
    id: z.string(),
    code: z.string().nullable(),
    title: z.string(),
    titleTranslations: Translations,
    originalLanguage: z.string(),
    type: ActivityTypeSchema,
    modality: ModalitySchema,
    status: ActivityStatusSchema,
    startDate: isoDate,
    endDate: isoDate,
    country: z.object({ code: z.string(), name: z.string(), nameTranslations: Translations }),
    sessionCount: z.number().int(),
    participants: CellSchema,
    trained: CellSchema,
    regionCount: z.number().int(),
  })
  .meta({ id: "PublicActivitySummary" });
export type PublicActivitySummary = z.infer<typeof PublicActivitySummarySchema>;

export const PublicActivityDetailSchema = PublicActivitySummarySchema.extend({
  description: z.string(),
  descriptionTranslations: Translations,
  objectives: z.string(),
  objectivesTranslations: Translations,
  topics: z.array(z.string()),
  completionSharePercent: z.number().int(),
  sessions: z.array(z.object({ sequence: z.number().int(), startsAt: isoDateTime, endsAt: isoDateTime.nullable(), topic: z.string(), topicTranslations: Translations })),
  regions: z.array(z.object({ code: z.string(), name: z.string(), nameTranslations: Translations, participants: CellSchema })),
  partners: z.array(z.object({ name: z.string(), nameTranslations: Translations, acronym: z.string().nullable(), role: PartnerRoleSchema })),
  donors: z.array(DonorRef),
  quotes: z.array(z.object({ text: z.string(), textTranslations: Translations, language: z.string(), attribution: z.string().nullable() })),
}).meta({ id: "PublicActivityDetail" });
export type PublicActivityDetail = z.infer<typeof PublicActivityDetailSchema>;

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  // A cursor carries the last row's sort value: for a list sorted by name, its search-and-sort key
  // (up to a few hundred bytes of Cyrillic, see apps/api/src/http/search.ts), base64-encoded.
  cursor: z.string().min(1).max(4000).optional(),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
