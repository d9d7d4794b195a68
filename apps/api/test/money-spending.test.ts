// Budgets and expenditure: who sees which, IATI's budget period rule, an expenditure's activity
// belonging to its programme, optimistic locking, the audit trail, and bad input.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "@vep/db/seed";
import { client, type World, startWorld } from "./fixtures.js";
import type { RunningApi } from "./harness.js";

let api: RunningApi;
let world: World;
beforeAll(async () => {
  ({ api, world } = await startWorld());
});
afterAll(() => api.close());

const as = (token: keyof World["tokens"] | null) => client(api, token ? world.tokens[token] : null);
type Row = { id: string; version: number } & Record<string, unknown>;

async function ids(path: string, token: keyof World["tokens"]): Promise<string[]> {
  const res = await as(token)("GET", path);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Row[] }).items.map((r) => r.id);
}

async function created(path: string, body: Record<string, unknown>): Promise<Row> {
  const res = await as("staff")("POST", path, body);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Row;
}

const audited = (entityId: string, action: string) => api.db.prisma.auditEvent.count({ where: { entityId, action } });

describe("budgets", () => {
  const budgetB = () => ({ programmeId: world.programmeB, periodStart: "2021-01-01", periodEnd: "2021-12-31", amountMinor: 200_000_00, currency: "USD" });

  it("a donor sees the budgets of the programmes it co-funds only; partners get 403", async () => {
    const b = await created("/api/v1/budgets", budgetB());
    expect(b).toMatchObject({ outputId: null, status: "COMMITTED", type: "ORIGINAL", periodStart: "2021-01-01", periodEnd: "2021-12-31", version: 1 });
    const seeded = [seedId("budget:2020"), seedId("budget:2020:OP1.1")];
    expect((await ids("/api/v1/budgets", "donorA")).sort()).toEqual([...seeded].sort());
    expect(await ids("/api/v1/budgets", "donorB")).toEqual([b.id]);
    expect((await as("donorA")("GET", `/api/v1/budgets/${b.id}`)).status).toBe(404);
    expect((await as("donorB")("GET", `/api/v1/budgets/${seedId("budget:2020")}`)).status).toBe(404);
    expect((await as("donorB")("GET", `/api/v1/budgets/${b.id}`)).status).toBe(200);
    expect((await as("partnerB")("GET", "/api/v1/budgets")).status).toBe(403);
    expect((await as("partnerA")("GET", `/api/v1/budgets/${seedId("budget:2020")}`)).status).toBe(403);
    expect((await as("donorB")("POST", "/api/v1/budgets", budgetB())).status).toBe(403);
    expect(await audited(b.id, "budget.create")).toBe(1);
  });

  it("filters by programme, output and overlapping period", async () => {
    expect(await ids(`/api/v1/budgets?outputId=${seedId("output:1.1")}`, "staff")).toEqual([seedId("budget:2020:OP1.1")]);
    expect((await ids(`/api/v1/budgets?programmeId=${world.programmeA}&from=2020-06-01&to=2020-06-30`, "staff")).length).toBe(2);
    expect(await ids(`/api/v1/budgets?programmeId=${world.programmeA}&from=2021-01-01`, "staff")).toEqual([]);
    expect(await ids(`/api/v1/budgets?programmeId=${world.programmeA}&to=2019-12-31`, "staff")).toEqual([]);
  });

  it("keeps a period within one year, also when a change names only one end", async () => {
    expect((await created("/api/v1/budgets", { ...budgetB(), periodStart: "2020-02-29", periodEnd: "2021-02-28" })).periodEnd).toBe("2021-02-28");
    for (const [periodStart, periodEnd] of [
      ["2021-01-01", "2022-01-01"],
      ["2021-06-01", "2021-05-31"],
    ]) {
      const res = await as("staff")("POST", "/api/v1/budgets", { ...budgetB(), periodStart, periodEnd });
      expect(res.status).toBe(400);
      expect((await res.json()).errors).toHaveProperty(["body.periodEnd"]);
    }
    const b = await created("/api/v1/budgets", budgetB());
    const longer = await as("staff")("PATCH", `/api/v1/budgets/${b.id}`, { periodEnd: "2022-03-31", version: 1 });
    expect(longer.status).toBe(400);
    expect((await longer.json()).errors["body.periodEnd"]).toMatch(/one year/);
    const later = await as("staff")("PATCH", `/api/v1/budgets/${b.id}`, { periodStart: "2022-01-01", version: 1 });
    expect(later.status).toBe(400);
    expect((await later.json()).errors).toHaveProperty(["body.periodStart"]);
    expect((await api.db.prisma.budget.findUniqueOrThrow({ where: { id: b.id } })).version).toBe(1);
  });

  it("refuses an output of another programme", async () => {
    const before = await api.db.prisma.budget.count();
    const res = await as("staff")("POST", "/api/v1/budgets", { ...budgetB(), outputId: seedId("output:1.1") });
    expect(res.status).toBe(400);
    expect((await res.json()).errors["body.outputId"]).toMatch(/another programme/);
    expect(await api.db.prisma.budget.count()).toBe(before);
    const moved = await as("staff")("PATCH", `/api/v1/budgets/${seedId("budget:2020:OP1.1")}`, { programmeId: world.programmeB, version: 1 });
    expect(moved.status).toBe(400);
    expect((await moved.json()).errors).toHaveProperty(["body.outputId"]);
  });

  it("an edit from a stale version → 409 and nothing changed; revised, then deleted with If-Match", async () => {
    const b = await created("/api/v1/budgets", budgetB());
    expect((await as("staff")("PATCH", `/api/v1/budgets/${b.id}`, { type: "REVISED", amountMinor: 250_000_00, version: 1 })).status).toBe(200);
    expect((await as("admin")("PATCH", `/api/v1/budgets/${b.id}`, { status: "INDICATIVE", version: 1 })).status).toBe(409);
    const row = await api.db.prisma.budget.findUniqueOrThrow({ where: { id: b.id } });
    expect([row.type, row.status, row.amountMinor, row.version]).toEqual(["REVISED", "COMMITTED", 250_000_00n, 2]);
    expect((await as("staff")("DELETE", `/api/v1/budgets/${b.id}`, undefined, { "if-match": '"1"' })).status).toBe(409);
    expect((await as("staff")("DELETE", `/api/v1/budgets/${b.id}`, undefined, { "if-match": '"2"' })).status).toBe(204);
    expect(await audited(b.id, "budget.update")).toBe(1);
    expect(await audited(b.id, "budget.delete")).toBe(1);
  });

  it.each([
    ["negative amount", { amountMinor: -1 }, "body.amountMinor"],
    ["amount as text", { amountMinor: "100" }, "body.amountMinor"],
    ["unknown status", { status: "APPROVED" }, "body.status"],
    ["unknown type", { type: "<script>" }, "body.type"],
    ["missing start", { periodStart: undefined }, "body.periodStart"],
    ["impossible end", { periodEnd: "2021-04-31" }, "body.periodEnd"],
    ["SQL for an output id", { outputId: "1; DROP TABLE \"Budget\"" }, "body.outputId"],
    ["unknown programme", { programmeId: "00000000-0000-4000-8000-000000000000" }, "body.programmeId"],
    ["unknown output", { outputId: "00000000-0000-4000-8000-000000000000" }, "body.outputId"],
    ["unknown field", { title: "Budget" }, "body.title"],
  ])("%s → 400 naming the field, nothing written", async (_, change, field) => {
    const before = await api.db.prisma.budget.count();
    const res = await as("staff")("POST", "/api/v1/budgets", { ...budgetB(), ...change });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toHaveProperty([field]);
    expect(await api.db.prisma.budget.count()).toBe(before);
  });
});

