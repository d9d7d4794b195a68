// Schemas of the finance area (request and response bodies), shared by the API and the dashboard:
// programmes with their recipient countries and participating organisations, countries and regions, donors.
import { z } from "zod";
import { english } from "./messages.js";
import { CalendarDateSchema, CurrencyCodeSchema, datesInOrder, IdSchema, LanguageCodeSchema, translations, TranslationsSchema, VersionReadSchema } from "./common.js";
import { ProgrammeStatusSchema } from "./public.js";

export const OrganisationRoleSchema = z.enum(["FUNDING", "ACCOUNTABLE", "EXTENDING", "IMPLEMENTING"]).meta({ description: "IATI OrganisationRole" });
export const RegionKindSchema = z.enum(["REGION", "CITY"]);

const id = IdSchema;
const isoDate = CalendarDateSchema;
const currency = CurrencyCodeSchema;
const languageCode = LanguageCodeSchema;

// ───────────────────────────── programmes ─────────────────────────────

const ProgrammeCountryInput = z.strictObject({
  countryId: id,
  percentage: z
    .number()
    .min(0)
    .max(100)
    .refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-9, english("finance.twoDecimals"))
    .nullable()
    .default(null)
    .describe("Share of the programme for this recipient country, in percent (IATI)"),
});

const ProgrammeOrganisationInput = z.strictObject({ organisationId: id, role: OrganisationRoleSchema });

const recipientCountries = z
  .array(ProgrammeCountryInput)
  .max(100)
  .superRefine((countries, ctx) => {
    const seen = new Set<string>();
    countries.forEach((c, i) => {
      if (seen.has(c.countryId)) ctx.addIssue({ code: "custom", path: [i, "countryId"], message: english("schema.listedTwice") });
      seen.add(c.countryId);
    });
    const total = countries.reduce((sum, c) => sum + (c.percentage ?? 0), 0);
    if (total > 100 + 1e-9) ctx.addIssue({ code: "custom", message: english("finance.percentagesOver100") });
  });

const participatingOrganisations = z
  .array(ProgrammeOrganisationInput)
  .max(200)
  .superRefine((organisations, ctx) => {
    const seen = new Set<string>();
    organisations.forEach((o, i) => {
      const key = `${o.organisationId}:${o.role}`;
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: [i, "role"], message: english("finance.organisationRoleTwice") });
      seen.add(key);
    });
  });

/** The editable fields, without defaults: an update changes only the fields it names. */
const ProgrammeFields = z.strictObject({
  iatiIdentifier: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.:/-]{2,149}$/, english("finance.iatiActivityId")),
  title: z.string().trim().min(1).max(500),
  titleTranslations: TranslationsSchema,
  description: z.string().trim().max(10_000),
  descriptionTranslations: translations(z.string().trim().min(1).max(10_000)),
  originalLanguage: languageCode,
  status: ProgrammeStatusSchema,
  dacSector: z.string().regex(/^\d{5}$/, english("finance.dacSector")),
  startDate: isoDate,
  endDate: isoDate.nullable(),
  defaultCurrency: currency,
  reportingOrgId: id,
  /** The progress status rule: on track from this % of the target pro-rated to date… */
  onTrackPercent: z.number().int().min(1).max(100),
  /** …at risk from this %, off track below. */
  atRiskPercent: z.number().int().min(0).max(99),
  /** Replace the recipient countries when given. */
  countries: recipientCountries,
  /** Replace the participating organisations when given. */
  organisations: participatingOrganisations,
});

const programmeDatesInOrder = datesInOrder("startDate", "endDate");

/** The at-risk threshold lies below the on-track one (checked here when both are sent). */
function thresholdsInOrder(p: { onTrackPercent?: number | undefined; atRiskPercent?: number | undefined }, ctx: z.RefinementCtx) {
  if (p.onTrackPercent !== undefined && p.atRiskPercent !== undefined && p.atRiskPercent >= p.onTrackPercent) {
    ctx.addIssue({ code: "custom", path: ["atRiskPercent"], message: english("finance.atRiskBelowOnTrack") });
  }
}

export const ProgrammeInputSchema = ProgrammeFields.extend({
  titleTranslations: ProgrammeFields.shape.titleTranslations.default({}),
  description: ProgrammeFields.shape.description.default(""),
  descriptionTranslations: ProgrammeFields.shape.descriptionTranslations.default({}),
  originalLanguage: ProgrammeFields.shape.originalLanguage.default("en"),
  endDate: ProgrammeFields.shape.endDate.default(null),
  countries: ProgrammeFields.shape.countries.default([]),
  organisations: ProgrammeFields.shape.organisations.default([]),
  onTrackPercent: ProgrammeFields.shape.onTrackPercent.default(90),
  atRiskPercent: ProgrammeFields.shape.atRiskPercent.default(60),
})
  .superRefine(programmeDatesInOrder)
  .superRefine(thresholdsInOrder)
  .meta({ id: "ProgrammeInput" });
export type ProgrammeInput = z.infer<typeof ProgrammeInputSchema>;

export const ProgrammeUpdateSchema = ProgrammeFields.partial()
  .extend({ version: VersionReadSchema })
  .superRefine(programmeDatesInOrder)
  .superRefine(thresholdsInOrder)
  .meta({ id: "ProgrammeUpdate" });
export type ProgrammeUpdate = z.infer<typeof ProgrammeUpdateSchema>;

