// IATI 2.03 activity files: on the seed (the EU-funded programme) and on a fixture programme built here
// with what the seed lacks (several countries, languages, small breakdown cells, a corrected value).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "@vep/db/seed";
import { IatiExportSchema, IatiInvalidSchema, budgetPeriodProblem } from "@vep/domain";
import { validateXML } from "xmllint-wasm";
import { checkCodes, loadCodelists } from "../src/iati/codelists.js";
import { elementChildren, parseXml, type XmlElement } from "../src/iati/xml.js";
import { auditOf, client, createWorld, type World } from "./fixtures.js";
import { startApi, type RunningApi } from "./harness.js";

let api: RunningApi;
let world: World;
let programmeC: string;
beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api);
  programmeC = await createProgrammeC(api);
});
afterAll(() => api.close());

const IATI_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../iati");
const programmeA = seedId("programme");

/** The official schema check, straight from xmllint-wasm (not through the service). */
async function schemaErrors(xml: string): Promise<string[]> {
  const file = async (name: string) => ({ fileName: name, contents: await readFile(path.join(IATI_DIR, name), "utf8") });
  const result = await validateXML({ xml: [{ fileName: "activity.xml", contents: xml }], schema: [await file("iati-activities-schema.xsd")], preload: [await file("iati-common.xsd"), await file("xml.xsd")] });
  return result.errors.map((e) => e.rawMessage);
}

async function currentFile(token: string | null, programmeId: string) {
  const res = await client(api, token)("GET", `/api/v1/programmes/${programmeId}/iati`);
  return { res, text: await res.text() };
}

/** Every element named `name` anywhere under `element`. */
function all(element: XmlElement, name: string): XmlElement[] {
  return elementChildren(element).flatMap((child) => [...(child.localName === name ? [child] : []), ...all(child, name)]);
}
const narrative = (element: XmlElement) => elementChildren(element, "narrative")[0]?.textContent ?? "";

/** Programme C: two recipient countries, Russian texts, people-trained cells by region (two of them small), a corrected value. */
async function createProgrammeC(api: RunningApi): Promise<string> {
  const { prisma } = api.db;
  const kg = await prisma.country.findFirstOrThrow({ where: { code: "KG" } });
  const programme = await prisma.programme.create({
    data: {
      iatiIdentifier: "XM-DAC-41110-TEST-C",
      title: "Programme C",
      titleTranslations: { ru: "Программа C" },
      description: "Two countries",
      descriptionTranslations: { ru: "Две страны" },
      status: "CLOSED",
      dacSector: "15130",
      startDate: new Date("2021-01-01"),
      endDate: new Date("2022-06-30"),
      defaultCurrency: "EUR",
      reportingOrgId: seedId("org:UNODC"),
      countries: { create: [{ countryId: seedId("country:KZ"), percentage: "60" }, { countryId: kg.id, percentage: "40" }] },
      organisations: { create: [{ organisationId: seedId("org:NL"), role: "FUNDING" }, { organisationId: seedId("org:UNODC"), role: "IMPLEMENTING" }] },
      budgets: { create: [{ periodStart: new Date("2021-07-01"), periodEnd: new Date("2022-06-30"), amountMinor: 100_000_00n, currency: "EUR", status: "INDICATIVE", type: "REVISED" }] },
    },
  });
  const outcome = await prisma.outcome.create({ data: { programmeId: programme.id, code: "C1", title: "Outcome C" } });
  // An output with no indicator yet: the schema needs one per result, so it stays out of the file.
  await prisma.output.create({ data: { outcomeId: outcome.id, code: "C1.1", title: "Output C without indicators" } });
  const trained = await prisma.indicator.create({
    data: { programmeId: programme.id, outcomeId: outcome.id, code: "C-1", name: "People trained", measure: "UNIT", source: "COMPUTED", metric: "PEOPLE_TRAINED", disaggregations: ["region"], baselineValue: "0" },
  });
  const year = { periodStart: new Date("2021-01-01"), periodEnd: new Date("2021-12-31") };
  const old = await prisma.indicatorValue.create({ data: { indicatorId: trained.id, ...year, value: "6" } });
  await prisma.indicatorValue.createMany({
    data: [
      { indicatorId: trained.id, ...year, value: "9", supersedesId: old.id, reason: "Late attendance sheets" },
      { indicatorId: trained.id, ...year, value: "1", dimensions: { region: "KZ-MAN" }, dimensionKey: "region=KZ-MAN" },
      { indicatorId: trained.id, ...year, value: "2", dimensions: { region: "KZ-AKM" }, dimensionKey: "region=KZ-AKM" },
      { indicatorId: trained.id, ...year, value: "6", dimensions: { region: "KZ-ALA" }, dimensionKey: "region=KZ-ALA" },
    ],
  });
  await prisma.indicatorTarget.createMany({
    data: [
      { indicatorId: trained.id, ...year, value: "10" },
      { indicatorId: trained.id, ...year, value: "4", dimensions: { region: "KZ-ALA" }, dimensionKey: "region=KZ-ALA" },
    ],
  });
  await prisma.indicator.create({
    data: { programmeId: programme.id, outcomeId: outcome.id, code: "C-2", name: "Policy adopted", measure: "QUALITATIVE", source: "MANUAL", baselineValue: "0", targets: { create: [{ ...year, value: "1" }] } },
  });
  return programme.id;
}

