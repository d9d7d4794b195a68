import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "@vep/db/seed";
import { client } from "./fixtures.js";
import { signIn, startApi, type RunningApi } from "./harness.js";

let api: RunningApi;
let as: Record<"admin" | "staff" | "partner" | "donor", ReturnType<typeof client>>;
beforeAll(async () => {
  api = await startApi();
  const [admin, staff, partner, donor] = await Promise.all([signIn(api, "ADMIN"), signIn(api, "STAFF"), signIn(api, "PARTNER"), signIn(api, "DONOR")]);
  as = { admin: client(api, admin), staff: client(api, staff), partner: client(api, partner), donor: client(api, donor) };
});
afterAll(() => api.close());

// The seed's map of Kazakhstan (packages/db/src/seed/reference-case.ts): 14 regions and 3 cities from
// 19 June 2018; on 8 June 2022 Abai, Jetisu and Ulytau were carved out of East Kazakhstan, Almaty and Karaganda.
const REGIONS_2020_VALID_FROM = "2018-06-19";
const REGIONS_2022_VALID_FROM = "2022-06-08";
const CODES_2020 = ["KZ-AST", "KZ-ALA", "KZ-SHY", "KZ-AKM", "KZ-AKT", "KZ-ALM", "KZ-ATY", "KZ-VOS", "KZ-ZHA", "KZ-KAR", "KZ-KUS", "KZ-KZY", "KZ-MAN", "KZ-SEV", "KZ-PAV", "KZ-YUZ", "KZ-ZAP"];
const kz = seedId("country:KZ");
const unknownId = "00000000-0000-4000-8000-000000000000";
type Region = { id: string; code: string; name: string; validFrom: string; validTo: string | null; predecessorId: string | null; version: number };

