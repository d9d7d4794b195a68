// Indicators and their targets: progress per period for the seeded indicators, the rules across fields
// (outcome or output, metric and definition), breakdown cells, 409s and bad input.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "@vep/db/seed";
import { client, type World, startWorld } from "./fixtures.js";
import type { RunningApi } from "./harness.js";

let api: RunningApi;
let world: World;
let staff: ReturnType<typeof client>;
/** An output of programme B, which programme A's indicators may not use. */
let outputB: string;
const OUTPUT = seedId("output:1.1");
const OUTCOME = seedId("outcome:1");
const PROGRAMME = seedId("programme");

beforeAll(async () => {
  ({ api, world, as: { staff } } = await startWorld());
  const outcomeB = await api.db.prisma.outcome.create({ data: { programmeId: world.programmeB, code: "OC1", title: "B", outputs: { create: { code: "OP1", title: "B1" } } }, include: { outputs: true } });
  outputB = outcomeB.outputs[0]!.id;
});
afterAll(async () => {
  try {
    // No request of this file, good or bad, may have ended in a server error.
    expect(api.logs.length).toBeGreaterThan(0);
    expect(api.logs.filter((line) => Number(line.status) >= 500)).toEqual([]);
  } finally {
    await api.close();
  }
});

const manual = (code: string, extra: Record<string, unknown> = {}) => ({
  programmeId: PROGRAMME,
  outputId: OUTPUT,
  code,
  name: `Indicator ${code}`,
  measure: "UNIT",
  source: "MANUAL",
  ...extra,
});

async function createIndicator(body: Record<string, unknown>) {
  const res = await staff("POST", "/api/v1/indicators", body);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: string; version: number; definition: Record<string, unknown> };
}

describe("the seeded indicators, with progress per period", () => {
  it("IND-1.1.1: 27 officers trained against a target of 25 is 108%, with the breakdown by sex", async () => {
    const res = await staff("GET", `/api/v1/indicators/${seedId("indicator:1")}`);
    expect(res.status).toBe(200);
    const indicator = await res.json();
    expect(indicator).toMatchObject({ code: "IND-1.1.1", source: "COMPUTED", metric: "PEOPLE_TRAINED", baselineValue: 0, baselineDate: "2019-01-01", disaggregations: ["sex", "region"] });
    expect(indicator.targets).toHaveLength(3);
    expect(indicator.values).toHaveLength(3);
    expect(indicator.periods).toHaveLength(1);
    const [year] = indicator.periods;
    expect(year).toMatchObject({ periodStart: "2020-01-01", periodEnd: "2020-12-31", baseline: 0, target: 25, actual: 27, achievedPercent: 108, suppressed: false });
    // The sex cells were recorded; the region cells have no value yet, so they are computed from the records.
    const recorded = year.breakdown.filter((b: { actualSource: string }) => b.actualSource === "RECORDED");
    expect(recorded.map((b: { dimensionKey: string }) => b.dimensionKey)).toEqual(["sex=FEMALE", "sex=MALE"]);
    const computed = year.breakdown.filter((b: { actualSource: string }) => b.actualSource === "COMPUTED");
    expect(computed).toHaveLength(17);
    expect(computed.every((b: { dimensionKey: string }) => b.dimensionKey.startsWith("region=KZ-"))).toBe(true);
    expect(computed.reduce((sum: number, b: { actual: number }) => sum + b.actual, 0)).toBe(27);
    const female = recorded[0];
    expect(female.target).toBe(12);
    expect(female.achievedPercent).toBe(Math.round((female.actual / 12) * 1000) / 10);
    expect(female.actual + recorded[1].actual).toBe(27);
  });

  it("IND-1.1.2: all 17 regions against 17 is 100%", async () => {
    const indicator = await (await staff("GET", `/api/v1/indicators/${seedId("indicator:2")}`)).json();
    expect(indicator.periods).toEqual([expect.objectContaining({ baseline: 0, target: 17, actual: 17, achievedPercent: 100, breakdown: [] })]);
  });

  it("IND-1.1: the share reporting improved knowledge, against 75%", async () => {
    const indicator = await (await staff("GET", `/api/v1/indicators/${seedId("indicator:3")}`)).json();
    expect(indicator).toMatchObject({ measure: "PERCENTAGE", metric: "KNOWLEDGE_IMPROVED_SHARE", outcomeId: OUTCOME, outputId: null });
    const [year] = indicator.periods;
    expect(year.target).toBe(75);
    expect(year.actual).toBeGreaterThan(0);
    expect(year.actual).toBeLessThanOrEqual(100);
    expect(year.achievedPercent).toBe(Math.round((year.actual / 75) * 1000) / 10);
  });

  it("a donor of the programme reads them too; the other donor does not see they exist", async () => {
    const donorA = client(api, world.tokens.donorA);
    const res = await donorA("GET", `/api/v1/indicators/${seedId("indicator:1")}`);
    expect(res.status).toBe(200);
    expect((await res.json()).periods[0].achievedPercent).toBe(108);
    const donorB = client(api, world.tokens.donorB);
    expect((await donorB("GET", `/api/v1/indicators/${seedId("indicator:1")}`)).status).toBe(404);
    expect((await donorB("GET", `/api/v1/indicators/${seedId("indicator:1")}/targets`)).status).toBe(404);
    expect((await (await donorB("GET", "/api/v1/indicators")).json()).items).toEqual([]);
    expect((await client(api, world.tokens.partnerA)("GET", `/api/v1/indicators/${seedId("indicator:1")}`)).status).toBe(403);
  });
});

