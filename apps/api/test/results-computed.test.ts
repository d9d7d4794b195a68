// Computed indicators: on the seed and on a generated programme, each figure equals the same figure
// counted independently with SQL here; the records behind a figure reach staff only; status follows
// the programme's rule; closing a period locks its figures.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "@vep/db/seed";
import { ComputedRecordsSchema, describeDefinition, DonorProgressSchema, IndicatorComputationSchema, IndicatorDetailSchema, type IndicatorMetric } from "@vep/domain";
import { client, createWorld, UNKNOWN_ID, type World } from "./fixtures.js";
import { startApi, type RunningApi } from "./harness.js";

let api: RunningApi;
let world: World;
let generated: { programmeId: string; from: string; to: string };
beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api);
  generated = await generateProgramme(api);
});
afterAll(() => api.close());

const year2020 = "periodStart=2020-01-01&periodEnd=2020-12-31";
const staff = () => client(api, world.tokens.staff);

/** A programme of 6 activities (two not delivered or outside the period) with random attendance, lists in every submission state, and feedback with gaps. */
async function generateProgramme(running: RunningApi) {
  const { prisma } = running.db;
  let seed = 20201;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const regions = await prisma.region.findMany({ where: { country: { code: "KZ" }, validTo: null }, select: { id: true } });
  const org = await prisma.organisation.create({ data: { name: "Generated penitentiary service", kind: "GOVERNMENT" } });
  const programme = await prisma.programme.create({
    data: { iatiIdentifier: "XM-DAC-41110-GENERATED", title: "Generated programme", status: "IMPLEMENTATION", dacSector: "15130", startDate: new Date("2022-01-01"), defaultCurrency: "USD", reportingOrgId: seedId("org:UNODC") },
  });
  const kz = await prisma.country.findFirstOrThrow({ where: { code: "KZ" } });
  const shapes = [
    { type: "TRAINING", modality: "IN_PERSON", status: "DELIVERED", start: "2022-02-01", sessions: 5, share: 80 },
    { type: "WEBINAR", modality: "ONLINE", status: "DELIVERED", start: "2022-04-11", sessions: 9, share: 70 },
    { type: "WORKSHOP", modality: "HYBRID", status: "DELIVERED", start: "2022-09-20", sessions: 3, share: 100 },
    { type: "TRAINING", modality: "ONLINE", status: "DELIVERED", start: "2022-11-02", sessions: 4, share: 50 },
    { type: "TRAINING", modality: "IN_PERSON", status: "PLANNED", start: "2022-12-01", sessions: 2, share: 70 },
    { type: "WEBINAR", modality: "ONLINE", status: "DELIVERED", start: "2023-01-15", sessions: 2, share: 70 },
  ] as const;
  const people = await Promise.all(
    Array.from({ length: 60 }, (_, i) =>
      prisma.person.create({ data: { fullName: `Generated Person ${i}`, normalisedName: `generated person ${i}`, sex: pick(["FEMALE", "MALE", "UNDISCLOSED"] as const), organisationId: org.id, regionId: random() < 0.9 ? pick(regions).id : null } }),
    ),
  );
  for (const [n, shape] of shapes.entries()) {
    const activity = await prisma.activity.create({
      data: {
        programmeId: programme.id,
        type: shape.type,
        modality: shape.modality,
        status: shape.status,
        title: `Generated activity ${n}`,
        countryId: kz.id,
        startDate: new Date(shape.start),
        endDate: new Date(shape.start),
        completionSharePercent: shape.share,
        sessions: { create: Array.from({ length: shape.sessions }, (_, s) => ({ sequence: s + 1, startsAt: new Date(`${shape.start}T0${s % 9}:00:00Z`), topic: `Topic ${s + 1}` })) },
      },
      include: { sessions: true },
    });
    const submissions = await Promise.all(
      (["APPROVED", "SUBMITTED", "RETURNED"] as const).map((status) => prisma.submission.create({ data: { kind: "PARTICIPANT_LIST", activityId: activity.id, organisationId: org.id, status } })),
    );
    const enrolled = people.filter(() => random() < 0.45);
    for (const person of enrolled) {
      // Most staff-entered or approved; some on lists still under review or returned, which must not count.
      const submission = random() < 0.25 ? pick(submissions) : null;
      await prisma.enrolment.create({ data: { activityId: activity.id, personId: person.id, submissionId: submission?.id ?? null } });
      const attendedSessions = activity.sessions.filter(() => random() < 0.75);
      if (attendedSessions.length > 0) await prisma.attendance.createMany({ data: attendedSessions.map((s) => ({ sessionId: s.id, personId: person.id })) });
    }
    const feedbackBatch = await prisma.submission.create({ data: { kind: "FEEDBACK_BATCH", activityId: activity.id, organisationId: org.id, status: pick(["APPROVED", "SUBMITTED"] as const) } });
    const score = () => (random() < 0.15 ? null : 1 + Math.floor(random() * 5));
    await prisma.feedbackResponse.createMany({
      data: Array.from({ length: 20 }, () => ({
        activityId: activity.id,
        submissionId: random() < 0.3 ? feedbackBatch.id : null,
        respondentSex: pick(["FEMALE", "MALE", null] as const),
        ratingRelevance: score(),
        ratingUsefulness: score(),
        ratingTrainers: score(),
        ratingOrganisation: score(),
        knowledgeBefore: score(),
        knowledgeAfter: score(),
      })),
    });
  }
  return { programmeId: programme.id, from: "2022-01-01", to: "2022-12-31" };
}

