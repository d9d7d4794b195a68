// Issue 7's targets on a generated programme in PostgreSQL, through the built API and dashboard as
// their own processes: the donor progress endpoint with one client and under 32 concurrent clients
// (autocannon), the same aggregate as plain SQL for the API ÷ SQL ratio, the activity list (first and
// a deep page, with filters), the donor dashboard page rendered by the web server, the API's memory
// under load, and the embedded (PGlite) cold start. Prints a table and JSON; asserts nothing.
//
//   npm run build && SIZE=L npm run bench:scale -w @vep/tests
//   (PG_ADMIN_URL: a superuser URL; SIZE=S|M|L (default L); RUNS=50 sequential requests per figure;
//    SECONDS=30 of concurrent load; BENCH_DATABASE_URL: an already generated database to reuse)
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { openDatabase } from "@vep/db";
import { generateScale, SCALE_PROGRAMME_ID, type ScaleSizeName } from "@vep/db/seed";
import { freePort, freshDatabase, login, percentiles, ROOT, startApi } from "./support.js";

const SIZE = (process.env.SIZE ?? "L").toUpperCase() as ScaleSizeName;
const RUNS = Number(process.env.RUNS ?? 50);
const SECONDS = Number(process.env.SECONDS ?? 30);
const rows: Record<string, unknown>[] = [];

/** Resident memory of a process now (Linux), in MB. */
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

async function sequential(what: string, target: string, run: () => Promise<void>) {
  await run(); // the first call fills caches and connections: reported separately
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    ms.push(performance.now() - started);
  }
  rows.push({ what, target, ...percentiles(ms) });
}

async function getOk(url: string, headers: Record<string, string>) {
  const res = await fetch(url, { headers, redirect: "manual" });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${body.slice(0, 200)}`);
  return body;
}

/** The embedded default: a fresh data directory, the reference case migrated and loaded, to a healthy API. */
async function pgliteColdStart(): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), "vep-cold-"));
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, "apps/api/dist/server.js")], {
    env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: join(dir, "pglite"), API_PORT: String(port), HOST: "127.0.0.1", LOG_REQUESTS: "off" },
    stdio: "ignore",
  });
  try {
    for (;;) {
      const healthy = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.status === 200, () => false);
      if (healthy) return (performance.now() - started) / 1000;
      if (child.exitCode !== null) throw new Error(`the embedded API exited with ${child.exitCode}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    await rm(dir, { recursive: true, force: true });
  }
}

