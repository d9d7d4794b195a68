import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "@vep/db/seed";
import { client, type World, startWorld, type Clients } from "./fixtures.js";
import type { RunningApi } from "./harness.js";

let api: RunningApi;
let world: World;
let as: Clients;
beforeAll(async () => {
  ({ api, world, as } = await startWorld());
});
afterAll(() => api.close());

const path = "/api/v1/donors";
type Donor = { id: string; code: string; organisation: { id: string; name: string }; totals: { currency: string; pledgedMinor: number; receivedMinor: number }[]; version: number };

async function donorsByCode(call: ReturnType<typeof client>): Promise<Record<string, Donor>> {
  const res = await call("GET", `${path}?limit=100`);
  expect(res.status).toBe(200);
  return Object.fromEntries(((await res.json()).items as Donor[]).map((d) => [d.code, d]));
}

// The seed's pledges and payments (packages/db/src/seed/index.ts), and donor B's pledge from the fixtures.
const EU = [{ currency: "EUR", pledgedMinor: 4_000_000_00, receivedMinor: 3_200_000_00 }];
const NL = [{ currency: "EUR", pledgedMinor: 1_500_000_00, receivedMinor: 1_500_000_00 }];
const UNOCT = [{ currency: "USD", pledgedMinor: 1_000_000_00, receivedMinor: 850_000_00 }];
const SE = [{ currency: "SEK", pledgedMinor: 50_000_00, receivedMinor: 0 }];