export const ProgrammeSchema = z
  .object({
    id,
    iatiIdentifier: z.string(),
    title: z.string(),
    titleTranslations: z.record(z.string(), z.string()),
    description: z.string(),
    descriptionTranslations: z.record(z.string(), z.string()),
    originalLanguage: z.string(),
    status: ProgrammeStatusSchema,
    dacSector: z.string(),
    startDate: z.string(),
    endDate: z.string().nullable(),
    defaultCurrency: z.string(),
    onTrackPercent: z.number().int(),
    atRiskPercent: z.number().int(),
    reportingOrg: z.object({ id: z.string(), name: z.string(), iatiRef: z.string().nullable() }),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Programme" });
export type Programme = z.infer<typeof ProgrammeSchema>;

// Names come with their translations ({ "ru": "…" }), for pages in the reader's language.
const nameTranslations = z.record(z.string(), z.string());

export const ProgrammeDetailSchema = ProgrammeSchema.extend({
  countries: z.array(z.object({ countryId: z.string(), code: z.string(), name: z.string(), nameTranslations, percentage: z.number().nullable() })),
  organisations: z.array(z.object({ organisationId: z.string(), name: z.string(), nameTranslations, acronym: z.string().nullable(), iatiRef: z.string().nullable(), role: OrganisationRoleSchema })),
  /** Donors with a contribution to the programme. */
  donors: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), nameTranslations })),
}).meta({ id: "ProgrammeDetail" });
export type ProgrammeDetail = z.infer<typeof ProgrammeDetailSchema>;

// ───────────────────────────── countries and regions ─────────────────────────────

const CountryFields = z.strictObject({
  code: z.string().regex(/^[A-Z]{2}$/, english("finance.countryCode")),
  name: z.string().trim().min(1).max(200),
  nameTranslations: TranslationsSchema,
});

export const CountryInputSchema = CountryFields.extend({ nameTranslations: CountryFields.shape.nameTranslations.default({}) }).meta({ id: "CountryInput" });
export type CountryInput = z.infer<typeof CountryInputSchema>;

export const CountryUpdateSchema = CountryFields.partial()
  .extend({ version: VersionReadSchema })
  .meta({ id: "CountryUpdate" });
export type CountryUpdate = z.infer<typeof CountryUpdateSchema>;

export const CountrySchema = z
  .object({
    id,
    code: z.string(),
    name: z.string(),
    nameTranslations: z.record(z.string(), z.string()),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Country" });
export type Country = z.infer<typeof CountrySchema>;

const RegionFields = z.strictObject({
  countryId: id,
  code: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, english("finance.regionCode")),
  name: z.string().trim().min(1).max(200),
  nameTranslations: TranslationsSchema,
  aliases: z.array(z.string().trim().min(1).max(200)).max(50).describe("Other spellings, used when matching imports"),
  kind: RegionKindSchema,
  validFrom: isoDate,
  validTo: isoDate.nullable().describe("Last day in force; null while still in force"),
  predecessorId: id.nullable(),
});

const regionDatesInOrder = datesInOrder("validFrom", "validTo");

export const RegionInputSchema = RegionFields.extend({
  nameTranslations: RegionFields.shape.nameTranslations.default({}),
  aliases: RegionFields.shape.aliases.default([]),
  kind: RegionFields.shape.kind.default("REGION"),
  validTo: RegionFields.shape.validTo.default(null),
  predecessorId: RegionFields.shape.predecessorId.default(null),
})
  .superRefine(regionDatesInOrder)
  .meta({ id: "RegionInput" });
export type RegionInput = z.infer<typeof RegionInputSchema>;

/** A region stays in its country: a region moving country is a new region. */
export const RegionUpdateSchema = RegionFields.omit({ countryId: true })
  .partial()
  .extend({ version: VersionReadSchema })
  .superRefine(regionDatesInOrder)
  .meta({ id: "RegionUpdate" });
export type RegionUpdate = z.infer<typeof RegionUpdateSchema>;

export const RegionSchema = z
  .object({
    id,
    countryId: z.string(),
    code: z.string(),
    name: z.string(),
    nameTranslations: z.record(z.string(), z.string()),
    aliases: z.array(z.string()),
    kind: RegionKindSchema,
    validFrom: z.string(),
    validTo: z.string().nullable(),
    predecessorId: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Region" });
export type Region = z.infer<typeof RegionSchema>;

// ───────────────────────────── donors ─────────────────────────────

const DonorFields = z.strictObject({
  organisationId: id,
  code: z.string().regex(/^[A-Z0-9][A-Z0-9_-]{1,19}$/, english("finance.donorCode")),
});

export const DonorInputSchema = DonorFields.meta({ id: "DonorInput" });
export type DonorInput = z.infer<typeof DonorInputSchema>;

/** The organisation a donor is stays fixed: its DONOR users act for it. */
export const DonorUpdateSchema = DonorFields.omit({ organisationId: true })
  .partial()
  .extend({ version: VersionReadSchema })
  .meta({ id: "DonorUpdate" });
export type DonorUpdate = z.infer<typeof DonorUpdateSchema>;

export const DonorTotalSchema = z
  .object({ currency: z.string(), pledgedMinor: z.number().int(), receivedMinor: z.number().int() })
  .meta({ id: "DonorTotal", description: "Contributions pledged and payments received in one currency, in minor units" });
export type DonorTotal = z.infer<typeof DonorTotalSchema>;

export const DonorSchema = z
  .object({
    id,
    code: z.string(),
    organisation: z.object({ id: z.string(), name: z.string(), nameTranslations: z.record(z.string(), z.string()).optional(), acronym: z.string().nullable(), iatiRef: z.string().nullable() }),
    /** A DONOR caller's totals count only the programmes it co-funds. */
    totals: z.array(DonorTotalSchema),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Donor" });
export type Donor = z.infer<typeof DonorSchema>;
