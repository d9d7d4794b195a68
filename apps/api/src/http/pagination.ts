// Keyset (cursor) pagination over (sort field, id): stable while rows are added, no repeats, no skips.
import { z } from "zod";
import { msg, RuleViolationError } from "@vep/domain";

export type SortValue = string | number | bigint | Date | null;

interface CursorPayload {
  /** The sort the cursor was made for; a cursor from another sort is refused. */
  s: string;
  /** The last row's sort value ("d:" prefix for dates) and id. */
  v: string | number | null;
  id: string;
}

/** As long as PageQuerySchema allows: a name-sorted list's cursor carries the name's sort key. */
export const CursorSchema = z.string().min(1).max(4000);

// Dates and BigInts (money in minor units) do not survive JSON: every string carries a type tag.
function encodeValue(value: SortValue): string | number | null {
  if (value instanceof Date) return `d:${value.toISOString()}`;
  if (typeof value === "bigint") return `n:${value}`;
  if (typeof value === "string") return `s:${value}`;
  return value;
}
function decodeValue(value: string | number | null): SortValue {
  if (typeof value !== "string") return value;
  const [tag, rest] = [value.slice(0, 2), value.slice(2)];
  if (tag === "d:") return new Date(rest);
  if (tag === "n:") return BigInt(rest);
  if (tag === "s:") return rest;
  throw new Error("untagged cursor value");
}

export interface Sort<F extends string> {
  field: F;
  direction: "asc" | "desc";
}

/** Parses "title" / "-startDate" against the allowed fields. */
export function sortParam<F extends string>(fields: readonly [F, ...F[]], fallback: `${"" | "-"}${NoInfer<F>}`) {
  const values = fields.flatMap((f) => [f, `-${f}`]) as [string, ...string[]];
  return z
    .enum(values)
    .default(fallback)
    .transform((raw): Sort<F> => (raw.startsWith("-") ? { field: raw.slice(1) as F, direction: "desc" } : { field: raw as F, direction: "asc" }));
}

/**
 * The Prisma pieces for one page: `where` (to AND with the caller's filters), `orderBy` and `take`;
 * `page(rows)` cuts the extra row and makes the next cursor.
 */
export function keyset<F extends string>(sort: Sort<F>, limit: number, cursor: string | undefined) {
  const sortKey = `${sort.direction === "desc" ? "-" : ""}${sort.field}`;
  let after: { value: SortValue; id: string } | null = null;
  if (cursor) {
    try {
      const payload = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as CursorPayload;
      if (payload.s !== sortKey || typeof payload.id !== "string") throw new Error();
      after = { value: decodeValue(payload.v), id: payload.id };
    } catch {
      throw new RuleViolationError(msg("http.invalidCursor"), { "query.cursor": msg("http.cursorNotValid") });
    }
  }
  const op = sort.direction === "desc" ? "lt" : "gt";
  // Null sort values are not paged past by value; fields used for sorting are non-null.
  const where = after
    ? { OR: [{ [sort.field]: { [op]: after.value } }, { [sort.field]: after.value, id: { [op]: after.id } }] }
    : {};
  return {
    where,
    orderBy: [{ [sort.field]: sort.direction }, { id: sort.direction }],
    take: limit + 1,
    page<T extends { id: string }>(rows: T[], valueOf: (row: T) => SortValue = (row) => (row as Record<string, SortValue>)[sort.field] ?? null) {
      const items = rows.slice(0, limit);
      const last = items[items.length - 1];
      const nextCursor =
        rows.length > limit && last
          ? Buffer.from(JSON.stringify({ s: sortKey, v: encodeValue(valueOf(last)), id: last.id } satisfies CursorPayload)).toString("base64url")
          : null;
      return { items, nextCursor };
    },
  };
}
