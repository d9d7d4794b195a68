// Activities over HTTP: counts, scope (partners and donors of world B must not see world A and back),
// trainers' names kept from partners and donors, filters and pages, writes with their links.
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

const WEBINAR = seedId("activity:webinar");
const KZ = seedId("country:KZ");
const OUTPUT = seedId("output:1.1");
const EU = seedId("donor:EU");
const NL = seedId("donor:NL");
const region2020 = (code: string) => seedId(`region:${code}:2018-06-19`);

interface Summary {
  id: string;
  title: string;
  sessionCount: number;
  participants: { value: number | null; suppressed: boolean };
  trained: { value: number | null; suppressed: boolean };
  version: number;
}
type Page = { items: Summary[]; nextCursor: string | null };

/** Every id of a list, page by page. */
async function allIds(caller: ReturnType<typeof client>, query: string, limit = 100): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const res: Response = await caller("GET", `/api/v1/activities?limit=${limit}${query ? `&${query}` : ""}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(res.status, query).toBe(200);
    const page = (await res.json()) as Page;
    ids.push(...page.items.map((a) => a.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

/** A valid new activity in the seeded programme; `overrides` change or add fields. */
function newActivity(overrides: Record<string, unknown> = {}) {
  return {
    programmeId: world.programmeA,
    type: "TRAINING",
    modality: "IN_PERSON",
    title: "Training of trainers on prison communication",
    countryId: KZ,
    startDate: "2021-03-01",
    endDate: "2021-03-05",
    topics: ["strategic communication", "risk assessment"],
    regionIds: [region2020("KZ-MAN"), region2020("KZ-AKT")],
    outputIds: [OUTPUT],
    donorIds: [NL],
    partners: [{ organisationId: world.partnerOrgA, role: "NATIONAL_COUNTERPART" }],
    ...overrides,
  };
}

async function create(overrides: Record<string, unknown> = {}) {
  const res = await as.staff("POST", "/api/v1/activities", newActivity(overrides));
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Summary & Record<string, unknown>;
}

describe("counts", () => {
  it("the webinar comes back with 9 sessions, 29 participants, 27 trained, in the list and alone", async () => {
    const page = (await (await as.staff("GET", "/api/v1/activities?limit=100")).json()) as Page;
    const listed = page.items.find((a) => a.id === WEBINAR);
    expect(listed).toMatchObject({ sessionCount: 9, participants: { value: 29, suppressed: false }, trained: { value: 27, suppressed: false } });

    const res = await as.staff("GET", `/api/v1/activities/${WEBINAR}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe('"1"');
    const detail = await res.json();
    expect(detail).toMatchObject({ code: "KAZ-2020-MEDIA", sessionCount: 9, participants: { value: 29 }, trained: { value: 27 }, completionSharePercent: 70 });
    expect(detail.sessions.map((s: { sequence: number }) => s.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(detail.sessions[0].trainers).toEqual([{ id: seedId("trainer:Aliya Bekova"), fullName: "Aliya Bekova" }]);
    expect(detail.regions).toHaveLength(17);
    expect(detail.donors.map((d: { code: string }) => d.code)).toEqual(["EU", "NL"]);
    expect(detail.partners).toEqual([expect.objectContaining({ organisationId: world.partnerOrgA, role: "NATIONAL_COUNTERPART" })]);
    expect(detail.outputs.map((o: { id: string }) => o.id)).toEqual([OUTPUT]);
    expect(detail.topics).toContain("Nelson Mandela Rules");
  });

  it("a participant on a submission not yet approved does not count", async () => {
    const activity = await create({ title: "Counting check", code: "COUNT-CHECK", partners: [] });
    const { prisma } = api.db;
    const session = await prisma.session.create({ data: { activityId: activity.id, sequence: 1, startsAt: new Date("2021-03-01T05:00:00Z"), topic: "Only session" } });
    const submission = await prisma.submission.create({ data: { kind: "PARTICIPANT_LIST", activityId: activity.id, organisationId: world.partnerOrgA, status: "SUBMITTED" } });
    const pending = await prisma.person.create({ data: { fullName: "Pending Person", normalisedName: "pending person", sex: "FEMALE" } });
    await prisma.enrolment.create({ data: { activityId: activity.id, personId: world.personA.id } });
    await prisma.enrolment.create({ data: { activityId: activity.id, personId: pending.id, submissionId: submission.id } });
    await prisma.attendance.createMany({ data: [{ sessionId: session.id, personId: world.personA.id }, { sessionId: session.id, personId: pending.id }] });
    const detail = await (await as.staff("GET", `/api/v1/activities/${activity.id}`)).json();
    expect(detail).toMatchObject({ sessionCount: 1, participants: { value: 1 }, trained: { value: 1 } });
    // A donor sees one person as "<3".
    const forDonor = await (await as.donorA("GET", `/api/v1/activities/${activity.id}`)).json();
    expect(forDonor.participants).toEqual({ value: null, suppressed: true });
  });
});