describe("expenditure", () => {
  const spentB = () => ({ programmeId: world.programmeB, activityId: world.activityB, spentOn: "2021-03-02", amountMinor: 4_200_00, currency: "USD", description: "Venue and interpretation" });

  it("a donor sees the expenditure of the programmes it co-funds only; partners get 403", async () => {
    const e = await created("/api/v1/expenditures", spentB());
    expect(e).toMatchObject({ activityId: world.activityB, spentOn: "2021-03-02", amountMinor: 4_200_00, version: 1 });
    const seeded = [seedId("expenditure:webinar"), seedId("expenditure:2020:other")];
    expect((await ids("/api/v1/expenditures", "donorA")).sort()).toEqual([...seeded].sort());
    expect(await ids("/api/v1/expenditures", "donorB")).toEqual([e.id]);
    expect((await as("donorA")("GET", `/api/v1/expenditures/${e.id}`)).status).toBe(404);
    expect((await as("donorB")("GET", `/api/v1/expenditures/${seedId("expenditure:webinar")}`)).status).toBe(404);
    expect((await as("partnerB")("GET", `/api/v1/expenditures/${e.id}`)).status).toBe(403);
    expect((await as(null)("GET", "/api/v1/expenditures")).status).toBe(401);
    expect(await audited(e.id, "expenditure.create")).toBe(1);
  });

  it("filters by programme, activity and date, newest first", async () => {
    expect(await ids(`/api/v1/expenditures?activityId=${world.activityA}`, "staff")).toEqual([seedId("expenditure:webinar")]);
    expect(await ids(`/api/v1/expenditures?programmeId=${world.programmeA}`, "staff")).toEqual([seedId("expenditure:2020:other"), seedId("expenditure:webinar")]);
    expect(await ids(`/api/v1/expenditures?programmeId=${world.programmeA}&from=2020-05-01&to=2020-05-31`, "staff")).toEqual([seedId("expenditure:webinar")]);
    const bad = await as("staff")("GET", "/api/v1/expenditures?from=2020-12-31&to=2020-01-01");
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors).toHaveProperty(["query.to"]);
  });

  it("refuses an activity of another programme, on create and on change", async () => {
    const before = await api.db.prisma.expenditure.count();
    const res = await as("staff")("POST", "/api/v1/expenditures", { ...spentB(), programmeId: world.programmeA });
    expect(res.status).toBe(400);
    expect((await res.json()).errors["body.activityId"]).toMatch(/another programme/);
    expect(await api.db.prisma.expenditure.count()).toBe(before);

    const e = await created("/api/v1/expenditures", spentB());
    const moved = await as("staff")("PATCH", `/api/v1/expenditures/${e.id}`, { programmeId: world.programmeA, version: 1 });
    expect(moved.status).toBe(400);
    expect((await moved.json()).errors).toHaveProperty(["body.activityId"]);
    const both = await as("staff")("PATCH", `/api/v1/expenditures/${e.id}`, { programmeId: world.programmeA, activityId: world.activityA, version: 1 });
    expect(both.status).toBe(200);
    expect(await both.json()).toMatchObject({ programmeId: world.programmeA, activityId: world.activityA, version: 2 });
  });

  it("an edit from a stale version → 409 and nothing changed; deleted with If-Match", async () => {
    const e = await created("/api/v1/expenditures", { ...spentB(), activityId: undefined });
    expect(e.activityId).toBeNull();
    expect((await as("staff")("PATCH", `/api/v1/expenditures/${e.id}`, { description: "Venue" }, { "if-match": '"1"' })).status).toBe(200);
    expect((await as("admin")("PATCH", `/api/v1/expenditures/${e.id}`, { amountMinor: 1, version: 1 })).status).toBe(409);
    const row = await api.db.prisma.expenditure.findUniqueOrThrow({ where: { id: e.id } });
    expect([row.description, row.amountMinor, row.version]).toEqual(["Venue", 4_200_00n, 2]);
    expect((await as("staff")("DELETE", `/api/v1/expenditures/${e.id}`)).status).toBe(400);
    expect((await as("staff")("DELETE", `/api/v1/expenditures/${e.id}`, undefined, { "if-match": '"2"' })).status).toBe(204);
    expect(await audited(e.id, "expenditure.delete")).toBe(1);
  });

  it("keeps hostile text as text", async () => {
    const description = "<img src=x onerror=alert(1)>'; DROP TABLE \"Expenditure\";--";
    const e = await created("/api/v1/expenditures", { ...spentB(), description });
    expect((await (await as("donorB")("GET", `/api/v1/expenditures/${e.id}`)).json()).description).toBe(description);
  });

  it.each([
    ["zero amount", { amountMinor: 0 }, "body.amountMinor"],
    ["fractional amount", { amountMinor: 1.5 }, "body.amountMinor"],
    ["currency as a number", { currency: 840 }, "body.currency"],
    ["impossible date", { spentOn: "2021-02-29" }, "body.spentOn"],
    ["oversized description", { description: "d".repeat(2001) }, "body.description"],
    ["SQL for an activity id", { activityId: "' OR 1=1 --" }, "body.activityId"],
    ["unknown activity", { activityId: "00000000-0000-4000-8000-000000000000" }, "body.activityId"],
    ["missing programme", { programmeId: undefined }, "body.programmeId"],
    ["unknown field", { approved: true }, "body.approved"],
  ])("%s → 400 naming the field, nothing written", async (_, change, field) => {
    const before = await api.db.prisma.expenditure.count();
    const res = await as("staff")("POST", "/api/v1/expenditures", { ...spentB(), ...change });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toHaveProperty([field]);
    expect(await api.db.prisma.expenditure.count()).toBe(before);
  });
});
