// Computed indicators: each metric turns the records that count (approved participant lists,
// attendance, feedback) into a figure for a period, for the total and any breakdown cell, and keeps
// the records behind every figure so that staff can trace it. Pure: the API loads the records.
import { z } from "zod";
import { english } from "./messages.js";
import { CalendarDateSchema } from "./common.js";
import { isTrained } from "./counting.js";
import { ActivityTypeSchema, ModalitySchema, SexSchema } from "./public.js";
import { IndicatorMetricSchema, METRIC_DEFINITIONS, dimensionKey, type Disaggregation, type IndicatorMetric } from "./results.js";

type ActivityType = z.infer<typeof ActivityTypeSchema>;
type Modality = z.infer<typeof ModalitySchema>;
type Sex = z.infer<typeof SexSchema>;

/** An activity delivered in the period. */
export interface EvidenceActivity {
  id: string;
  type: ActivityType;
  modality: Modality;
  completionSharePercent: number;
}

/** A counted participant of one of those activities, with the sessions they attended. */
export interface EvidenceParticipant {
  activityId: string;
  personId: string;
  sex: Sex;
  /** ISO 3166-2, e.g. KZ-MAN. */
  regionCode: string | null;
  organisationId: string | null;
  attended: number;
  sessions: number;
}

/** A counted feedback response to one of those activities (anonymous: the respondent's sex and region only). */
export interface EvidenceResponse {
  id: string;
  activityId: string;
  sex: Sex | null;
  regionCode: string | null;
  ratings: { relevance: number | null; usefulness: number | null; trainers: number | null; organisation: number | null };
  knowledgeBefore: number | null;
  knowledgeAfter: number | null;
}

export interface Evidence {
  activities: EvidenceActivity[];
  participants: EvidenceParticipant[];
  responses: EvidenceResponse[];
}

export type CellDimensions = Partial<Record<Disaggregation, string>>;

/** One record a figure looks at; `counted` says whether it adds to the figure (or only to its base). */
export interface TracedRecord {
  kind: "participant" | "activity" | "response";
  /** participant: the person; activity: the activity; response: the feedback response. */
  id: string;
  activityId: string;
  counted: boolean;
  dimensions: CellDimensions;
}

export interface ComputedCell {
  dimensions: CellDimensions;
  dimensionKey: string;
  value: number;
  /** What a share is taken of (matched pairs, respondents) or the people a count is drawn from; null for activities. */
  base: number | null;
}

/** A unit a metric counts: distinct `key`s among the counted units make a count, counted ÷ all a share. */
interface Unit {
  key: string;
  counted: boolean;
  record: TracedRecord;
}

const matches = (dimensions: CellDimensions, cell: CellDimensions) => Object.entries(cell).every(([k, v]) => v === undefined || dimensions[k as Disaggregation] === v);
const distinct = (units: Unit[]) => new Set(units.map((u) => u.key)).size;
const percentOf = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);
const isShare = (metric: IndicatorMetric) => metric === "KNOWLEDGE_IMPROVED_SHARE" || metric === "SATISFIED_SHARE";

