// Mixed read/write load on a running API: N clients in a loop, each reading the dashboards and lists and
// writing activities, sessions and indicator values as staff, every write with a marker of its own, so
// that afterwards each acknowledged write can be read back and compared.
import { randomUUID } from "node:crypto";
import { seedId } from "@vep/db/seed";
import { call, percentiles, type Reply } from "./support.js";

export interface Write {
  kind: "activity" | "session" | "value" | "indicator";
  id: string;
  marker: string;
  at: number;
}

export interface Outcome {
  op: string;
  status: number;
  /** When the reply came, in ms since the load began. */
  at: number;
  ms: number;
  retryAfter: string | null;
  contentType: string | null;
  body: unknown;
}

export interface LoadResult {
  replies: Outcome[];
  writes: Write[];
  seconds: number;
}

export interface Tokens {
  staff: string;
  donor: string;
}

const PROGRAMME = seedId("programme");
const OUTCOME = seedId("outcome:1");
const OUTPUT = seedId("output:1.1");
const KZ = seedId("country:KZ");
const NL = seedId("donor:NL");
const PARTNER_ORG = seedId("org:PRISON_COMMITTEE");
const WEBINAR = seedId("activity:webinar");
const region2020 = (code: string) => seedId(`region:${code}:2018-06-19`);

const day = (n: number) => new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Runs `clients` loops for `seconds`, or, with `until`, for as long as it says. Requests time out after
 * `timeoutMs` (a timeout is a failure: status 0).
 */
export async function runLoad(api: { url: string }, tokens: Tokens, options: { clients: number; seconds: number; until?: () => boolean; timeoutMs?: number; run?: string }): Promise<LoadResult> {
  const run = options.run ?? randomUUID().slice(0, 8);
  const replies: Outcome[] = [];
  const writes: Write[] = [];
  const began = performance.now();
  const deadline = began + options.seconds * 1000;
  const timeoutMs = options.timeoutMs ?? 10_000;

  const record = (op: string, reply: Reply) => {
    replies.push({ op, status: reply.status, at: performance.now() - began, ms: reply.ms, retryAfter: reply.headers.get("retry-after"), contentType: reply.headers.get("content-type"), body: reply.status >= 200 && reply.status < 300 ? null : reply.body });
    return reply;
  };
  const acknowledged = (kind: Write["kind"], reply: Reply, marker: string) => {
    if (reply.status === 201) writes.push({ kind, id: (reply.body as { id: string }).id, marker, at: performance.now() - began });
    return reply.status === 201 ? (reply.body as { id: string }).id : null;
  };

  async function client(n: number) {
    const staff = { token: tokens.staff, timeoutMs };
    let activityId: string | null = null;
    let indicatorId: string | null = null;
    let sequence = 1;
    let period = 0;
    let writeNo = 0;
    const marker = () => `rel-${run}-c${n}-w${writeNo++}`;
    const ops: (() => Promise<unknown>)[] = [
      () => call(api, "GET", "/api/v1/activities?limit=20", staff).then((r) => record("list activities", r)),
      () => call(api, "GET", "/api/v1/donor-progress", { token: tokens.donor, timeoutMs }).then((r) => record("donor progress", r)),
      async () => {
        const m = marker();
        const body = {
          programmeId: PROGRAMME,
          type: "TRAINING",
          modality: "IN_PERSON",
          title: `Load activity ${m}`,
          countryId: KZ,
          startDate: "2021-03-01",
          endDate: "2021-03-05",
          topics: ["load"],
          regionIds: [region2020("KZ-MAN")],
          outputIds: [OUTPUT],
          donorIds: [NL],
          partners: [{ organisationId: PARTNER_ORG, role: "NATIONAL_COUNTERPART" }],
        };
        const id = acknowledged("activity", record("create activity", await call(api, "POST", "/api/v1/activities", { ...staff, json: body })), m);
        activityId ??= id;
      },
      () => call(api, "GET", "/api/v1/public/summary", { timeoutMs }).then((r) => record("public summary", r)),
      async () => {
        if (!activityId) return;
        const m = marker();
        acknowledged("session", record("create session", await call(api, "POST", `/api/v1/activities/${activityId}/sessions`, { ...staff, json: { sequence: sequence, startsAt: "2021-03-02T10:00:00+06:00", topic: m } })), m);
        sequence++;
      },
      () => call(api, "GET", `/api/v1/activities/${WEBINAR}`, staff).then((r) => record("activity detail", r)),
      async () => {
        if (!indicatorId) {
          const m = marker();
          const body = { programmeId: PROGRAMME, outcomeId: OUTCOME, code: `L-${run}-${n}`, name: `Load indicator ${m}`, measure: "UNIT", source: "MANUAL" };
          indicatorId = acknowledged("indicator", record("create indicator", await call(api, "POST", "/api/v1/indicators", { ...staff, json: body })), m);
          return;
        }
        const m = marker();
        acknowledged("value", record("create value", await call(api, "POST", `/api/v1/indicators/${indicatorId}/values`, { ...staff, json: { periodStart: day(period), periodEnd: day(period), value: period % 97, evidenceNote: m } })), m);
        period++;
      },
      () => call(api, "GET", "/api/v1/indicators?limit=20", staff).then((r) => record("list indicators", r)),
    ];
    const going = options.until ?? (() => performance.now() < deadline);
    for (let i = n; going(); i++) await ops[i % ops.length]!();
  }

  await Promise.all(Array.from({ length: options.clients }, (_, n) => client(n)));
  return { replies, writes, seconds: (performance.now() - began) / 1000 };
}

/** Reads every acknowledged write back by its id and returns those missing or changed. */
export async function readBack(api: { url: string }, token: string, writes: Write[]): Promise<{ write: Write; status: number; found: unknown }[]> {
  const path = { activity: "/api/v1/activities/", session: "/api/v1/sessions/", value: "/api/v1/indicator-values/", indicator: "/api/v1/indicators/" };
  const field = { activity: "title", session: "topic", value: "evidenceNote", indicator: "name" } as const;
  const lost: { write: Write; status: number; found: unknown }[] = [];
  const queue = [...writes];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let write = queue.shift(); write; write = queue.shift()) {
        const reply = await call(api, "GET", `${path[write.kind]}${write.id}`, { token });
        const found = reply.status === 200 ? (reply.body as Record<string, unknown>)[field[write.kind]] : reply.body;
        if (reply.status !== 200 || typeof found !== "string" || !found.includes(write.marker)) lost.push({ write, status: reply.status, found });
      }
    }),
  );
  return lost;
}

export function summarise(label: string, result: LoadResult, extra: Record<string, unknown> = {}) {
  const ok = result.replies.filter((r) => r.status >= 200 && r.status < 300);
  const byStatus: Record<string, number> = {};
  for (const r of result.replies) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  const summary = {
    label,
    seconds: +result.seconds.toFixed(1),
    requests: result.replies.length,
    perSecond: Math.round(result.replies.length / result.seconds),
    byStatus,
    writesAcknowledged: result.writes.length,
    ...percentiles(ok.map((r) => r.ms)),
    ...extra,
  };
  console.log(`[reliability] ${JSON.stringify(summary)}`);
  const ops = [...new Set(result.replies.map((r) => r.op))];
  console.table(Object.fromEntries(ops.map((op) => {
    const mine = result.replies.filter((r) => r.op === op);
    return [op, { requests: mine.length, ok: mine.filter((r) => r.status >= 200 && r.status < 300).length, ...percentiles(mine.map((r) => r.ms)) }];
  })));
  return summary;
}