describe("the seed programme's file", () => {
  let xml: string;
  let activity: XmlElement;
  beforeAll(async () => {
    // The first request also loads the codelists and compiles xmllint; the second is the usual cost.
    const timings: number[] = [];
    let answer: Awaited<ReturnType<typeof currentFile>> | undefined;
    for (const _ of [1, 2]) {
      const started = performance.now();
      answer = await currentFile(world.tokens.staff, programmeA);
      timings.push(Math.round(performance.now() - started));
    }
    const { res, text } = answer!;
    console.log(`[iati] seed programme: generated and validated in ${timings[0]} ms (first, cold) and ${timings[1]} ms (warm); ${text.length} characters`);
    expect(res.status, text).toBe(200);
    xml = text;
    activity = elementChildren(parseXml(xml), "iati-activity")[0]!;
  });

  it("is an XML download named after the activity and valid against the official 2.03 schema", async () => {
    const { res } = await currentFile(world.tokens.staff, programmeA);
    expect(res.headers.get("content-type")).toMatch(/^application\/xml/);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="XM-DAC-41110-GLOZ82.xml"');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(await schemaErrors(xml)).toEqual([]);
    expect(parseXml(xml).getAttribute("version")).toBe("2.03");
    expect(activity.getAttribute("default-currency")).toBe("USD");
    expect(elementChildren(activity, "iati-identifier")[0]!.textContent).toBe("XM-DAC-41110-GLOZ82");
  });

  it("names the funders (EU, Netherlands, UNOCT), UNODC implementing and the national partner", () => {
    const orgs = elementChildren(activity, "participating-org").map((o) => `${o.getAttribute("role")} ${narrative(o)}`);
    expect(orgs).toEqual(
      expect.arrayContaining([
        "1 European Union",
        "1 Government of the Netherlands",
        "1 United Nations Office of Counter-Terrorism / UN Counter-Terrorism Centre",
        "4 United Nations Office on Drugs and Crime",
        "4 Prison Committee of the Ministry of Interior of the Republic of Kazakhstan",
      ]),
    );
    expect(elementChildren(activity, "participating-org").find((o) => narrative(o) === "European Union")?.getAttribute("ref")).toBe("XI-IATI-EC_INTPA");
  });

  it("has Kazakhstan as recipient country, the DAC sector, status and dates", () => {
    expect(elementChildren(activity, "recipient-country").map((c) => c.getAttribute("code"))).toEqual(["KZ"]);
    expect(elementChildren(activity, "sector").map((s) => [s.getAttribute("vocabulary"), s.getAttribute("code")])).toEqual([["1", "15130"]]);
    expect(elementChildren(activity, "activity-status")[0]!.getAttribute("code")).toBe("2");
    expect(elementChildren(activity, "activity-date").map((d) => `${d.getAttribute("type")}:${d.getAttribute("iso-date")}`)).toEqual(["1:2019-01-01", "2:2019-01-01", "3:2022-12-31"]);
  });

  it("has the programme's budget lines, none longer than a year, and the output's share left out", () => {
    const budgets = elementChildren(activity, "budget");
    expect(budgets).toHaveLength(1);
    for (const budget of budgets) {
      const start = elementChildren(budget, "period-start")[0]!.getAttribute("iso-date")!;
      const end = elementChildren(budget, "period-end")[0]!.getAttribute("iso-date")!;
      expect(budgetPeriodProblem(start, end), `${start}..${end}`).toBeNull();
      expect(new Date(end).getTime() - new Date(start).getTime()).toBeLessThan(366 * 86_400_000);
    }
    const value = elementChildren(budgets[0]!, "value")[0]!;
    expect([value.textContent, value.getAttribute("currency"), value.getAttribute("value-date")]).toEqual(["1250000.00", "USD", "2020-01-01"]);
  });

  it("has the contributions as incoming commitments, the payments as incoming funds, and the expenditure, in decimals", () => {
    const transactions = elementChildren(activity, "transaction").map((t) => {
      const value = elementChildren(t, "value")[0]!;
      const provider = elementChildren(t, "provider-org")[0];
      return `${elementChildren(t, "transaction-type")[0]!.getAttribute("code")} ${value.textContent} ${value.getAttribute("currency")} ${provider ? narrative(provider) : "-"}`;
    });
    expect(transactions.filter((t) => t.startsWith("11 "))).toEqual(["11 4000000.00 EUR European Union", "11 1000000.00 USD United Nations Office of Counter-Terrorism / UN Counter-Terrorism Centre", "11 1500000.00 EUR Government of the Netherlands"]);
    expect(transactions.filter((t) => t.startsWith("1 "))).toHaveLength(5);
    expect(transactions.filter((t) => t.startsWith("4 "))).toEqual(["4 9800.00 USD -", "4 612400.00 USD -"]);
  });

  it("has results with indicators, baselines, targets and actuals, and dimension under both target and actual", () => {
    const results = elementChildren(activity, "result");
    expect(results.map((r) => r.getAttribute("type"))).toEqual(["2", "1"]);
    const trained = all(activity, "indicator").find((i) => narrative(elementChildren(i, "title")[0]!) === "Number of prison officers trained in media relations")!;
    expect([trained.getAttribute("measure"), trained.getAttribute("ascending")]).toEqual(["1", "1"]);
    expect(elementChildren(trained, "baseline")[0]!.getAttribute("year")).toBe("2019");
    const period = elementChildren(trained, "period")[0]!;
    const cells = (name: string) => elementChildren(period, name).map((c) => [c.getAttribute("value"), ...elementChildren(c, "dimension").map((d) => `${d.getAttribute("name")}=${d.getAttribute("value")}`)]);
    expect(cells("target")).toEqual([["25"], ["12", "sex=FEMALE"], ["13", "sex=MALE"]]);
    expect(cells("actual")).toEqual([["27"], ["16", "sex=FEMALE"], ["11", "sex=MALE"]]);
    expect(all(activity, "target").some((t) => elementChildren(t, "dimension").length > 0)).toBe(true);
    expect(all(activity, "actual").some((a) => elementChildren(a, "dimension").length > 0)).toBe(true);
    // Texts in every language held.
    expect(elementChildren(elementChildren(trained, "title")[0]!, "narrative").map((n) => n.getAttribute("xml:lang"))).toEqual([null, "ru"]);
  });

  it("has every code in its IATI codelist", async () => {
    const codelists = await loadCodelists();
    expect(checkCodes(parseXml(xml), codelists)).toEqual([]);
    // Independently of the checker's table: the attributes that carry codes, looked up by hand.
    const codes = (element: string, attribute: string) => all(parseXml(xml), element).map((e) => e.getAttribute(attribute)!);
    expect(codes("participating-org", "role").every((c) => codelists.get("OrganisationRole")!.has(c))).toBe(true);
    expect(codes("transaction-type", "code").every((c) => codelists.get("TransactionType")!.has(c))).toBe(true);
    expect(codes("indicator", "measure").every((c) => codelists.get("IndicatorMeasure")!.has(c))).toBe(true);
    expect(codes("result", "type").every((c) => codelists.get("ResultType")!.has(c))).toBe(true);
    expect(codelists.get("Sector")!.has("15130")).toBe(true);
  });

  it("contains no person's name, contact or position", async () => {
    const people = await api.db.prisma.person.findMany({ select: { fullName: true, email: true, phone: true, position: true } });
    const users = await api.db.prisma.user.findMany({ select: { displayName: true, email: true } });
    expect(people.length).toBeGreaterThan(29);
    const personal = [...people.flatMap((p) => [p.fullName, p.email, p.phone, p.position]), ...users.flatMap((u) => [u.displayName, u.email])].filter((v): v is string => !!v && v.length > 3);
    expect(personal.filter((value) => xml.includes(value))).toEqual([]);
  });
});

