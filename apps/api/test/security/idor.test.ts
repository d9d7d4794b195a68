// Cross-organisation and cross-donor access (IDOR): on every route that takes an id, a partner names
// records of the other partner's organisation, and a donor records of programmes it does not fund, with
// every method the route has. Derived from the app's routes and the access table, so a new route is
// covered without being listed here. For every attempt:
//   - a role the route refuses altogether answers 403 (the access table), whatever the id;
//   - a role the route serves within a scope answers 404, exactly as for an id that exists nowhere, so
//     that the record's existence is not revealed (CONVENTIONS.md: "a record outside the caller's scope
//     → 404"); never a 2xx;
//   - nothing is written: every table's rows are the same before and after.
// Routes that serve every record to the role ("all", "public-aggregates": reference data, public pages)
// are not IDOR targets and are left out. A scoped route that no attacker could be pointed at fails the
// coverage test, so that a new table gets a victim record here.
import { afterAll, describe, expect, it } from "vitest";
import { scopeFor, type Principal } from "@vep/domain";
import { createWorld } from "../fixtures.js";
import { startApi, type RunningApi } from "../harness.js";
import { csvBytes, departmentSheet } from "../sheets.js";
import { changedTables, engineName, expectProblem, fingerprinter, idsOf, servedRoutes, tableOfPath, tablesWithId, versionOf } from "./support.js";

const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
/** Records per table each attacker names (the first ones by id): enough to vary, few enough to stay quick. */
const VICTIMS_PER_TABLE = 3;

const api: RunningApi = await startApi();
afterAll(() => api.close());

async function idsByTable(): Promise<Map<string, string[]>> {
  return new Map(await Promise.all((await tablesWithId(api)).map(async (t) => [t, await idsOf(api, t)] as const)));
}

// World A is the seed (the EU-funded programme, the webinar, the Prison Committee = partner A, donor EU =
// donor A); world B (fixtures.ts) is programme B funded by donor B only, activity B assigned to partner B.
const seeded = await idsByTable();
const world = await createWorld(api);

