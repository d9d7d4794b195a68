// Indicator values: evidence, one value in force per period and cell, locking and correcting, the
// donors' scope (programme B's framework for donor B only) and small cells of people suppressed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "@vep/db/seed";
import { client, type World, startWorld } from "./fixtures.js";
import type { RunningApi } from "./harness.js";

let api: RunningApi;
let world: World;
let staff: ReturnType<typeof client>;
/** Programme B's framework, created over the API: a manual indicator and a count of people. */
let manualB: string;
let trainedB: string;
const STAFF_ID = seedId("user:staff@vep.example");
const YEAR_2021 = { periodStart: "2021-01-01", periodEnd: "2021-12-31" };

beforeAll(async () => {
  ({ api, world, as: { staff } } = await startWorld());
  const outcome = await (await staff("POST", "/api/v1/outcomes", { programmeId: world.programmeB, code: "OC1", title: "Kyrgyz prisons communicate openly" })).json();
  const base = { programmeId: world.programmeB, outcomeId: outcome.id, measure: "UNIT" };
  manualB = (await (await staff("POST", "/api/v1/indicators", { ...base, code: "B-1", name: "Press releases published", source: "MANUAL", disaggregations: ["region"] })).json()).id;
  trainedB = (await (await staff("POST", "/api/v1/indicators", { ...base, code: "B-2", name: "Officers trained", source: "COMPUTED", metric: "PEOPLE_TRAINED", definition: {}, disaggregations: ["sex"] })).json()).id;
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

async function postValue(indicatorId: string, body: Record<string, unknown>) {
  const res = await staff("POST", `/api/v1/indicators/${indicatorId}/values`, body);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: string; version: number; lockedAt: string | null };
}

describe("scope", () => {
  it("donor B reads programme B's indicators and values, and gets 404 for programme A's", async () => {
    const value = await postValue(manualB, { ...YEAR_2021, value: 4, evidenceUrl: "https://prison.gov.kg/press" });
    const donorB = client(api, world.tokens.donorB);
    const listed = await (await donorB("GET", "/api/v1/indicators")).json();
    expect(listed.items.map((i: { code: string }) => i.code).sort()).toEqual(["B-1", "B-2"]);
    const detail = await donorB("GET", `/api/v1/indicators/${manualB}`);
    expect(detail.status).toBe(200);
    expect((await detail.json()).values.map((v: { id: string }) => v.id)).toEqual([value.id]);
    expect((await donorB("GET", `/api/v1/indicator-values/${value.id}`)).status).toBe(200);

    expect((await donorB("GET", `/api/v1/indicators/${seedId("indicator:1")}`)).status).toBe(404);
    expect((await donorB("GET", `/api/v1/indicators/${seedId("indicator:1")}/values`)).status).toBe(404);
    expect((await donorB("GET", `/api/v1/indicator-values/${seedId("value:1:2020")}`)).status).toBe(404);

    const donorA = client(api, world.tokens.donorA);
    expect((await donorA("GET", `/api/v1/indicators/${manualB}`)).status).toBe(404);
    expect((await donorA("GET", `/api/v1/indicator-values/${value.id}`)).status).toBe(404);
    expect((await (await donorA("GET", `/api/v1/indicators?programmeId=${world.programmeB}`)).json()).items).toEqual([]);
  });

  it("partners get 403 and donors may not write", async () => {
    for (const token of [world.tokens.partnerA, world.tokens.partnerB]) {
      const partner = client(api, token);
      expect((await partner("GET", `/api/v1/indicators/${manualB}/values`)).status).toBe(403);
      expect((await partner("GET", `/api/v1/indicator-values/${seedId("value:1:2020")}`)).status).toBe(403);
      expect((await partner("GET", "/api/v1/indicators")).status).toBe(403);
    }
    const donorB = client(api, world.tokens.donorB);
    expect((await donorB("POST", `/api/v1/indicators/${manualB}/values`, { ...YEAR_2021, value: 1, evidenceNote: "x" })).status).toBe(403);
    expect((await donorB("POST", `/api/v1/indicator-values/${seedId("value:1:2020")}/lock`, { version: 1 })).status).toBe(403);
  });

  it("a donor sees counts of 1 or 2 people suppressed, and no % that would give them away; staff see them", async () => {
    await postValue(trainedB, { ...YEAR_2021, value: 12 });
    await postValue(trainedB, { ...YEAR_2021, value: 2, dimensions: { sex: "FEMALE" } });
    await postValue(trainedB, { ...YEAR_2021, value: 10, dimensions: { sex: "MALE" } });
    await staff("POST", `/api/v1/indicators/${trainedB}/targets`, { ...YEAR_2021, value: 4, dimensions: { sex: "FEMALE" } });

    const forDonor = await (await client(api, world.tokens.donorB)("GET", `/api/v1/indicators/${trainedB}`)).json();
    const female = forDonor.values.find((v: { dimensionKey: string }) => v.dimensionKey === "sex=FEMALE");
    expect(female).toMatchObject({ value: null, suppressed: true });
    expect(forDonor.periods[0]).toMatchObject({ actual: 12, suppressed: false });
    expect(forDonor.periods[0].breakdown[0]).toMatchObject({ dimensionKey: "sex=FEMALE", target: 4, actual: null, suppressed: true, achievedPercent: null });
    const listed = await (await client(api, world.tokens.donorB)("GET", `/api/v1/indicators/${trainedB}/values?inForce=true`)).json();
    expect(listed.items.filter((v: { suppressed: boolean }) => v.suppressed)).toHaveLength(1);

    const forStaff = await (await staff("GET", `/api/v1/indicators/${trainedB}`)).json();
    expect(forStaff.periods[0].breakdown[0]).toMatchObject({ actual: 2, suppressed: false, achievedPercent: 50 });
  });
});

describe("reporting values", () => {
  it("records who entered a value; a MANUAL value needs its evidence", async () => {
    const before = await api.db.prisma.indicatorValue.count();
    const missing = await staff("POST", `/api/v1/indicators/${manualB}/values`, { periodStart: "2022-01-01", periodEnd: "2022-12-31", value: 3 });
    expect(missing.status).toBe(400);
    expect((await missing.json()).errors).toHaveProperty(["body.evidenceUrl"]);
    expect(await api.db.prisma.indicatorValue.count()).toBe(before);

    const value = await postValue(manualB, { periodStart: "2022-01-01", periodEnd: "2022-12-31", value: 3, evidenceNote: "Counted on the Prison Service website", dimensions: { region: "KG-C" } });
    expect(value).toMatchObject({ enteredById: STAFF_ID, lockedAt: null, supersedesId: null, supersededById: null, dimensionKey: "region=KG-C", value: 3, version: 1 });
    expect(await api.db.prisma.auditEvent.count({ where: { entityId: value.id, action: "indicatorValue.create", actorId: STAFF_ID } })).toBe(1);
  });

  it("a period and cell has one value in force: a second is 409", async () => {
    const period = { periodStart: "2023-01-01", periodEnd: "2023-12-31" };
    await postValue(manualB, { ...period, value: 1, evidenceNote: "first" });
    const before = await api.db.prisma.indicatorValue.count();
    expect((await staff("POST", `/api/v1/indicators/${manualB}/values`, { ...period, value: 2, evidenceNote: "second" })).status).toBe(409);
    expect(await api.db.prisma.indicatorValue.count()).toBe(before);
    // Another cell of the same period is free; moving it onto the taken one is not.
    const regional = await postValue(manualB, { ...period, value: 2, evidenceNote: "region", dimensions: { region: "KG-C" } });
    expect((await staff("PATCH", `/api/v1/indicator-values/${regional.id}`, { dimensions: {}, version: 1 })).status).toBe(409);
    expect((await api.db.prisma.indicatorValue.findUniqueOrThrow({ where: { id: regional.id } })).dimensionKey).toBe("region=KG-C");
  });

  it("an open value is edited with optimistic locking; its evidence cannot be emptied", async () => {
    const value = await postValue(manualB, { periodStart: "2024-01-01", periodEnd: "2024-12-31", value: 5, evidenceNote: "Draft count" });
    const edited = await staff("PATCH", `/api/v1/indicator-values/${value.id}`, { value: 6, evidenceUrl: "http://prison.gov.kg/2024", version: 1 });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ value: 6, evidenceUrl: "http://prison.gov.kg/2024", version: 2 });
    expect((await staff("PATCH", `/api/v1/indicator-values/${value.id}`, { value: 7, version: 1 })).status).toBe(409);
    const emptied = await staff("PATCH", `/api/v1/indicator-values/${value.id}`, { evidenceUrl: null, evidenceNote: null, version: 2 });
    expect(emptied.status).toBe(400);
    expect((await emptied.json()).errors).toHaveProperty(["body.evidenceUrl"]);
    const row = await api.db.prisma.indicatorValue.findUniqueOrThrow({ where: { id: value.id } });
    expect([Number(row.value), row.evidenceNote, row.version]).toEqual([6, "Draft count", 2]);
    expect(await api.db.prisma.auditEvent.count({ where: { entityId: value.id, action: "indicatorValue.update" } })).toBe(1);
  });

  it("locking closes a value: edits are refused, and a correction supersedes it with a reason", async () => {
    const period = { periodStart: "2025-01-01", periodEnd: "2025-12-31" };
    const value = await postValue(manualB, { ...period, value: 8, evidenceNote: "Annual report 2025" });
    expect((await staff("POST", `/api/v1/indicator-values/${value.id}/lock`, {})).status).toBe(400);
    expect((await staff("POST", `/api/v1/indicator-values/${value.id}/lock`, { version: 9 })).status).toBe(409);
    const locked = await staff("POST", `/api/v1/indicator-values/${value.id}/lock`, { version: 1 });
    expect(locked.status).toBe(200);
    expect((await locked.json()).lockedAt).not.toBeNull();
    expect((await staff("POST", `/api/v1/indicator-values/${value.id}/lock`, {}, { "if-match": '"2"' })).status).toBe(409);

    const edit = await staff("PATCH", `/api/v1/indicator-values/${value.id}`, { value: 9, version: 2 });
    expect(edit.status).toBe(409);
    expect(Number((await api.db.prisma.indicatorValue.findUniqueOrThrow({ where: { id: value.id } })).value)).toBe(8);
    expect((await staff("POST", `/api/v1/indicators/${manualB}/values`, { ...period, value: 9, evidenceNote: "again" })).status).toBe(409);

    const noReason = await staff("POST", `/api/v1/indicators/${manualB}/values`, { ...period, value: 9, evidenceNote: "Corrected count", supersedesId: value.id });
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).errors).toHaveProperty(["body.reason"]);
    const otherPeriod = await staff("POST", `/api/v1/indicators/${manualB}/values`, { periodStart: "2026-01-01", periodEnd: "2026-12-31", value: 9, evidenceNote: "x", supersedesId: value.id, reason: "typo" });
    expect(otherPeriod.status).toBe(400);
    const otherIndicator = await staff("POST", `/api/v1/indicators/${trainedB}/values`, { ...period, value: 9, supersedesId: value.id, reason: "typo" });
    expect(otherIndicator.status).toBe(400);
    expect((await otherIndicator.json()).errors).toHaveProperty(["body.supersedesId"]);

    const correction = await postValue(manualB, { ...period, value: 9, evidenceNote: "Corrected count", supersedesId: value.id, reason: "One release was counted twice" });
    expect(correction).toMatchObject({ supersedesId: value.id, lockedAt: null, value: 9 });
    expect(await api.db.prisma.auditEvent.count({ where: { entityId: correction.id, action: "indicatorValue.correct" } })).toBe(1);
    expect(await api.db.prisma.auditEvent.count({ where: { entityId: value.id, action: "indicatorValue.lock" } })).toBe(1);
    expect((await (await staff("GET", `/api/v1/indicator-values/${value.id}`)).json()).supersededById).toBe(correction.id);
    expect((await staff("POST", `/api/v1/indicators/${manualB}/values`, { ...period, value: 10, evidenceNote: "x", supersedesId: value.id, reason: "again" })).status).toBe(409);
    // The correction is open: it is corrected by editing, not by superseding.
    expect((await staff("POST", `/api/v1/indicators/${manualB}/values`, { ...period, value: 10, evidenceNote: "x", supersedesId: correction.id, reason: "again" })).status).toBe(409);

    const detail = await (await staff("GET", `/api/v1/indicators/${manualB}`)).json();
    expect(detail.periods.find((p: { periodStart: string }) => p.periodStart === "2025-01-01").actual).toBe(9);
    const inForce = await (await staff("GET", `/api/v1/indicators/${manualB}/values?inForce=true&limit=100`)).json();
    const ids = inForce.items.map((v: { id: string }) => v.id);
    expect(ids).toContain(correction.id);
    expect(ids).not.toContain(value.id);
    const superseded = await (await staff("GET", `/api/v1/indicators/${manualB}/values?inForce=false`)).json();
    expect(superseded.items.map((v: { id: string }) => v.id)).toEqual([value.id]);
  });

  it("a locked value of the seed is corrected the same way, and the period's % follows the correction", async () => {
    await api.db.prisma.indicatorValue.update({ where: { id: seedId("value:1:2020") }, data: { lockedAt: new Date("2021-01-15T00:00:00Z") } });
    await postValue(seedId("indicator:1"), { periodStart: "2020-01-01", periodEnd: "2020-12-31", value: 26, supersedesId: seedId("value:1:2020"), reason: "One participant's attendance was recorded twice" });
    const detail = await (await staff("GET", `/api/v1/indicators/${seedId("indicator:1")}`)).json();
    expect(detail.periods[0]).toMatchObject({ target: 25, actual: 26, achievedPercent: 104 });
  });

  it.each([
    ["an evidence link to a script", { evidenceUrl: "javascript:alert(1)" }, "body.evidenceUrl"],
    ["an evidence link over ftp", { evidenceUrl: "ftp://files.example.org/report.pdf" }, "body.evidenceUrl"],
    ["an evidence link that is not one", { evidenceUrl: "'; DROP TABLE \"IndicatorValue\"; --" }, "body.evidenceUrl"],
    ["an oversized note", { evidenceNote: "n".repeat(2001) }, "body.evidenceNote"],
    ["a value as text", { value: "8" }, "body.value"],
    ["no value", { value: undefined }, "body.value"],
    ["a period ending before it starts", { periodStart: "2021-06-01", periodEnd: "2021-05-31" }, "body.periodEnd"],
    ["an impossible date", { periodEnd: "2021-02-29" }, "body.periodEnd"],
    ["a breakdown the indicator lacks", { dimensions: { sex: "MALE" } }, "body.dimensions.sex"],
    ["a lock set by hand", { lockedAt: "2021-01-01T00:00:00Z" }, "body.lockedAt"],
    ["another user as author", { enteredById: seedId("user:admin@vep.example") }, "body.enteredById"],
    ["a bad supersedes id", { supersedesId: "1; DROP", reason: "x" }, "body.supersedesId"],
  ])("a value with %s → 400 and no row written", async (_, change, field) => {
    const before = await api.db.prisma.indicatorValue.count();
    const res = await staff("POST", `/api/v1/indicators/${manualB}/values`, { periodStart: "2021-01-01", periodEnd: "2021-12-31", value: 8, evidenceNote: "Annual report", ...change });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toHaveProperty([field]);
    expect(await api.db.prisma.indicatorValue.count()).toBe(before);
  });

  it("ids that are not uuids are refused; ids that do not exist are 404", async () => {
    expect((await staff("GET", "/api/v1/indicator-values/unknown")).status).toBe(400);
    expect((await staff("GET", "/api/v1/indicator-values/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await staff("POST", "/api/v1/indicator-values/00000000-0000-4000-8000-000000000000/lock", { version: 1 })).status).toBe(404);
    expect((await staff("GET", "/api/v1/indicators/00000000-0000-4000-8000-000000000000/values")).status).toBe(404);
  });
});