describe("reading", () => {
  it("staff see every donor with its organisation and totals pledged and received per currency", async () => {
    const donors = await donorsByCode(as.staff);
    expect(Object.keys(donors).sort()).toEqual(["EU", "NL", "SE", "UNOCT"]);
    expect(donors.EU).toMatchObject({ id: world.donorA, organisation: { id: seedId("org:EU"), name: "European Union" }, totals: EU, version: 1 });
    expect(donors.NL?.totals).toEqual(NL);
    expect(donors.UNOCT?.totals).toEqual(UNOCT);
    expect(donors.SE?.totals).toEqual(SE);
  });

  it("a donor sees every donor, but totals only over the programmes it co-funds", async () => {
    const seenByA = await donorsByCode(as.donorA);
    expect(Object.keys(seenByA).sort()).toEqual(["EU", "NL", "SE", "UNOCT"]);
    expect([seenByA.EU?.totals, seenByA.NL?.totals, seenByA.UNOCT?.totals, seenByA.SE?.totals]).toEqual([EU, NL, UNOCT, []]);
    const seenByB = await donorsByCode(as.donorB);
    expect([seenByB.EU?.totals, seenByB.NL?.totals, seenByB.UNOCT?.totals, seenByB.SE?.totals]).toEqual([[], [], [], SE]);
    const one = await as.donorB("GET", `${path}/${world.donorA}`);
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ code: "EU", totals: [] });
  });

  it("partners may not read donors", async () => {
    expect((await as.partnerA("GET", path)).status).toBe(403);
    expect((await as.partnerB("GET", `${path}/${world.donorB}`)).status).toBe(403);
  });

  it("searches code and organisation name; pages without repeats", async () => {
    const search = async (q: string) => ((await (await as.staff("GET", `${path}?q=${encodeURIComponent(q)}`)).json()).items as Donor[]).map((d) => d.code);
    expect(await search("nether")).toEqual(["NL"]);
    expect(await search("se")).toEqual(["SE"]);
    expect(await search("%")).toEqual([]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Donor[]; nextCursor: string | null } = await (await as.admin("GET", `${path}?limit=3&sort=-code${cursor ? `&cursor=${cursor}` : ""}`)).json();
      seen.push(...page.items.map((d) => d.code));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["UNOCT", "SE", "NL", "EU"]);
    expect((await as.staff("GET", `${path}/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await as.staff("GET", `${path}/unknown`)).status).toBe(400);
  });
});

describe("writes", () => {
  async function newOrganisation(name: string) {
    return (await api.db.prisma.organisation.create({ data: { name, kind: "DONOR" } })).id;
  }

  it("STAFF make an organisation a donor, change its code with a version, and delete it, each audited", async () => {
    const organisationId = await newOrganisation("Government of Norway");
    const res = await as.staff("POST", path, { organisationId, code: "NO" });
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({ code: "NO", organisation: { id: organisationId, name: "Government of Norway" }, totals: [], version: 1 });

    expect((await as.admin("PATCH", `${path}/${created.id}`, { code: "NOR", version: 1 })).status).toBe(200);
    const stale = await as.staff("PATCH", `${path}/${created.id}`, { code: "NORWAY", version: 1 });
    expect(stale.status).toBe(409);
    const row = await api.db.prisma.donor.findUniqueOrThrow({ where: { id: created.id } });
    expect([row.code, row.version]).toEqual(["NOR", 2]);

    expect((await as.staff("DELETE", `${path}/${created.id}`, undefined, { "if-match": '"2"' })).status).toBe(204);
    const actions = (await api.db.prisma.auditEvent.findMany({ where: { entityId: created.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["donor.create", "donor.update", "donor.delete"]);
    expect(await api.db.prisma.organisation.count({ where: { id: organisationId } })).toBe(1);
  });

  it("a taken code, or an organisation that already is a donor, is 409 and writes nothing", async () => {
    const before = await api.db.prisma.donor.count();
    expect((await as.staff("POST", path, { organisationId: await newOrganisation("Another EU"), code: "EU" })).status).toBe(409);
    expect((await as.staff("POST", path, { organisationId: seedId("org:NL"), code: "NL2" })).status).toBe(409);
    expect(await api.db.prisma.donor.count()).toBe(before);
    expect((await as.staff("PATCH", `${path}/${world.donorB}`, { code: "EU", version: 1 })).status).toBe(409);
  });

  it("a donor with contributions cannot be deleted (409)", async () => {
    expect((await as.admin("DELETE", `${path}/${world.donorA}`, undefined, { "if-match": '"1"' })).status).toBe(409);
    expect(await api.db.prisma.donor.count({ where: { id: world.donorA } })).toBe(1);
  });

  it("donors may not write", async () => {
    expect((await as.donorA("POST", path, { organisationId: seedId("org:UNCTED"), code: "CTED" })).status).toBe(403);
    expect((await as.donorB("PATCH", `${path}/${world.donorB}`, { code: "SWE", version: 1 })).status).toBe(403);
  });

  it.each([
    ["missing organisation", { code: "XX" }, "body.organisationId"],
    ["organisation id of the wrong type", { organisationId: 7, code: "XX" }, "body.organisationId"],
    ["unknown organisation", { organisationId: "00000000-0000-4000-8000-000000000000", code: "XX" }, "body.organisationId"],
    ["lower-case code", { organisationId: seedId("org:UNCTED"), code: "cted" }, "body.code"],
    ["oversized code", { organisationId: seedId("org:UNCTED"), code: "C".repeat(21) }, "body.code"],
    ["hostile code", { organisationId: seedId("org:UNCTED"), code: "'; DROP TABLE \"Donor\"; --" }, "body.code"],
    ["unknown field", { organisationId: seedId("org:UNCTED"), code: "CTED", totals: [] }, "body.totals"],
  ])("%s → 400 naming the field, and no row written", async (_, body, field) => {
    const before = await api.db.prisma.donor.count();
    const res = await as.staff("POST", path, body);
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toHaveProperty([field]);
    expect(await api.db.prisma.donor.count()).toBe(before);
  });

  it("a donor's organisation cannot be changed", async () => {
    const res = await as.staff("PATCH", `${path}/${world.donorB}`, { organisationId: seedId("org:UNCTED"), version: 1 });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toHaveProperty(["body.organisationId"]);
  });
});
