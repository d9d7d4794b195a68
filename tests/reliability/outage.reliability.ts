// (b) PostgreSQL stopped during load (`pg_ctl stop -m fast`) and started again: while it is down every
// request answers 503 problem+json with Retry-After (never a 500, never a hang) and health says
// "unavailable"; once it is back the same API process serves again without a restart, and every write it
// acknowledged before and after the outage is there.
import { expect, it } from "vitest";
import { readBack, runLoad, summarise, type Outcome } from "./load.js";
import { apiOnOwnPostgres, call, SECONDS, signIn, waitUntil } from "./support.js";

const CLIENTS = 8;
/** How long PostgreSQL stays down. */
const DOWN_MS = 3000;
const stack = apiOnOwnPostgres("stop");

const isOk = (r: Outcome) => r.status >= 200 && r.status < 300;
/** What "the database is away" must look like: 503, problem+json, Retry-After, no stack trace. */
const isUnavailable = (r: Outcome) =>
  r.status === 503 && r.retryAfter !== null && Number(r.retryAfter) > 0 && r.contentType?.startsWith("application/problem+json") === true && !JSON.stringify(r.body).includes("    at ");

it("answers 503 with Retry-After while PostgreSQL is down and serves again, in the same process, once it is back", async () => {
  const tokens = { staff: await signIn(stack.api!, "STAFF"), donor: await signIn(stack.api!, "DONOR") };
  const pid = stack.api!.child.pid;
  const seconds = Math.max(SECONDS, 16);
  const began = performance.now();
  const now = () => performance.now() - began;
  // The load goes on until a few seconds after the last outage, however long PostgreSQL takes to restart.
  let endAt = Number.POSITIVE_INFINITY;
  const load = runLoad(stack.api!, tokens, { clients: CLIENTS, seconds, until: () => now() < endAt, timeoutMs: 10_000 });

  // Two outages: a clean shutdown (in-flight queries get 57P01) and a crash (connections just drop).
  const outages: { mode: "fast" | "immediate"; stoppedAt: number; startedAt: number; healthWhileDown: Awaited<ReturnType<typeof call>>; recoveredInMs: number | null }[] = [];
  for (const [mode, at] of [["fast", 0.2], ["immediate", 0.55]] as const) {
    await new Promise((r) => setTimeout(r, Math.max(0, seconds * 1000 * at - now())));
    const stoppedAt = now();
    await stack.pg.stop(mode);
    const healthWhileDown = await call(stack.api!, "GET", "/api/health", { timeoutMs: 10_000 });
    await new Promise((r) => setTimeout(r, DOWN_MS));
    await stack.pg.start();
    const startedAt = now();
    const recoveredInMs = await waitUntil(async () => (await call(stack.api!, "GET", "/api/health")).status === 200, 15_000);
    outages.push({ mode, stoppedAt, startedAt, healthWhileDown, recoveredInMs });
  }
  endAt = Math.max(seconds * 1000, now() + 4000);
  const result = await load;
  const lost = await readBack(stack.api!, tokens.staff, result.writes);

  const unavailable = result.replies.filter(isUnavailable);
  const failures = result.replies.filter((r) => !isOk(r) && !isUnavailable(r));
  const last = outages.at(-1)!;
  const tail = result.replies.filter((r) => r.at > last.startedAt + (last.recoveredInMs ?? 0) + 2000);
  const causes = [...new Set([...stack.api!.output().matchAll(/"msg":"database unavailable".*?"error":"([^"]*)"/g)].map((m) => m[1]!.slice(0, 80)))];
  summarise("PostgreSQL stopped during load", result, {
    clients: CLIENTS,
    outages: outages.map((o) => ({ mode: o.mode, stoppedAtS: +(o.stoppedAt / 1000).toFixed(1), downForS: +((o.startedAt - o.stoppedAt) / 1000).toFixed(1), healthyAgainAfterStartMs: o.recoveredInMs })),
    answered503: unavailable.length,
    slowest503Ms: Math.round(Math.max(0, ...unavailable.map((r) => r.ms))),
    failures: failures.length,
    writesReadBack: result.writes.length - lost.length,
    causesSeen: causes,
  });

  for (const { mode, healthWhileDown: health, recoveredInMs, stoppedAt, startedAt } of outages) {
    expect(health.status, mode).toBe(503);
    expect(health.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((health.body as { status: string }).status).toBe("unavailable");
    expect((health.body as { database: { reachable: boolean } }).database.reachable).toBe(false);
    expect(recoveredInMs, `health answered 200 again after the ${mode} stop`).not.toBeNull();
    expect(result.replies.filter((r) => r.at > stoppedAt && r.at < startedAt && isUnavailable(r)).length, `the ${mode} outage was seen by the load`).toBeGreaterThan(0);
    // Writes acknowledged before this outage and after it.
    expect(result.writes.filter((w) => w.at < stoppedAt).length).toBeGreaterThan(0);
    expect(result.writes.filter((w) => w.at > startedAt).length).toBeGreaterThan(0);
  }
  // The API's own account of a 500, to see which error it did not recognise.
  const unhandled = [...stack.api!.output().matchAll(/^.*"msg":"unhandled".*$/gm)].map((m) => m[0].slice(0, 2000));
  expect(failures.slice(0, 5), `${failures.length} replies were neither 2xx nor a proper 503; the API logged:\n${unhandled.join("\n")}`).toEqual([]);
  expect(tail.length).toBeGreaterThan(0);
  expect(tail.filter((r) => !isOk(r))).toEqual([]);
  expect(stack.api!.child.pid).toBe(pid);
  expect(stack.api!.child.exitCode).toBeNull();
  expect(lost).toEqual([]);
  expect(stack.api!.output()).not.toMatch(/"msg":"unhandled"/);
});
