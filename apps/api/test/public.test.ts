import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "@vep/db/seed";
import { PublicActivityDetailSchema, PublicSummarySchema } from "@vep/domain";
import { startApi, type RunningApi } from "./harness.js";

let api: RunningApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

const get = (path: string) => fetch(`${api.url}${path}`);
const webinarId = seedId("activity:webinar");

describe("GET /api/health", () => {
  it("answers 200 with the engine and migrations up to date", async () => {
    const res = await get("/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: "ok",
      database: { engine: api.db.engine, reachable: true, migrations: "up-to-date" },
    });
  });
});

describe("GET /api/v1/public/summary", () => {
  it("reports the webinar's reach: 29 participants, 27 trained, 17 of 17 regions, nine sessions", async () => {
    const res = await get("/api/v1/public/summary");
    expect(res.status).toBe(200);
    const body = PublicSummarySchema.parse(await res.json());
    expect(body.totals).toEqual({
      activitiesDelivered: 1,
      sessions: 9,
      participants: { value: 29, suppressed: false },
      trained: { value: 27, suppressed: false },
      regionsCovered: 17,
      regionsTotal: 17,
    });
    expect(body.trainedBySex).toEqual([
      { sex: "FEMALE", count: { value: 16, suppressed: false } },
      { sex: "MALE", count: { value: 11, suppressed: false } },
    ]);
    expect(body.programme.donors.map((d) => d.code)).toEqual(["EU", "NL", "UNOCT"]);
  });

  it("shows every region and suppresses cells under 3, and zeros out of 1–2 people", async () => {
    const body = PublicSummarySchema.parse(await (await get("/api/v1/public/summary")).json());
    expect(body.trainedByRegion).toHaveLength(17);
    // Every region trained one or two people — or, in Turkistan, none of its one participant:
    // either would single people out, so no region shows a number.
    for (const region of body.trainedByRegion) expect(region.count, region.code).toEqual({ value: null, suppressed: true });
  });

  it("never carries a participant's name", async () => {
    const text = await (await get("/api/v1/public/summary")).text();
    expect(text).not.toContain("Telenkov");
    expect(text).not.toContain("Ковалёва");
  });

  it("answers 404 problem+json for an unknown programme", async () => {
    const res = await get("/api/v1/public/summary?programme=XM-NOPE");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(await res.json()).toMatchObject({ status: 404, title: "Not found" });
  });
});

describe("GET /api/v1/public/activities", () => {
  it("lists the delivered webinar with its counts", async () => {
    const res = await get("/api/v1/public/activities");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.nextCursor).toBeNull();
    expect(body.items).toEqual([
      expect.objectContaining({
        id: webinarId,
        title: "Effective communications: the basics of work with the media",
        type: "WEBINAR",
        modality: "ONLINE",
        startDate: "2020-05-13",
        endDate: "2020-05-29",
        sessionCount: 9,
        participants: { value: 29, suppressed: false },
        trained: { value: 27, suppressed: false },
        regionCount: 17,
      }),
    ]);
  });

  it("pages with a cursor in a stable order", async () => {
    const { prisma } = api.db;
    const webinar = await prisma.activity.findUniqueOrThrow({ where: { id: webinarId } });
    for (const day of ["2020-09-01", "2020-09-02", "2020-09-03"]) {
      await prisma.activity.create({
        data: {
          programmeId: webinar.programmeId,
          countryId: webinar.countryId,
          type: "WORKSHOP",
          modality: "IN_PERSON",
          status: "DELIVERED",
          title: `Workshop ${day}`,
          startDate: new Date(day),
          endDate: new Date(day),
        },
      });
    }
    const first = await (await get("/api/v1/public/activities?limit=2")).json();
    expect(first.items.map((a: { title: string }) => a.title)).toEqual(["Workshop 2020-09-03", "Workshop 2020-09-02"]);
    const second = await (await get(`/api/v1/public/activities?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((a: { title: string }) => a.title)).toEqual(["Workshop 2020-09-01", "Effective communications: the basics of work with the media"]);
    expect(second.nextCursor).toBeNull();
    // An activity with nobody enrolled shows a true zero, not "<3".
    expect(second.items[0].participants).toEqual({ value: 0, suppressed: false });
  });

  it("rejects a cursor it did not make", async () => {
    const res = await get("/api/v1/public/activities?cursor=garbage");
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toHaveProperty(["query.cursor"]);
  });

  it("rejects a bad limit with a field-level problem", async () => {
    const res = await get("/api/v1/public/activities?limit=1000");
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors).toHaveProperty("query.limit");
  });
});

describe("GET /api/v1/public/activities/:id", () => {
  it("gives sessions, regions, partners, donors and consented quotes, attributed only with consent", async () => {
    const res = await get(`/api/v1/public/activities/${webinarId}`);
    expect(res.status).toBe(200);
    const body = PublicActivityDetailSchema.parse(await res.json());
    expect(body.sessions).toHaveLength(9);
    expect(body.sessions[0]).toMatchObject({ sequence: 1, topic: "Crisis communications in the penitentiary system" });
    expect(body.sessions.map((s) => s.topic).join(" ")).toContain("Nelson Mandela Rules");
    expect(body.regions).toHaveLength(17);
    expect(body.partners).toEqual([
      {
        name: "Prison Committee of the Ministry of Interior of the Republic of Kazakhstan",
        nameTranslations: { ru: "Комитет уголовно-исполнительной системы МВД Республики Казахстан" },
        acronym: "CES MoI",
        role: "NATIONAL_COUNTERPART",
      },
    ]);
    expect(body.donors.map((d) => d.code)).toEqual(["EU", "NL"]);
    expect(body.quotes).toHaveLength(3);
    expect(body.quotes.filter((q) => q.attribution !== null).map((q) => q.attribution)).toEqual([
      expect.stringContaining("Akerke Zhaubasarova"),
      expect.stringContaining("Roman Telenkov"),
    ]);
    expect(body.quotes.find((q) => q.language === "ru")!.attribution).toBeNull();
  });

  it("answers 404 for an unknown id and 400 for a malformed one", async () => {
    expect((await get("/api/v1/public/activities/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    const bad = await get("/api/v1/public/activities/not-a-uuid");
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors).toHaveProperty("param.id");
  });
});

it("answers unknown routes with problem+json 404 and no stack trace", async () => {
  const res = await get("/api/v1/nothing-here");
  expect(res.status).toBe(404);
  const text = await res.text();
  expect(text).not.toMatch(/at .*\.ts:\d+/);
  expect(JSON.parse(text)).toMatchObject({ status: 404 });
});

it("publishes an OpenAPI 3.1 document with the public routes", async () => {
  const doc = await (await get("/api/openapi.json")).json();
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/health", "/api/v1/public/summary", "/api/v1/public/activities/{id}"]));
});

it("serves the API reference and its assets from the installed package, under a strict CSP", async () => {
  const page = await get("/api/docs");
  expect(page.status).toBe(200);
  expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
  const html = await page.text();
  expect(html).not.toMatch(/https?:\/\//);
  for (const asset of ["/api/docs/swagger-ui-bundle.js", "/api/docs/swagger-ui.css", "/api/docs/init.js"]) {
    expect((await get(asset)).status, asset).toBe(200);
  }
  expect((await get("/api/docs/../../package.json")).status).toBe(404);
});