describe("listing", () => {
  it("filters by programme, outcome, output, source and text", async () => {
    const codes = async (query: string) => ((await (await staff("GET", `/api/v1/indicators${query}`)).json()).items as { code: string }[]).map((i) => i.code);
    expect(await codes(`?programmeId=${PROGRAMME}&outputId=${OUTPUT}`)).toEqual(["IND-1.1.1", "IND-1.1.2"]);
    expect(await codes(`?outcomeId=${OUTCOME}`)).toEqual(["IND-1.1"]);
    expect(await codes(`?programmeId=${world.programmeB}`)).toEqual([]);
    expect(await codes("?q=regions")).toEqual(["IND-1.1.2"]);
    expect(await codes("?source=COMPUTED&q=IND-1.1.")).toEqual(["IND-1.1.1", "IND-1.1.2"]);
    expect((await staff("GET", "/api/v1/indicators?source=GUESSED")).status).toBe(400);
  });
});

describe("writing indicators", () => {
  it("STAFF creates a computed indicator; the definition is stored with its defaults; audited", async () => {
    const created = await createIndicator({
      programmeId: PROGRAMME,
      outcomeId: OUTCOME,
      code: "IND-1.2",
      name: "Share of participants who would recommend the training",
      measure: "PERCENTAGE",
      source: "COMPUTED",
      metric: "KNOWLEDGE_IMPROVED_SHARE",
      definition: { scale: [1, 5] },
      unit: "%",
      baselineValue: 12.5,
      baselineDate: "2019-06-30",
      disaggregations: ["sex"],
    });
    expect(created).toMatchObject({ definition: { minimumGain: 1, scale: [1, 5] }, baselineValue: 12.5, baselineDate: "2019-06-30", direction: "INCREASE", outputId: null });
    const audit = await api.db.prisma.auditEvent.findFirst({ where: { entityId: created.id, action: "indicator.create" } });
    expect(audit?.actorId).toBe(seedId("user:staff@vep.example"));
    expect((await staff("POST", "/api/v1/indicators", manual("IND-1.2"))).status).toBe(409);
  });

  it.each([
    ["both an outcome and an output", manual("X1", { outcomeId: OUTCOME }), "body.outcomeId"],
    ["neither an outcome nor an output", manual("X1", { outputId: null }), "body.outcomeId"],
    ["COMPUTED without a metric", manual("X1", { source: "COMPUTED" }), "body.metric"],
    ["MANUAL with a metric", manual("X1", { metric: "PEOPLE_TRAINED" }), "body.metric"],
    ["MANUAL with a definition", manual("X1", { definition: { completionShare: 0.7 } }), "body.definition"],
    ["completion share over 1", manual("X1", { source: "COMPUTED", metric: "PEOPLE_TRAINED", definition: { completionShare: 1.5 } }), "body.definition.completionShare"],
    ["minimum gain of 0", manual("X1", { source: "COMPUTED", metric: "KNOWLEDGE_IMPROVED_SHARE", definition: { minimumGain: 0 } }), "body.definition.minimumGain"],
    ["a parameter of another metric", manual("X1", { source: "COMPUTED", metric: "REGIONS_COVERED", definition: { minimumRating: 4 } }), "body.definition.minimumRating"],
    ["a rating out of range", manual("X1", { source: "COMPUTED", metric: "SATISFIED_SHARE", definition: { minimumRating: 6 } }), "body.definition.minimumRating"],
    ["an unknown metric", manual("X1", { source: "COMPUTED", metric: "HAPPINESS" }), "body.metric"],
    ["an unknown breakdown", manual("X1", { disaggregations: ["sex", "age"] }), "body.disaggregations.1"],
    ["a breakdown twice", manual("X1", { disaggregations: ["sex", "sex"] }), "body.disaggregations"],
    ["an unknown measure", manual("X1", { measure: "KILOGRAMS" }), "body.measure"],
    ["a script as code", manual("<script>"), "body.code"],
    ["SQL as code", manual("'; DROP TABLE"), "body.code"],
    ["an oversized name", manual("X1", { name: "n".repeat(501) }), "body.name"],
    ["an impossible baseline date", manual("X1", { baselineDate: "2020-02-30" }), "body.baselineDate"],
    ["a baseline as text", manual("X1", { baselineValue: "10" }), "body.baselineValue"],
    ["a baseline with 5 decimals", manual("X1", { baselineValue: 1.23456 }), "body.baselineValue"],
    ["an unknown field", manual("X1", { weight: 3 }), "body.weight"],
    ["no name", manual("X1", { name: undefined }), "body.name"],
    ["an output of another programme", manual("X1", { programmeId: PROGRAMME, outputId: "__B__" }), "body.outputId"],
    ["an unknown programme", manual("X1", { programmeId: "00000000-0000-4000-8000-000000000000" }), "body.programmeId"],
  ])("an indicator with %s → 400 and no row written", async (_, body, field) => {
    const sent = JSON.parse(JSON.stringify(body).replace("__B__", outputB));
    const before = await api.db.prisma.indicator.count();
    const res = await staff("POST", "/api/v1/indicators", sent);
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toHaveProperty([field]);
    expect(await api.db.prisma.indicator.count()).toBe(before);
  });

  it("an edit keeps the rules: moving to an outcome means leaving the output; a stale version changes nothing", async () => {
    const created = await createIndicator(manual("IND-M1"));
    const both = await staff("PATCH", `/api/v1/indicators/${created.id}`, { outcomeId: OUTCOME, version: 1 });
    expect(both.status).toBe(400);
    expect((await both.json()).errors).toHaveProperty(["body.outcomeId"]);
    const moved = await staff("PATCH", `/api/v1/indicators/${created.id}`, { outcomeId: OUTCOME, outputId: null, version: 1 });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ outcomeId: OUTCOME, outputId: null, version: 2 });
    expect((await staff("PATCH", `/api/v1/indicators/${created.id}`, { name: "Stale", version: 1 })).status).toBe(409);

    const computed = await staff("PATCH", `/api/v1/indicators/${created.id}`, { source: "COMPUTED", metric: "PEOPLE_TRAINED", definition: { completionShare: 2 }, version: 2 });
    expect(computed.status).toBe(400);
    expect((await computed.json()).errors).toHaveProperty(["body.definition.completionShare"]);
    const row = await api.db.prisma.indicator.findUniqueOrThrow({ where: { id: created.id } });
    expect([row.name, row.source, row.metric, row.version]).toEqual(["Indicator IND-M1", "MANUAL", null, 2]);
    expect(await api.db.prisma.auditEvent.count({ where: { entityId: created.id, action: "indicator.update" } })).toBe(1);
  });

  it("a breakdown that targets use cannot be dropped", async () => {
    const res = await staff("PATCH", `/api/v1/indicators/${seedId("indicator:1")}`, { disaggregations: ["region"], version: 1 });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toHaveProperty(["body.disaggregations"]);
    expect((await api.db.prisma.indicator.findUniqueOrThrow({ where: { id: seedId("indicator:1") } })).disaggregations).toEqual(["sex", "region"]);
  });

  it("an indicator goes with its targets and open values; one with locked values stays", async () => {
    const created = await createIndicator(manual("IND-D1"));
    expect((await staff("POST", `/api/v1/indicators/${created.id}/targets`, { periodStart: "2021-01-01", periodEnd: "2021-12-31", value: 5 })).status).toBe(201);
    expect((await staff("DELETE", `/api/v1/indicators/${created.id}`, undefined, { "if-match": '"1"' })).status).toBe(204);
    expect(await api.db.prisma.indicatorTarget.count({ where: { indicatorId: created.id } })).toBe(0);
    expect(await api.db.prisma.auditEvent.count({ where: { entityId: created.id, action: "indicator.delete" } })).toBe(1);

    await api.db.prisma.indicatorValue.update({ where: { id: seedId("value:2:2020") }, data: { lockedAt: new Date() } });
    expect((await staff("DELETE", `/api/v1/indicators/${seedId("indicator:2")}`, undefined, { "if-match": '"1"' })).status).toBe(409);
    expect(await api.db.prisma.indicator.count({ where: { id: seedId("indicator:2") } })).toBe(1);
  });
});