/** Every region of a list, following the cursor. */
async function allRegions(query: string, call = as.partner): Promise<Region[]> {
  const regions: Region[] = [];
  let cursor: string | null = null;
  do {
    const res: Response = await call("GET", `/api/v1/regions?limit=6&${query}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(res.status, query).toBe(200);
    const page = (await res.json()) as { items: Region[]; nextCursor: string | null };
    regions.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return regions;
}

describe("regions in force on a date", () => {
  it("13 May 2020 (the webinar) gives Kazakhstan's 17 regions of 2020", async () => {
    const regions = await allRegions(`countryId=${kz}&validOn=2020-05-13`);
    expect(regions).toHaveLength(17);
    expect(new Set(regions.map((r) => r.id)).size).toBe(17);
    expect(regions.map((r) => r.code).sort()).toEqual([...CODES_2020].sort());
    expect(regions.every((r) => r.validFrom === REGIONS_2020_VALID_FROM)).toBe(true);
  });

  it("1 January 2023 gives the 2022 map: Abai, Jetisu and Ulytau, and the reduced East Kazakhstan, Almaty and Karaganda regions", async () => {
    const regions = await allRegions(`countryId=${kz}&validOn=2023-01-01`);
    const names = regions.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(["Abai Region", "Jetisu Region", "Ulytau Region"]));
    for (const code of ["KZ-VOS", "KZ-ALM", "KZ-KAR"]) {
      const current = regions.filter((r) => r.code === code);
      expect(current, code).toHaveLength(1);
      expect(current[0]).toMatchObject({ id: seedId(`region:${code}:${REGIONS_2022_VALID_FROM}`), validFrom: REGIONS_2022_VALID_FROM, validTo: null, predecessorId: seedId(`region:${code}:${REGIONS_2020_VALID_FROM}`) });
    }
    // 14 regions unchanged + 3 reduced versions + 3 new regions: one code each, nothing of 2020 that ended.
    expect(regions).toHaveLength(20);
    expect(new Set(regions.map((r) => r.code)).size).toBe(20);
    expect(regions.filter((r) => r.validTo !== null)).toEqual([]);
  });

  it("the reform's last and first days", async () => {
    const lastDay = await allRegions(`countryId=${kz}&validOn=2022-06-07`);
    expect(lastDay).toHaveLength(17);
    expect(lastDay.find((r) => r.code === "KZ-KAR")?.validTo).toBe("2022-06-07");
    expect(await allRegions(`countryId=${kz}&validOn=2022-06-08`)).toHaveLength(20);
    expect(await allRegions(`countryId=${kz}&validOn=2018-06-18`)).toHaveLength(0);
  });

  it("without a date, every version is listed", async () => {
    expect(await allRegions(`countryId=${kz}`)).toHaveLength(23);
  });
});

describe("reading", () => {
  it("searches name and aliases, wildcards taken literally", async () => {
    expect((await allRegions("q=astana")).map((r) => r.code)).toEqual(["KZ-AST"]);
    expect((await allRegions("q=Жетысу")).map((r) => r.code)).toEqual(["KZ-33"]);
    expect((await allRegions("q=mangy")).map((r) => r.code)).toEqual(["KZ-MAN"]);
    expect(await allRegions("q=%25")).toEqual([]);
    expect(await allRegions("q=_")).toEqual([]);
    expect(await allRegions(`q=${encodeURIComponent("'; DROP TABLE \"Region\"; --")}`)).toEqual([]);
    expect(await api.db.prisma.region.count()).toBe(23);
  });

  it("every signed-in role reads countries and regions", async () => {
    for (const call of [as.admin, as.staff, as.partner, as.donor]) {
      const countries = await call("GET", "/api/v1/countries");
      expect(countries.status).toBe(200);
      expect((await countries.json()).items).toEqual([expect.objectContaining({ id: kz, code: "KZ", name: "Kazakhstan", nameTranslations: { ru: "Казахстан", kk: "Қазақстан" } })]);
      const region = await call("GET", `/api/v1/regions/${seedId(`region:KZ-MAN:${REGIONS_2020_VALID_FROM}`)}`);
      expect(region.status).toBe(200);
      expect(await region.json()).toMatchObject({ code: "KZ-MAN", kind: "REGION", aliases: expect.arrayContaining(["Mangistau"]) });
    }
    expect((await as.partner("GET", `/api/v1/countries/${kz}`)).headers.get("etag")).toBe('"1"');
    expect((await as.partner("GET", `/api/v1/countries/${unknownId}`)).status).toBe(404);
    expect((await as.partner("GET", `/api/v1/regions/${unknownId}`)).status).toBe(404);
  });

  it("searches countries by name or exact code", async () => {
    const codes = async (q: string) => ((await (await as.donor("GET", `/api/v1/countries?q=${encodeURIComponent(q)}`)).json()).items as { code: string }[]).map((c) => c.code);
    expect(await codes("kazakh")).toEqual(["KZ"]);
    expect(await codes("kz")).toEqual(["KZ"]);
    expect(await codes("Narnia")).toEqual([]);
    expect(await codes("%")).toEqual([]);
  });

  it("refuses bad query values with 400", async () => {
    for (const [query, field] of [
      ["validOn=2023-02-30", "query.validOn"],
      ["validOn=yesterday", "query.validOn"],
      ["countryId=KZ", "query.countryId"],
      ["kind=VILLAGE", "query.kind"],
      [`q=${"x".repeat(101)}`, "query.q"],
    ] as const) {
      const res = await as.staff("GET", `/api/v1/regions?${query}`);
      expect(res.status, query).toBe(400);
      expect((await res.json()).errors, query).toHaveProperty([field]);
    }
  });
});

describe("country writes (ADMIN)", () => {
  it("creates, renames with a version, and deletes a country nothing refers to, each audited", async () => {
    const res = await as.admin("POST", "/api/v1/countries", { code: "UZ", name: "Uzbekistan" });
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({ code: "UZ", name: "Uzbekistan", nameTranslations: {}, version: 1 });
    const renamed = await as.admin("PATCH", `/api/v1/countries/${created.id}`, { nameTranslations: { ru: "Узбекистан" }, version: 1 });
    expect(renamed.status).toBe(200);
    const stale = await as.admin("PATCH", `/api/v1/countries/${created.id}`, { name: "Lost", version: 1 });
    expect(stale.status).toBe(409);
    const row = await api.db.prisma.country.findUniqueOrThrow({ where: { id: created.id } });
    expect([row.name, row.version, row.nameTranslations]).toEqual(["Uzbekistan", 2, { ru: "Узбекистан" }]);
    expect((await as.admin("DELETE", `/api/v1/countries/${created.id}`, undefined, { "if-match": '"2"' })).status).toBe(204);
    const actions = (await api.db.prisma.auditEvent.findMany({ where: { entityId: created.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["country.create", "country.update", "country.delete"]);
  });

  it("a taken code is 409; a country with regions cannot be deleted (409)", async () => {
    const before = await api.db.prisma.country.count();
    expect((await as.admin("POST", "/api/v1/countries", { code: "KZ", name: "Kazakhstan again" })).status).toBe(409);
    expect(await api.db.prisma.country.count()).toBe(before);
    expect((await as.admin("DELETE", `/api/v1/countries/${kz}`, undefined, { "if-match": '"1"' })).status).toBe(409);
    expect(await api.db.prisma.country.count({ where: { id: kz } })).toBe(1);
  });

  it("STAFF, partners and donors may not write reference data", async () => {
    expect((await as.staff("POST", "/api/v1/countries", { code: "TJ", name: "Tajikistan" })).status).toBe(403);
    expect((await as.partner("PATCH", `/api/v1/regions/${seedId(`region:KZ-MAN:${REGIONS_2020_VALID_FROM}`)}`, { name: "X", version: 1 })).status).toBe(403);
    expect((await as.donor("DELETE", `/api/v1/countries/${kz}`, undefined, { "if-match": '"1"' })).status).toBe(403);
  });

  it.each([
    ["lower-case code", { code: "kz", name: "X" }, "body.code"],
    ["alpha-3 code", { code: "KAZ", name: "X" }, "body.code"],
    ["missing name", { code: "TM" }, "body.name"],
    ["name of the wrong type", { code: "TM", name: ["Turkmenistan"] }, "body.name"],
    ["oversized name", { code: "TM", name: "x".repeat(201) }, "body.name"],
    ["unknown field", { code: "TM", name: "Turkmenistan", capital: "Ashgabat" }, "body.capital"],
    ["bad language in translations", { code: "TM", name: "Turkmenistan", nameTranslations: { "<script>": "x" } }, "body.nameTranslations.<script>"],
  ])("country %s → 400 naming the field, and no row written", async (_, body, field) => {
    const before = await api.db.prisma.country.count();
    const res = await as.admin("POST", "/api/v1/countries", body);
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toHaveProperty([field]);
    expect(await api.db.prisma.country.count()).toBe(before);
  });
});

describe("region writes (ADMIN)", () => {
  const karaganda2022 = seedId(`region:KZ-KAR:${REGIONS_2022_VALID_FROM}`);
  const newRegion = (overrides: Record<string, unknown> = {}) => ({
    countryId: kz,
    code: "KZ-99",
    name: "Future Region",
    nameTranslations: { ru: "Будущая область" },
    aliases: ["Future"],
    validFrom: "2030-01-01",
    predecessorId: karaganda2022,
    ...overrides,
  });

  it("creates a successor region, changes its validity with a version, and deletes it, each audited", async () => {
    const res = await as.admin("POST", "/api/v1/regions", newRegion());
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({ code: "KZ-99", kind: "REGION", validFrom: "2030-01-01", validTo: null, predecessorId: karaganda2022, version: 1 });
    expect((await allRegions(`countryId=${kz}&validOn=2030-06-01`)).map((r) => r.id)).toContain(created.id);

    const ended = await as.admin("PATCH", `/api/v1/regions/${created.id}`, { validTo: "2031-12-31", aliases: ["Future", "Будущая"], version: 1 });
    expect(ended.status).toBe(200);
    expect(await ended.json()).toMatchObject({ validTo: "2031-12-31", aliases: ["Future", "Будущая"], version: 2 });
    expect((await allRegions(`countryId=${kz}&validOn=2032-01-01`)).map((r) => r.id)).not.toContain(created.id);

    const stale = await as.admin("PATCH", `/api/v1/regions/${created.id}`, { name: "Lost", version: 1 });
    expect(stale.status).toBe(409);
    const backwards = await as.admin("PATCH", `/api/v1/regions/${created.id}`, { validFrom: "2032-01-01", version: 2 });
    expect(backwards.status).toBe(400);
    expect((await backwards.json()).errors).toHaveProperty(["body.validFrom"]);
    const row = await api.db.prisma.region.findUniqueOrThrow({ where: { id: created.id } });
    expect([row.name, row.version, row.validFrom.toISOString().slice(0, 10)]).toEqual(["Future Region", 2, "2030-01-01"]);

    expect((await as.admin("DELETE", `/api/v1/regions/${created.id}`, undefined, { "if-match": '"2"' })).status).toBe(204);
    expect(await api.db.prisma.auditEvent.count({ where: { entityId: created.id, entityType: "Region" } })).toBe(3);
  });

  it("a second region with the same code from the same day is 409", async () => {
    const before = await api.db.prisma.region.count();
    const res = await as.admin("POST", "/api/v1/regions", newRegion({ code: "KZ-MAN", validFrom: REGIONS_2020_VALID_FROM, predecessorId: null }));
    expect(res.status).toBe(409);
    expect(await api.db.prisma.region.count()).toBe(before);
  });

  it("a region people and activities refer to cannot be deleted (409)", async () => {
    const mangystau = seedId(`region:KZ-MAN:${REGIONS_2020_VALID_FROM}`);
    expect((await as.admin("DELETE", `/api/v1/regions/${mangystau}`, undefined, { "if-match": '"1"' })).status).toBe(409);
    expect(await api.db.prisma.region.count({ where: { id: mangystau } })).toBe(1);
  });

  it.each([
    ["missing country", { countryId: undefined }, "body.countryId"],
    ["unknown country", { countryId: unknownId }, "body.countryId"],
    ["bad code", { code: "Mangystau" }, "body.code"],
    ["hostile code", { code: "<script>" }, "body.code"],
    ["unknown kind", { kind: "VILLAGE" }, "body.kind"],
    ["impossible date", { validFrom: "2030-13-01" }, "body.validFrom"],
    ["ends before it starts", { validTo: "2029-12-31" }, "body.validTo"],
    ["aliases of the wrong type", { aliases: "Future" }, "body.aliases"],
    ["oversized alias", { aliases: ["x".repeat(201)] }, "body.aliases.0"],
    ["too many aliases", { aliases: Array.from({ length: 51 }, (_, i) => `alias ${i}`) }, "body.aliases"],
    ["unknown predecessor", { predecessorId: unknownId }, "body.predecessorId"],
    ["unknown field", { population: 1 }, "body.population"],
  ])("region %s → 400 naming the field, and no row written", async (_, overrides, field) => {
    const before = await api.db.prisma.region.count();
    const res = await as.admin("POST", "/api/v1/regions", newRegion(overrides));
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toHaveProperty([field]);
    expect(await api.db.prisma.region.count()).toBe(before);
  });

  it("a predecessor must be in the same country; a region cannot change country", async () => {
    const country = await (await as.admin("POST", "/api/v1/countries", { code: "TJ", name: "Tajikistan" })).json();
    const res = await as.admin("POST", "/api/v1/regions", newRegion({ countryId: country.id, code: "TJ-SU" }));
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toHaveProperty(["body.predecessorId"]);
    const moved = await as.admin("PATCH", `/api/v1/regions/${karaganda2022}`, { countryId: country.id, version: 1 });
    expect(moved.status).toBe(400);
    expect((await moved.json()).errors).toHaveProperty(["body.countryId"]);
  });
});
