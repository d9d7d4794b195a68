// Schemas and rules of the results framework (outcomes → outputs → indicators with targets and values),
// shared by the API and the dashboard.
import { z } from "zod";
import { CalendarDateSchema, IdSchema, LanguageCodeSchema, TranslationsSchema, VersionReadSchema } from "./common.js";
import { ProgressStatusSchema } from "./indicator-status.js";
import { english } from "./messages.js";
import { ActivityTypeSchema, ModalitySchema, SexSchema } from "./public.js";

export const IndicatorMeasureSchema = z.enum(["UNIT", "PERCENTAGE", "NOMINAL", "ORDINAL", "QUALITATIVE"]);
export const IndicatorDirectionSchema = z.enum(["INCREASE", "DECREASE"]);
export const IndicatorSourceSchema = z.enum(["COMPUTED", "MANUAL"]);
export const IndicatorMetricSchema = z.enum(["PEOPLE_TRAINED", "REGIONS_COVERED", "ACTIVITIES_DELIVERED", "KNOWLEDGE_IMPROVED_SHARE", "SATISFIED_SHARE"]);
export type IndicatorMetric = z.infer<typeof IndicatorMetricSchema>;
export const DISAGGREGATIONS = ["sex", "region", "organisation", "activityType", "modality"] as const;
export const DisaggregationSchema = z.enum(DISAGGREGATIONS);
export type Disaggregation = z.infer<typeof DisaggregationSchema>;

const id = IdSchema;
const unique = <T>(items: T[]) => new Set(items).size === items.length;
const resultCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, english("results.codeFormat"));
const title = z.string().trim().min(1).max(500);
const description = z.string().trim().max(5000);
const language = LanguageCodeSchema;
const position = z.number().int().min(0).max(10_000);
const version = VersionReadSchema;

const isoDate = CalendarDateSchema;

/** Values fit the Decimal(14, 4) columns: ten integer digits, four decimals. */
const decimalValue = z
  .number()
  .gt(-1e10)
  .lt(1e10)
  .refine((v) => Math.abs(v * 1e4 - Math.round(v * 1e4)) < 1e-6, english("results.fourDecimals"));

const periodFields = { periodStart: isoDate, periodEnd: isoDate };
const periodInOrder = (p: { periodStart?: string | undefined; periodEnd?: string | undefined }) => !p.periodStart || !p.periodEnd || p.periodStart <= p.periodEnd;
const periodOrderIssue = { message: english("results.periodEndsBeforeStart"), path: ["periodEnd"] };

// ───────────── outcomes and outputs ─────────────

const ResultFields = {
  code: resultCode,
  title,
  titleTranslations: TranslationsSchema,
  description,
  descriptionTranslations: TranslationsSchema,
  originalLanguage: language,
  position,
};
const resultDefaults = {
  titleTranslations: TranslationsSchema.default({}),
  description: description.default(""),
  descriptionTranslations: TranslationsSchema.default({}),
  originalLanguage: language.default("en"),
  position: position.default(0),
};

const OutcomeFields = z.strictObject(ResultFields);
export const OutcomeInputSchema = OutcomeFields.extend({ programmeId: id, ...resultDefaults }).meta({ id: "OutcomeInput" });
export type OutcomeInput = z.infer<typeof OutcomeInputSchema>;
export const OutcomeUpdateSchema = OutcomeFields.partial().extend({ version }).meta({ id: "OutcomeUpdate" });
export type OutcomeUpdate = z.infer<typeof OutcomeUpdateSchema>;

const OutputFields = z.strictObject(ResultFields);
export const OutputInputSchema = OutputFields.extend({ outcomeId: id, ...resultDefaults }).meta({ id: "OutputInput" });
export type OutputInput = z.infer<typeof OutputInputSchema>;
export const OutputUpdateSchema = OutputFields.partial().extend({ version }).meta({ id: "OutputUpdate" });
export type OutputUpdate = z.infer<typeof OutputUpdateSchema>;

