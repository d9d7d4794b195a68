// Query pieces only the money resources need: which programmes' money the caller reads, and keyset
// sort values for BigInt amounts.
import type { Prisma } from "@vep/db";
import type { ServiceContext } from "../http/context.js";
import type { SortValue } from "../http/pagination.js";
import { fundedProgrammes } from "../http/scope.js";

/**
 * The programmes whose money the caller reads, as a filter on a record's `programme`: everything
 * for "all", the programmes a donor co-funds for "funded-programmes", and nothing for any other scope.
 */
export function programmeScope(ctx: ServiceContext): { programme?: Prisma.ProgrammeWhereInput } {
  if (ctx.scope === "all") return {};
  return { programme: ctx.scope === "funded-programmes" ? fundedProgrammes(ctx) : { id: { in: [] } } };
}

/** The value a keyset cursor keeps for `field`; BigInt money becomes a number (JSON has no BigInt). */
export function cursorValue<F extends string>(field: F) {
  return (row: Record<F, unknown>): SortValue => {
    const value = row[field];
    return typeof value === "bigint" ? Number(value) : (value as SortValue);
  };
}
