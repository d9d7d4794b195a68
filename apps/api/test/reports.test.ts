// The printable donor report: figures against independent SQL counts, scope, small cells, no person.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DonorReportSchema, type DonorReport } from "@vep/domain";
import { seedId } from "@vep/db/seed";
import { client, createWorld, type World } from "./fixtures.js";
import { startApi, type RunningApi } from "./harness.js";

let api: RunningApi;
let world: World;
/** World B's second region, where only one person took part. */
let lonelyRegion: { id: string; name: string };

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api);
  const { prisma } = api.db;
  const chuy = await prisma.region.findFirstOrThrow({ where: { code: "KG-C" } });
  const kg = chuy.countryId;
  lonelyRegion = await prisma.region.create({ data: { countryId: kg, code: "KG-Y", name: "Issyk-Kul Region", validFrom: new Date("2000-01-01") }, select: { id: true, name: true } });
  // Workshop B: personB and three more in Chuy entered by staff (4 counted), one in Issyk-Kul (a cell of 1),
  // and one on a participant list still awaiting review, who must not count anywhere.
  const person = (fullName: string, regionId: string, sex: "FEMALE" | "MALE") =>
    prisma.person.create({ data: { fullName, normalisedName: fullName.toLowerCase(), sex, regionId, email: `${fullName.split(" ")[0]!.toLowerCase()}@example.org`, phone: "+996 555 123 456" } });
  const counted = [await person("Gulnara Reportova", chuy.id, "FEMALE"), await person("Nurlan Reportov", chuy.id, "MALE"), await person("Aida Reportova", chuy.id, "FEMALE"), await person("Bakyt Lonelyov", lonelyRegion.id, "MALE")];
  const pending = await person("Pending Unapprovedova", chuy.id, "FEMALE");
  const submission = await prisma.submission.create({ data: { kind: "PARTICIPANT_LIST", activityId: world.activityB, organisationId: world.partnerOrgB, status: "SUBMITTED" } });
  for (const p of counted) {
    await prisma.enrolment.create({ data: { activityId: world.activityB, personId: p.id } });
    await prisma.attendance.create({ data: { sessionId: world.sessionB, personId: p.id } });
  }
  // Training C: two of them, each at 1 of 2 sessions (not trained): both its counts are small cells.
  const trainingC = await prisma.activity.create({
    data: {
      programmeId: world.programmeB, type: "TRAINING", modality: "HYBRID", status: "DELIVERED", title: "Training C", countryId: kg,
      startDate: new Date("2021-04-05"), endDate: new Date("2021-04-06"),
      sessions: { create: [1, 2].map((sequence) => ({ sequence, startsAt: new Date(`2021-04-0${4 + sequence}T04:00:00Z`), topic: `Session C${sequence}` })) },
    },
    include: { sessions: true },
  });
  for (const p of [counted[0]!, counted[3]!]) {
    await prisma.enrolment.create({ data: { activityId: trainingC.id, personId: p.id } });
    await prisma.attendance.create({ data: { sessionId: trainingC.sessions[0]!.id, personId: p.id } });
  }
  await prisma.enrolment.create({ data: { activityId: world.activityB, personId: pending.id, submissionId: submission.id } });
  await prisma.attendance.create({ data: { sessionId: world.sessionB, personId: pending.id } });
  // Quotes: one anonymous by consent (its attribution must not show), one without consent to quote at all.
  await prisma.quote.createMany({
    data: [
      { activityId: world.activityB, personId: counted[0]!.id, text: "Useful for our daily work.", consentToQuote: true, consentToAttribution: false, attribution: "Gulnara Reportova, inspector" },
      { activityId: world.activityB, personId: counted[1]!.id, text: "Never to be shown.", consentToQuote: false, consentToAttribution: true, attribution: "Nurlan Reportov" },
    ],
  });
});
afterAll(() => api.close());

/** The answer's status and raw text; `errors` are a problem's field messages. */
async function report(token: string | null, query = "") {
  const res = await client(api, token)("GET", `/api/v1/reports/donor${query}`);
  const text = await res.text();
  return { status: res.status, text, errors: Object.keys((JSON.parse(text) as { errors?: Record<string, string> }).errors ?? {}) };
}
const ok = async (token: string, query = ""): Promise<{ body: DonorReport; text: string }> => {
  const r = await report(token, query);
  expect(r.status, r.text).toBe(200);
  return { body: DonorReportSchema.parse(JSON.parse(r.text)), text: r.text };
};