const resultResponse = {
  id: z.string(),
  code: z.string(),
  title: z.string(),
  titleTranslations: z.record(z.string(), z.string()),
  description: z.string(),
  descriptionTranslations: z.record(z.string(), z.string()),
  originalLanguage: z.string(),
  position: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
};
export const OutputSchema = z.object({ ...resultResponse, outcomeId: z.string(), programmeId: z.string() }).meta({ id: "Output" });
export type Output = z.infer<typeof OutputSchema>;
export const OutcomeSchema = z.object({ ...resultResponse, programmeId: z.string() }).meta({ id: "Outcome" });
export type Outcome = z.infer<typeof OutcomeSchema>;
export const OutcomeDetailSchema = OutcomeSchema.extend({ outputs: z.array(OutputSchema) }).meta({ id: "OutcomeDetail" });
export type OutcomeDetail = z.infer<typeof OutcomeDetailSchema>;

// ───────────── indicators ─────────────

const activityTypes = z.array(ActivityTypeSchema).min(1).max(8).refine(unique, english("schema.listedTwice"));

/** The parameters each computed metric takes (Indicator.definition). */
export const METRIC_DEFINITIONS = {
  PEOPLE_TRAINED: z.strictObject({
    /** Share of sessions attended to count as trained; the activity's own share when omitted. */
    completionShare: z.number().gt(0).max(1).optional(),
    activityTypes: activityTypes.optional(),
  }),
  REGIONS_COVERED: z.strictObject({
    country: z.string().regex(/^[A-Z]{2}$/, english("results.countryCode")).optional(),
    activityTypes: activityTypes.optional(),
  }),
  ACTIVITIES_DELIVERED: z.strictObject({
    activityTypes: activityTypes.optional(),
    modalities: z.array(ModalitySchema).min(1).max(3).refine(unique, english("schema.listedTwice")).optional(),
  }),
  KNOWLEDGE_IMPROVED_SHARE: z.strictObject({
    /** Points between self-assessed knowledge before and after that count as improved. */
    minimumGain: z.number().int().min(1).max(10).default(1),
    scale: z.tuple([z.number().int().min(0).max(10), z.number().int().min(1).max(10)]).refine(([low, high]) => low < high, english("results.scaleLowFirst")).optional(),
  }),
  SATISFIED_SHARE: z.strictObject({
    /** The least rating (1–5) that counts as satisfied. */
    minimumRating: z.number().int().min(1).max(5).default(4),
    ratings: z.array(z.enum(["relevance", "usefulness", "trainers", "organisation"])).min(1).max(4).refine(unique, english("schema.listedTwice")).optional(),
  }),
} satisfies Record<IndicatorMetric, z.ZodType>;

const definition = z.record(z.string().max(40), z.unknown()).refine((d) => Object.keys(d).length <= 10, english("results.atMostTenParameters"));

const IndicatorFields = z.strictObject({
  programmeId: id,
  outcomeId: id.nullable(),
  outputId: id.nullable(),
  code: resultCode,
  name: title,
  nameTranslations: TranslationsSchema,
  description,
  descriptionTranslations: TranslationsSchema,
  originalLanguage: language,
  measure: IndicatorMeasureSchema,
  direction: IndicatorDirectionSchema,
  source: IndicatorSourceSchema,
  metric: IndicatorMetricSchema.nullable(),
  definition,
  unit: z.string().trim().max(40),
  baselineValue: decimalValue.nullable(),
  baselineDate: isoDate.nullable(),
  disaggregations: z.array(DisaggregationSchema).max(DISAGGREGATIONS.length).refine(unique, english("schema.listedTwice")),
});

/** What the indicator rules look at; on an update, the record as it will be after the change. */
export interface IndicatorShape {
  outcomeId: string | null;
  outputId: string | null;
  source: z.infer<typeof IndicatorSourceSchema>;
  metric: IndicatorMetric | null;
  definition: Record<string, unknown>;
}