function unitsOf(metric: IndicatorMetric, rawDefinition: Record<string, unknown>, evidence: Evidence): Unit[] {
  const activities = new Map(evidence.activities.map((a) => [a.id, a]));
  const activityDimensions = (activityId: string): CellDimensions => {
    const a = activities.get(activityId);
    return a ? { activityType: a.type, modality: a.modality } : {};
  };
  const ofTypes = (types: ActivityType[] | undefined) => (activityId: string) => !types || types.includes(activities.get(activityId)?.type as ActivityType);
  const participantRecord = (p: EvidenceParticipant, counted: boolean): TracedRecord => ({
    kind: "participant",
    id: p.personId,
    activityId: p.activityId,
    counted,
    dimensions: { sex: p.sex, ...(p.regionCode ? { region: p.regionCode } : {}), ...(p.organisationId ? { organisation: p.organisationId } : {}), ...activityDimensions(p.activityId) },
  });
  const responseRecord = (r: EvidenceResponse, counted: boolean): TracedRecord => ({
    kind: "response",
    id: r.id,
    activityId: r.activityId,
    counted,
    dimensions: { ...(r.sex ? { sex: r.sex } : {}), ...(r.regionCode ? { region: r.regionCode } : {}), ...activityDimensions(r.activityId) },
  });

  switch (metric) {
    case "PEOPLE_TRAINED": {
      const definition = METRIC_DEFINITIONS.PEOPLE_TRAINED.parse(rawDefinition);
      const wanted = ofTypes(definition.activityTypes);
      return evidence.participants
        .filter((p) => wanted(p.activityId))
        .map((p) => {
          const share = definition.completionShare !== undefined ? definition.completionShare * 100 : (activities.get(p.activityId)?.completionSharePercent ?? 100);
          const counted = isTrained(p.attended, p.sessions, share);
          return { key: p.personId, counted, record: participantRecord(p, counted) };
        });
    }
    case "REGIONS_COVERED": {
      const definition = METRIC_DEFINITIONS.REGIONS_COVERED.parse(rawDefinition);
      const wanted = ofTypes(definition.activityTypes);
      return evidence.participants
        .filter((p): p is EvidenceParticipant & { regionCode: string } => p.regionCode !== null && wanted(p.activityId))
        .filter((p) => !definition.country || p.regionCode.startsWith(`${definition.country}-`))
        .map((p) => ({ key: p.regionCode, counted: true, record: participantRecord(p, true) }));
    }
    case "ACTIVITIES_DELIVERED": {
      const definition = METRIC_DEFINITIONS.ACTIVITIES_DELIVERED.parse(rawDefinition);
      return evidence.activities
        .filter((a) => (!definition.activityTypes || definition.activityTypes.includes(a.type)) && (!definition.modalities || definition.modalities.includes(a.modality)))
        .map((a) => ({ key: a.id, counted: true, record: { kind: "activity", id: a.id, activityId: a.id, counted: true, dimensions: activityDimensions(a.id) } }));
    }
    case "KNOWLEDGE_IMPROVED_SHARE": {
      const definition = METRIC_DEFINITIONS.KNOWLEDGE_IMPROVED_SHARE.parse(rawDefinition);
      const [low, high] = definition.scale ?? [1, 5];
      const onScale = (v: number | null): v is number => v !== null && v >= low && v <= high;
      // Only matched pairs: a respondent who answered one of the two questions tells nothing about change.
      return evidence.responses
        .filter((r) => onScale(r.knowledgeBefore) && onScale(r.knowledgeAfter))
        .map((r) => {
          const counted = r.knowledgeAfter! - r.knowledgeBefore! >= definition.minimumGain;
          return { key: r.id, counted, record: responseRecord(r, counted) };
        });
    }
    case "SATISFIED_SHARE": {
      const definition = METRIC_DEFINITIONS.SATISFIED_SHARE.parse(rawDefinition);
      const questions = definition.ratings ?? (["relevance", "usefulness", "trainers", "organisation"] as const);
      return evidence.responses.flatMap((r) => {
        const given = questions.map((q) => r.ratings[q]).filter((v): v is number => v !== null);
        if (given.length === 0) return [];
        const counted = given.reduce((a, v) => a + v, 0) / given.length >= definition.minimumRating;
        return [{ key: r.id, counted, record: responseRecord(r, counted) }];
      });
    }
  }
}

export interface Computation {
  total: ComputedCell;
  breakdown: ComputedCell[];
  /** The records behind a cell (the total for {}), in a stable order. */
  recordsOf(cell: CellDimensions): TracedRecord[];
}

/** The figure of one cell from the units in it. */
function cellOf(metric: IndicatorMetric, dimensions: CellDimensions, units: Unit[]): ComputedCell {
  const share = isShare(metric);
  const counted = distinct(units.filter((u) => u.counted));
  return {
    dimensions,
    dimensionKey: dimensionKey(dimensions),
    value: share ? percentOf(counted, units.length) : counted,
    base: metric === "ACTIVITIES_DELIVERED" ? null : share ? units.length : distinct(units),
  };
}

/** Only the total of an indicator: what dashboards show, without indexing every breakdown value. */
export function computeIndicatorTotal(indicator: { metric: IndicatorMetric; definition: Record<string, unknown> }, evidence: Evidence): ComputedCell {
  return cellOf(indicator.metric, {}, unitsOf(indicator.metric, indicator.definition, evidence));
}

/**
 * Computes an indicator over the evidence: the total, every value seen of each of its disaggregations,
 * and any further cells asked for (a target's "region=KZ-MAN;sex=FEMALE"), zeros included.
 */
