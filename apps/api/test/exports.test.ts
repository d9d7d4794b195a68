// CSV exports: the same rows as the JSON list for the same caller and filters, the same refusals, no
// person's data for a donor, formula cells neutralised, a participant list that imports back as it
// was, and a 10,000-row list streamed.
import http from "node:http";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPORT_LISTS, exportPath } from "@vep/domain";
import { csvLines } from "../src/exports/csv.js";
import { allPages, startWorld, UNKNOWN_ID, type Clients, type World } from "./fixtures.js";
import type { RunningApi } from "./harness.js";
import { upload } from "./sheets.js";

let api: RunningApi;
let world: World;
let as: Clients;
let indicatorA: string;

/** Names a spreadsheet would run as formulas; those with letters also import back as names. */
const HOSTILE_ENROLLED = ['=HYPERLINK("http://x")', "+1 Айдар", "-2 Мария", "@SUM(A1)"];
const HOSTILE_BARE = ["+1", "-2"];

beforeAll(async () => {
  ({ api, world, as } = await startWorld());
  const { prisma } = api.db;
  const personA = await prisma.person.findUniqueOrThrow({ where: { id: world.personA.id } });
  for (const fullName of [...HOSTILE_ENROLLED, ...HOSTILE_BARE]) {
    const person = await prisma.person.create({
      data: { fullName, normalisedName: fullName.toLowerCase(), sex: "FEMALE", organisationId: personA.organisationId, regionId: personA.regionId, phone: "+7 701 000 0000" },
    });
    if (HOSTILE_ENROLLED.includes(fullName)) await prisma.enrolment.create({ data: { activityId: world.activityA, personId: person.id } });
  }
  indicatorA = (await prisma.indicator.findFirstOrThrow({ where: { programmeId: world.programmeA }, orderBy: { code: "asc" } })).id;
}, 60_000);
afterAll(() => api.close());

type Row = Record<string, string>;

/** A CSV export as the caller gets it: checked for the transport details, parsed by header. */
async function exportOf(call: Clients[keyof Clients], path: string): Promise<{ text: string; rows: Row[]; headers: string[] }> {
  const res = await call("GET", path);
  const bytes = new Uint8Array(await res.arrayBuffer());
  // Decoded keeping the BOM (text() would drop it), to see that it is there.
  const raw = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  expect(res.status, `${path}: ${raw.slice(0, 300)}`).toBe(200);
  expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="[a-z-]+-\d{4}-\d{2}-\d{2}\.csv"$/);
  expect(raw.startsWith("\uFEFF"), "BOM").toBe(true);
  const text = raw.slice(1);
  expect(text.endsWith("\r\n")).toBe(true);
  const parsed = Papa.parse<Row>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { text, rows: parsed.data, headers: parsed.meta.fields ?? [] };
}