/**
 * The rules across fields: attached to exactly one of an outcome or an output; a COMPUTED indicator
 * names a metric with a definition valid for it, a MANUAL one neither. Returns the broken rules keyed
 * by field ("definition.completionShare") and the definition as it is to be stored.
 */
export function checkIndicatorRules(indicator: IndicatorShape): { errors: Record<string, string>; definition: Record<string, unknown> } {
  const errors: Record<string, string> = {};
  if ((indicator.outcomeId === null) === (indicator.outputId === null)) {
    errors.outcomeId = english("results.outcomeOrOutput");
  }
  if (indicator.source === "MANUAL") {
    if (indicator.metric !== null) errors.metric = english("results.manualNoMetric");
    if (Object.keys(indicator.definition).length > 0) errors.definition = english("results.manualNoDefinition");
    return { errors, definition: {} };
  }
  if (indicator.metric === null) {
    errors.metric = english("results.computedNeedsMetric");
    return { errors, definition: indicator.definition };
  }
  const parsed = METRIC_DEFINITIONS[indicator.metric].safeParse(indicator.definition);
  if (parsed.success) return { errors, definition: parsed.data };
  for (const issue of parsed.error.issues) {
    const keys = issue.code === "unrecognized_keys" ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    for (const path of keys) errors[["definition", ...path.map(String)].join(".")] ??= issue.code === "unrecognized_keys" ? english(`results.notAParameter.${indicator.metric}`) : issue.message;
  }
  return { errors, definition: indicator.definition };
}

export const IndicatorInputSchema = IndicatorFields.extend({
  outcomeId: IndicatorFields.shape.outcomeId.default(null),
  outputId: IndicatorFields.shape.outputId.default(null),
  nameTranslations: TranslationsSchema.default({}),
  description: description.default(""),
  descriptionTranslations: TranslationsSchema.default({}),
  originalLanguage: language.default("en"),
  direction: IndicatorDirectionSchema.default("INCREASE"),
  metric: IndicatorFields.shape.metric.default(null),
  definition: definition.default({}),
  unit: IndicatorFields.shape.unit.default(""),
  baselineValue: IndicatorFields.shape.baselineValue.default(null),
  baselineDate: IndicatorFields.shape.baselineDate.default(null),
  disaggregations: IndicatorFields.shape.disaggregations.default([]),
})
  .superRefine((indicator, ctx) => {
    for (const [path, message] of Object.entries(checkIndicatorRules(indicator).errors)) ctx.addIssue({ code: "custom", message, path: path.split(".") });
  })
  .meta({ id: "IndicatorInput" });
export type IndicatorInput = z.infer<typeof IndicatorInputSchema>;

/** The programme of an indicator does not change; its outcome or output may, within the programme. */
export const IndicatorUpdateSchema = IndicatorFields.omit({ programmeId: true }).partial().extend({ version }).meta({ id: "IndicatorUpdate" });
export type IndicatorUpdate = z.infer<typeof IndicatorUpdateSchema>;

// ───────────── targets and values ─────────────

/** A breakdown cell: { "sex": "FEMALE", "region": "KZ-MAN" }; keys among the indicator's disaggregations. */
export const DimensionsSchema = z
  .strictObject({
    sex: SexSchema.optional(),
    region: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, english("results.regionCode")).optional(),
    organisation: id.optional(),
    activityType: ActivityTypeSchema.optional(),
    modality: ModalitySchema.optional(),
  })
  .meta({ id: "IndicatorDimensions" });
export type Dimensions = z.infer<typeof DimensionsSchema>;

/** The canonical key of a breakdown cell: "k=v" pairs sorted by key and joined by ";", "" for the total. */
export function dimensionKey(dimensions: Readonly<Record<string, string | undefined>>): string {
  return Object.entries(dimensions)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join(";");
}

