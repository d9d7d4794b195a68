// What the results services share: rule violations, and the breakdown cell of targets and values.
import type { Prisma } from "@vep/db";
import { DISAGGREGATIONS, RuleViolationError, dimensionKey, undeclaredDimensions, type Disaggregation, type Dimensions, msg, type MessageText } from "@vep/domain";
import type { ServiceContext } from "../http/context.js";
import { toDateColumn } from "../http/dates.js";

/** The client or a transaction. */
export type Db = Prisma.TransactionClient | ServiceContext["db"];

/** A rule broken by the request body: 400 with the fields named as the schema would ("body.x"). */
export function ruleViolation(message: MessageText, errors: Readonly<Record<string, MessageText>>): RuleViolationError {
  return new RuleViolationError(message, Object.fromEntries(Object.entries(errors).map(([field, why]) => [`body.${field}`, why])));
}

/** A breakdown's name in a message ("region"; "региону" in Russian); an unknown key as it is. */
export function dimensionName(key: string): MessageText {
  return (DISAGGREGATIONS as readonly string[]).includes(key) ? msg(`results.dimension.${key as Disaggregation}`) : key;
}

/** Breakdowns named in a list, "sex, region", in the reader's language. */
export function dimensionList(keys: readonly string[]): MessageText {
  const [first = "", ...rest] = keys;
  return rest.length === 0 ? dimensionName(first) : msg("results.list", { first: dimensionName(first), rest: dimensionList(rest) });
}

/**
 * The period and breakdown cell of a target or value, checked against its indicator: the period in
 * order (also when an update changes one end), the dimensions among the indicator's disaggregations.
 */
export function cellOf(
  indicator: { disaggregations: string[] },
  cell: { periodStart: string; periodEnd: string; dimensions: Dimensions },
): { periodStart: Date; periodEnd: Date; dimensions: Dimensions; dimensionKey: string } {
  const errors: Record<string, MessageText> = Object.fromEntries(
    Object.keys(undeclaredDimensions(cell.dimensions, indicator.disaggregations)).map((field) => [field, msg("results.notBrokenDownBy", { dimension: dimensionName(field.slice("dimensions.".length)) })]),
  );
  if (cell.periodStart > cell.periodEnd) errors.periodEnd = msg("results.periodEndsBeforeStart");
  if (Object.keys(errors).length > 0) throw ruleViolation(msg("results.cellDoesNotFit"), errors);
  return { periodStart: toDateColumn(cell.periodStart), periodEnd: toDateColumn(cell.periodEnd), dimensions: cell.dimensions, dimensionKey: dimensionKey(cell.dimensions) };
}

/** Translations and other JSON columns back in their response shape (none for a missing related record). */
export const texts = (value: Prisma.JsonValue | undefined) => (value ?? {}) as Record<string, string>;