async function call(method: string, path: string, token: string | null, body?: unknown, headers: Record<string, string> = {}) {
  return fetch(`${api.url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
async function ok<T>(res: Response | Promise<Response>, status = 200): Promise<T> {
  const r = await res;
  const text = await r.text();
  if (r.status !== status) throw new Error(`world B set-up: ${r.url} answered ${r.status}: ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

// World B also gets what only a workflow makes: partner B's participant list (submitted, then returned
// by staff, which notifies partner B), a feedback form with an anonymous response and a quote from it.
{
  const list = csvBytes(departmentSheet([["Асанов Бакыт", "М", "Chuy Region", "инспектор"], ["Исакова Айгуль", "Ж", "Chuy Region", "психолог"]]));
  const imported = await ok<{ submission: { id: string } }>(
    fetch(`${api.url}/api/v1/activities/${world.activityB}/participant-imports?fileName=list.csv`, { method: "POST", headers: { authorization: `Bearer ${world.tokens.partnerB}`, "content-type": "text/csv" }, body: list }),
    201,
  );
  const id = imported.submission.id;
  const read = () => ok<{ version: number }>(call("GET", `/api/v1/submissions/${id}`, world.tokens.partnerB));
  await ok(call("POST", `/api/v1/submissions/${id}/submit`, world.tokens.partnerB, { version: (await read()).version }));
  await ok(call("POST", `/api/v1/submissions/${id}/return`, world.tokens.staff, { version: (await read()).version, comment: "Add positions" }));

  const form = await ok<{ id: string; token: string }>(call("POST", "/api/v1/feedback-forms", world.tokens.staff, { activityId: world.activityB, title: "Feedback B" }), 201);
  await ok(call("POST", `/api/v1/public/feedback-forms/${form.token}/responses`, null, { language: "ru", ratingRelevance: 5, comments: "Очень полезно", consentToQuote: true }), 201);
  const response = (await idsOf(api, "FeedbackResponse")).find((r) => !seeded.get("FeedbackResponse")?.includes(r));
  await ok(call("POST", `/api/v1/feedback-responses/${response}/quote`, world.tokens.staff, {}), 201);
}

const after = await idsByTable();
/** World B: every record the fixtures and the workflow above added. */
const worldB = new Map([...after].map(([t, ids]) => [t, ids.filter((id) => !seeded.get(t)?.includes(id))]));
const worldA = seeded;

interface Attacker {
  name: string;
  role: Extract<Principal, "PARTNER" | "DONOR">;
  token: string;
  /** Records of the other party, by table. */
  victims: Map<string, string[]>;
  /** The other party, who may read (some of) those records: the control that a 404 is the scope's. */
  owner: string;
}
const ATTACKERS: Attacker[] = [
  { name: "partner A", role: "PARTNER", token: world.tokens.partnerA, victims: worldB, owner: world.tokens.partnerB },
  { name: "partner B", role: "PARTNER", token: world.tokens.partnerB, victims: worldA, owner: world.tokens.partnerA },
  { name: "donor A", role: "DONOR", token: world.tokens.donorA, victims: worldB, owner: world.tokens.donorB },
  { name: "donor B", role: "DONOR", token: world.tokens.donorB, victims: worldA, owner: world.tokens.donorA },
];

const fingerprint = await fingerprinter(api);

const PARTICIPANT_CSV = csvBytes(departmentSheet([["Смирнова Анна", "Ж", "Chuy Region", "инспектор"]]));
const FEEDBACK_CSV = csvBytes([["Язык", "Актуальность", "Полезность", "Комментарий"], ["ru", "5", "4", "Спасибо"]]);

/** Routes whose query has required parameters: without them the answer is 400 before any scope check. */
const REQUIRED_QUERY: Record<string, string> = {
  "GET /api/v1/indicators/:id/computation": "?periodStart=2020-01-01&periodEnd=2020-12-31",
  "GET /api/v1/indicators/:id/computation/records": "?periodStart=2020-01-01&periodEnd=2020-12-31",
};

/**
 * A request that would succeed on the caller's own record: a valid body with the record's real version,
 * so that a 404 comes from the scope check and not from validation (which answers first, 400).
 */
async function attempt(method: string, path: string, table: string, id: string): Promise<{ url: string; init: RequestInit }> {
  const url = path.replace(/:(\w+)/g, (_, name: string) => (name === "rowNumber" ? "1" : id)) + (REQUIRED_QUERY[`${method} ${path}`] ?? "");
  const version = await versionOf(api, table, id);
  const headers: Record<string, string> = {};
  let body: BodyInit | undefined;
  if (/-imports(\/preview)?$/.test(path)) {
    headers["content-type"] = "text/csv";
    body = path.includes("feedback") ? FEEDBACK_CSV : PARTICIPANT_CSV;
  } else if (method === "DELETE") {
    headers["if-match"] = `"${version ?? 1}"`;
  } else if (method !== "GET") {
    headers["content-type"] = "application/json";
    const fields: Record<string, unknown> = path.endsWith("/rows/:rowNumber") ? { fullName: "Смирнова Анна" } : {};
    body = JSON.stringify(path.endsWith("/notifications/:id/read") ? {} : { ...(version === undefined ? {} : { version }), ...fields });
  }
  return { url, init: { method, headers, ...(body === undefined ? {} : { body }) } };
}

/**
 * Scoped routes whose record itself is public by design, where the scope bounds what comes with it.
 * Donors are public as in IATI (finance/donors/service.ts): any donor reads any donor, but the pledged and
 * received totals count only the programmes the caller co-funds, so another donor's come back empty.
 */
const OPEN_RECORD_SCOPED_FIGURES: Record<string, (body: Record<string, unknown>) => void> = {
  "DONOR GET /api/v1/donors/:id": (body) => expect(body.totals, "another donor's totals").toEqual([]),
};

const idRoutes = servedRoutes(api).filter((r) => r.path.includes("/:") && !r.path.startsWith("/api/docs"));
const served = (role: Principal, r: { method: string; path: string }) => {
  const scope = scopeFor(r.method, r.path, role);
  return scope !== "all" && scope !== "public-aggregates";
};
// Routes that serve every record to partners and donors alike (reference data, public pages) have no target.
const targets = idRoutes.filter((r) => ATTACKERS.some((a) => served(a.role, r)));
const stats = { requests: 0, byStatus: new Map<number, number>() };
const covered = new Set<string>();
/** Scoped GET routes on which the owner read at least one of the records its attacker was refused. */
const ownerReads = new Set<string>();
afterAll(() => console.log(`[idor] ${engineName(api)}: ${stats.requests} attempts on ${targets.length} id-taking routes (${idRoutes.length - targets.length} serve every record); ${[...stats.byStatus].map(([s, n]) => `${s}×${n}`).join(" ")}`));

describe.each(targets.map((r) => [`${r.method} ${r.path}`, r]))("%s", (_key, route: { method: string; path: string }) => {
  const table = tableOfPath(route.path);

  it.each(ATTACKERS.filter((a) => served(a.role, route)).map((a) => [a.name, a]))("%s is refused the other party's records, and nothing is written", async (_name, attacker: Attacker) => {
    expect(table, `no table known for the id in ${route.path}: add its segment to TABLE_OF_SEGMENT`).toBeDefined();
    const scope = scopeFor(route.method, route.path, attacker.role);
    const expected = scope === undefined ? 403 : 404;
    // A role refused outright is refused before any id is looked at: one record is enough.
    const victims = (attacker.victims.get(table!) ?? []).slice(0, expected === 403 ? 1 : VICTIMS_PER_TABLE);
    for (const id of victims) {
      const { url, init } = await attempt(route.method, route.path, table!, id);
      const label = `${attacker.name} ${route.method} ${url}`;
      const before = await fingerprint();
      const res = await fetch(`${api.url}${url}`, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${attacker.token}` } });
      const body = await res.text();
      stats.requests++;
      stats.byStatus.set(res.status, (stats.byStatus.get(res.status) ?? 0) + 1);
      expect(changedTables(before, await fingerprint()), `${label} wrote`).toEqual([]);
      const openRecord = OPEN_RECORD_SCOPED_FIGURES[`${attacker.role} ${route.method} ${route.path}`];
      if (openRecord) {
        expect(res.status, `${label}: ${body.slice(0, 300)}`).toBe(200);
        openRecord(JSON.parse(body) as Record<string, unknown>);
        covered.add(`${attacker.role} ${route.method} ${route.path}`);
        continue;
      }
      expect(res.status, `${label}: ${body.slice(0, 300)}`).toBe(expected);
      expectProblem(res, body, label);
      if (expected === 404) {
        // The same answer as for a record that does not exist at all.
        const unknown = await attempt(route.method, route.path, table!, UNKNOWN_ID);
        const none = await fetch(`${api.url}${unknown.url}`, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${attacker.token}` } });
        const noneBody = await none.text();
        expect({ status: none.status, body: noneBody.replaceAll(UNKNOWN_ID, "<id>") }, `${label}: differs from an unknown id`).toEqual({ status: res.status, body: body.replaceAll(id, "<id>") });
        covered.add(`${attacker.role} ${route.method} ${route.path}`);
        if (route.method === "GET") {
          const own = await fetch(`${api.url}${url}`, { headers: { authorization: `Bearer ${attacker.owner}` } });
          if (own.status === 200) ownerReads.add(`${attacker.role} ${route.method} ${route.path}`);
        }
      }
    }
  });
});