describe("the fixture programme's file", () => {
  let xml: string;
  let activity: XmlElement;
  beforeAll(async () => {
    const { res, text } = await currentFile(world.tokens.admin, programmeC);
    expect(res.status, text).toBe(200);
    xml = text;
    activity = elementChildren(parseXml(xml), "iati-activity")[0]!;
  });

  it("validates, splits the recipient countries and dates a closed programme's actual end", async () => {
    expect(await schemaErrors(xml)).toEqual([]);
    expect(elementChildren(activity, "recipient-country").map((c) => `${c.getAttribute("code")} ${c.getAttribute("percentage")}`)).toEqual(["KG 40", "KZ 60"]);
    expect(elementChildren(activity, "activity-date").map((d) => d.getAttribute("type"))).toEqual(["1", "2", "3", "4"]);
    expect(elementChildren(activity, "activity-status")[0]!.getAttribute("code")).toBe("4");
    expect(elementChildren(elementChildren(activity, "description")[0]!, "narrative").map((n) => `${n.getAttribute("xml:lang")}:${n.textContent}`)).toEqual(["null:Two countries", "ru:Две страны"]);
    const budget = elementChildren(activity, "budget")[0]!;
    expect([budget.getAttribute("type"), budget.getAttribute("status")]).toEqual(["2", "1"]);
  });

  it("leaves out people-trained cells under 3, superseded values, and results without indicators", () => {
    expect(elementChildren(activity, "result")).toHaveLength(1);
    const [trained, policy] = all(activity, "indicator");
    const actuals = all(trained!, "actual").map((a) => [a.getAttribute("value"), ...elementChildren(a, "dimension").map((d) => d.getAttribute("value"))]);
    expect(actuals).toEqual([["9"], ["6", "KZ-ALA"]]);
    expect(all(trained!, "target").map((t) => t.getAttribute("value"))).toEqual(["10", "4"]);
    // Qualitative: no values.
    expect(policy!.getAttribute("measure")).toBe("5");
    expect(all(policy!, "target").map((t) => t.getAttribute("value"))).toEqual([null]);
    expect(elementChildren(policy!, "baseline")[0]!.getAttribute("value")).toBeNull();
  });
});

