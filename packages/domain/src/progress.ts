// The donor progress dashboard: what a programme's funders see. Aggregates only, never a person;
// counts of people under 3 suppressed (Cell).
import { z } from "zod";
import { ProgressStatusSchema } from "./indicator-status.js";
import { IndicatorMetricSchema, ProgressRuleTextSchema } from "./results.js";
import { CellSchema, SexSchema } from "./public.js";

const day = z.iso.date();
const money = z.object({
  currency: z.string(),
  amountMinor: z.number().int(),
  /** In US cents at the UN operational rate of the day; null when no rate is recorded for it. */
  usdMinor: z.number().int().nullable(),
});

export const ProgressQuerySchema = z.object({
  programmeId: z.uuid().optional().describe("Default: the first programme the caller may see"),
  from: day.optional().describe("Activities, feedback and spending on or after this day"),
  to: day.optional().describe("… and on or before this day"),
  countryId: z.uuid().optional(),
});
export type ProgressQuery = z.infer<typeof ProgressQuerySchema>;

export const DonorProgressSchema = z
  .object({
    // Names and titles come with their translations ({ "ru": "…" }) for a dashboard in the reader's language.
    programme: z.object({ id: z.string(), title: z.string(), titleTranslations: z.record(z.string(), z.string()).optional(), iatiIdentifier: z.string(), startDate: day, endDate: day.nullable() }),
    /** Programmes the caller may switch to. */
    programmes: z.array(z.object({ id: z.string(), title: z.string(), titleTranslations: z.record(z.string(), z.string()).optional() })),
    period: z.object({ from: day.nullable(), to: day.nullable() }),
    funding: z.object({
      byDonor: z.array(
        z.object({
          donor: z.object({ code: z.string(), name: z.string(), nameTranslations: z.record(z.string(), z.string()).optional() }),
          pledged: z.array(money),
          received: z.array(money),
          pledgedUsdMinor: z.number().int().nullable(),
          receivedUsdMinor: z.number().int().nullable(),
        }),
      ),
      pledgedUsdMinor: z.number().int().nullable(),
      receivedUsdMinor: z.number().int().nullable(),
    }),
    spending: z.array(z.object({ year: z.number().int(), budgetUsdMinor: z.number().int().nullable(), expenditureUsdMinor: z.number().int().nullable() })),
    activities: z.object({
      delivered: z.number().int(),
      byType: z.array(z.object({ type: z.string(), count: z.number().int() })),
      byMonth: z.array(z.object({ month: z.string(), count: z.number().int() })),
    }),
    reach: z.object({
      participants: CellSchema,
      trained: CellSchema,
      regionsCovered: z.number().int(),
      regionsTotal: z.number().int(),
      trainedBySex: z.array(z.object({ sex: SexSchema, count: CellSchema })),
      trainedByRegion: z.array(z.object({ code: z.string(), name: z.string(), nameTranslations: z.record(z.string(), z.string()).optional(), count: CellSchema })),
    }),
    indicators: z.array(
      z.object({
        id: z.string(),
        code: z.string(),
        name: z.string(),
        nameTranslations: z.record(z.string(), z.string()).optional(),
        unit: z.string(),
        measure: z.string(),
        baseline: z.number().nullable(),
        periodStart: day.nullable(),
        periodEnd: day.nullable(),
        target: z.number().nullable(),
        actual: z.number().nullable(),
        actualSource: z.enum(["RECORDED", "COMPUTED"]).nullable(),
        suppressed: z.boolean(),
        achievedPercent: z.number().nullable(),
        status: ProgressStatusSchema,
        /** A COMPUTED indicator's metric and its parameters (Indicator.definition), for wording it in the reader's language. */
        metric: IndicatorMetricSchema.nullable(),
        definition: z.record(z.string(), z.unknown()),
        /** The same in English words (describeDefinition), for API users and exports. */
        definitionText: z.string().nullable(),
      }),
    ),
    satisfaction: z.object({
      respondents: CellSchema,
      /** How often each rating 1–5 was given, over all rated questions. */
      ratings: z.array(z.object({ rating: z.number().int(), count: CellSchema })),
      /** Share of respondents whose average rating is 4 or more; null without respondents or when suppressed. */
      satisfiedPercent: z.number().nullable(),
      /** Share of matched before/after pairs whose self-assessed knowledge rose by a point or more. */
      knowledgeImprovedPercent: z.number().nullable(),
    }),
    /** The rule statuses follow: its thresholds, and in words. */
    progressRule: ProgressRuleTextSchema,
    quotes: z.array(z.object({ text: z.string(), textTranslations: z.record(z.string(), z.string()).optional(), language: z.string(), attribution: z.string().nullable(), activityTitle: z.string(), activityTitleTranslations: z.record(z.string(), z.string()).optional() })),
  })
  .meta({ id: "DonorProgress" });
export type DonorProgress = z.infer<typeof DonorProgressSchema>;
