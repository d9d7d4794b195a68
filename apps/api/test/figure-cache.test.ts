// Whole-programme figures (the donor dashboard, the public summary) are computed once, served again
// until the data behind them changes — through the API or by anyone else writing to the database —
// and every dashboard request makes the same number of database operations whatever the programme's size.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generateScale, seedId } from "@vep/db/seed";
import { createFigureCache } from "../src/http/figure-cache.js";
import { client } from "./fixtures.js";
import { signIn, startApi, type RunningApi } from "./harness.js";

const operations = { count: 0 };
const figures = createFigureCache();
let api: RunningApi;
let donor: string;
let staff: string;
let generatedProgramme: string;

beforeAll(async () => {
  api = await startApi({ figures, queryCounter: operations });
  [donor, staff] = await Promise.all([signIn(api, "DONOR"), signIn(api, "STAFF")]);
  generatedProgramme = (await generateScale(api.db.prisma, "S")).programmeId;
});
afterAll(() => api.close());

/** A 200's body and the database operations the request made. */
async function measured(path: string, token: string | null) {
  const before = operations.count;
  const res = await client(api, token)("GET", path);
  expect(res.status, path).toBe(200);
  return { body: (await res.json()) as Record<string, unknown>, operations: operations.count - before };
}

/** Polls `read` until `done` holds: a change made outside the API is announced at its commit, and arrives a moment later. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const value = await read();
    if (done(value) || attempt === 50) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const PROGRESS = `/api/v1/donor-progress?programmeId=${seedId("programme")}`;
const delivered = async () => ((await measured(PROGRESS, donor)).body.activities as { delivered: number }).delivered;

it("every data table announces its changes; only bookkeeping tables do not", async () => {
  const tables = await api.db.prisma.$queryRaw<{ name: string; announces: boolean }[]>`
    SELECT c.relname AS name, EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'vep_data_changed') AS announces
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'`;
  expect(tables.length).toBeGreaterThan(40);
  expect(tables.filter((t) => !t.announces).map((t) => t.name).sort()).toEqual(["AuditEvent", "AuthSession", "IdempotencyKey", "Notification", "User"]);
  // Sessions and accounts announce changes to access instead, which drop kept sessions and no figure.
  const access = await api.db.prisma.$queryRaw<{ name: string }[]>`
    SELECT c.relname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = 'vep_access_changed' ORDER BY 1`;
  expect(access.map((t) => t.name)).toEqual(["AuthSession", "User"]);
});

describe("kept between requests", () => {
  it("the donor dashboard is computed once; later requests only check who asks", async () => {
    figures.wrote();
    const first = await measured(PROGRESS, donor);
    const again = await measured(PROGRESS, donor);
    expect(again.body).toEqual(first.body);
    // Nothing: the session and the programmes the caller funds are kept with the figures.
    expect(again.operations).toBe(0);
    expect(first.operations).toBeGreaterThan(again.operations + 5);
  });

  it("a change through the API is seen by the writer's very next read", async () => {
    const before = await measured(PROGRESS, donor);
    const programme = (await (await client(api, staff)("GET", `/api/v1/programmes/${seedId("programme")}`)).json()) as { version: number; onTrackPercent: number };
    const changed = await client(api, staff)("PATCH", `/api/v1/programmes/${seedId("programme")}`, { version: programme.version, onTrackPercent: programme.onTrackPercent - 5 });
    expect(changed.status).toBe(200);
    const after = await measured(PROGRESS, donor);
    expect(after.body.progressRule).not.toEqual(before.body.progressRule);
    expect(after.body.progressRule).toMatchObject({ onTrackPercent: programme.onTrackPercent - 5 });
  });

  it("a change made outside the API (another process, a console) is seen once the database announces it", async () => {
    expect(await delivered()).toBe(1);
    await api.db.prisma.$executeRaw`UPDATE "Activity" SET status = 'CANCELLED' WHERE id = ${seedId("activity:webinar")}`;
    expect(await eventually(delivered, (n) => n === 0)).toBe(0);
    const summary = async () => ((await measured("/api/v1/public/summary", null)).body.totals as { activitiesDelivered: number }).activitiesDelivered;
    expect(await summary()).toBe(0);
    await api.db.prisma.$executeRaw`UPDATE "Activity" SET status = 'DELIVERED' WHERE id = ${seedId("activity:webinar")}`;
    expect(await eventually(delivered, (n) => n === 1)).toBe(1);
    expect(await eventually(summary, (n) => n === 1)).toBe(1);
  });

  it("the programmes a donor funds follow a change of contributions made outside the API", async () => {
    const listed = async () => ((await measured(PROGRESS, donor)).body.programmes as { id: string }[]).map((p) => p.id);
    expect(await listed()).toContain(generatedProgramme);
    // The EU's contributions to the generated programme become another funder's, then the EU's again.
    const moved = await api.db.prisma.$queryRaw<{ id: string }[]>`
      UPDATE "Contribution" SET "donorId" = ${seedId("donor:NL")} WHERE "programmeId" = ${generatedProgramme} AND "donorId" = ${seedId("donor:EU")} RETURNING id`;
    expect(moved.length).toBeGreaterThan(0);
    expect(await eventually(listed, (ids) => !ids.includes(generatedProgramme))).not.toContain(generatedProgramme);
    await api.db.prisma.$executeRaw`UPDATE "Contribution" SET "donorId" = ${seedId("donor:EU")} WHERE id = ANY(${moved.map((c) => c.id)}::text[])`;
    expect(await eventually(listed, (ids) => ids.includes(generatedProgramme))).toContain(generatedProgramme);
  });

  it("a sign-in changes no figure and keeps them", async () => {
    await measured(PROGRESS, donor);
    await signIn(api, "DONOR");
    // The session only: a sign-in drops the kept sessions (not the figures), so it is read again.
    expect((await measured(PROGRESS, donor)).operations).toBe(1);
  });
});

describe("sessions kept between requests end as soon as access changes", () => {
  let admin: string;
  let serial = 0;
  beforeAll(async () => {
    admin = await signIn(api, "ADMIN");
  });
  const me = (token: string) => client(api, token)("GET", "/api/v1/me").then((res) => res.status);
  /** A new STAFF account, signed in, its session kept by a first request. */
  async function keptSession() {
    const email = `kept-${++serial}@vep.example`;
    const created = await client(api, admin)("POST", "/api/v1/users", { email, displayName: `Kept ${serial}`, role: "STAFF", password: `kept-password-${serial}-long` });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const login = await client(api, null)("POST", "/api/v1/auth/login", { email, password: `kept-password-${serial}-long` });
    const { token } = (await login.json()) as { token: string };
    expect(await me(token)).toBe(200);
    return { id, token };
  }

  it("signing out ends it at once", async () => {
    const { token } = await keptSession();
    expect((await client(api, token)("POST", "/api/v1/auth/logout")).status).toBe(204);
    expect(await me(token)).toBe(401);
  });

  it("an administrator deactivating the account ends it at once", async () => {
    const { id, token } = await keptSession();
    const { version } = (await (await client(api, admin)("GET", `/api/v1/users/${id}`)).json()) as { version: number };
    expect((await client(api, admin)("PATCH", `/api/v1/users/${id}`, { version, isActive: false })).status).toBe(200);
    expect(await me(token)).toBe(401);
  });

  it("a revocation made outside the API (another process, a console) ends it once the database announces it", async () => {
    const { id, token } = await keptSession();
    await api.db.prisma.$executeRaw`UPDATE "AuthSession" SET "revokedAt" = now() WHERE "userId" = ${id}`;
    expect(await eventually(() => me(token), (status) => status === 401)).toBe(401);
  });

  it("its expiry is checked on every request, kept or not", async () => {
    const { token } = await keptSession();
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 13 * 60 * 60 * 1000);
      expect(await me(token)).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });

  it("an unknown token is not kept, so that a flood of them cannot push the figures out", async () => {
    const before = operations.count;
    for (let i = 0; i < 3; i++) expect(await me("x".repeat(43))).toBe(401);
    expect(operations.count - before).toBe(3);
  });
});