describe("stored exports", () => {
  const post = (token: string, programmeId: string) => client(api, token)("POST", `/api/v1/programmes/${programmeId}/iati-exports`);
  const stored = (programmeId: string) => api.db.prisma.iatiExport.count({ where: { programmeId } });

  it("stores a valid file with its hash and one audit event, lists it and serves it back", async () => {
    const res = await post(world.tokens.staff, programmeA);
    expect(res.status).toBe(201);
    const body = IatiExportSchema.parse(await res.json());
    expect(body.changes).toEqual([{ change: "added", path: "iati-activity" }]);
    expect(body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await auditOf(api, "iati_export.create", body.id)).toHaveLength(1);

    const list = await (await client(api, world.tokens.staff)("GET", `/api/v1/programmes/${programmeA}/iati-exports`)).json();
    expect(list.items[0]).toMatchObject({ id: body.id, sha256: body.sha256, changeCount: 1 });
    expect(list.items[0].xml).toBeUndefined();
    expect(IatiExportSchema.parse(await (await client(api, world.tokens.staff)("GET", `/api/v1/iati-exports/${body.id}`)).json())).toEqual(body);
    const file = await client(api, world.tokens.staff)("GET", `/api/v1/iati-exports/${body.id}/xml`);
    const text = await file.text();
    expect(file.headers.get("content-type")).toMatch(/^application\/xml/);
    const { createHash } = await import("node:crypto");
    expect(createHash("sha256").update(text, "utf8").digest("hex")).toBe(body.sha256);
  });

  it("the next export after a new expenditure lists exactly that change, by path", async () => {
    expect((await post(world.tokens.staff, programmeA)).status).toBe(201);
    const spent = await client(api, world.tokens.staff)("POST", "/api/v1/expenditures", { programmeId: programmeA, spentOn: "2020-11-15", amountMinor: 1_234_56, currency: "USD" });
    expect(spent.status).toBe(201);
    const { id } = await spent.json();
    const res = await post(world.tokens.staff, programmeA);
    expect(res.status).toBe(201);
    expect((await res.json()).changes).toEqual([{ change: "added", path: `iati-activity/transaction[ref=${id}]` }]);
  });

  it("a changed budget amount is one changed value, before and after", async () => {
    expect((await post(world.tokens.staff, programmeC)).status).toBe(201);
    await api.db.prisma.budget.updateMany({ where: { programmeId: programmeC }, data: { amountMinor: 120_000_00n } });
    const res = await post(world.tokens.staff, programmeC);
    expect((await res.json()).changes).toEqual([{ change: "changed", path: "iati-activity/budget[period-start=2021-07-01]/value", before: "100000.00", after: "120000.00" }]);
  });

  it("a wrong code is reported by the codelist check: 422 listing it, nothing stored", async () => {
    const { prisma } = api.db;
    const before = await stored(programmeC);
    await prisma.programme.update({ where: { id: programmeC }, data: { dacSector: "99999" } });
    await prisma.organisation.update({ where: { id: seedId("org:NL") }, data: { iatiType: "99" } });
    try {
      const res = await post(world.tokens.staff, programmeC);
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      const body = IatiInvalidSchema.parse(await res.json());
      expect(body.problems.filter((p) => p.source === "codelist").map((p) => p.message)).toEqual([
        "iati-activity/participating-org[1]/@type: 99 is not in OrganisationType",
        "iati-activity/sector[1]/@code: 99999 is not in Sector",
      ]);
      expect(await stored(programmeC)).toBe(before);
      // The current file is refused the same way.
      expect((await currentFile(world.tokens.staff, programmeC)).res.status).toBe(422);
    } finally {
      await prisma.programme.update({ where: { id: programmeC }, data: { dacSector: "15130" } });
      await prisma.organisation.update({ where: { id: seedId("org:NL") }, data: { iatiType: "10" } });
    }
  });

  it("a budget line longer than a year is refused as a problem, nothing stored", async () => {
    const { prisma } = api.db;
    const before = await stored(programmeC);
    const long = await prisma.budget.create({ data: { programmeId: programmeC, periodStart: new Date("2021-01-01"), periodEnd: new Date("2022-06-30"), amountMinor: 5_00n, currency: "EUR" } });
    try {
      const res = await post(world.tokens.staff, programmeC);
      expect(res.status).toBe(422);
      expect((await res.json()).problems).toEqual([expect.objectContaining({ source: "rule", path: "iati-activity/budget[period-start=2021-01-01]" })]);
      expect(await stored(programmeC)).toBe(before);
    } finally {
      await prisma.budget.delete({ where: { id: long.id } });
    }
  });
});