/** What the importer makes of a neutralised cell. */
const asWritten = (cell: string | undefined) => (cell ?? "").replace(/^'(?=[=+\-@])/, "");

type Json = Record<string, unknown> & { id: string };
type Case = [caller: keyof Clients, exportPath: string, jsonPath: string, csvKey: string, jsonKey: (item: Json) => unknown];
const byId = (item: Json) => item.id;

function cases(): Case[] {
  const a = world.activityA;
  const staffLists: Case[] = [
    ["staff", "activities.csv", "/api/v1/activities", "ID", byId],
    ["staff", "activities.csv?type=WEBINAR&sort=title", "/api/v1/activities?type=WEBINAR&sort=title", "ID", byId],
    ["staff", `sessions.csv?activityId=${a}`, `/api/v1/activities/${a}/sessions`, "ID", byId],
    ["staff", "trainers.csv", "/api/v1/trainers", "ID", byId],
    ["staff", "participants.csv", "/api/v1/participants", "Full name", (p) => p.fullName],
    ["staff", `participants.csv?activityId=${a}&sex=FEMALE`, `/api/v1/participants?activityId=${a}&sex=FEMALE`, "Full name", (p) => p.fullName],
    ["staff", `enrolments.csv?activityId=${a}`, `/api/v1/activities/${a}/enrolments`, "Enrolment ID", byId],
    ["staff", "donors.csv", "/api/v1/donors", "ID", byId],
    ["staff", "contributions.csv", "/api/v1/contributions", "ID", byId],
    ["staff", `contributions.csv?donorId=${world.donorB}`, `/api/v1/contributions?donorId=${world.donorB}`, "ID", byId],
    ["staff", "budgets.csv", "/api/v1/budgets", "ID", byId],
    ["staff", "expenditures.csv", "/api/v1/expenditures", "ID", byId],
    ["staff", "indicators.csv", "/api/v1/indicators", "ID", byId],
    ["staff", `indicator-values.csv?indicatorId=${indicatorA}`, `/api/v1/indicators/${indicatorA}/values`, "ID", byId],
    ["staff", "submissions.csv", "/api/v1/submissions", "ID", byId],
    ["staff", `feedback-responses.csv?activityId=${a}`, `/api/v1/feedback-responses?activityId=${a}`, "ID", byId],
  ];
  const partnerLists: Case[] = [
    ["partnerA", "activities.csv", "/api/v1/activities", "ID", byId],
    ["partnerA", `sessions.csv?activityId=${a}`, `/api/v1/activities/${a}/sessions`, "ID", byId],
    ["partnerA", "participants.csv", "/api/v1/participants", "Full name", (p) => p.fullName],
    ["partnerA", `enrolments.csv?activityId=${a}`, `/api/v1/activities/${a}/enrolments`, "Enrolment ID", byId],
    ["partnerA", "submissions.csv", "/api/v1/submissions", "ID", byId],
    ["partnerA", "feedback-responses.csv", "/api/v1/feedback-responses", "ID", byId],
    ["partnerB", "participants.csv", "/api/v1/participants", "Full name", (p) => p.fullName],
  ];
  const donorLists: Case[] = [
    ["donorA", "activities.csv", "/api/v1/activities", "ID", byId],
    ["donorA", `sessions.csv?activityId=${a}`, `/api/v1/activities/${a}/sessions`, "ID", byId],
    ["donorA", "donors.csv", "/api/v1/donors", "ID", byId],
    ["donorA", "contributions.csv", "/api/v1/contributions", "ID", byId],
    ["donorA", "budgets.csv", "/api/v1/budgets", "ID", byId],
    ["donorA", "expenditures.csv", "/api/v1/expenditures", "ID", byId],
    ["donorA", "indicators.csv", "/api/v1/indicators", "ID", byId],
    ["donorA", `indicator-values.csv?indicatorId=${indicatorA}`, `/api/v1/indicators/${indicatorA}/values`, "ID", byId],
    ["donorB", "activities.csv", "/api/v1/activities", "ID", byId],
  ];
  return [...staffLists, ...partnerLists, ...donorLists];
}

describe("the same rows as the JSON list, for the same caller and filters", () => {
  it("every list, for staff, partners and donors, in the same order", async () => {
    let compared = 0;
    for (const [caller, path, jsonPath, csvKey, jsonKey] of cases()) {
      const json = await allPages<Json>(as[caller], jsonPath);
      const { rows } = await exportOf(as[caller], `/api/v1/exports/${path}`);
      const label = `${caller} ${path}`;
      expect(rows.map((r) => asWritten(r[csvKey])), label).toEqual(json.map((item) => String(jsonKey(item) ?? "")));
      compared += rows.length;
    }
    // The comparison is not vacuous: the seed and the world give the lists rows.
    expect(compared).toBeGreaterThan(100);
  });

  it("scopes each caller as its JSON list does: partner B sees neither partner A's activity nor its people", async () => {
    const names = (await exportOf(as.partnerB, exportPath("participants"))).rows.map((r) => r["Full name"]);
    expect(names).toEqual([world.personB.fullName]);
    const activities = (await exportOf(as.donorB, exportPath("activities"))).rows.map((r) => r.ID);
    expect(activities).toEqual([world.activityB]);
    const res = await as.partnerA("GET", `${exportPath("sessions")}?activityId=${world.activityB}`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });

  it("donor progress tables hold the figures of the donor progress endpoint", async () => {
    for (const caller of ["staff", "donorA"] as const) {
      const res = await as[caller]("GET", "/api/v1/donor-progress");
      expect(res.status).toBe(200);
      const progress = (await res.json()) as {
        funding: { byDonor: { donor: { code: string } }[] };
        reach: { trainedBySex: { sex: string; count: { value: number | null; suppressed: boolean } }[]; trainedByRegion: { code: string; count: { value: number | null; suppressed: boolean } }[] };
        indicators: { code: string; target: number | null }[];
      };
      const count = (c: { value: number | null; suppressed: boolean }) => (c.suppressed ? "<3" : String(c.value));
      const bySex = (await exportOf(as[caller], exportPath("progress-reach-by-sex"))).rows;
      expect(bySex.map((r) => [r.Sex, r.Trained])).toEqual(progress.reach.trainedBySex.map((r) => [r.sex, count(r.count)]));
      const byRegion = (await exportOf(as[caller], exportPath("progress-reach-by-region"))).rows;
      expect(byRegion.map((r) => [r["Region code"], r.Trained])).toEqual(progress.reach.trainedByRegion.map((r) => [r.code, count(r.count)]));
      expect(byRegion.length).toBeGreaterThan(0);
      const indicators = (await exportOf(as[caller], exportPath("progress-indicators"))).rows;
      expect(indicators.map((r) => r.Code)).toEqual(progress.indicators.map((i) => i.code));
      const funding = (await exportOf(as[caller], exportPath("progress-funding"))).rows;
      expect([...new Set(funding.map((r) => r["Donor code"]))]).toEqual(progress.funding.byDonor.map((d) => d.donor.code));
    }
  });
});

describe("refusals, as the JSON lists refuse", () => {
  it("a donor asking for a list of people gets 403", async () => {
    for (const list of ["participants", "enrolments", "trainers", "submissions", "feedback-responses"] as const) {
      const res = await as.donorA("GET", `${exportPath(list)}?activityId=${world.activityA}`);
      expect(res.status, list).toBe(403);
    }
  });

  it("a partner gets no finance, no trainers and no donor figures; nobody signed out gets anything", async () => {
    for (const list of ["donors", "contributions", "budgets", "expenditures", "trainers", "indicators", "progress-funding", "progress-reach-by-sex"] as const) {
      expect((await as.partnerA("GET", exportPath(list))).status, list).toBe(403);
    }
    expect((await fetch(`${api.url}${exportPath("activities")}`)).status).toBe(401);
  });

  it("an unknown list is a 404 problem; a bad filter a 400 with field messages", async () => {
    const unknown = await as.staff("GET", "/api/v1/exports/people.csv");
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toBe("application/problem+json");
    const bad = await as.staff("GET", `${exportPath("activities")}?type=NOPE&from=2020-13-01`);
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as { errors: Record<string, string> };
    expect(Object.keys(problem.errors).sort()).toEqual(["query.from", "query.type"]);
    const noActivity = await as.staff("GET", exportPath("sessions"));
    expect(noActivity.status).toBe(400);
    expect(Object.keys(((await noActivity.json()) as { errors: Record<string, string> }).errors)).toEqual(["query.activityId"]);
    expect((await as.staff("GET", `${exportPath("enrolments")}?activityId=${UNKNOWN_ID}`)).status).toBe(404);
  });

  it("every list has an export route", () => {
    const served = new Set(api.app.routes.map((r) => `${r.method} ${r.path}`));
    expect(EXPORT_LISTS.filter((list) => !served.has(`GET ${exportPath(list)}`))).toEqual([]);
  });
});

describe("personal data", () => {
  it("nothing a donor can export names a person", async () => {
    const people = await api.db.prisma.person.findMany({ select: { fullName: true, email: true } });
    expect(people.length).toBeGreaterThan(29);
    const texts: string[] = [];
    for (const path of [
      "activities.csv",
      `sessions.csv?activityId=${world.activityA}`,
      "donors.csv",
      "contributions.csv",
      "budgets.csv",
      "expenditures.csv",
      "indicators.csv",
      `indicator-values.csv?indicatorId=${indicatorA}`,
      "progress-funding.csv",
      "progress-reach-by-sex.csv",
      "progress-reach-by-region.csv",
      "progress-indicators.csv",
    ]) {
      texts.push((await exportOf(as.donorA, `/api/v1/exports/${path}`)).text);
    }
    const all = texts.join("\n");
    // Names without a letter ("-2") are found in any date; every other name must be absent.
    const named = people.filter((p) => (/\p{L}/u.test(p.fullName) && all.includes(p.fullName)) || (p.email !== null && all.includes(p.email)));
    expect(named.map((p) => p.fullName)).toEqual([]);
  });

  it("a partner's participants are its own organisation's people, and all of them", async () => {
    const { prisma } = api.db;
    const own = await prisma.person.findMany({
      where: { OR: [{ organisationId: world.partnerOrgA }, { organisation: { is: { parentId: world.partnerOrgA } } }] },
      select: { fullName: true },
    });
    const { rows } = await exportOf(as.partnerA, exportPath("participants"));
    const names = rows.map((r) => asWritten(r["Full name"]));
    expect([...names].sort()).toEqual(own.map((p) => p.fullName).sort());
    expect(names).not.toContain(world.personB.fullName);
    expect(names).toEqual(expect.arrayContaining(HOSTILE_ENROLLED));
  });
});

describe("spreadsheet safety and the round trip through the importer", () => {
  it("neutralises a formula cell even when it runs over several lines, and leaves numbers alone", () => {
    // papaparse's own `escapeFormulae: true` pattern lets "=1\nx" through.
    expect(csvLines([["=1\r\n+2", "@A1\nB", "\tx", -2, "a-b"]])).toBe(`"'=1\r\n+2","'@A1\nB","'\tx",-2,a-b\r\n`);
  });

  it("cells starting with = + - @ come out prefixed with '", async () => {
    const { text, rows } = await exportOf(as.staff, exportPath("participants"));
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    for (const cell of ["'+1", "'-2", "'@SUM(A1)", "'+1 Айдар", "'-2 Мария", "'+7 701 000 0000"]) expect(text).toContain(`"${cell}"`);
    const risky = rows.flatMap((r) => Object.values(r)).filter((cell) => /^[=+\-@\t\r]/.test(cell));
    expect(risky).toEqual([]);
    // The names come back as written, and none were lost.
    const names = rows.map((r) => asWritten(r["Full name"]));
    expect(names).toEqual(expect.arrayContaining([...HOSTILE_ENROLLED, ...HOSTILE_BARE]));
  });

  it("an activity's participants exported by the partner import back: every column mapped, every name as it was", async () => {
    const exported = await exportOf(as.partnerA, `${exportPath("participants")}?activityId=${world.activityA}`);
    expect(exported.headers).toEqual(["Full name", "Sex", "Region", "Position", "Email", "Phone"]);
    const bytes = new Uint8Array(new TextEncoder().encode("\uFEFF" + exported.text));
    const res = await upload(api, world.tokens.partnerA, `/api/v1/activities/${world.activityA}/participant-imports/preview`, bytes, { query: { fileName: "participants.csv" } });
    const preview = (await res.json()) as {
      columns: { header: string; field: string | null }[];
      counts: Record<string, number>;
      problems: unknown[];
      sample: { fullName: string; sex: string; region: string; position: string | null }[];
    };
    expect(res.status, JSON.stringify(preview).slice(0, 500)).toBe(200);
    expect(preview.columns.map((c) => c.field)).toEqual(["fullName", "sex", "region", "position", "email", "phone"]);
    expect(preview.problems).toEqual([]);
    expect(preview.counts.participants).toBe(exported.rows.length);
    expect(exported.rows.length).toBeLessThanOrEqual(50); // the preview's sample shows up to 50 rows
    expect(preview.sample.map((s) => s.fullName)).toEqual(exported.rows.map((r) => asWritten(r["Full name"])));
    expect(preview.sample.map((s) => [s.sex, s.region, s.position ?? ""])).toEqual(exported.rows.map((r) => [r.Sex, r.Region, r.Position]));
    expect(preview.sample.map((s) => s.fullName)).toEqual(expect.arrayContaining(HOSTILE_ENROLLED));
  });
});

describe("large lists", () => {
  it("streams a 10,000-row participant list", async () => {
    const { prisma } = api.db;
    const org = await prisma.organisation.create({ data: { name: "Bulk Export Department", kind: "GOVERNMENT" } });
    const regionId = (await prisma.person.findUniqueOrThrow({ where: { id: world.personA.id } })).regionId;
    const ROWS = 10_000;
    await prisma.person.createMany({
      data: Array.from({ length: ROWS }, (_, i) => ({ fullName: `Участник ${String(i).padStart(5, "0")}`, normalisedName: `участник ${String(i).padStart(5, "0")}`, sex: i % 2 ? ("MALE" as const) : ("FEMALE" as const), organisationId: org.id, regionId })),
    });

    // A connection of its own (node:http, no keep-alive): the pooled one may have idled out while the rows were written.
    const started = performance.now();
    const { status, chunks, text } = await new Promise<{ status: number; chunks: number; text: string }>((resolve, reject) => {
      const url = new URL(`${api.url}${exportPath("participants")}?organisationId=${org.id}`);
      const req = http.get(url, { agent: false, headers: { authorization: `Bearer ${world.tokens.staff}` } }, (res) => {
        const decoder = new TextDecoder();
        let body = "";
        let count = 0;
        res.on("data", (chunk: Buffer) => {
          count++;
          body += decoder.decode(chunk, { stream: true });
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, chunks: count, text: body }));
        res.on("error", reject);
      });
      req.on("error", reject);
    });
    expect(status).toBe(200);
    const seconds = (performance.now() - started) / 1000;
    const lines = text.split("\r\n").filter((line) => line !== "");
    expect(lines).toHaveLength(ROWS + 1);
    expect(lines[1]).toContain("Участник 00000");
    expect(lines[ROWS]).toContain("Участник 09999");
    expect(chunks).toBeGreaterThan(1);
    console.log(`[exports] ${ROWS} participant rows in ${seconds.toFixed(2)} s: ${Math.round(ROWS / seconds)} rows/s, ${chunks} chunks, ${(text.length / 1024).toFixed(0)} KiB (${process.env.DATABASE_URL ? "postgresql" : "pglite"})`);
  }, 120_000);
});
