// Results and reporting on the reference case and on a large generated programme: how long the donor
// dashboard, a computed indicator (figure and records), the donor report, the IATI export and a CSV
// export take through the built API on PostgreSQL. Prints a table and JSON; asserts nothing.
//
//   npm run build && npm run bench:results -w @vep/tests
//   (PG_ADMIN_URL: a superuser URL; ACTIVITIES=2000 PEOPLE=40000 PER_ACTIVITY=40 RUNS=15)
import { cpus, totalmem } from "node:os";
import pg from "pg";
import { freshDatabase, login, peakRssMb, percentiles, startApi } from "./support.js";

const ACTIVITIES = Number(process.env.ACTIVITIES ?? 2000);
const PEOPLE = Number(process.env.PEOPLE ?? 40000);
const PER_ACTIVITY = Number(process.env.PER_ACTIVITY ?? 40);
const RUNS = Number(process.env.RUNS ?? 15);
const SESSIONS = 9;

/**
 * A programme of ACTIVITIES delivered activities over 2021–2025 with 9 sessions each, PER_ACTIVITY
 * participants each drawn from PEOPLE people in Kazakhstan's regions, attendance of about 80%, and
 * 30 feedback answers per activity; every donor contributes, so the demo donor sees it. Written with
 * set-based SQL (generate_series), as a bulk load would be.
 */
async function generate(db: pg.Client): Promise<{ programmeId: string; seconds: number; rows: Record<string, number> }> {
  const started = performance.now();
  const programmeId = "00000000-0000-4000-8000-00000000b001";
  const id = (prefix: string, expr: string) => `md5('${prefix}' || ${expr})::uuid::text`;
  await db.query("BEGIN");
  await db.query(
    `INSERT INTO "Programme" (id, "iatiIdentifier", title, status, "dacSector", "startDate", "endDate", "defaultCurrency", "reportingOrgId", "updatedAt")
     SELECT $1, 'XM-DAC-41110-BENCH', 'Generated programme for benchmarks', 'IMPLEMENTATION', '15130', '2021-01-01', '2025-12-31', 'USD', "reportingOrgId", now() FROM "Programme" LIMIT 1`,
    [programmeId],
  );
  await db.query(`INSERT INTO "ProgrammeCountry" ("programmeId", "countryId", "updatedAt") SELECT $1, id, now() FROM "Country" WHERE code = 'KZ'`, [programmeId]);
  await db.query(
    `INSERT INTO "ProgrammeOrganisation" ("programmeId", "organisationId", role, "updatedAt")
     SELECT $1, "organisationId", role, now() FROM "ProgrammeOrganisation" WHERE "programmeId" = (SELECT id FROM "Programme" WHERE id <> $1 ORDER BY "createdAt" LIMIT 1)`,
    [programmeId],
  );
  await db.query(
    `INSERT INTO "Contribution" (id, "programmeId", "donorId", "amountMinor", currency, "pledgedOn", "updatedAt") SELECT ${id("contribution", "d.id")}, $1, d.id, 250000000, 'USD', '2021-01-15', now() FROM "Donor" d`,
    [programmeId],
  );
  await db.query(
    `INSERT INTO "Budget" (id, "programmeId", "periodStart", "periodEnd", "amountMinor", currency, "updatedAt")
     SELECT ${id("budget", "y")}, $1, make_date(y, 1, 1), make_date(y, 12, 31), 150000000, 'USD', now() FROM generate_series(2021, 2025) y`,
    [programmeId],
  );
  await db.query(
    `INSERT INTO "Activity" (id, "programmeId", type, modality, title, "countryId", "startDate", "endDate", "completionSharePercent", status, "updatedAt")
     SELECT ${id("activity", "g")}, $1,
            (ARRAY['TRAINING','WEBINAR','WORKSHOP','STUDY_VISIT'])[1 + g % 4]::"ActivityType",
            (ARRAY['ONLINE','IN_PERSON','HYBRID'])[1 + g % 3]::"Modality",
            'Generated activity ' || g, (SELECT id FROM "Country" WHERE code = 'KZ'),
            date '2021-01-04' + (g * 1825 / $2), date '2021-01-04' + (g * 1825 / $2) + 14, 70, 'DELIVERED', now()
     FROM generate_series(1, $2) g`,
    [programmeId, ACTIVITIES],
  );
  await db.query(
    `INSERT INTO "Session" (id, "activityId", sequence, "startsAt", topic, "updatedAt")
     SELECT ${id("session", "a.id || s")}, a.id, s, a."startDate" + s * interval '1 day', 'Session ' || s, now()
     FROM "Activity" a, generate_series(1, ${SESSIONS}) s WHERE a."programmeId" = $1`,
    [programmeId],
  );
  await db.query(
    `INSERT INTO "Person" (id, "fullName", "normalisedName", sex, "organisationId", "regionId", "updatedAt")
     SELECT ${id("person", "g")}, 'Generated Person ' || g, 'generated person ' || g, (ARRAY['FEMALE','MALE'])[1 + g % 2]::"Sex",
            (SELECT "organisationId" FROM "Person" WHERE "organisationId" IS NOT NULL LIMIT 1),
            regions.ids[1 + g % array_length(regions.ids, 1)], now()
     FROM generate_series(1, $1) g,
          (SELECT array_agg(r.id ORDER BY r.code) AS ids FROM "Region" r JOIN "Country" c ON c.id = r."countryId" WHERE c.code = 'KZ' AND r."validTo" IS NULL) regions`,
    [PEOPLE],
  );
  await db.query(
    `INSERT INTO "Enrolment" (id, "activityId", "personId", "updatedAt")
     SELECT ${id("enrolment", "a.n || '/' || k")}, a.id, ${id("person", "(1 + (a.n * 7919 + k * 104729) % $2)")}, now()
     FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM "Activity" WHERE "programmeId" = $1) a, generate_series(1, $3) k
     ON CONFLICT DO NOTHING`,
    [programmeId, PEOPLE, PER_ACTIVITY],
  );
  await db.query(
    `INSERT INTO "Attendance" ("sessionId", "personId", "updatedAt")
     SELECT s.id, e."personId", now() FROM "Enrolment" e JOIN "Activity" a ON a.id = e."activityId" JOIN "Session" s ON s."activityId" = a.id
     WHERE a."programmeId" = $1 AND hashtext(e.id || s.id) % 10 <> 0 AND hashtext(e.id || s.id) % 10 <> 1`,
    [programmeId],
  );
  await db.query(
    `INSERT INTO "FeedbackResponse" (id, "activityId", "respondentSex", "ratingRelevance", "ratingUsefulness", "ratingTrainers", "ratingOrganisation", "knowledgeBefore", "knowledgeAfter", "updatedAt")
     SELECT ${id("feedback", "a.id || k")}, a.id, (ARRAY['FEMALE','MALE'])[1 + k % 2]::"Sex", 3 + k % 3, 2 + k % 4, 4 + k % 2, 3 + k % 3,
            CASE WHEN k % 7 = 0 THEN NULL ELSE 1 + k % 3 END, 2 + k % 4, now()
     FROM "Activity" a, generate_series(1, 30) k WHERE a."programmeId" = $1`,
    [programmeId],
  );
  await db.query("COMMIT");
  const count = async (table: string, where: string) => Number((await db.query(`SELECT count(*) AS n FROM "${table}" ${where}`, [programmeId])).rows[0].n);
  const inProgramme = `WHERE "activityId" IN (SELECT id FROM "Activity" WHERE "programmeId" = $1)`;
  const rows = {
    activities: await count("Activity", `WHERE "programmeId" = $1`),
    sessions: await count("Session", inProgramme),
    enrolments: await count("Enrolment", inProgramme),
    attendance: await count("Attendance", `WHERE "sessionId" IN (SELECT s.id FROM "Session" s JOIN "Activity" a ON a.id = s."activityId" WHERE a."programmeId" = $1)`),
    feedback: await count("FeedbackResponse", inProgramme),
  };
  await db.query("ANALYZE");
  return { programmeId, seconds: (performance.now() - started) / 1000, rows };
}