/** Independent SQL counts over the same rules: delivered activities starting in the period, approved or staff-entered records only. */
async function countWithSql(programmeId: string, from: string, to: string) {
  const { prisma } = api.db;
  const scope = `act."programmeId" = '${programmeId}' AND act.status = 'DELIVERED' AND act."startDate" BETWEEN '${from}' AND '${to}'`;
  const trained = await prisma.$queryRawUnsafe<{ sex: string; n: number }[]>(`
    WITH per_activity AS (
      SELECT e."personId", p.sex::text AS sex,
             (SELECT count(*) FROM "Attendance" a JOIN "Session" s ON s.id = a."sessionId" WHERE s."activityId" = act.id AND a."personId" = e."personId") AS attended,
             (SELECT count(*) FROM "Session" s WHERE s."activityId" = act.id) AS held,
             act."completionSharePercent" AS share
      FROM "Enrolment" e JOIN "Activity" act ON act.id = e."activityId" JOIN "Person" p ON p.id = e."personId"
      LEFT JOIN "Submission" sub ON sub.id = e."submissionId"
      WHERE ${scope} AND e.role = 'PARTICIPANT' AND (e."submissionId" IS NULL OR sub.status = 'APPROVED')
    )
    SELECT coalesce(sex, 'ALL') AS sex, count(DISTINCT "personId")::int AS n FROM per_activity WHERE held > 0 AND attended * 100 >= share * held
    GROUP BY GROUPING SETS ((), (sex))`);
  const [regions] = await prisma.$queryRawUnsafe<{ n: number }[]>(`
    SELECT count(DISTINCT r.code)::int AS n FROM "Enrolment" e JOIN "Activity" act ON act.id = e."activityId" JOIN "Person" p ON p.id = e."personId"
    JOIN "Region" r ON r.id = p."regionId" LEFT JOIN "Submission" sub ON sub.id = e."submissionId"
    WHERE ${scope} AND e.role = 'PARTICIPANT' AND (e."submissionId" IS NULL OR sub.status = 'APPROVED') AND r.code LIKE 'KZ-%'`);
  const [activities] = await prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "Activity" act WHERE ${scope}`);
  const [feedback] = await prisma.$queryRawUnsafe<{ improved: number; pairs: number; satisfied: number; rated: number }[]>(`
    SELECT count(*) FILTER (WHERE "knowledgeBefore" IS NOT NULL AND "knowledgeAfter" IS NOT NULL AND "knowledgeAfter" - "knowledgeBefore" >= 1)::int AS improved,
           count(*) FILTER (WHERE "knowledgeBefore" IS NOT NULL AND "knowledgeAfter" IS NOT NULL)::int AS pairs,
           count(*) FILTER (WHERE avg_rating >= 4)::int AS satisfied,
           count(avg_rating)::int AS rated
    FROM (
      SELECT fr.*, (SELECT avg(v) FROM unnest(ARRAY[fr."ratingRelevance", fr."ratingUsefulness", fr."ratingTrainers", fr."ratingOrganisation"]) v) AS avg_rating
      FROM "FeedbackResponse" fr JOIN "Activity" act ON act.id = fr."activityId" LEFT JOIN "Submission" sub ON sub.id = fr."submissionId"
      WHERE ${scope} AND (fr."submissionId" IS NULL OR sub.status = 'APPROVED')
    ) counted`);
  const share = (part: number, whole: number) => Math.round((part / whole) * 1000) / 10;
  return {
    trained: Object.fromEntries(trained.map((r) => [r.sex, r.n])),
    regions: regions!.n,
    activities: activities!.n,
    improvedShare: share(feedback!.improved, feedback!.pairs),
    satisfiedShare: share(feedback!.satisfied, feedback!.rated),
    pairs: feedback!.pairs,
  };
}

async function indicatorOn(programmeId: string, code: string, metric: IndicatorMetric, definition: Record<string, unknown>, disaggregations: string[] = []) {
  const outcome = await api.db.prisma.outcome.upsert({
    where: { programmeId_code: { programmeId, code: "OC-GEN" } },
    create: { programmeId, code: "OC-GEN", title: "Generated outcome" },
    update: {},
  });
  const res = await staff()("POST", "/api/v1/indicators", {
    programmeId,
    outcomeId: outcome.id,
    outputId: null,
    code,
    name: `Computed ${metric}`,
    measure: metric.endsWith("_SHARE") ? "PERCENTAGE" : "UNIT",
    source: "COMPUTED",
    metric,
    definition,
    disaggregations,
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const computation = async (id: string, query: string, token = world.tokens.staff) => {
  const res = await client(api, token)("GET", `/api/v1/indicators/${id}/computation?${query}`);
  return { status: res.status, body: res.status === 200 ? IndicatorComputationSchema.parse(await res.json()) : await res.json() };
};

describe("computed indicators equal independent counts", () => {
  it("on the seed: the webinar's 27 trained (16 women, 11 men), 17 of 17 regions, 85.2% improved", async () => {
    const sql = await countWithSql(world.programmeA, "2020-01-01", "2020-12-31");
    expect(sql.trained).toMatchObject({ ALL: 27, FEMALE: 16, MALE: 11 });
    const trained = await computation(seedId("indicator:1"), year2020);
    expect(trained.body.total).toMatchObject({ value: sql.trained.ALL, suppressed: false, base: 29 });
    expect(trained.body.breakdown.find((c: { dimensionKey: string }) => c.dimensionKey === "sex=FEMALE")).toMatchObject({ value: sql.trained.FEMALE });
    expect(trained.body.breakdown.find((c: { dimensionKey: string }) => c.dimensionKey === "sex=MALE")).toMatchObject({ value: sql.trained.MALE });
    expect(trained.body.definitionText).toContain("at least 70% of its sessions");
    expect((await computation(seedId("indicator:2"), year2020)).body.total.value).toBe(sql.regions);
    expect(sql.regions).toBe(17);
    expect((await computation(seedId("indicator:3"), year2020)).body.total).toMatchObject({ value: sql.improvedShare, base: sql.pairs });
  });

  it("on a generated programme with unapproved lists, undelivered activities and unanswered questions", async () => {
    const { programmeId, from, to } = generated;
    const sql = await countWithSql(programmeId, from, to);
    const query = `periodStart=${from}&periodEnd=${to}`;
    const trainedId = await indicatorOn(programmeId, "GEN-TRAINED", "PEOPLE_TRAINED", {}, ["sex"]);
    const trained = (await computation(trainedId, query)).body;
    expect(trained.total.value).toBe(sql.trained.ALL);
    for (const sex of ["FEMALE", "MALE", "UNDISCLOSED"]) {
      expect(trained.breakdown.find((c: { dimensionKey: string }) => c.dimensionKey === `sex=${sex}`)?.value ?? 0).toBe(sql.trained[sex] ?? 0);
    }
    expect(sql.trained.ALL).toBeGreaterThan(10);
    expect((await computation(await indicatorOn(programmeId, "GEN-REGIONS", "REGIONS_COVERED", { country: "KZ" }), query)).body.total.value).toBe(sql.regions);
    expect((await computation(await indicatorOn(programmeId, "GEN-ACTIVITIES", "ACTIVITIES_DELIVERED", {}), query)).body.total.value).toBe(sql.activities);
    expect(sql.activities).toBe(4);
    const improved = (await computation(await indicatorOn(programmeId, "GEN-IMPROVED", "KNOWLEDGE_IMPROVED_SHARE", { minimumGain: 1 }), query)).body.total;
    expect(improved).toMatchObject({ value: sql.improvedShare, base: sql.pairs });
    expect((await computation(await indicatorOn(programmeId, "GEN-SATISFIED", "SATISFIED_SHARE", { minimumRating: 4 }), query)).body.total.value).toBe(sql.satisfiedShare);
  });

  it("excludes respondents who answered only one of the before and after questions", async () => {
    const id = seedId("indicator:3");
    const before = (await computation(id, year2020)).body.total;
    await api.db.prisma.feedbackResponse.createMany({
      data: [
        { activityId: seedId("activity:webinar"), knowledgeBefore: 1, knowledgeAfter: null },
        { activityId: seedId("activity:webinar"), knowledgeBefore: null, knowledgeAfter: 5 },
      ],
    });
    expect((await computation(id, year2020)).body.total).toEqual(before);
  });
});

describe("tracing a figure to its records", () => {
  it("staff list the people counted, with their sessions attended", async () => {
    const res = await staff()("GET", `/api/v1/indicators/${seedId("indicator:1")}/computation/records?${year2020}&dimensionKey=sex%3DMALE&counted=true`);
    expect(res.status).toBe(200);
    const body = ComputedRecordsSchema.parse(await res.json());
    // 12 men took part, 11 of them trained; counted=true lists those 11.
    expect(body).toMatchObject({ dimensionKey: "sex=MALE", counted: 11, total: 12 });
    expect(body.items).toHaveLength(11);
    expect(body.items.every((r) => r.kind === "participant" && r.person?.sex === "MALE" && r.sessionsAttended! >= 7 && r.sessionsHeld === 9)).toBe(true);
    const all = ComputedRecordsSchema.parse(await (await staff()("GET", `/api/v1/indicators/${seedId("indicator:1")}/computation/records?${year2020}`)).json());
    expect(all).toMatchObject({ total: 29, counted: 27 });
    expect(all.items.filter((r) => !r.counted).every((r) => r.sessionsAttended! < 7)).toBe(true);
  });

  it("a donor sees the counts but never the records; a partner neither", async () => {
    const donor = await computation(seedId("indicator:1"), year2020, world.tokens.donorA);
    expect(donor.status).toBe(200);
    // 17 regions over 29 people: a donor sees the total, while the region cells of 1–2 people are hidden.
    expect(donor.body.total.value).toBe(27);
    expect(donor.body.breakdown.filter((c: { dimensionKey: string }) => c.dimensionKey.startsWith("region=")).every((c: { suppressed: boolean }) => c.suppressed)).toBe(true);
    expect((await client(api, world.tokens.donorA)("GET", `/api/v1/indicators/${seedId("indicator:1")}/computation/records?${year2020}`)).status).toBe(403);
    expect((await client(api, world.tokens.partnerA)("GET", `/api/v1/indicators/${seedId("indicator:1")}/computation?${year2020}`)).status).toBe(403);
    expect((await client(api, world.tokens.donorB)("GET", `/api/v1/indicators/${seedId("indicator:1")}/computation?${year2020}`)).status).toBe(404);
    expect((await client(api, null)("GET", `/api/v1/indicators/${seedId("indicator:1")}/computation?${year2020}`)).status).toBe(401);
  });

  it("refuses what cannot be computed, with the field named", async () => {
    expect((await staff()("GET", `/api/v1/indicators/${UNKNOWN_ID}/computation?${year2020}`)).status).toBe(404);
    const backwards = await staff()("GET", `/api/v1/indicators/${seedId("indicator:1")}/computation?periodStart=2020-12-31&periodEnd=2020-01-01`);
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(await backwards.json())).toContain("periodEnd");
    const unknownCell = await staff()("GET", `/api/v1/indicators/${seedId("indicator:1")}/computation/records?${year2020}&dimensionKey=sex%3DNOBODY`);
    expect(unknownCell.status).toBe(400);
  });
});

describe("progress status and closing a period", () => {
  it("a period with a target and no value shows the computed actual and its status by the programme's rule", async () => {
    const id = await indicatorOn(generated.programmeId, "GEN-STATUS", "ACTIVITIES_DELIVERED", {});
    expect((await staff()("POST", `/api/v1/indicators/${id}/targets`, { periodStart: "2022-01-01", periodEnd: "2022-12-31", value: 5, dimensions: {} })).status).toBe(201);
    const detail = IndicatorDetailSchema.parse(await (await staff()("GET", `/api/v1/indicators/${id}`)).json());
    expect(detail.periods[0]).toMatchObject({ target: 5, actual: 4, actualSource: "COMPUTED", achievedPercent: 80, status: "AT_RISK" });
    expect(detail.progressRule.text).toContain("at least 90%");
    expect(detail.definitionText).toContain("delivered in the period");

    // The rule is the programme's, changed through the API; thresholds out of order are refused by field.
    const programme = (await (await staff()("GET", `/api/v1/programmes/${generated.programmeId}`)).json()) as { version: number; onTrackPercent: number; atRiskPercent: number };
    expect(programme).toMatchObject({ onTrackPercent: 90, atRiskPercent: 60 });
    const backwards = await staff()("PATCH", `/api/v1/programmes/${generated.programmeId}`, { version: programme.version, atRiskPercent: 95 });
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(await backwards.json())).toContain("atRiskPercent");
    const changed = await staff()("PATCH", `/api/v1/programmes/${generated.programmeId}`, { version: programme.version, onTrackPercent: 80, atRiskPercent: 50 });
    expect(changed.status).toBe(200);
    const relaxed = IndicatorDetailSchema.parse(await (await staff()("GET", `/api/v1/indicators/${id}`)).json());
    expect(relaxed.periods[0]?.status).toBe("ON_TRACK");
  });

  it("closing records the computed figures as locked values; a second close is refused and a change needs a correction with a reason", async () => {
    const id = await indicatorOn(generated.programmeId, "GEN-CLOSE", "PEOPLE_TRAINED", {}, ["sex"]);
    const closed = await staff()("POST", `/api/v1/indicators/${id}/computation/values`, { periodStart: generated.from, periodEnd: generated.to });
    expect(closed.status).toBe(201);
    const { items } = (await closed.json()) as { items: { id: string; dimensionKey: string; value: number; lockedAt: string | null; computedAt: string | null; evidenceNote: string }[] };
    const sql = await countWithSql(generated.programmeId, generated.from, generated.to);
    expect(items.find((v) => v.dimensionKey === "")).toMatchObject({ value: sql.trained.ALL });
    expect(items.every((v) => v.lockedAt !== null && v.computedAt !== null && v.evidenceNote.startsWith("Computed from the records"))).toBe(true);
    expect((await staff()("POST", `/api/v1/indicators/${id}/computation/values`, { periodStart: generated.from, periodEnd: generated.to })).status).toBe(409);
    const total = items.find((v) => v.dimensionKey === "")!;
    expect((await staff()("PATCH", `/api/v1/indicator-values/${total.id}`, { value: 1, version: 1 })).status).toBe(409);
    const correction = await staff()("POST", `/api/v1/indicators/${id}/values`, { periodStart: generated.from, periodEnd: generated.to, value: total.value + 1, dimensions: {}, supersedesId: total.id, reason: "A late attendance sheet", evidenceUrl: null, evidenceNote: null });
    expect(correction.status).toBe(201);
    const audit = await api.db.prisma.auditEvent.count({ where: { action: "indicatorValue.recordComputed", entityId: id } });
    expect(audit).toBe(1);
    // The detail shows the recorded (corrected) figure, not a computed one.
    const detail = IndicatorDetailSchema.parse(await (await staff()("GET", `/api/v1/indicators/${id}`)).json());
    expect(detail.periods[0]).toMatchObject({ actual: total.value + 1, actualSource: "RECORDED" });
    expect(detail.periods[0]?.breakdown.every((c) => c.actualSource === "RECORDED")).toBe(true);
    expect((await client(api, world.tokens.donorA)("POST", `/api/v1/indicators/${id}/computation/values`, { periodStart: generated.from, periodEnd: generated.to })).status).toBe(403);
  });

  it("the donor dashboard shows each indicator's status, source and definition", async () => {
    const body = DonorProgressSchema.parse(await (await client(api, world.tokens.donorA)("GET", "/api/v1/donor-progress")).json());
    const trained = body.indicators.find((i) => i.code === "IND-1.1.1");
    expect(trained).toMatchObject({ actual: 27, actualSource: "RECORDED", status: "ON_TRACK" });
    expect(trained?.definitionText).toContain("only approved participant lists count");
    expect(body.progressRule).toMatchObject({ onTrackPercent: 90, atRiskPercent: 60 });
    expect(body.progressRule.text).toContain("pro-rated to date");
  });
});

describe("a definition as data, for a page to word in its reader's language", () => {
  const webinarDefinition = { completionShare: 0.7, activityTypes: ["WEBINAR", "TRAINING", "WORKSHOP"] };

  it("the figure, its records and the indicator send the metric and its parameters beside the English words", async () => {
    const figure = (await computation(seedId("indicator:1"), year2020)).body;
    expect(figure).toMatchObject({ metric: "PEOPLE_TRAINED", definition: webinarDefinition, definitionText: describeDefinition("PEOPLE_TRAINED", webinarDefinition) });
    const records = ComputedRecordsSchema.parse(await (await staff()("GET", `/api/v1/indicators/${seedId("indicator:2")}/computation/records?${year2020}`)).json());
    expect(records).toMatchObject({ metric: "REGIONS_COVERED", definition: { country: "KZ" }, definitionText: describeDefinition("REGIONS_COVERED", { country: "KZ" }) });
    const detail = IndicatorDetailSchema.parse(await (await staff()("GET", `/api/v1/indicators/${seedId("indicator:3")}`)).json());
    expect(detail).toMatchObject({ metric: "KNOWLEDGE_IMPROVED_SHARE", definition: { minimumGain: 1, scale: [1, 5] } });
    expect(detail.definitionText).toBe(describeDefinition("KNOWLEDGE_IMPROVED_SHARE", { minimumGain: 1, scale: [1, 5] }));
  });

  it("the records name activities, regions and organisations with their translations", async () => {
    const records = ComputedRecordsSchema.parse(await (await staff()("GET", `/api/v1/indicators/${seedId("indicator:1")}/computation/records?${year2020}`)).json());
    expect(records.items).toHaveLength(29);
    for (const record of records.items) {
      expect(record.activity).toMatchObject({ title: "Effective communications: the basics of work with the media", titleTranslations: { ru: "Эффективные коммуникации: основы работы со СМИ" }, originalLanguage: "en" });
      expect(record.person?.region).toBeTruthy();
      expect(record.person?.regionTranslations.ru).toMatch(/\p{Script=Cyrillic}/u);
      expect(record.person?.organisationTranslations.ru).toMatch(/^(Департамент|Комитет) уголовно-исполнительной системы/);
    }
    // Regions by their Russian names, as the seed has them.
    const byRegion = new Map(records.items.map((r) => [r.person!.region, r.person!.regionTranslations.ru]));
    expect(byRegion.size).toBeGreaterThan(10);
    const seeded = await api.db.prisma.region.findMany({ where: { name: { in: [...byRegion.keys()] as string[] } }, select: { name: true, nameTranslations: true } });
    for (const region of seeded) expect(byRegion.get(region.name)).toBe((region.nameTranslations as Record<string, string>).ru);
  });

  it("the donor dashboard sends each computed indicator's metric and parameters, the same bytes whatever the reader's language", async () => {
    const read = async (language: string) => {
      const res = await client(api, world.tokens.donorA)("GET", "/api/v1/donor-progress", undefined, { "accept-language": language });
      expect(res.status).toBe(200);
      return res.text();
    };
    const [russian, english] = [await read("ru-RU,ru;q=0.9"), await read("en-GB")];
    expect(russian).toBe(english);
    const body = DonorProgressSchema.parse(JSON.parse(russian));
    const byCode = new Map(body.indicators.map((i) => [i.code, i]));
    expect(byCode.get("IND-1.1.1")).toMatchObject({ metric: "PEOPLE_TRAINED", definition: webinarDefinition, definitionText: describeDefinition("PEOPLE_TRAINED", webinarDefinition) });
    expect(byCode.get("IND-1.1.2")).toMatchObject({ metric: "REGIONS_COVERED", definition: { country: "KZ" } });
    expect(byCode.get("IND-1.1")).toMatchObject({ metric: "KNOWLEDGE_IMPROVED_SHARE", definition: { minimumGain: 1, scale: [1, 5] } });
  });

  it("a recorded indicator has no metric, parameters or words", async () => {
    const id = (await api.db.prisma.indicator.create({
      data: { programmeId: world.programmeA, code: "IND-MANUAL-DEF", name: "A recorded indicator", measure: "UNIT", source: "MANUAL", unit: "reports" },
      select: { id: true },
    })).id;
    const body = DonorProgressSchema.parse(await (await client(api, world.tokens.donorA)("GET", "/api/v1/donor-progress")).json());
    expect(body.indicators.find((i) => i.id === id)).toMatchObject({ metric: null, definition: {}, definitionText: null });
  });
});