export function computeIndicator(
  indicator: { metric: IndicatorMetric; definition: Record<string, unknown>; disaggregations: readonly string[] },
  evidence: Evidence,
  extraCells: CellDimensions[] = [],
): Computation {
  const units = unitsOf(indicator.metric, indicator.definition, evidence);
  // Units by each single breakdown value ("region=KZ-MAN"), in one pass: a breakdown by 600 regions
  // then reads each region's units instead of filtering all of them 600 times.
  const bySingleValue = new Map<string, Unit[]>();
  for (const unit of units) {
    for (const [key, value] of Object.entries(unit.record.dimensions)) {
      const bucket = `${key}=${value}`;
      const list = bySingleValue.get(bucket);
      if (list) list.push(unit);
      else bySingleValue.set(bucket, [unit]);
    }
  }
  const unitsIn = (dimensions: CellDimensions): Unit[] => {
    const keys = Object.entries(dimensions).filter(([, v]) => v !== undefined);
    if (keys.length === 0) return units;
    if (keys.length === 1) return bySingleValue.get(`${keys[0]![0]}=${keys[0]![1]}`) ?? [];
    return units.filter((u) => matches(u.record.dimensions, dimensions));
  };
  const cell = (dimensions: CellDimensions) => cellOf(indicator.metric, dimensions, unitsIn(dimensions));
  const cells = new Map<string, CellDimensions>();
  const wanted = new Set<string>(indicator.disaggregations);
  for (const bucket of bySingleValue.keys()) {
    const [key, value] = bucket.split("=") as [Disaggregation, string];
    if (wanted.has(key)) cells.set(dimensionKey({ [key]: value }), { [key]: value });
  }
  for (const extra of extraCells) if (Object.keys(extra).length > 0) cells.set(dimensionKey(extra), extra);
  return {
    total: cell({}),
    breakdown: [...cells.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, d]) => cell(d)),
    recordsOf: (dimensions) =>
      unitsIn(dimensions)
        .map((u) => u.record)
        .sort((a, b) => (a.activityId + a.id < b.activityId + b.id ? -1 : a.activityId + a.id > b.activityId + b.id ? 1 : 0)),
  };
}

/** A computed indicator's definition in words, shown beside its figures. */
export function describeDefinition(metric: IndicatorMetric, rawDefinition: Record<string, unknown>): string {
  const types = (list: readonly string[] | undefined) => (list ? ` of type ${list.join(", ").toLowerCase().replaceAll("_", " ")}` : "");
  switch (metric) {
    case "PEOPLE_TRAINED": {
      const d = METRIC_DEFINITIONS.PEOPLE_TRAINED.parse(rawDefinition);
      const share = d.completionShare !== undefined ? `${Math.round(d.completionShare * 100)}% of its sessions` : "the activity's completion share of its sessions";
      return `Distinct people who attended at least ${share} in an activity${types(d.activityTypes)} delivered in the period, counted once; only approved participant lists count.`;
    }
    case "REGIONS_COVERED": {
      const d = METRIC_DEFINITIONS.REGIONS_COVERED.parse(rawDefinition);
      return `Distinct regions${d.country ? ` of ${d.country}` : ""} that counted participants of activities${types(d.activityTypes)} delivered in the period came from.`;
    }
    case "ACTIVITIES_DELIVERED": {
      const d = METRIC_DEFINITIONS.ACTIVITIES_DELIVERED.parse(rawDefinition);
      const modalities = d.modalities ? `, ${d.modalities.join(" or ").toLowerCase().replaceAll("_", " ")}` : "";
      return `Activities${types(d.activityTypes)}${modalities} delivered in the period.`;
    }
    case "KNOWLEDGE_IMPROVED_SHARE": {
      const d = METRIC_DEFINITIONS.KNOWLEDGE_IMPROVED_SHARE.parse(rawDefinition);
      const [low, high] = d.scale ?? [1, 5];
      return `Share of respondents whose self-assessed knowledge (${low}–${high}) rose by at least ${d.minimumGain} point${d.minimumGain === 1 ? "" : "s"}, over respondents who answered both the before and the after question; approved feedback only.`;
    }
    case "SATISFIED_SHARE": {
      const d = METRIC_DEFINITIONS.SATISFIED_SHARE.parse(rawDefinition);
      const questions = (d.ratings ?? ["relevance", "usefulness", "trainers", "organisation"]).join(", ");
      return `Share of respondents whose average rating (${questions}; 1–5) is ${d.minimumRating} or more, over respondents who rated at least one of them; approved feedback only.`;
    }
  }
}