/** Per delivered activity of a programme: sessions, counted participants and trained — counted here in SQL, independently. */
async function sqlActivityCounts(programmeId: string) {
  return api.db.prisma.$queryRaw<{ id: string; sessions: number; participants: number; trained: number }[]>`
    SELECT a.id,
      (SELECT count(*) FROM "Session" s WHERE s."activityId" = a.id)::int AS sessions,
      (SELECT count(*) FROM "Enrolment" e LEFT JOIN "Submission" sub ON sub.id = e."submissionId"
        WHERE e."activityId" = a.id AND e.role = 'PARTICIPANT' AND (e."submissionId" IS NULL OR sub.status = 'APPROVED'))::int AS participants,
      (SELECT count(*) FROM "Enrolment" e LEFT JOIN "Submission" sub ON sub.id = e."submissionId"
        WHERE e."activityId" = a.id AND e.role = 'PARTICIPANT' AND (e."submissionId" IS NULL OR sub.status = 'APPROVED')
          AND (SELECT count(*) FROM "Attendance" at JOIN "Session" s ON s.id = at."sessionId" WHERE s."activityId" = a.id AND at."personId" = e."personId") * 100
              >= a."completionSharePercent" * (SELECT count(*) FROM "Session" s WHERE s."activityId" = a.id)
          AND EXISTS (SELECT 1 FROM "Session" s WHERE s."activityId" = a.id))::int AS trained
    FROM "Activity" a WHERE a."programmeId" = ${programmeId} AND a.status = 'DELIVERED' ORDER BY a."startDate", a.title`;
}

/** People trained in any delivered activity of a programme, by sex and by region id — in SQL. */
async function sqlTrainedBy(programmeId: string, column: "sex" | "regionId") {
  const rows = await api.db.prisma.$queryRaw<{ sex: string; regionId: string | null }[]>`
    SELECT DISTINCT p.id, p.sex::text AS sex, p."regionId" FROM "Person" p
    JOIN "Enrolment" e ON e."personId" = p.id
    JOIN "Activity" a ON a.id = e."activityId"
    LEFT JOIN "Submission" sub ON sub.id = e."submissionId"
    WHERE a."programmeId" = ${programmeId} AND a.status = 'DELIVERED' AND e.role = 'PARTICIPANT' AND (e."submissionId" IS NULL OR sub.status = 'APPROVED')
      AND (SELECT count(*) FROM "Attendance" at JOIN "Session" s ON s.id = at."sessionId" WHERE s."activityId" = a.id AND at."personId" = p.id) * 100
          >= a."completionSharePercent" * (SELECT count(*) FROM "Session" s WHERE s."activityId" = a.id)`;
  const counts = new Map<string | null, number>();
  for (const row of rows) counts.set(row[column], (counts.get(row[column]) ?? 0) + 1);
  return counts;
}

/** What a donor may see of a count of n people. */
const cell = (n: number, base?: number) => (n > 0 && n < 3) || (n === 0 && base !== undefined && base > 0 && base < 3) ? { value: null, suppressed: true } : { value: n, suppressed: false };

