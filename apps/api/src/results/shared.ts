// What the results services share: rule violations, and the breakdown cell of targets and values.
import type { Prisma } from "@vep/db";
import { RuleViolationError, dimensionKey, undeclaredDimensions, type Dimensions } from "@vep/domain";
import type { ServiceContext } from "../http/context.js";
import { toDateColumn } from "../http/dates.js";

/** The client or a transaction. */
export type Db = Prisma.TransactionClient | ServiceContext["db"];

/** A rule broken by the request body: 400 with the fields named as the schema would ("body.x"). */
export function ruleViolation(message: string, errors: Record<string, string>): RuleViolationError {
  return new RuleViolationError(message, Object.fromEntries(Object.entries(errors).map(([field, why]) => [`body.${field}`, why])));
}

/**
 * The period and breakdown cell of a target or value, checked against its indicator: the period in
 * order (also when an update changes one end), the dimensions among the indicator's disaggregations.
 */
export function cellOf(
  indicator: { disaggregations: string[] },
  cell: { periodStart: string; periodEnd: string; dimensions: Dimensions },
): { periodStart: Date; periodEnd: Date; dimensions: Dimensions; dimensionKey: string } {
  const errors = undeclaredDimensions(cell.dimensions, indicator.disaggregations);
  if (cell.periodStart > cell.periodEnd) errors.periodEnd = "The period ends before it starts";
  if (Object.keys(errors).length > 0) throw ruleViolation("The period or breakdown does not fit the indicator", errors);
  return { periodStart: toDateColumn(cell.periodStart), periodEnd: toDateColumn(cell.periodEnd), dimensions: cell.dimensions, dimensionKey: dimensionKey(cell.dimensions) };
}

/** Translations and other JSON columns back in their response shape. */
export const texts = (value: Prisma.JsonValue) => value as Record<string, string>;
