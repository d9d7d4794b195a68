// `@db.Date` columns travel as YYYY-MM-DD; Prisma holds them as the Date of that day's UTC midnight.
import type { Prisma } from "@vep/db";

/** YYYY-MM-DD → the UTC midnight stored in a `@db.Date` column. */
export const toDateColumn = (day: string) => new Date(`${day}T00:00:00.000Z`);
export const toDateColumnOrNull = (day: string | null) => (day === null ? null : toDateColumn(day));

/** A `@db.Date` value (or any instant) → its UTC day as YYYY-MM-DD. */
export const fromDateColumn = (date: Date) => date.toISOString().slice(0, 10);

/** A date column between `from` and `to` (inclusive, either open). */
export function dateBetween(from: string | undefined, to: string | undefined): Prisma.DateTimeFilter | undefined {
  if (!from && !to) return undefined;
  return { ...(from ? { gte: toDateColumn(from) } : {}), ...(to ? { lte: toDateColumn(to) } : {}) };
}