describe("targets", () => {
  it("targets per period and breakdown cell, with the canonical key; the same cell twice is 409", async () => {
    const id = seedId("indicator:1");
    const listed = await (await staff("GET", `/api/v1/indicators/${id}/targets`)).json();
    expect(listed.items.map((t: { dimensionKey: string }) => t.dimensionKey).sort()).toEqual(["", "sex=FEMALE", "sex=MALE"]);

    const res = await staff("POST", `/api/v1/indicators/${id}/targets`, { periodStart: "2021-01-01", periodEnd: "2021-12-31", value: 3, dimensions: { sex: "FEMALE", region: "KZ-MAN" } });
    expect(res.status).toBe(201);
    const target = await res.json();
    expect(target).toMatchObject({ dimensionKey: "region=KZ-MAN;sex=FEMALE", dimensions: { sex: "FEMALE", region: "KZ-MAN" }, value: 3, periodStart: "2021-01-01" });
    expect(await api.db.prisma.auditEvent.count({ where: { entityId: target.id, action: "indicatorTarget.create" } })).toBe(1);

    const before = await api.db.prisma.indicatorTarget.count();
    expect((await staff("POST", `/api/v1/indicators/${id}/targets`, { periodStart: "2021-01-01", periodEnd: "2021-12-31", value: 4, dimensions: { region: "KZ-MAN", sex: "FEMALE" } })).status).toBe(409);
    expect(await api.db.prisma.indicatorTarget.count()).toBe(before);

    const detail = await (await staff("GET", `/api/v1/indicators/${id}`)).json();
    expect(detail.periods.map((p: { periodStart: string }) => p.periodStart)).toEqual(["2020-01-01", "2021-01-01"]);
    // Nothing was delivered in 2021: the computed actuals are zero, and the cell a target names is computed too.
    expect(detail.periods[1]).toMatchObject({ target: null, actual: 0, actualSource: "COMPUTED", achievedPercent: null, breakdown: [{ dimensionKey: "region=KZ-MAN;sex=FEMALE", target: 3, actual: 0, actualSource: "COMPUTED" }] });
  });

  it("edits a target with optimistic locking; a change into a taken cell is 409; removal needs If-Match", async () => {
    const id = seedId("indicator:1");
    const target = await (await staff("POST", `/api/v1/indicators/${id}/targets`, { periodStart: "2022-01-01", periodEnd: "2022-12-31", value: 30 })).json();
    const edited = await staff("PATCH", `/api/v1/indicator-targets/${target.id}`, { value: 32.5, version: 1 });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ value: 32.5, version: 2 });
    expect((await staff("PATCH", `/api/v1/indicator-targets/${target.id}`, { value: 1, version: 1 })).status).toBe(409);
    const backwards = await staff("PATCH", `/api/v1/indicator-targets/${target.id}`, { periodEnd: "2021-12-31", version: 2 });
    expect(backwards.status).toBe(400);
    expect((await backwards.json()).errors).toHaveProperty(["body.periodEnd"]);
    const taken = await staff("PATCH", `/api/v1/indicator-targets/${target.id}`, { periodStart: "2020-01-01", periodEnd: "2020-12-31", version: 2 });
    expect(taken.status).toBe(409);
    const row = await api.db.prisma.indicatorTarget.findUniqueOrThrow({ where: { id: target.id } });
    expect([Number(row.value), row.periodStart.toISOString().slice(0, 10), row.version]).toEqual([32.5, "2022-01-01", 2]);

    expect((await staff("DELETE", `/api/v1/indicator-targets/${target.id}`)).status).toBe(400);
    expect((await staff("DELETE", `/api/v1/indicator-targets/${target.id}`, undefined, { "if-match": '"2"' })).status).toBe(204);
    expect(await api.db.prisma.auditEvent.count({ where: { entityId: target.id } })).toBe(3);
    expect((await client(api, world.tokens.donorA)("DELETE", `/api/v1/indicator-targets/${seedId("target:1:2020")}`, undefined, { "if-match": '"1"' })).status).toBe(403);
  });

  it.each([
    ["a period ending before it starts", { periodStart: "2021-12-31", periodEnd: "2021-01-01", value: 1 }, "body.periodEnd"],
    ["an impossible date", { periodStart: "2021-13-01", periodEnd: "2021-12-31", value: 1 }, "body.periodStart"],
    ["a date with a time", { periodStart: "2021-01-01T00:00:00Z", periodEnd: "2021-12-31", value: 1 }, "body.periodStart"],
    ["no value", { periodStart: "2021-01-01", periodEnd: "2021-12-31" }, "body.value"],
    ["a value as text", { periodStart: "2021-01-01", periodEnd: "2021-12-31", value: "25" }, "body.value"],
    ["a value too large", { periodStart: "2021-01-01", periodEnd: "2021-12-31", value: 1e12 }, "body.value"],
    ["a breakdown the indicator lacks", { periodStart: "2021-01-01", periodEnd: "2021-12-31", value: 1, dimensions: { modality: "ONLINE" } }, "body.dimensions.modality"],
    ["an unknown dimension", { periodStart: "2021-01-01", periodEnd: "2021-12-31", value: 1, dimensions: { age: "30" } }, "body.dimensions.age"],
    ["an unknown sex", { periodStart: "2021-01-01", periodEnd: "2021-12-31", value: 1, dimensions: { sex: "<script>" } }, "body.dimensions.sex"],
    ["a hostile region", { periodStart: "2021-01-01", periodEnd: "2021-12-31", value: 1, dimensions: { region: "'; DROP TABLE" } }, "body.dimensions.region"],
    ["an unknown field", { periodStart: "2021-01-01", periodEnd: "2021-12-31", value: 1, dimensionKey: "sex=FEMALE" }, "body.dimensionKey"],
  ])("a target with %s → 400 and no row written", async (_, body, field) => {
    const before = await api.db.prisma.indicatorTarget.count();
    const res = await staff("POST", `/api/v1/indicators/${seedId("indicator:1")}/targets`, body);
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toHaveProperty([field]);
    expect(await api.db.prisma.indicatorTarget.count()).toBe(before);
  });

  it("a target for an indicator that does not exist is 404", async () => {
    expect((await staff("POST", "/api/v1/indicators/00000000-0000-4000-8000-000000000000/targets", { periodStart: "2021-01-01", periodEnd: "2021-12-31", value: 1 })).status).toBe(404);
    expect((await staff("PATCH", "/api/v1/indicator-targets/00000000-0000-4000-8000-000000000000", { value: 1, version: 1 })).status).toBe(404);
  });
});
