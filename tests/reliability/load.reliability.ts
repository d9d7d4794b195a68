// (a) Mixed read/write load on the built API over PostgreSQL: zero errors, and every write the API
// acknowledged is there afterwards. RELIABILITY_SECONDS (default 10; 60 for the long run) and
// RELIABILITY_CLIENTS (default 16).
import { expect, it } from "vitest";
import { readBack, runLoad, summarise } from "./load.js";
import { apiOnOwnPostgres, SECONDS, signIn } from "./support.js";

const CLIENTS = Number(process.env.RELIABILITY_CLIENTS ?? 16);
const stack = apiOnOwnPostgres("stop");

it(`serves ${CLIENTS} clients reading and writing for ${SECONDS} s with no error and no lost write`, async () => {
  const tokens = { staff: await signIn(stack.api!, "STAFF"), donor: await signIn(stack.api!, "DONOR") };
  const idle = stack.api!.memory();
  const result = await runLoad(stack.api!, tokens, { clients: CLIENTS, seconds: SECONDS });
  const loaded = stack.api!.memory();
  const lost = await readBack(stack.api!, tokens.staff, result.writes);
  summarise("mixed load", result, { clients: CLIENTS, writesReadBack: result.writes.length - lost.length, apiRssIdleMB: idle.rss, apiRssAfterMB: loaded.rss, apiPeakRssMB: loaded.peak });

  const failures = result.replies.filter((r) => r.status < 200 || r.status >= 300);
  expect(failures.slice(0, 5), `${failures.length} of ${result.replies.length} requests failed`).toEqual([]);
  expect(result.writes.length).toBeGreaterThan(CLIENTS);
  for (const kind of ["activity", "session", "value"]) expect(result.writes.some((w) => w.kind === kind), kind).toBe(true);
  expect(lost).toEqual([]);
  expect(stack.api!.output()).not.toMatch(/"level":"error"/);
});