describe("the EU's report on the programme it co-funds (the seed)", () => {
  it("defaults to the caller's donor and first programme; the figures were read just now", async () => {
    const before = Date.now();
    const { body } = await ok(world.tokens.donorA);
    // Names and titles with their translations, for a report in the reader's language.
    expect(body.donor).toEqual({ id: world.donorA, code: "EU", name: "European Union", nameTranslations: { ru: "Европейский союз" } });
    expect(body.programme.id).toBe(world.programmeA);
    expect(body.programmes.map((p) => p.id)).toEqual([world.programmeA]);
    expect(body.programmes[0]!.titleTranslations?.ru).toMatch(/^Поддержка/);
    expect(Date.parse(body.generatedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(body.period).toEqual({ from: null, to: null });
  });

  it("the EU's contributions and payments are those in the database, and every funder's totals are listed", async () => {
    const { body } = await ok(world.tokens.donorA);
    const rows = await api.db.prisma.contribution.findMany({ where: { donorId: world.donorA, programmeId: world.programmeA }, include: { payments: true } });
    expect(body.contributions).toHaveLength(rows.length);
    expect(body.contributions.reduce((a, c) => a + c.amountMinor, 0)).toBe(Number(rows.reduce((a, c) => a + c.amountMinor, 0n)));
    expect(body.contributions.flatMap((c) => c.payments)).toHaveLength(rows.flatMap((c) => c.payments).length);
    expect(body.contributions[0]).toMatchObject({ pledgedOn: "2018-12-10", amountMinor: 4_000_000_00, currency: "EUR" });
    expect(body.contributions[0]!.payments.map((p) => p.amountMinor)).toEqual([2_000_000_00, 1_200_000_00]);
    expect(body.funding.byDonor.map((d) => d.donor.code)).toEqual(["EU", "NL", "UNOCT"]);
    expect(body.spending).toEqual([{ year: 2020, budgetUsdMinor: 1_250_000_00, expenditureUsdMinor: 9_800_00 + 612_400_00 }]);
  });

  it("each delivered activity's sessions, participants and trained equal an independent SQL count", async () => {
    const { body } = await ok(world.tokens.donorA);
    const sql = await sqlActivityCounts(world.programmeA);
    expect(sql).toHaveLength(1);
    expect(body.activities.map((a) => ({ id: a.id, sessions: a.sessions, participants: a.participants, trained: a.trained }))).toEqual(
      sql.map((r) => ({ id: r.id, sessions: r.sessions, participants: cell(r.participants), trained: cell(r.trained, r.participants) })),
    );
    // The webinar of May 2020: 9 online sessions, 29 officers, 27 of them trained.
    expect(body.activities[0]).toMatchObject({ type: "WEBINAR", modality: "ONLINE", startDate: "2020-05-13", endDate: "2020-05-29", sessions: 9, participants: { value: 29 }, trained: { value: 27 } });
    expect(body.activities[0]).toMatchObject({
      title: "Effective communications: the basics of work with the media",
      titleTranslations: { ru: "Эффективные коммуникации: основы работы со СМИ" },
      originalLanguage: "en",
    });
    expect(body.activitiesSummary.delivered).toBe(sql.length);
  });

  it("reach by sex and by region equals SQL counts, every region under 3 suppressed", async () => {
    const { body } = await ok(world.tokens.donorA);
    const bySex = await sqlTrainedBy(world.programmeA, "sex");
    expect(body.reach.trainedBySex).toEqual([
      { sex: "FEMALE", count: cell(bySex.get("FEMALE") ?? 0) },
      { sex: "MALE", count: cell(bySex.get("MALE") ?? 0) },
    ]);
    expect(body.reach.trained.value).toBe([...bySex.values()].reduce((a, n) => a + n, 0));
    const byRegion = await sqlTrainedBy(world.programmeA, "regionId");
    const regions = await api.db.prisma.region.findMany({ where: { id: { in: [...byRegion.keys()].filter((id): id is string => id !== null) } } });
    for (const region of regions) {
      const shown = body.reach.trainedByRegion.find((r) => r.code === region.code);
      expect(shown?.count, region.code).toEqual(cell(byRegion.get(region.id)!));
    }
    expect(body.reach.trainedByRegion.every((r) => r.count.suppressed)).toBe(true);
  });

  it("indicator progress and consented quotes come from the progress figures", async () => {
    const { body } = await ok(world.tokens.donorA);
    expect(body.indicators.find((i) => i.code === "IND-1.1.1")).toMatchObject({ baseline: 0, target: 25, actual: 27, achievedPercent: 108 });
    expect(body.quotes).toHaveLength(3);
    expect(body.quotes.filter((q) => q.attribution === null)).toHaveLength(1);
  });

  it("a period with nothing delivered has no activities, and its reach is zero", async () => {
    const { body } = await ok(world.tokens.donorA, "?from=2021-01-01&to=2021-12-31");
    expect(body.period).toEqual({ from: "2021-01-01", to: "2021-12-31" });
    expect(body.activities).toEqual([]);
    expect(body.reach.participants).toEqual({ value: 0, suppressed: false });
    // Contributions are the donor's whole funding, whatever the period.
    expect(body.contributions).toHaveLength(1);
  });

  it("no person's name or contact appears anywhere but a quote whose speaker consented to be named", async () => {
    const { text } = await ok(world.tokens.donorA);
    const named = await api.db.prisma.quote.findMany({ where: { consentToQuote: true, consentToAttribution: true }, select: { personId: true } });
    const consented = new Set(named.map((q) => q.personId));
    const people = await api.db.prisma.person.findMany({ select: { id: true, fullName: true, email: true, phone: true } });
    expect(people.length).toBeGreaterThan(29);
    const leaked = people.flatMap((p) => [consented.has(p.id) ? null : p.fullName, p.email, p.phone]).filter((v): v is string => !!v && text.includes(v));
    expect(leaked).toEqual([]);
  });

  it("staff read the same report for a donor they name", async () => {
    const { body } = await ok(world.tokens.staff, `?donorId=${world.donorA}&programmeId=${world.programmeA}`);
    expect(body.donor.code).toBe("EU");
    expect(body.activities[0]?.participants).toEqual({ value: 29, suppressed: false });
    const nl = seedId("donor:NL");
    expect((await ok(world.tokens.admin, `?donorId=${nl}`)).body.contributions.every((c) => c.currency)).toBe(true);
  });
});

describe("small cells in a world of a handful of people", () => {
  it("workshop B counts its 5 approved people (not the one awaiting review); cells of 1 or 2 people read as suppressed", async () => {
    const { body, text } = await ok(world.tokens.donorB);
    expect(body.programme.id).toBe(world.programmeB);
    const sql = await sqlActivityCounts(world.programmeB);
    expect(sql.map(({ sessions, participants, trained }) => ({ sessions, participants, trained }))).toEqual([
      { sessions: 1, participants: 5, trained: 5 },
      { sessions: 2, participants: 2, trained: 0 },
    ]);
    expect(body.activities.map(({ id, sessions, participants, trained }) => ({ id, sessions, participants, trained }))).toEqual(
      sql.map((r) => ({ id: r.id, sessions: r.sessions, participants: cell(r.participants), trained: cell(r.trained, r.participants) })),
    );
    // Training C: 2 people, none trained — both counts hidden.
    expect(body.activities[1]).toMatchObject({ title: "Training C", modality: "HYBRID", participants: { value: null, suppressed: true }, trained: { value: null, suppressed: true } });
    const byRegion = await sqlTrainedBy(world.programmeB, "regionId");
    expect(byRegion.get(lonelyRegion.id)).toBe(1);
    expect(body.reach.trainedByRegion).toEqual([
      { code: "KG-C", name: "Chuy Region", nameTranslations: {}, count: { value: 4, suppressed: false } },
      { code: "KG-Y", name: "Issyk-Kul Region", nameTranslations: {}, count: { value: null, suppressed: true } },
    ]);
    // 2 women: suppressed; 3 men: shown.
    expect(body.reach.trainedBySex).toEqual([
      { sex: "FEMALE", count: { value: null, suppressed: true } },
      { sex: "MALE", count: { value: 3, suppressed: false } },
    ]);
    expect(body.quotes).toEqual([{ text: "Useful for our daily work.", textTranslations: {}, language: "ru", attribution: null, activityTitle: "Workshop B", activityTitleTranslations: {} }]);
    for (const secret of ["Gulnara", "Reportov", "Lonelyov", "Unapprovedova", "Never to be shown", world.personB.fullName, world.personB.email, world.personB.phone, "+996"]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe("scope and refusals", () => {
  it("a donor cannot read another donor's report, nor a programme it does not fund (404)", async () => {
    expect((await report(world.tokens.donorA, `?donorId=${world.donorB}`)).status).toBe(404);
    expect((await report(world.tokens.donorB, `?donorId=${world.donorA}&programmeId=${world.programmeA}`)).status).toBe(404);
    expect((await report(world.tokens.donorB, `?programmeId=${world.programmeA}`)).status).toBe(404);
    expect((await report(world.tokens.donorB, `?donorId=${world.donorB}&programmeId=${world.programmeB}`)).status).toBe(200);
  });

  it("staff must name the donor (400), and a donor with no funding of the programme has no report on it (404)", async () => {
    const missing = await report(world.tokens.staff, `?programmeId=${world.programmeA}`);
    expect(missing.status).toBe(400);
    expect(missing.errors).toEqual(["query.donorId"]);
    expect((await report(world.tokens.staff, `?donorId=${world.donorB}&programmeId=${world.programmeA}`)).status).toBe(404);
    expect((await report(world.tokens.staff, "?donorId=00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("partners are refused (403), visitors must sign in (401), bad filters are 400s naming the field", async () => {
    expect((await report(world.tokens.partnerA)).status).toBe(403);
    expect((await report(null)).status).toBe(401);
    const bad = await report(world.tokens.donorA, "?from=2020-13-01&donorId=nope");
    expect(bad.status).toBe(400);
    expect(bad.errors).toEqual(expect.arrayContaining(["query.from", "query.donorId"]));
    const reversed = await report(world.tokens.donorA, "?from=2021-01-01&to=2020-01-01");
    expect(reversed.status).toBe(400);
    expect(reversed.errors).toEqual(["query.to"]);
  });
});

it("prints how long the report takes on the seed", async () => {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await ok(world.tokens.donorA);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(`[timing] GET /api/v1/reports/donor on the seed (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}): median ${times[2]!.toFixed(0)} ms, range ${times[0]!.toFixed(0)}–${times[4]!.toFixed(0)} ms over 5 calls`);
});