async function main() {
  const reused = process.env.BENCH_DATABASE_URL;
  const database = reused ? { url: reused, drop: async () => undefined } : await freshDatabase("vep_bench_scale");
  let generatedIn = "reused";
  if (!reused) {
    // The API migrates and loads the reference case; the generator then adds the large programme.
    const first = await startApi(database.url);
    await first.stop();
    const scale = await openDatabase({ url: database.url });
    generatedIn = `${(await generateScale(scale.prisma, SIZE).finally(() => scale.close())).seconds.toFixed(1)} s`;
  }
  const api = await startApi(database.url);
  const sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  const webPort = await freePort();
  const web = spawn(process.execPath, [join(ROOT, "apps/web/server.js")], {
    cwd: join(ROOT, "apps/web"),
    env: { ...process.env, API_URL: api.url, WEB_PORT: String(webPort), HOST: "127.0.0.1" },
    stdio: "ignore",
  });
  const webUrl = `http://127.0.0.1:${webPort}`;
  try {
    const donor = await login(api.url, "donor@vep.example", "demo-donor-2020");
    const staff = await login(api.url, "staff@vep.example", "demo-staff-2020");
    const asDonor = { authorization: `Bearer ${donor}` };
    const asStaff = { authorization: `Bearer ${staff}` };
    const progressPath = `/api/v1/donor-progress?programmeId=${SCALE_PROGRAMME_ID}`;

    // Cold: the first request after start computes the programme's figures.
    const cold = performance.now();
    await getOk(api.url + progressPath, asDonor);
    rows.push({ what: "donor progress, first request after start (computes)", target: "", p50: +(performance.now() - cold).toFixed(1) });
    await sequential("donor progress, one client", "p95 ≤ 50 ms", () => getOk(api.url + progressPath, asDonor).then(() => undefined));

    // The aggregate the endpoint's reach rests on, as plain SQL: people trained (attended at least the
    // activity's completion share of its sessions, on a staff-entered or approved list) by sex and region.
    const reachSql = `
      WITH attended AS (
        SELECT s."activityId", a."personId", count(*) AS n FROM "Attendance" a JOIN "Session" s ON s.id = a."sessionId"
        JOIN "Activity" act ON act.id = s."activityId" WHERE act."programmeId" = $1 AND act.status = 'DELIVERED' GROUP BY 1, 2
      ), held AS (
        SELECT s."activityId", count(*) AS n FROM "Session" s JOIN "Activity" act ON act.id = s."activityId" WHERE act."programmeId" = $1 GROUP BY 1
      ), trained AS (
        SELECT DISTINCT e."personId" FROM "Enrolment" e
        JOIN "Activity" act ON act.id = e."activityId" AND act."programmeId" = $1 AND act.status = 'DELIVERED'
        LEFT JOIN "Submission" sub ON sub.id = e."submissionId"
        JOIN attended at ON at."activityId" = e."activityId" AND at."personId" = e."personId"
        JOIN held h ON h."activityId" = e."activityId"
        WHERE e.role = 'PARTICIPANT' AND (e."submissionId" IS NULL OR sub.status = 'APPROVED') AND at.n * 100 >= h.n * act."completionSharePercent"
      )
      SELECT p.sex, p."regionId", count(*) FROM trained t JOIN "Person" p ON p.id = t."personId" GROUP BY 1, 2`;
    await sequential("same aggregate as plain SQL (trained by sex × region)", "", () => sql.query(reachSql, [SCALE_PROGRAMME_ID]).then(() => undefined));

    // 32 concurrent clients, with the API's memory sampled meanwhile.
    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(api.child.pid!))), 200);
    const load = await autocannon({ url: api.url + progressPath, connections: 32, duration: SECONDS, headers: asDonor });
    clearInterval(sampler);
    const errors = load.errors + load.timeouts + load.non2xx;
    rows.push({ what: `donor progress, 32 clients for ${SECONDS} s`, target: "≥ 1,000 req/s, 0 errors", reqPerSec: Math.round(load.requests.average), p50: load.latency.p50, p95: load.latency.p97_5, errors });
    rows.push({ what: "API resident memory under that load", target: "≤ 300 MB", MB: Math.round(peakRss) });

    // Activity list: a filtered first page, and a page 40 pages deep (following the cursor).
    const listPath = `/api/v1/activities?programmeId=${SCALE_PROGRAMME_ID}&status=DELIVERED&type=TRAINING&limit=25`;
    await sequential("activity list, first page, filtered (staff)", "p95 ≤ 30 ms", () => getOk(api.url + listPath, asStaff).then(() => undefined));
    let cursor: string | null = null;
    for (let page = 0; page < 40; page++) {
      const body = JSON.parse(await getOk(`${api.url}/api/v1/activities?programmeId=${SCALE_PROGRAMME_ID}&limit=25${cursor ? `&cursor=${cursor}` : ""}`, asStaff)) as { nextCursor: string | null };
      if (!body.nextCursor) break;
      cursor = body.nextCursor;
    }
    const deepPath = `/api/v1/activities?programmeId=${SCALE_PROGRAMME_ID}&limit=25&cursor=${cursor}`;
    await sequential("activity list, page 41 (1,000 activities in)", "p95 ≤ 30 ms", () => getOk(api.url + deepPath, asStaff).then(() => undefined));

    // The donor dashboard page, rendered by the web server (which asks the API).
    const signIn = await fetch(`${webUrl}/login`, {
      method: "POST",
      body: new URLSearchParams({ email: "donor@vep.example", password: "demo-donor-2020", redirectTo: "/donor" }),
      redirect: "manual",
    });
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    if (!cookie) throw new Error(`dashboard sign-in gave no cookie (${signIn.status})`);
    await sequential("donor dashboard page rendered by the web server", "p95 ≤ 250 ms", () => getOk(`${webUrl}/donor?programmeId=${SCALE_PROGRAMME_ID}`, { cookie }).then(() => undefined));

    rows.push({ what: "embedded start (PGlite), reference case, cold to healthy", target: "≤ 10 s", seconds: +(await pgliteColdStart()).toFixed(1) });

    const api95 = rows.find((r) => r.what === "donor progress, one client")!.p95 as number;
    const sql95 = rows.find((r) => String(r.what).startsWith("same aggregate"))!.p95 as number;
    console.log(`\nScale benchmark — size ${SIZE} (generated: ${generatedIn}), PostgreSQL, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, ${RUNS} sequential requests per figure\n`);
    console.table(rows);
    console.log(`API ÷ SQL (p95, donor progress vs the plain aggregate): ${(api95 / sql95).toFixed(2)} (target ≤ 1.5)`);
    console.log(JSON.stringify({ size: SIZE, cores: cpus().length, rows, apiOverSql: +(api95 / sql95).toFixed(2) }));
  } finally {
    web.kill("SIGTERM");
    await sql.end();
    await api.stop();
    await database.drop();
  }
}

await main();