/**
 * Copies `count` delivered activities of a programme with their sessions, participants, attendance and
 * feedback (new ids derived from the old), so that the same periods hold more records.
 */
async function copyActivities(programmeId: string, count: number, round: number) {
  const newId = (column: string) => `overlay(overlay(md5('copy${round}:' || ${column}) placing '4' from 13) placing '8' from 17)`;
  const copy = async (table: string, alias: string, replaced: Record<string, string>, where: string) => {
    // Generated columns (search keys) are the database's to fill.
    const columns = (
      await api.db.prisma.$queryRaw<{ name: string }[]>`
        SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${table} AND is_generated = 'NEVER'`
    ).map((c) => `"${c.name}"`);
    const changed = Object.entries(replaced).map(([column, value]) => `'${column}', ${value}`).join(", ");
    await api.db.prisma.$executeRawUnsafe(`
      INSERT INTO "${table}" (${columns.join(", ")})
      SELECT ${columns.map((c) => `r.${c}`).join(", ")} FROM "${table}" ${alias}, jsonb_populate_record(NULL::"${table}", to_jsonb(${alias}) || jsonb_build_object(${changed})) r
      WHERE ${where}`);
  };
  const chosen = `SELECT id FROM "Activity" WHERE "programmeId" = '${programmeId}' AND status = 'DELIVERED' ORDER BY id LIMIT ${count}`;
  await api.db.prisma.$executeRawUnsafe(`CREATE TEMP TABLE IF NOT EXISTS copied (id text)`);
  await api.db.prisma.$executeRawUnsafe(`TRUNCATE copied`);
  await api.db.prisma.$executeRawUnsafe(`INSERT INTO copied ${chosen}`);
  await copy("Activity", "a", { id: newId("a.id"), code: `a.code || '-copy${round}'` }, `a.id IN (SELECT id FROM copied)`);
  await copy("Session", "s", { id: newId("s.id"), activityId: newId('s."activityId"') }, `s."activityId" IN (SELECT id FROM copied)`);
  await copy("Enrolment", "e", { id: newId("e.id"), activityId: newId('e."activityId"') }, `e."activityId" IN (SELECT id FROM copied)`);
  await copy("Attendance", "t", { sessionId: newId('t."sessionId"') }, `t."sessionId" IN (SELECT s.id FROM "Session" s WHERE s."activityId" IN (SELECT id FROM copied))`);
  await copy("FeedbackResponse", "f", { id: newId("f.id"), activityId: newId('f."activityId"') }, `f."activityId" IN (SELECT id FROM copied)`);
}