describe("who may have the file", () => {
  it("a donor downloads the file of a programme it co-funds, and gets 404 for one it does not", async () => {
    expect((await currentFile(world.tokens.donorA, programmeA)).res.status).toBe(200);
    expect((await currentFile(world.tokens.donorB, programmeA)).res.status).toBe(404);
    expect((await currentFile(world.tokens.donorB, world.programmeB)).res.status).toBe(200);
  });

  it("a partner gets 403, a visitor 401, a donor may not store or list exports", async () => {
    expect((await currentFile(world.tokens.partnerA, programmeA)).res.status).toBe(403);
    expect((await currentFile(null, programmeA)).res.status).toBe(401);
    expect((await client(api, world.tokens.donorA)("POST", `/api/v1/programmes/${programmeA}/iati-exports`)).status).toBe(403);
    expect((await client(api, world.tokens.donorA)("GET", `/api/v1/programmes/${programmeA}/iati-exports`)).status).toBe(403);
  });

  it("unknown programmes and exports are 404, malformed ids 400", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await client(api, world.tokens.staff)("POST", `/api/v1/programmes/${unknown}/iati-exports`)).status).toBe(404);
    expect((await client(api, world.tokens.staff)("GET", `/api/v1/iati-exports/${unknown}/xml`)).status).toBe(404);
    expect((await client(api, world.tokens.staff)("GET", "/api/v1/programmes/nope/iati")).status).toBe(400);
  });
});