/** The dimensions a cell uses that the indicator is not broken down by, keyed "dimensions.<key>". */
export function undeclaredDimensions(dimensions: Readonly<Record<string, string | undefined>>, disaggregations: readonly string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [key, value] of Object.entries(dimensions)) {
    if (value !== undefined && !disaggregations.includes(key)) errors[`dimensions.${key}`] = `The indicator is not broken down by ${key}.`;
  }
  return errors;
}

const TargetFields = z.strictObject({ ...periodFields, value: decimalValue, dimensions: DimensionsSchema });
export const IndicatorTargetInputSchema = TargetFields.extend({ dimensions: DimensionsSchema.default({}) })
  .refine(periodInOrder, periodOrderIssue)
  .meta({ id: "IndicatorTargetInput" });
export type IndicatorTargetInput = z.infer<typeof IndicatorTargetInputSchema>;
export const IndicatorTargetUpdateSchema = TargetFields.partial().extend({ version }).refine(periodInOrder, periodOrderIssue).meta({ id: "IndicatorTargetUpdate" });
export type IndicatorTargetUpdate = z.infer<typeof IndicatorTargetUpdateSchema>;

const evidenceUrl = z
  .string()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, message: english("results.httpAddress") }));
const ValueFields = z.strictObject({
  ...periodFields,
  value: decimalValue,
  dimensions: DimensionsSchema,
  evidenceUrl: evidenceUrl.nullable(),
  evidenceNote: z.string().trim().min(1).max(2000).nullable(),
  reason: z.string().trim().min(1).max(1000).nullable(),
});
export const IndicatorValueInputSchema = ValueFields.extend({
  dimensions: DimensionsSchema.default({}),
  evidenceUrl: ValueFields.shape.evidenceUrl.default(null),
  evidenceNote: ValueFields.shape.evidenceNote.default(null),
  reason: ValueFields.shape.reason.default(null),
  /** A correction of a locked value: the value it replaces (then `reason` is required). */
  supersedesId: id.nullable().default(null),
})
  .refine(periodInOrder, periodOrderIssue)
  .refine((v) => v.supersedesId === null || v.reason !== null, { message: english("results.correctionNeedsReason"), path: ["reason"] })
  .meta({ id: "IndicatorValueInput" });
export type IndicatorValueInput = z.infer<typeof IndicatorValueInputSchema>;
export const IndicatorValueUpdateSchema = ValueFields.partial().extend({ version }).refine(periodInOrder, periodOrderIssue).meta({ id: "IndicatorValueUpdate" });
export type IndicatorValueUpdate = z.infer<typeof IndicatorValueUpdateSchema>;
export const IndicatorValueLockSchema = z.strictObject({ version }).meta({ id: "IndicatorValueLock" });

/** MANUAL values carry their evidence: a link or a note. */
export function missingEvidence(source: IndicatorShape["source"], value: { evidenceUrl: string | null; evidenceNote: string | null }): Record<string, string> {
  return source === "MANUAL" && value.evidenceUrl === null && value.evidenceNote === null
    ? { evidenceUrl: english("results.evidenceForManual") }
    : {};
}

/**
 * Progress towards a target from the baseline, in percent with one decimal: (actual − baseline) /
 * (target − baseline). Works for DECREASE indicators too (both differences are negative). Null when
 * there is no target or actual, or the target equals the baseline.
 */
export function achievedPercent({ baseline, target, actual }: { baseline: number | null; target: number | null; actual: number | null }): number | null {
  if (target === null || actual === null) return null;
  const from = baseline ?? 0;
  if (target === from) return null;
  return Math.round(((actual - from) / (target - from)) * 1000) / 10;
}

/** Indicators whose values count people: shown to donors with small cells suppressed. */
export function countsPeople(metric: IndicatorMetric | null): boolean {
  return metric === "PEOPLE_TRAINED";
}

// ───────────── responses ─────────────

const dimensionsResponse = z.record(z.string(), z.string());
const isoDateResponse = z.string().meta({ description: "YYYY-MM-DD" });