describe("no query per record: a dashboard request makes as many database operations for 150 activities as for 100", () => {
  const cases: [string, (programme: string) => string, () => string][] = [
    ["donor dashboard", (p) => `/api/v1/donor-progress?programmeId=${p}`, () => donor],
    ["donor report", (p) => `/api/v1/reports/donor?programmeId=${p}`, () => donor],
    ["public summary", () => `/api/v1/public/summary?programme=${generatedIati}`, () => ""],
    ["activity list, first page", (p) => `/api/v1/activities?programmeId=${p}&limit=100`, () => staff],
    ["indicator detail", () => `/api/v1/indicators/${generatedIndicator}`, () => staff],
  ];
  const before: Record<string, { body: string; operations: number }> = {};
  let generatedIndicator = "";
  let generatedIati = "";
  beforeAll(async () => {
    generatedIati = (await api.db.prisma.programme.findUniqueOrThrow({ where: { id: generatedProgramme }, select: { iatiIdentifier: true } })).iatiIdentifier;
    generatedIndicator = (await api.db.prisma.indicator.findFirstOrThrow({ where: { programmeId: generatedProgramme, source: "COMPUTED" }, select: { id: true } })).id;
    for (const [name, path, token] of cases) {
      figures.wrote();
      const { body, operations } = await measured(path(generatedProgramme), token() || null);
      before[name] = { body: JSON.stringify(body), operations };
    }
    await copyActivities(generatedProgramme, 50, 1);
  });

  it.each(cases)("%s", async (name, path, token) => {
    figures.wrote();
    const after = await measured(path(generatedProgramme), token() || null);
    expect(before[name]!.operations).toBeGreaterThan(0);
    expect(after.operations).toBe(before[name]!.operations);
  });

  it("the copies count: more activities delivered", async () => {
    const progress = await measured(`/api/v1/donor-progress?programmeId=${generatedProgramme}`, donor);
    const earlier = JSON.parse(before["donor dashboard"]!.body) as { activities: { delivered: number } };
    expect((progress.body.activities as { delivered: number }).delivered).toBe(earlier.activities.delivered + 50);
  });
});