it("names a victim record on every route that serves partners or donors within a scope", () => {
  const scoped = idRoutes.flatMap((r) =>
    (["PARTNER", "DONOR"] as const).filter((role) => scopeFor(r.method, r.path, role) !== undefined && served(role, r)).map((role) => `${role} ${r.method} ${r.path}`),
  );
  expect(scoped.length).toBeGreaterThan(20);
  expect(scoped.filter((key) => !covered.has(key))).toEqual([]);
});

it("refuses records that their owners can read on every scoped GET route (the 404 is the scope's, not a broken route)", () => {
  const scopedGets = [...covered].filter((key) => key.includes(" GET ") && !(key in OPEN_RECORD_SCOPED_FIGURES));
  expect(scopedGets.length).toBeGreaterThan(10);
  expect(scopedGets.filter((key) => !ownerReads.has(key))).toEqual([]);
});

/** Query filters that name a record, and its table. */
const FILTERS: Record<string, string> = { programmeId: "Programme", activityId: "Activity", donorId: "Donor", organisationId: "Organisation", formId: "FeedbackForm", indicatorId: "Indicator" };

it("lists and filters give a partner or donor no id of the other party's scoped records", async () => {
  // A table is the attacker's to see only where its GET /<segment>/:id route serves the role everything.
  const open = (role: Principal, table: string) =>
    idRoutes.some((r) => r.method === "GET" && tableOfPath(r.path) === table && r.path.endsWith("/:id") && (!served(role, r) || `${role} GET ${r.path}` in OPEN_RECORD_SCOPED_FIGURES));
  const lists = servedRoutes(api).filter((r) => r.method === "GET" && !r.path.includes("/:") && r.path.startsWith("/api/v1/") && !r.path.startsWith("/api/v1/public"));
  let requests = 0;
  for (const attacker of ATTACKERS) {
    // Organisations are institutions, and a partner's own programme names its reporting organisation: only
    // the organisation's record is scoped (checked above), not a mention of its id.
    const secret = [...attacker.victims].filter(([table]) => !open(attacker.role, table) && !["AuditEvent", "AuthSession", "IdempotencyKey", "Organisation"].includes(table)).flatMap(([table, ids]) => ids.map((id) => ({ table, id })));
    for (const list of lists) {
      if (scopeFor("GET", list.path, attacker.role) === undefined) continue;
      // Unfiltered, and filtered by the other party's programme, activity, donor...: answered within scope.
      const urls = [list.path, ...Object.entries(FILTERS).flatMap(([filter, table]) => (attacker.victims.get(table) ?? []).slice(0, 1).map((id) => `${list.path}?${filter}=${id}`))];
      for (const url of urls) {
        const res = await fetch(`${api.url}${url}`, { headers: { authorization: `Bearer ${attacker.token}` } });
        const body = await res.text();
        requests++;
        expect(res.status, `${attacker.name} ${url}`).toBeLessThan(500);
        const filterId = /=([\w-]+)$/.exec(url)?.[1];
        // A refusal may repeat the id it was sent; an answer shows no record of the other party.
        const leaked = secret.filter(({ id }) => body.includes(id) && !(id === filterId && res.status >= 400)).map(({ table, id }) => `${table} ${id}`);
        expect(leaked, `${attacker.name} ${url} → ${res.status} shows ids of the other party's records`).toEqual([]);
      }
    }
  }
  console.log(`[idor] lists: ${requests} requests by ${ATTACKERS.length} attackers`);
});
