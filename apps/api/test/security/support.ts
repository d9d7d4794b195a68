// What the security suites share: the routes the app serves, a fingerprint of the whole database (to
// prove that a refused request wrote nothing), the check that an error is a clean problem+json, and the
// table each path segment's `:id` names.
import { expect } from "vitest";
import { TABLE_OF_SEGMENT } from "../fixtures.js";
import type { RunningApi } from "../harness.js";

/** Every "METHOD /path" the router serves (Hono's `:param` syntax), sorted, without the catch-all. */
export function servedRoutes(api: RunningApi): { method: string; path: string }[] {
  const keys = [...new Set(api.app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`))].sort();
  return keys.map((key) => {
    const [method, path] = key.split(" ") as [string, string];
    return { method, path };
  });
}


/** The table a route's first `:id` names, from the segment just before it; undefined when none is known. */
export function tableOfPath(path: string): string | undefined {
  const segment = /\/([\w-]+)\/:\w+/.exec(path.replace(/^\/api\/v1\/public/, "/api/v1"))?.[1];
  return segment ? TABLE_OF_SEGMENT[segment] : undefined;
}

export async function tablesOf(api: RunningApi): Promise<string[]> {
  const rows = await api.db.prisma.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
    ORDER BY table_name`;
  return rows.map((r) => r.table_name);
}

/** The tables whose records have an `id` column (join tables have composite keys). */
export async function tablesWithId(api: RunningApi): Promise<string[]> {
  const rows = await api.db.prisma.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND column_name = 'id' AND table_name <> '_prisma_migrations'
    ORDER BY table_name`;
  return rows.map((r) => r.table_name);
}

export type Fingerprint = Map<string, string>;

/**
 * Row count and the sum of the rows' xmin (the id of the transaction that wrote each row version) of every
 * table, in one query: an insert or a delete changes the count or the sum, and so does an update, even one
 * that writes the same values, since it makes a new row version (row counts alone would miss a
 * half-applied PATCH). Rolled-back writes leave no visible version. Reads no row's content: cheap.
 */
export async function fingerprinter(api: RunningApi): Promise<() => Promise<Fingerprint>> {
  const tables = await tablesOf(api);
  const sql = tables
    .map((t) => `SELECT '${t}' AS t, count(*)::int AS n, coalesce(sum(xmin::text::bigint), 0)::text AS h FROM "${t}"`)
    .join(" UNION ALL ");
  return async () => {
    const rows = await api.db.prisma.$queryRawUnsafe<{ t: string; n: number; h: string }[]>(sql);
    return new Map(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
  };
}

/** The tables whose rows differ between two fingerprints. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return [...before.keys()].filter((t) => before.get(t) !== after.get(t));
}

/** What a stack trace or an internal detail looks like in a body. */
const INTERNALS = [/\bat [^\s()]+ \([^)]*:\d+:\d+\)/, /\n\s+at /, /node_modules\//, /\/work\/|\/src\/[\w/-]+\.ts/, /prisma\.\w+\.\w+\(\) invocation/i, /PrismaClient\w*Error/];

/** A body that shows no stack trace, file path or ORM message. */
export function expectNoInternals(body: string, label: string) {
  for (const pattern of INTERNALS) expect(pattern.test(body), `${label}: body shows internals (${pattern}): ${body.slice(0, 300)}`).toBe(false);
}

/** A 4xx/5xx answer is RFC 9457 problem+json whose status is the response's, without internals. */
export function expectProblem(res: Response, body: string, label: string) {
  expect(res.headers.get("content-type") ?? "", `${label}: content type of a ${res.status}`).toMatch(/^application\/problem\+json/);
  let parsed: { status?: unknown; title?: unknown; type?: unknown };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    throw new Error(`${label}: a ${res.status} whose body is not JSON: ${body.slice(0, 200)}`);
  }
  expect(parsed.status, `${label}: problem.status`).toBe(res.status);
  expect(typeof parsed.title, `${label}: problem.title`).toBe("string");
  expect(typeof parsed.type, `${label}: problem.type`).toBe("string");
  expectNoInternals(body, label);
}

/** Ids of the rows of `table`, in a stable order. */
export async function idsOf(api: RunningApi, table: string): Promise<string[]> {
  const rows = await api.db.prisma.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM "${table}" ORDER BY id`);
  return rows.map((r) => r.id);
}

const versioned = new WeakMap<RunningApi, Promise<Set<string>>>();
/** A record's optimistic-locking version, or undefined for a table without one (or no such record). */
export async function versionOf(api: RunningApi, table: string, id: string): Promise<number | undefined> {
  if (!versioned.has(api)) {
    versioned.set(
      api,
      api.db.prisma.$queryRaw<{ table_name: string }[]>`
        SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'version'`.then((rows) => new Set(rows.map((r) => r.table_name))),
    );
  }
  if (!(await versioned.get(api)!).has(table)) return undefined;
  const rows = await api.db.prisma.$queryRawUnsafe<{ version: number }[]>(`SELECT version FROM "${table}" WHERE id = $1`, id);
  return rows[0]?.version;
}

/** Which engine the file ran on, for the log (CI checks that both ran). */
export function engineName(api: RunningApi): string {
  return api.db.engine === "postgresql" ? "PostgreSQL" : "PGlite";
}