// ───────────── API shapes ─────────────

const isoDate = CalendarDateSchema;
const translationsResponse = z.record(z.string(), z.string());
const periodQuery = {
  periodStart: isoDate.describe("First day of the period (activities starting on or after it)"),
  periodEnd: isoDate.describe("Last day of the period"),
};
const periodInOrder = { check: (p: { periodStart: string; periodEnd: string }) => p.periodStart <= p.periodEnd, issue: { message: english("results.periodEndsBeforeStart"), path: ["periodEnd"] } };

export const ComputationQuerySchema = z.object(periodQuery).refine(periodInOrder.check, periodInOrder.issue);
export type ComputationQuery = z.infer<typeof ComputationQuerySchema>;

export const ComputedRecordsQuerySchema = z
  .object({
    ...periodQuery,
    dimensionKey: z.string().max(200).default("").describe('The breakdown cell, e.g. "sex=FEMALE"; empty for the total'),
    counted: z.enum(["true", "false"]).transform((v) => v === "true").optional().describe("Only the records that add to the figure (true) or only those that do not (false)"),
    limit: z.coerce.number().int().min(1).max(5000).default(500),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .refine(periodInOrder.check, periodInOrder.issue);
export type ComputedRecordsQuery = z.infer<typeof ComputedRecordsQuerySchema>;

export const RecordComputedValuesInputSchema = z
  .strictObject(periodQuery)
  .refine(periodInOrder.check, periodInOrder.issue)
  .meta({ id: "RecordComputedValuesInput" });
export type RecordComputedValuesInput = z.infer<typeof RecordComputedValuesInputSchema>;

const computedCell = z.object({
  dimensionKey: z.string(),
  dimensions: z.record(z.string(), z.string()),
  value: z.number().nullable().describe("Null when suppressed"),
  suppressed: z.boolean().describe("A count of 1 or 2 people, hidden from donors"),
  base: z.number().nullable().describe("What a share is of, or the people a count is drawn from; null for activities or when suppressed"),
});

export const IndicatorComputationSchema = z
  .object({
    indicatorId: z.string(),
    metric: z.string(),
    /** The metric's parameters (Indicator.definition), for wording the definition in the reader's language. */
    definition: z.record(z.string(), z.unknown()),
    /** The definition in English words (describeDefinition). */
    definitionText: z.string(),
    periodStart: isoDate,
    periodEnd: isoDate,
    total: computedCell,
    breakdown: z.array(computedCell),
  })
  .meta({ id: "IndicatorComputation" });
export type IndicatorComputation = z.infer<typeof IndicatorComputationSchema>;

export const ComputedRecordSchema = z
  .object({
    kind: z.enum(["participant", "activity", "response"]),
    id: z.string(),
    counted: z.boolean(),
    activity: z.object({ id: z.string(), title: z.string(), titleTranslations: translationsResponse, originalLanguage: z.string(), startDate: isoDate }),
    /** participant: the person's name, sex, region and organisation (names with their translations) and sessions attended of held. */
    person: z
      .object({
        id: z.string(),
        fullName: z.string(),
        sex: z.string(),
        region: z.string().nullable(),
        regionTranslations: translationsResponse,
        organisation: z.string().nullable(),
        organisationTranslations: translationsResponse,
      })
      .nullable(),
    sessionsAttended: z.number().int().nullable(),
    sessionsHeld: z.number().int().nullable(),
    /** response: the answers the figure looked at. */
    answers: z.record(z.string(), z.number().nullable()).nullable(),
  })
  .meta({ id: "ComputedRecord" });
export type ComputedRecord = z.infer<typeof ComputedRecordSchema>;

export const ComputedRecordsSchema = z
  .object({ metric: IndicatorMetricSchema, definition: z.record(z.string(), z.unknown()), definitionText: z.string(), dimensionKey: z.string(), total: z.number().int(), counted: z.number().int(), items: z.array(ComputedRecordSchema) })
  .meta({ id: "ComputedRecords" });
export type ComputedRecords = z.infer<typeof ComputedRecordsSchema>;
