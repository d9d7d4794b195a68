// Results and reporting on the reference case and on a large generated programme: how long the donor
// dashboard, a computed indicator (figure and records), the donor report, the IATI export and a CSV
// export take through the built API on PostgreSQL. Prints a table and JSON; asserts nothing.
//
//   npm run build && npm run bench:results -w @vep/tests
//   (PG_ADMIN_URL: a superuser URL; SIZE=S|M|L of the generated programme (npm run seed:scale), default M; RUNS=15)
import { cpus, totalmem } from "node:os";
import { openDatabase } from "@vep/db";
import { generateScale, type ScaleSizeName } from "@vep/db/seed";
import { freshDatabase, login, peakRssMb, percentiles, startApi } from "./support.js";

const SIZE = (process.env.SIZE ?? "M").toUpperCase() as ScaleSizeName;
const RUNS = Number(process.env.RUNS ?? 15);

async function main() {
  const database = await freshDatabase("vep_bench_results");
  const api = await startApi(database.url);
  const results: Record<string, unknown>[] = [];
  try {
    const staff = await login(api.url, "staff@vep.example", "demo-staff-2020");
    const donor = await login(api.url, "donor@vep.example", "demo-donor-2020");
    const call = async (token: string, method: string, path: string, body?: unknown) => {
      const res = await fetch(`${api.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
      const text = await res.text();
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
      return { text, bytes: Buffer.byteLength(text) };
    };
    const time = async (dataset: string, what: string, token: string, path: string) => {
      const ms: number[] = [];
      let bytes = 0;
      try {
        for (let i = 0; i < RUNS; i++) {
          const started = performance.now();
          bytes = (await call(token, "GET", path)).bytes;
          ms.push(performance.now() - started);
        }
        results.push({ dataset, what, ...percentiles(ms), kB: Math.round(bytes / 1024) });
      } catch (error) {
        // A refusal is a finding too (e.g. an IATI file that does not validate): say it and go on.
        results.push({ dataset, what, error: String(error).slice(0, 120) });
      }
    };

    const programmes = JSON.parse((await call(staff, "GET", "/api/v1/programmes")).text) as { items: { id: string }[] };
    const reference = programmes.items[0]!.id;
    const indicators = JSON.parse((await call(staff, "GET", `/api/v1/indicators?programmeId=${reference}`)).text) as { items: { id: string; code: string }[] };
    const year2020 = "periodStart=2020-01-01&periodEnd=2020-12-31";
    const trained = indicators.items.find((i) => i.code === "IND-1.1.1")!.id;

    const suite = async (dataset: string, programmeId: string, indicatorId: string, period: string) => {
      await time(dataset, "donor dashboard (donor)", donor, `/api/v1/donor-progress?programmeId=${programmeId}`);
      await time(dataset, "indicator detail with computed periods (staff)", staff, `/api/v1/indicators/${indicatorId}`);
      await time(dataset, "computed figure, total and breakdown (staff)", staff, `/api/v1/indicators/${indicatorId}/computation?${period}`);
      await time(dataset, "records behind the figure, first 500 (staff)", staff, `/api/v1/indicators/${indicatorId}/computation/records?${period}`);
      await time(dataset, "donor report (donor)", donor, `/api/v1/reports/donor?programmeId=${programmeId}`);
      await time(dataset, "IATI file, generated and validated (donor)", donor, `/api/v1/programmes/${programmeId}/iati`);
      await time(dataset, "CSV export of activities (staff)", staff, `/api/v1/exports/activities.csv?programmeId=${programmeId}`);
    };
    await suite("reference case", reference, trained, year2020);

    const scale = await openDatabase({ url: database.url });
    const generated = await generateScale(scale.prisma, SIZE).finally(() => scale.close());
    // The first generated indicator counts people trained, broken down by sex and region, per quarter.
    const people = (JSON.parse((await call(staff, "GET", `/api/v1/indicators?programmeId=${generated.programmeId}&q=IND-0001`)).text) as { items: { id: string }[] }).items[0]!;
    await suite(`generated programme, size ${SIZE}`, generated.programmeId, people.id, "periodStart=2023-01-01&periodEnd=2025-12-31");

    console.log(`\nResults and reporting on PostgreSQL — ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}; ${RUNS} sequential requests each`);
    console.log(`Generated programme (size ${SIZE}): ${JSON.stringify(generated.rows)} written in ${generated.seconds.toFixed(1)} s; API peak RSS ${Math.round(peakRssMb(api.child.pid!))} MB\n`);
    console.table(results);
    console.log(JSON.stringify({ bench: "results", machine: { cores: cpus().length, memoryGB: Math.round(totalmem() / 2 ** 30) }, generated: generated.rows, generatedSeconds: +generated.seconds.toFixed(1), apiPeakRssMB: Math.round(peakRssMb(api.child.pid!)), results }));
  } finally {
    await api.stop();
    await database.drop();
  }
}

await main();
