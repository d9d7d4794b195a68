import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "@vep/db/seed";
import { client, type World, startWorld, type Clients } from "./fixtures.js";
import type { RunningApi } from "./harness.js";

let api: RunningApi;
let world: World;
let as: Clients;
let kyrgyzstan: string;
beforeAll(async () => {
  ({ api, world, as } = await startWorld());
  kyrgyzstan = (await api.db.prisma.country.findUniqueOrThrow({ where: { code: "KG" } })).id;
});
afterAll(() => api.close());

const path = "/api/v1/programmes";
type Page = { items: { id: string; title: string; startDate: string }[]; nextCursor: string | null };

async function listIds(call: ReturnType<typeof client>, query = "") {
  const res = await call("GET", `${path}${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as Page).items.map((p) => p.id);
}

/** A valid new programme; each call gets its own IATI identifier. */
let serial = 0;
function newProgramme(overrides: Record<string, unknown> = {}) {
  serial += 1;
  return {
    iatiIdentifier: `XM-DAC-41110-NEW-${serial}`,
    title: `Prison reform programme ${serial}`,
    status: "PIPELINE",
    dacSector: "15130",
    startDate: "2024-01-01",
    endDate: "2026-12-31",
    defaultCurrency: "USD",
    reportingOrgId: seedId("org:UNODC"),
    ...overrides,
  };
}

describe("scope", () => {
  it("donor B sees programme B only; programme A answers 404", async () => {
    expect(await listIds(as.donorB)).toEqual([world.programmeB]);
    expect((await as.donorB("GET", `${path}/${world.programmeA}`)).status).toBe(404);
    const res = await as.donorB("GET", `${path}/${world.programmeB}`);
    expect(res.status).toBe(200);
    expect((await res.json()).donors).toEqual([{ id: world.donorB, code: "SE", name: "Government of Sweden", nameTranslations: {} }]);
  });

  it("donor A sees programme A only; programme B answers 404", async () => {
    expect(await listIds(as.donorA)).toEqual([world.programmeA]);
    expect((await as.donorA("GET", `${path}/${world.programmeB}`)).status).toBe(404);
    expect((await as.donorA("GET", `${path}/${world.programmeA}`)).status).toBe(200);
  });

  it("a partner sees the programmes of the activities assigned to it, and no other", async () => {
    expect(await listIds(as.partnerA)).toEqual([world.programmeA]);
    expect((await as.partnerA("GET", `${path}/${world.programmeB}`)).status).toBe(404);
    expect(await listIds(as.partnerB)).toEqual([world.programmeB]);
    expect((await as.partnerB("GET", `${path}/${world.programmeA}`)).status).toBe(404);
  });

  it("staff see every programme; partners and donors may not write", async () => {
    const ids = await listIds(as.staff);
    expect(ids).toEqual(expect.arrayContaining([world.programmeA, world.programmeB]));
    expect((await as.partnerA("POST", path, newProgramme())).status).toBe(403);
    expect((await as.donorA("PATCH", `${path}/${world.programmeA}`, { title: "Mine", version: 1 })).status).toBe(403);
    expect((await as.donorB("DELETE", `${path}/${world.programmeB}`, undefined, { "if-match": '"1"' })).status).toBe(403);
  });
});

describe("reading", () => {
  it("programme A comes with its recipient country, IATI organisation roles and funding donors", async () => {
    const res = await as.staff("GET", `${path}/${world.programmeA}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe('"1"');
    const programme = await res.json();
    expect(programme).toMatchObject({ iatiIdentifier: "XM-DAC-41110-GLOZ82", dacSector: "15130", startDate: "2019-01-01", endDate: "2022-12-31", defaultCurrency: "USD", status: "IMPLEMENTATION" });
    expect(programme.reportingOrg).toMatchObject({ id: seedId("org:UNODC"), iatiRef: "XM-DAC-41110" });
    // Names come with their translations, for pages in the reader's language.
    expect(programme.countries).toEqual([{ countryId: seedId("country:KZ"), code: "KZ", name: "Kazakhstan", nameTranslations: { ru: "Казахстан", kk: "Қазақстан" }, percentage: null }]);
    const roles = programme.organisations.map((o: { acronym: string | null; role: string }) => `${o.acronym}:${o.role}`);
    expect(roles).toEqual(expect.arrayContaining(["EU:FUNDING", "NL:FUNDING", "UNODC:ACCOUNTABLE", "UNODC:IMPLEMENTING", "CES MoI:IMPLEMENTING"]));
    expect(roles).toHaveLength(8);
    expect(programme.donors.map((d: { code: string }) => d.code).sort()).toEqual(["EU", "NL", "UNOCT"]);
    expect(programme.donors.find((d: { code: string }) => d.code === "EU")).toEqual({ id: seedId("donor:EU"), code: "EU", name: "European Union", nameTranslations: { ru: "Европейский союз" } });
    expect(programme.donors.find((d: { code: string }) => d.code === "NL").nameTranslations).toEqual({ ru: "Правительство Нидерландов" });
    const committee = programme.organisations.find((o: { acronym: string | null }) => o.acronym === "CES MoI");
    expect(committee).toMatchObject({ name: "Prison Committee of the Ministry of Interior of the Republic of Kazakhstan", nameTranslations: { ru: "Комитет уголовно-исполнительной системы МВД Республики Казахстан" } });
  });

  it("filters by status, recipient country and search, and pages without repeats", async () => {
    expect(await listIds(as.staff, `?countryId=${kyrgyzstan}`)).toEqual([world.programmeB]);
    expect(await listIds(as.staff, "?q=test-b")).toEqual([world.programmeB]);
    expect(await listIds(as.staff, "?q=violent%20extremist")).toEqual([world.programmeA]);
    expect(await listIds(as.staff, "?status=CLOSED")).toEqual([]);
    expect(await listIds(as.staff, "?q=%25")).toEqual([]);
    expect(await listIds(as.staff, "?q=XM_DAC")).toEqual([]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await as.staff("GET", `${path}?sort=-startDate&limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      const page = (await res.json()) as Page;
      seen.push(...page.items.map((p) => p.startDate));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...seen].sort().reverse());
    expect(seen.length).toBe((await listIds(as.staff, "?limit=100")).length);
  });

  it("refuses bad query values and ids with 400", async () => {
    for (const [query, field] of [
      ["?status=ACTIVE", "query.status"],
      ["?countryId=KZ", "query.countryId"],
      ["?sort=budget", "query.sort"],
      ["?limit=1000", "query.limit"],
      ["?cursor=not-a-cursor", "query.cursor"],
    ] as const) {
      const res = await as.staff("GET", `${path}${query}`);
      expect(res.status, query).toBe(400);
      expect((await res.json()).errors, query).toHaveProperty([field]);
    }
    expect((await as.staff("GET", `${path}/unknown`)).status).toBe(400);
  });
});

describe("writes", () => {
  it("STAFF create a programme with countries and organisation roles, recorded in the audit trail", async () => {
    const body = newProgramme({
      titleTranslations: { ru: "Программа реформы" },
      countries: [
        { countryId: seedId("country:KZ"), percentage: 60 },
        { countryId: kyrgyzstan, percentage: 40 },
      ],
      organisations: [
        { organisationId: seedId("org:EU"), role: "FUNDING" },
        { organisationId: seedId("org:UNODC"), role: "IMPLEMENTING" },
      ],
    });
    const res = await as.staff("POST", path, body);
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({ iatiIdentifier: body.iatiIdentifier, version: 1, description: "", originalLanguage: "en", endDate: "2026-12-31", donors: [] });
    expect(created.countries.map((c: { code: string; percentage: number }) => [c.code, c.percentage])).toEqual([["KG", 40], ["KZ", 60]]);
    expect(created.organisations).toHaveLength(2);
    const audit = await api.db.prisma.auditEvent.findFirst({ where: { entityId: created.id, action: "programme.create" } });
    expect(audit?.actorId).toBe(seedId("user:staff@vep.example"));
  });

  it("keeps hostile text as text", async () => {
    const title = `<script>alert(1)</script>'; DROP TABLE "Programme"; --`;
    const res = await as.staff("POST", path, newProgramme({ title }));
    expect(res.status).toBe(201);
    const created = await res.json();
    expect((await (await as.staff("GET", `${path}/${created.id}`)).json()).title).toBe(title);
    expect(await api.db.prisma.programme.count()).toBeGreaterThan(2);
  });

  it("a taken IATI identifier is 409 and writes nothing", async () => {
    const before = await api.db.prisma.programme.count();
    const res = await as.staff("POST", path, newProgramme({ iatiIdentifier: "XM-DAC-41110-GLOZ82" }));
    expect(res.status).toBe(409);
    expect(await api.db.prisma.programme.count()).toBe(before);
  });

  it("PATCH replaces the lists it is given, leaves the others, and a stale version is 409 with nothing changed", async () => {
    const created = await (
      await as.staff("POST", path, newProgramme({ countries: [{ countryId: kyrgyzstan }], organisations: [{ organisationId: seedId("org:NL"), role: "FUNDING" }] }))
    ).json();
    const first = await as.admin("PATCH", `${path}/${created.id}`, { title: "Renamed", countries: [{ countryId: seedId("country:KZ"), percentage: 100 }], version: 1 });
    expect(first.status).toBe(200);
    const updated = await first.json();
    expect(updated).toMatchObject({ title: "Renamed", version: 2 });
    expect(updated.countries).toEqual([{ countryId: seedId("country:KZ"), code: "KZ", name: "Kazakhstan", nameTranslations: { ru: "Казахстан", kk: "Қазақстан" }, percentage: 100 }]);
    expect(updated.organisations).toEqual([expect.objectContaining({ organisationId: seedId("org:NL"), role: "FUNDING" })]);

    const stale = await as.admin("PATCH", `${path}/${created.id}`, { title: "Lost", countries: [], organisations: [], version: 1 });
    expect(stale.status).toBe(409);
    const row = await api.db.prisma.programme.findUniqueOrThrow({ where: { id: created.id }, include: { countries: true, organisations: true } });
    expect([row.title, row.version, row.countries.length, row.organisations.length]).toEqual(["Renamed", 2, 1, 1]);

    const viaHeader = await as.staff("PATCH", `${path}/${created.id}`, { organisations: [] }, { "if-match": '"2"' });
    expect(viaHeader.status).toBe(200);
    expect((await viaHeader.json()).organisations).toEqual([]);
    expect(await api.db.prisma.auditEvent.count({ where: { entityId: created.id, action: "programme.update" } })).toBe(2);
    expect((await as.staff("PATCH", `${path}/${created.id}`, { title: "No version" })).status).toBe(400);
  });

  it("PATCH checks the dates against the stored ones", async () => {
    const created = await (await as.staff("POST", path, newProgramme())).json();
    const res = await as.staff("PATCH", `${path}/${created.id}`, { endDate: "2023-12-31", version: 1 });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toHaveProperty(["body.endDate"]);
    const res2 = await as.staff("PATCH", `${path}/${created.id}`, { startDate: "2027-01-01", version: 1 });
    expect(res2.status).toBe(400);
    expect((await res2.json()).errors).toHaveProperty(["body.startDate"]);
    const row = await api.db.prisma.programme.findUniqueOrThrow({ where: { id: created.id } });
    expect([row.version, row.startDate.toISOString().slice(0, 10)]).toEqual([1, "2024-01-01"]);
  });

  it("PATCH of an unknown programme is 404; a duplicate IATI identifier is 409", async () => {
    expect((await as.staff("PATCH", `${path}/00000000-0000-4000-8000-000000000000`, { title: "X", version: 1 })).status).toBe(404);
    const created = await (await as.staff("POST", path, newProgramme())).json();
    expect((await as.staff("PATCH", `${path}/${created.id}`, { iatiIdentifier: "XM-DAC-41110-TEST-B", version: 1 })).status).toBe(409);
  });

  it("DELETE is 409 while anything refers to the programme, and removes one nothing refers to", async () => {
    expect((await as.admin("DELETE", `${path}/${world.programmeA}`, undefined, { "if-match": '"1"' })).status).toBe(409);
    expect(await api.db.prisma.programme.count({ where: { id: world.programmeA } })).toBe(1);
    const created = await (await as.staff("POST", path, newProgramme({ countries: [{ countryId: kyrgyzstan }] }))).json();
    expect((await as.staff("DELETE", `${path}/${created.id}`)).status).toBe(400);
    expect((await as.staff("DELETE", `${path}/${created.id}`, undefined, { "if-match": '"7"' })).status).toBe(409);
    expect((await as.staff("DELETE", `${path}/${created.id}`, undefined, { "if-match": '"1"' })).status).toBe(204);
    expect((await as.staff("GET", `${path}/${created.id}`)).status).toBe(404);
    expect(await api.db.prisma.programmeCountry.count({ where: { programmeId: created.id } })).toBe(0);
    expect(await api.db.prisma.auditEvent.count({ where: { entityId: created.id, action: "programme.delete" } })).toBe(1);
  });

  const unknownId = "00000000-0000-4000-8000-000000000000";
  it.each([
    ["missing title", { title: undefined }, "body.title"],
    ["title of the wrong type", { title: 42 }, "body.title"],
    ["oversized title", { title: "x".repeat(501) }, "body.title"],
    ["unknown field", { budget: 1 }, "body.budget"],
    ["unknown status", { status: "ACTIVE" }, "body.status"],
    ["four-digit DAC sector", { dacSector: "1513" }, "body.dacSector"],
    ["lower-case currency", { defaultCurrency: "usd" }, "body.defaultCurrency"],
    ["hostile IATI identifier", { iatiIdentifier: "<script>alert(1)</script>" }, "body.iatiIdentifier"],
    ["SQL in the IATI identifier", { iatiIdentifier: "X'; DROP TABLE \"Programme\"; --" }, "body.iatiIdentifier"],
    ["impossible date", { startDate: "2024-02-30" }, "body.startDate"],
    ["timestamp for a date", { startDate: "2024-01-01T00:00:00Z" }, "body.startDate"],
    ["end before start", { startDate: "2024-01-01", endDate: "2023-12-31" }, "body.endDate"],
    ["bad reporting organisation id", { reportingOrgId: "42" }, "body.reportingOrgId"],
    ["unknown reporting organisation", { reportingOrgId: unknownId }, "body.reportingOrgId"],
    ["unknown country", { countries: [{ countryId: unknownId }] }, "body.countries.0.countryId"],
    ["country listed twice", { countries: [{ countryId: seedId("country:KZ") }, { countryId: seedId("country:KZ") }] }, "body.countries.1.countryId"],
    ["percentage over 100", { countries: [{ countryId: seedId("country:KZ"), percentage: 101 }] }, "body.countries.0.percentage"],
    ["percentages over 100 in all", { countries: [{ countryId: seedId("country:KZ"), percentage: 70 }, { countryId: unknownId, percentage: 40 }] }, "body.countries"],
    ["unknown IATI role", { organisations: [{ organisationId: seedId("org:EU"), role: "DONATING" }] }, "body.organisations.0.role"],
    ["unknown participating organisation", { organisations: [{ organisationId: unknownId, role: "FUNDING" }] }, "body.organisations.0.organisationId"],
    ["unknown field in a country", { countries: [{ countryId: seedId("country:KZ"), share: 5 }] }, "body.countries.0.share"],
  ])("%s → 400 naming the field, and no row written", async (_, overrides, field) => {
    const before = await api.db.prisma.programme.count();
    const res = await as.staff("POST", path, newProgramme(overrides));
    expect(res.status).toBe(400);
    const problem = await res.json();
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(problem.errors).toHaveProperty([field]);
    expect(await api.db.prisma.programme.count()).toBe(before);
  });

  it("a body that is not JSON is 400", async () => {
    const res = await as.staff("POST", path, "{not json");
    expect(res.status).toBe(400);
  });
});