async function main() {
  const database = await freshDatabase("vep_bench_results");
  const db = new pg.Client({ connectionString: database.url });
  const api = await startApi(database.url);
  const results: Record<string, unknown>[] = [];
  try {
    await db.connect();
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
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        bytes = (await call(token, "GET", path)).bytes;
        ms.push(performance.now() - started);
      }
      results.push({ dataset, what, ...percentiles(ms), kB: Math.round(bytes / 1024) });
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

    const generated = await generate(db);
    const outcome = JSON.parse((await call(staff, "POST", "/api/v1/outcomes", { programmeId: generated.programmeId, code: "OC-BENCH", title: "Generated outcome" })).text) as { id: string };
    const people = JSON.parse(
      (await call(staff, "POST", "/api/v1/indicators", { programmeId: generated.programmeId, outcomeId: outcome.id, outputId: null, code: "BENCH-TRAINED", name: "People trained", measure: "UNIT", source: "COMPUTED", metric: "PEOPLE_TRAINED", definition: {}, disaggregations: ["sex", "region"] })).text,
    ) as { id: string };
    for (const [code, metric, definition] of [["BENCH-REGIONS", "REGIONS_COVERED", { country: "KZ" }], ["BENCH-IMPROVED", "KNOWLEDGE_IMPROVED_SHARE", { minimumGain: 1 }], ["BENCH-SATISFIED", "SATISFIED_SHARE", {}]] as const) {
      await call(staff, "POST", "/api/v1/indicators", { programmeId: generated.programmeId, outcomeId: outcome.id, outputId: null, code, name: code, measure: metric === "REGIONS_COVERED" ? "UNIT" : "PERCENTAGE", source: "COMPUTED", metric, definition, disaggregations: [] });
    }
    for (const year of [2021, 2022, 2023, 2024, 2025]) {
      await call(staff, "POST", `/api/v1/indicators/${people.id}/targets`, { periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, value: 5000 });
    }
    await call(staff, "POST", `/api/v1/indicators/${people.id}/targets`, { periodStart: "2021-01-01", periodEnd: "2025-12-31", value: 30000 });
    await suite("generated programme", generated.programmeId, people.id, "periodStart=2021-01-01&periodEnd=2025-12-31");

    console.log(`\nResults and reporting on PostgreSQL — ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}; ${RUNS} sequential requests each`);
    console.log(`Generated programme: ${JSON.stringify(generated.rows)} written in ${generated.seconds.toFixed(1)} s; API peak RSS ${Math.round(peakRssMb(api.child.pid!))} MB\n`);
    console.table(results);
    console.log(JSON.stringify({ bench: "results", machine: { cores: cpus().length, memoryGB: Math.round(totalmem() / 2 ** 30) }, generated: generated.rows, generatedSeconds: +generated.seconds.toFixed(1), apiPeakRssMB: Math.round(peakRssMb(api.child.pid!)), results }));
  } finally {
    await api.stop();
    await db.end().catch(() => {});
    await database.drop();
  }
}

await main();