describe("scope", () => {
  it("partner A lists the webinar only and gets 404 for activity B; partner B the reverse", async () => {
    expect(await allIds(as.partnerA, "")).toEqual([WEBINAR]);
    expect((await as.partnerA("GET", `/api/v1/activities/${world.activityB}`)).status).toBe(404);
    expect(await allIds(as.partnerB, "")).toEqual([world.activityB]);
    expect((await as.partnerB("GET", `/api/v1/activities/${WEBINAR}`)).status).toBe(404);
  });

  it("donor B sees activity B only; donor A does not see it", async () => {
    expect(await allIds(as.donorB, "")).toEqual([world.activityB]);
    expect((await as.donorB("GET", `/api/v1/activities/${WEBINAR}`)).status).toBe(404);
    expect((await as.donorB("GET", `/api/v1/activities/${world.activityB}`)).status).toBe(200);
    const seenByA = await allIds(as.donorA, "");
    expect(seenByA).toContain(WEBINAR);
    expect(seenByA).not.toContain(world.activityB);
    expect((await as.donorA("GET", `/api/v1/activities/${world.activityB}`)).status).toBe(404);
  });

  it("donors and partners never get a trainer's name, only how many there were", async () => {
    for (const caller of [as.partnerA, as.donorA]) {
      for (const path of [`/api/v1/activities/${WEBINAR}`, "/api/v1/activities", `/api/v1/activities/${WEBINAR}/sessions`, `/api/v1/sessions/${seedId("session:1")}`]) {
        const res = await caller("GET", path);
        expect(res.status, path).toBe(200);
        const text = await res.text();
        expect(text, path).not.toContain("Aliya Bekova");
        expect(text, path).not.toContain(seedId("trainer:Aliya Bekova"));
      }
      const detail = await (await caller("GET", `/api/v1/activities/${WEBINAR}`)).json();
      expect(detail.sessions[5]).not.toHaveProperty("trainers");
      expect(detail.sessions[5].trainerCount).toBe(2);
    }
    expect(await (await as.staff("GET", `/api/v1/activities/${WEBINAR}`)).text()).toContain("Aliya Bekova");
  });

  it("partners and donors cannot write", async () => {
    for (const caller of [as.partnerA, as.donorA]) {
      expect((await caller("POST", "/api/v1/activities", newActivity())).status).toBe(403);
      expect((await caller("PATCH", `/api/v1/activities/${WEBINAR}`, { title: "x", version: 1 })).status).toBe(403);
      expect((await caller("DELETE", `/api/v1/activities/${WEBINAR}`, undefined, { "if-match": '"1"' })).status).toBe(403);
    }
  });
});

