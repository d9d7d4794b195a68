// The printable donor report: one donor's funding of one programme in a period. It is the donor
// progress dashboard (DonorProgress, reused as it is) plus what a report adds: the donor's own
// contributions with their payments and the activities delivered, one row each. Aggregates only,
// never a person; counts of people under 3 suppressed (Cell).
import { z } from "zod";
import { english } from "./messages.js";
import { DonorProgressSchema } from "./progress.js";
import { EarmarkingSchema } from "./money.js";
import { ActivityTypeSchema, CellSchema, ModalitySchema } from "./public.js";

const day = z.iso.date();

export const DonorReportQuerySchema = z
  .object({
    donorId: z.uuid().optional().describe("Required for staff; a donor's own donor by default (another donor's is not found)"),
    programmeId: z.uuid().optional().describe("Default: the first programme the donor co-funds"),
    from: day.optional().describe("Activities, feedback and spending on or after this day"),
    to: day.optional().describe("… and on or before this day"),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: english("reports.toBeforeFrom") });
export type DonorReportQuery = z.infer<typeof DonorReportQuerySchema>;

const progress = DonorProgressSchema.shape;

export const DonorReportSchema = z
  .object({
    // Names and titles come with their translations ({ "ru": "…" }), as in DonorProgress.
    donor: z.object({ id: z.string(), code: z.string(), name: z.string(), nameTranslations: z.record(z.string(), z.string()) }),
    programme: progress.programme,
    /** The programmes this donor co-funds, to switch between. */
    programmes: progress.programmes,
    period: progress.period,
    /** When the figures were read. */
    generatedAt: z.iso.datetime(),
    /** This donor's contributions to the programme, oldest pledge first, each with the payments received. */
    contributions: z.array(
      z.object({
        id: z.string(),
        pledgedOn: day,
        amountMinor: z.number().int(),
        currency: z.string(),
        earmarking: EarmarkingSchema,
        reference: z.string().nullable(),
        payments: z.array(z.object({ receivedOn: day, amountMinor: z.number().int(), currency: z.string() })),
      }),
    ),
    /** Every funder's totals: funding is public, as in IATI. */
    funding: progress.funding,
    spending: progress.spending,
    /** Activities delivered in the period, by start date. */
    activities: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        titleTranslations: z.record(z.string(), z.string()),
        originalLanguage: z.string(),
        type: ActivityTypeSchema,
        modality: ModalitySchema,
        startDate: day,
        endDate: day,
        sessions: z.number().int(),
        participants: CellSchema,
        trained: CellSchema,
      }),
    ),
    activitiesSummary: progress.activities,
    reach: progress.reach,
    indicators: progress.indicators,
    progressRule: progress.progressRule,
    satisfaction: progress.satisfaction,
    quotes: progress.quotes,
  })
  .meta({ id: "DonorReport" });
export type DonorReport = z.infer<typeof DonorReportSchema>;
