// Whether an indicator is on track: the actual against the target pro-rated to the day, by the
// programme's rule (default: on track at 90% or more of what was due, at risk from 60%, off track below).
import { z } from "zod";
import { english } from "./messages.js";

export const PROGRESS_STATUSES = ["ON_TRACK", "AT_RISK", "OFF_TRACK", "NOT_STARTED", "NO_DATA", "NO_TARGET"] as const;
export const ProgressStatusSchema = z.enum(PROGRESS_STATUSES).meta({ id: "ProgressStatus" });
export type ProgressStatus = z.infer<typeof ProgressStatusSchema>;

export const ProgressRuleSchema = z
  .strictObject({
    onTrackPercent: z.number().int().min(1).max(100),
    atRiskPercent: z.number().int().min(0).max(100),
  })
  .refine((r) => r.atRiskPercent < r.onTrackPercent, { message: english("indicators.atRiskBelowOnTrack"), path: ["atRiskPercent"] })
  .meta({ id: "ProgressRule" });
export type ProgressRule = z.infer<typeof ProgressRuleSchema>;

export const DEFAULT_PROGRESS_RULE: ProgressRule = { onTrackPercent: 90, atRiskPercent: 60 };

/** The rule in words, shown beside every status. */
export function describeProgressRule(rule: ProgressRule): string {
  return (
    `On track when the actual reaches at least ${rule.onTrackPercent}% of the target pro-rated to date, ` +
    `at risk from ${rule.atRiskPercent}%, off track below; progress is measured from the baseline.`
  );
}

const DAY = 86_400_000;
const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / DAY;

/** The share of a period gone by on `asOf` (days counted inclusively): 0 before it, 1 from its last day. */
export function elapsedShare(periodStart: string, periodEnd: string, asOf: string): number {
  const start = dayNumber(periodStart);
  const end = dayNumber(periodEnd);
  const today = dayNumber(asOf);
  if (today < start) return 0;
  if (today >= end) return 1;
  return (today - start + 1) / (end - start + 1);
}

export interface StatusInput {
  baseline: number | null;
  target: number | null;
  actual: number | null;
  periodStart: string;
  periodEnd: string;
  asOf: string;
  direction?: "INCREASE" | "DECREASE";
}

export interface StatusResult {
  status: ProgressStatus;
  /** The target pro-rated to `asOf`, from the baseline; null without a target. */
  expected: number | null;
  /** (actual − baseline) ÷ (expected − baseline), in percent with one decimal. */
  percentOfExpected: number | null;
}

/**
 * The status of one period's actual. Works for indicators that should decrease too: both differences
 * from the baseline are then negative. A target equal to the baseline is met by staying at it or beyond.
 */
export function progressStatus(input: StatusInput, rule: ProgressRule = DEFAULT_PROGRESS_RULE): StatusResult {
  if (input.target === null) return { status: "NO_TARGET", expected: null, percentOfExpected: null };
  const share = elapsedShare(input.periodStart, input.periodEnd, input.asOf);
  if (share === 0) return { status: "NOT_STARTED", expected: null, percentOfExpected: null };
  const from = input.baseline ?? 0;
  const expected = from + (input.target - from) * share;
  if (input.actual === null) return { status: "NO_DATA", expected, percentOfExpected: null };
  const due = expected - from;
  const made = input.actual - from;
  const heldOrBetter = input.direction === "DECREASE" ? made <= 0 : made >= 0;
  const percent = due === 0 ? (heldOrBetter ? 100 : 0) : (made / due) * 100;
  const rounded = Math.round(percent * 10) / 10;
  const status = rounded >= rule.onTrackPercent ? "ON_TRACK" : rounded >= rule.atRiskPercent ? "AT_RISK" : "OFF_TRACK";
  return { status, expected: Math.round(expected * 100) / 100, percentOfExpected: rounded };
}