export const IndicatorSchema = z
  .object({
    id: z.string(),
    programmeId: z.string(),
    outcomeId: z.string().nullable(),
    outputId: z.string().nullable(),
    code: z.string(),
    name: z.string(),
    nameTranslations: z.record(z.string(), z.string()),
    description: z.string(),
    descriptionTranslations: z.record(z.string(), z.string()),
    originalLanguage: z.string(),
    measure: IndicatorMeasureSchema,
    direction: IndicatorDirectionSchema,
    source: IndicatorSourceSchema,
    metric: IndicatorMetricSchema.nullable(),
    definition: z.record(z.string(), z.unknown()),
    unit: z.string(),
    baselineValue: z.number().nullable(),
    baselineDate: isoDateResponse.nullable(),
    disaggregations: z.array(z.string()),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Indicator" });
export type Indicator = z.infer<typeof IndicatorSchema>;

export const IndicatorTargetSchema = z
  .object({
    id: z.string(),
    indicatorId: z.string(),
    periodStart: isoDateResponse,
    periodEnd: isoDateResponse,
    value: z.number(),
    dimensions: dimensionsResponse,
    dimensionKey: z.string(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "IndicatorTarget" });
export type IndicatorTarget = z.infer<typeof IndicatorTargetSchema>;

export const IndicatorValueSchema = z
  .object({
    id: z.string(),
    indicatorId: z.string(),
    periodStart: isoDateResponse,
    periodEnd: isoDateResponse,
    value: z.number().nullable().describe("Null when suppressed"),
    suppressed: z.boolean().describe("A count of 1 or 2 people, hidden from donors"),
    dimensions: dimensionsResponse,
    dimensionKey: z.string(),
    evidenceUrl: z.string().nullable(),
    evidenceNote: z.string().nullable(),
    enteredById: z.string().nullable(),
    lockedAt: z.string().nullable(),
    supersedesId: z.string().nullable(),
    supersededById: z.string().nullable(),
    reason: z.string().nullable(),
    computedAt: z.string().nullable().describe("When the value was recorded from the figure computed from the records"),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "IndicatorValue" });
export type IndicatorValue = z.infer<typeof IndicatorValueSchema>;

const progress = {
  target: z.number().nullable(),
  actual: z.number().nullable().describe("The current (not superseded) value; null when none or suppressed"),
  actualSource: z.enum(["RECORDED", "COMPUTED"]).nullable().describe("RECORDED: a value in force; COMPUTED: no value yet, computed now from the approved records"),
  suppressed: z.boolean(),
  achievedPercent: z.number().nullable().describe("(actual − baseline) / (target − baseline) × 100"),
  status: ProgressStatusSchema.describe("Against the target pro-rated to today, by the programme's rule"),
  expected: z.number().nullable().describe("The target pro-rated to today, from the baseline"),
};
export const IndicatorPeriodSchema = z
  .object({
    periodStart: isoDateResponse,
    periodEnd: isoDateResponse,
    baseline: z.number().nullable(),
    ...progress,
    breakdown: z.array(z.object({ dimensionKey: z.string(), dimensions: dimensionsResponse, ...progress })).describe("Disaggregated cells, measured from zero"),
  })
  .meta({ id: "IndicatorPeriod" });
export type IndicatorPeriod = z.infer<typeof IndicatorPeriodSchema>;

/** The programme's thresholds for progress statuses, with the rule in English words (the dashboard words it per language). */
export const ProgressRuleTextSchema = z.object({ onTrackPercent: z.number().int(), atRiskPercent: z.number().int(), text: z.string() });

export const IndicatorDetailSchema = IndicatorSchema.extend({
  definitionText: z.string().nullable().describe("What a COMPUTED indicator counts, in words"),
  progressRule: ProgressRuleTextSchema,
  targets: z.array(IndicatorTargetSchema),
  values: z.array(IndicatorValueSchema),
  periods: z.array(IndicatorPeriodSchema),
}).meta({ id: "IndicatorDetail" });
export type IndicatorDetail = z.infer<typeof IndicatorDetailSchema>;