describe("filters and pages", () => {
  let online2022: string;
  beforeAll(async () => {
    online2022 = (
      await create({
        title: "Webinar on radicalisation risk assessment",
        code: "KAZ-2022-RISK",
        type: "WEBINAR",
        modality: "ONLINE",
        status: "DELIVERED",
        startDate: "2022-09-01",
        endDate: "2022-09-30",
        topics: ["Risk Assessment tools"],
        regionIds: [seedId("region:KZ-10:2022-06-08")],
        donorIds: [EU],
      })
    ).id;
  });

  it.each([
    ["type=WORKSHOP", () => [world.activityB]],
    ["modality=ONLINE&status=DELIVERED&countryId=" + KZ, () => [online2022, WEBINAR]],
    ["regionId=" + seedId("region:KZ-10:2022-06-08"), () => [online2022]],
    ["q=mandela", () => [WEBINAR]],
    ["q=kaz-2022", () => [online2022]],
    ["q=RISK%20ASSESSMENT%20TOOLS", () => [online2022]],
    ["from=2020-05-29&to=2020-05-29", () => [WEBINAR]],
    ["from=2022-09-30&type=WEBINAR", () => [online2022]],
    ["q=%25", () => []],
    ["q=" + encodeURIComponent("'; DROP TABLE \"Activity\"; --"), () => []],
  ])("%s", async (query, expected) => {
    expect(await allIds(as.staff, `${query}&sort=-startDate`)).toEqual(expected());
  });

  it("filters by programme and donor", async () => {
    expect(await allIds(as.staff, `programmeId=${world.programmeB}`)).toEqual([world.activityB]);
    const byEu = await allIds(as.staff, `donorId=${EU}`);
    expect(byEu).toContain(online2022);
    expect(byEu).toContain(WEBINAR);
    expect(byEu).not.toContain(world.activityB);
    expect(await allIds(as.staff, `donorId=${world.donorB}`)).toEqual([world.activityB]);
    expect(await api.db.prisma.activity.count()).toBeGreaterThan(2);
  });

  it("pages by title one at a time: every activity once, in order, counts on every page", async () => {
    const all = await allIds(as.staff, "sort=title");
    const oneByOne = await allIds(as.staff, "sort=title", 1);
    expect(oneByOne).toEqual(all);
    expect(new Set(all).size).toBe(await api.db.prisma.activity.count());
    const titles = (await api.db.prisma.activity.findMany({ where: { id: { in: all } }, select: { id: true, title: true } })).sort((a, b) => all.indexOf(a.id) - all.indexOf(b.id));
    expect(titles.map((t) => t.title)).toEqual([...titles.map((t) => t.title)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it.each([
    ["cursor=not-a-cursor", "query.cursor"],
    ["from=2021-01-10&to=2021-01-01", "query.to"],
    ["from=2021-02-30", "query.from"],
    ["type=PARTY", "query.type"],
    ["regionId=1;DROP", "query.regionId"],
    ["sort=secret", "query.sort"],
    ["limit=1000", "query.limit"],
  ])("%s → 400 naming %s", async (query, field) => {
    const res = await as.staff("GET", `/api/v1/activities?${query}`);
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toHaveProperty([field]);
  });

  it("a cursor made for one sort is refused for another", async () => {
    const page = (await (await as.staff("GET", "/api/v1/activities?limit=1&sort=title")).json()) as Page;
    expect(page.nextCursor).not.toBeNull();
    expect((await as.staff("GET", `/api/v1/activities?limit=1&sort=createdAt&cursor=${page.nextCursor}`)).status).toBe(400);
  });
});

describe("writes", () => {
  it("STAFF creates an activity with all its links in one go, audited", async () => {
    const created = await create({ code: "KAZ-2021-TOT", topics: ["<script>alert(1)</script>"] });
    const detail = await (await as.staff("GET", `/api/v1/activities/${created.id}`)).json();
    expect(detail).toMatchObject({
      code: "KAZ-2021-TOT",
      status: "PLANNED",
      completionSharePercent: 70,
      version: 1,
      sessionCount: 0,
      participants: { value: 0 },
      topics: ["<script>alert(1)</script>"],
      outputs: [{ id: OUTPUT }],
      donors: [{ id: NL, code: "NL" }],
      partners: [{ organisationId: world.partnerOrgA, role: "NATIONAL_COUNTERPART" }],
    });
    expect(detail.regions.map((r: { id: string }) => r.id).sort()).toEqual([region2020("KZ-MAN"), region2020("KZ-AKT")].sort());
    const audit = await api.db.prisma.auditEvent.findFirst({ where: { entityId: created.id, action: "activity.create" } });
    expect(audit?.actorId).toBe(seedId("user:staff@vep.example"));
    expect(JSON.stringify(audit?.after)).toContain(OUTPUT);
    // Partner A is assigned: it sees the new activity.
    expect((await as.partnerA("GET", `/api/v1/activities/${created.id}`)).status).toBe(200);
  });

  it("a code already used → 409", async () => {
    const before = await api.db.prisma.activity.count();
    const res = await as.staff("POST", "/api/v1/activities", newActivity({ code: "KAZ-2020-MEDIA" }));
    expect(res.status).toBe(409);
    expect(await api.db.prisma.activity.count()).toBe(before);
  });

  describe("links that do not belong together → 400 naming the field, nothing written", () => {
    let outputB: string;
    beforeAll(async () => {
      const outcome = await api.db.prisma.outcome.create({ data: { programmeId: world.programmeB, code: "B1", title: "Outcome B" } });
      outputB = (await api.db.prisma.output.create({ data: { outcomeId: outcome.id, code: "B1.1", title: "Output B" } })).id;
    });

    it.each([
      ["an output of another programme", () => ({ outputIds: [outputB] }), "body.outputIds"],
      ["a region of another country", async () => ({ regionIds: [(await api.db.prisma.region.findFirstOrThrow({ where: { code: "KG-C" } })).id] }), "body.regionIds"],
      ["a region created after the activity", () => ({ regionIds: [seedId("region:KZ-62:2022-06-08")] }), "body.regionIds"],
      ["a region abolished before the activity", () => ({ startDate: "2023-01-01", endDate: "2023-01-02", regionIds: [region2020("KZ-VOS")] }), "body.regionIds"],
      ["a donor that does not fund the programme", () => ({ donorIds: [world.donorB] }), "body.donorIds"],
      ["a country not in the programme", async () => ({ countryId: (await api.db.prisma.country.findFirstOrThrow({ where: { code: "KG" } })).id, regionIds: [] }), "body.countryId"],
      ["an unknown programme", () => ({ programmeId: "00000000-0000-4000-8000-000000000000" }), "body.programmeId"],
      ["an unknown partner organisation", () => ({ partners: [{ organisationId: "00000000-0000-4000-8000-000000000000", role: "HOST" }] }), "body.partners"],
    ])("%s", async (_, overrides, field) => {
      const before = await api.db.prisma.activity.count();
      const res = await as.staff("POST", "/api/v1/activities", newActivity(await overrides()));
      expect(res.status).toBe(400);
      expect((await res.json()).errors).toHaveProperty([field]);
      expect(await api.db.prisma.activity.count()).toBe(before);
    });
  });

  it.each([
    ["missing title", { title: undefined }, "body.title"],
    ["title not a string", { title: 42 }, "body.title"],
    ["oversized title", { title: "x".repeat(301) }, "body.title"],
    ["unknown field", { secret: true }, "body.secret"],
    ["unknown type", { type: "PARTY" }, "body.type"],
    ["a date that does not exist", { startDate: "2021-02-30" }, "body.startDate"],
    ["a date with a time", { endDate: "2021-03-05T10:00:00Z" }, "body.endDate"],
    ["end before start", { startDate: "2021-03-05", endDate: "2021-03-01" }, "body.endDate"],
    ["hostile code", { code: "<script>alert(1)</script>" }, "body.code"],
    ["SQL in the code", { code: "'; DROP TABLE \"Activity\"; --" }, "body.code"],
    ["completion share over 100", { completionSharePercent: 150 }, "body.completionSharePercent"],
    ["a region listed twice", { regionIds: [region2020("KZ-MAN"), region2020("KZ-MAN")] }, "body.regionIds"],
    ["an id that is not a uuid", { programmeId: "42" }, "body.programmeId"],
    ["a partner without a role", { partners: [{ organisationId: seedId("org:PRISON_COMMITTEE") }] }, "body.partners.0.role"],
    ["topics not a list", { topics: "crisis" }, "body.topics"],
  ])("%s → 400 naming the field, nothing written", async (_, overrides, field) => {
    const before = await api.db.prisma.activity.count();
    const res = await as.staff("POST", "/api/v1/activities", newActivity(overrides));
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toHaveProperty([field]);
    expect(await api.db.prisma.activity.count()).toBe(before);
  });

  it("PATCH replaces the arrays given, keeps the others, and moves the version on", async () => {
    const created = await create({ code: "PATCH-1" });
    const res = await as.staff("PATCH", `/api/v1/activities/${created.id}`, { title: "Renamed", regionIds: [region2020("KZ-ALA")], partners: [], version: 1 });
    expect(res.status, await res.clone().text()).toBe(200);
    const after = await res.json();
    expect(after).toMatchObject({ title: "Renamed", version: 2, regions: [{ id: region2020("KZ-ALA") }], partners: [], donors: [{ id: NL }], outputs: [{ id: OUTPUT }] });
    expect(await api.db.prisma.auditEvent.count({ where: { entityId: created.id, action: "activity.update" } })).toBe(1);
    // No longer assigned: partner A loses it.
    expect((await as.partnerA("GET", `/api/v1/activities/${created.id}`)).status).toBe(404);
  });

  it("a stale version → 409 and nothing changes; no version → 400", async () => {
    const created = await create({ code: "PATCH-2" });
    expect((await as.staff("PATCH", `/api/v1/activities/${created.id}`, { title: "First" }, { "if-match": '"1"' })).status).toBe(200);
    const stale = await as.staff("PATCH", `/api/v1/activities/${created.id}`, { title: "Second", donorIds: [], version: 1 });
    expect(stale.status).toBe(409);
    expect((await as.staff("PATCH", `/api/v1/activities/${created.id}`, { title: "Third" })).status).toBe(400);
    const row = await api.db.prisma.activity.findUniqueOrThrow({ where: { id: created.id }, include: { donors: true } });
    expect([row.title, row.version, row.donors.length]).toEqual(["First", 2, 1]);
  });

  it("PATCH checks the merged activity: dates that strand sessions or kept regions, an end before the kept start", async () => {
    const created = await create({ code: "PATCH-3" });
    await as.staff("POST", `/api/v1/activities/${created.id}/sessions`, { sequence: 1, startsAt: "2021-03-04T09:00:00+06:00", topic: "Day four" });
    const cases: [Record<string, unknown>, string][] = [
      [{ endDate: "2021-03-02" }, "body.endDate"],
      [{ endDate: "2021-02-01" }, "body.endDate"],
      [{ startDate: "2023-03-01", endDate: "2023-03-05" }, "body.startDate"],
      [{ programmeId: world.programmeB }, "body.programmeId"],
    ];
    for (const [changes, field] of cases) {
      const res = await as.staff("PATCH", `/api/v1/activities/${created.id}`, { ...changes, version: 1 });
      expect(res.status, JSON.stringify(changes)).toBe(400);
      expect((await res.json()).errors, JSON.stringify(changes)).toHaveProperty([field]);
    }
    const row = await api.db.prisma.activity.findUniqueOrThrow({ where: { id: created.id } });
    expect([row.version, row.endDate.toISOString().slice(0, 10)]).toEqual([1, "2021-03-05"]);
  });

  it("DELETE needs If-Match, refuses a stale version and an activity with participants, and deletes an empty one", async () => {
    const created = await create({ code: "DELETE-1" });
    expect((await as.staff("DELETE", `/api/v1/activities/${created.id}`)).status).toBe(400);
    expect((await as.staff("DELETE", `/api/v1/activities/${created.id}`, undefined, { "if-match": '"7"' })).status).toBe(409);
    expect((await as.admin("DELETE", `/api/v1/activities/${WEBINAR}`, undefined, { "if-match": '"1"' })).status).toBe(409);
    expect(await api.db.prisma.enrolment.count({ where: { activityId: WEBINAR } })).toBe(29);
    expect((await as.staff("DELETE", `/api/v1/activities/${created.id}`, undefined, { "if-match": '"1"' })).status).toBe(204);
    expect((await as.staff("GET", `/api/v1/activities/${created.id}`)).status).toBe(404);
    expect(await api.db.prisma.auditEvent.count({ where: { entityId: created.id, action: "activity.delete" } })).toBe(1);
  });

  it("ids that are not uuids → 400, unknown ones → 404", async () => {
    expect((await as.staff("GET", "/api/v1/activities/unknown")).status).toBe(400);
    expect((await as.staff("GET", "/api/v1/activities/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await as.staff("PATCH", "/api/v1/activities/00000000-0000-4000-8000-000000000000", { title: "x", version: 1 })).status).toBe(404);
  });
});
