// Sessions over HTTP: paging, scope, times that fit the activity, unique sequences, trainers set at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "@vep/db/seed";
import { type World, startWorld, type Clients } from "./fixtures.js";
import type { RunningApi } from "./harness.js";

let api: RunningApi;
let world: World;
let as: Clients;
/** An activity of 1–5 March 2021 in the seeded programme, with no sessions to start with. */
let activityId: string;
beforeAll(async () => {
  ({ api, world, as } = await startWorld());
  const res = await as.staff("POST", "/api/v1/activities", {
    programmeId: world.programmeA,
    type: "WORKSHOP",
    modality: "IN_PERSON",
    title: "Workshop on media relations",
    countryId: seedId("country:KZ"),
    startDate: "2021-03-01",
    endDate: "2021-03-05",
  });
  activityId = (await res.json()).id;
});
afterAll(() => api.close());

const WEBINAR = seedId("activity:webinar");
const ALIYA = seedId("trainer:Aliya Bekova");
const PAVEL = seedId("trainer:Pavel Orlov");

let nextSequence = 1;
async function addSession(overrides: Record<string, unknown> = {}) {
  const res = await as.staff("POST", `/api/v1/activities/${activityId}/sessions`, { sequence: nextSequence++, startsAt: "2021-03-02T10:00:00+06:00", topic: "Day two", ...overrides });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: string; version: number; trainerCount: number };
}

describe("reading", () => {
  it("lists the webinar's nine sessions in order, five at a time", async () => {
    const first = await (await as.staff("GET", `/api/v1/activities/${WEBINAR}/sessions?limit=5`)).json();
    expect(first.items.map((s: { sequence: number }) => s.sequence)).toEqual([1, 2, 3, 4, 5]);
    const second = await (await as.staff("GET", `/api/v1/activities/${WEBINAR}/sessions?limit=5&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((s: { sequence: number }) => s.sequence)).toEqual([6, 7, 8, 9]);
    expect(second.nextCursor).toBeNull();
    expect(second.items[0].trainers.map((t: { fullName: string }) => t.fullName)).toEqual(["Dana Serikbayeva", "Pavel Orlov"]);
  });

  it("partners and donors reach the sessions of their activities only, without trainers' names", async () => {
    expect((await as.partnerA("GET", `/api/v1/activities/${world.activityB}/sessions`)).status).toBe(404);
    expect((await as.partnerA("GET", `/api/v1/sessions/${world.sessionB}`)).status).toBe(404);
    expect((await as.donorB("GET", `/api/v1/sessions/${seedId("session:1")}`)).status).toBe(404);
    expect((await as.donorB("GET", `/api/v1/activities/${WEBINAR}/sessions`)).status).toBe(404);
    const res = await as.donorB("GET", `/api/v1/sessions/${world.sessionB}`);
    expect(res.status).toBe(200);
    const session = await res.json();
    expect(session).toMatchObject({ id: world.sessionB, sequence: 1, trainerCount: 0 });
    expect(session).not.toHaveProperty("trainers");
    const partnerView = await as.partnerA("GET", `/api/v1/sessions/${seedId("session:9")}`);
    const text = await partnerView.text();
    expect(text).not.toContain("Aliya Bekova");
    expect(JSON.parse(text).trainerCount).toBe(2);
  });

  it("a session id that is not a uuid → 400, an unknown one → 404", async () => {
    expect((await as.staff("GET", "/api/v1/sessions/1%20OR%201=1")).status).toBe(400);
    expect((await as.staff("GET", "/api/v1/sessions/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await as.staff("GET", "/api/v1/activities/00000000-0000-4000-8000-000000000000/sessions")).status).toBe(404);
  });
});

describe("writes", () => {
  it("STAFF adds a session, audited; partners and donors may not", async () => {
    const session = await addSession({ endsAt: "2021-03-02T12:00:00+06:00", topicTranslations: { ru: "День второй" } });
    const read = await (await as.staff("GET", `/api/v1/sessions/${session.id}`)).json();
    expect(read).toMatchObject({ activityId, startsAt: "2021-03-02T04:00:00.000Z", endsAt: "2021-03-02T06:00:00.000Z", topicTranslations: { ru: "День второй" }, trainers: [], version: 1 });
    expect(await api.db.prisma.auditEvent.count({ where: { entityId: session.id, action: "session.create" } })).toBe(1);
    for (const caller of [as.partnerA, as.donorA]) {
      expect((await caller("POST", `/api/v1/activities/${activityId}/sessions`, { sequence: 99, startsAt: "2021-03-02T10:00:00+06:00", topic: "x" })).status).toBe(403);
    }
  });

  it("a sequence already used in the activity → 409; the same sequence in another activity is fine", async () => {
    const session = await addSession();
    const before = await api.db.prisma.session.count();
    const res = await as.staff("POST", `/api/v1/activities/${activityId}/sessions`, { sequence: (await api.db.prisma.session.findUniqueOrThrow({ where: { id: session.id } })).sequence, startsAt: "2021-03-03T10:00:00+06:00", topic: "Clash" });
    expect(res.status).toBe(409);
    expect(await api.db.prisma.session.count()).toBe(before);
    expect((await as.staff("POST", `/api/v1/activities/${world.activityB}/sessions`, { sequence: 2, startsAt: "2021-03-02T10:00:00+06:00", topic: "Day two of B" })).status).toBe(201);
  });

  it.each([
    ["starts before the activity", { startsAt: "2021-02-28T23:00:00Z" }, "body.startsAt"],
    ["starts after the activity's last day", { startsAt: "2021-03-06T00:00:00Z" }, "body.startsAt"],
    ["ends before it starts", { startsAt: "2021-03-02T10:00:00+06:00", endsAt: "2021-03-02T09:00:00+06:00" }, "body.endsAt"],
    ["a time without an offset", { startsAt: "2021-03-02 10:00" }, "body.startsAt"],
    ["a day that does not exist", { startsAt: "2021-02-30T10:00:00Z" }, "body.startsAt"],
    ["sequence not a number", { sequence: "1" }, "body.sequence"],
    ["sequence zero", { sequence: 0 }, "body.sequence"],
    ["missing topic", { topic: undefined }, "body.topic"],
    ["oversized topic", { topic: "x".repeat(501) }, "body.topic"],
    ["unknown field", { trainerIds: [] }, "body.trainerIds"],
    ["a translation in a bad language code", { topicTranslations: { "<script>": "x" } }, "body.topicTranslations.<script>"],
  ])("%s → 400 naming the field, nothing written", async (_, overrides, field) => {
    const before = await api.db.prisma.session.count();
    const res = await as.staff("POST", `/api/v1/activities/${activityId}/sessions`, { sequence: 500, startsAt: "2021-03-02T10:00:00+06:00", topic: "Bad", ...overrides });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toHaveProperty([field]);
    expect(await api.db.prisma.session.count()).toBe(before);
  });

  it("PATCH with the version read; stale → 409 and nothing changes; a taken sequence → 409", async () => {
    const session = await addSession();
    const other = await addSession();
    const res = await as.staff("PATCH", `/api/v1/sessions/${session.id}`, { topic: "'; DROP TABLE \"Session\"; --", version: 1 });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ topic: "'; DROP TABLE \"Session\"; --", version: 2 });
    expect((await as.staff("PATCH", `/api/v1/sessions/${session.id}`, { topic: "Stale" }, { "if-match": '"1"' })).status).toBe(409);
    const otherSequence = (await api.db.prisma.session.findUniqueOrThrow({ where: { id: other.id } })).sequence;
    expect((await as.staff("PATCH", `/api/v1/sessions/${session.id}`, { sequence: otherSequence, version: 2 })).status).toBe(409);
    expect((await as.staff("PATCH", `/api/v1/sessions/${session.id}`, { endsAt: "2021-03-01T00:00:00Z", version: 2 })).status).toBe(400);
    expect((await as.staff("PATCH", `/api/v1/sessions/${session.id}`, { topic: "No version" })).status).toBe(400);
    const row = await api.db.prisma.session.findUniqueOrThrow({ where: { id: session.id } });
    expect([row.topic, row.version, row.endsAt]).toEqual(["'; DROP TABLE \"Session\"; --", 2, null]);
    expect(await api.db.prisma.auditEvent.count({ where: { entityId: session.id, action: "session.update" } })).toBe(1);
  });

  it("DELETE needs If-Match, refuses a session with attendance, deletes one without", async () => {
    const session = await addSession();
    expect((await as.staff("DELETE", `/api/v1/sessions/${session.id}`)).status).toBe(400);
    expect((await as.staff("DELETE", `/api/v1/sessions/${seedId("session:1")}`, undefined, { "if-match": '"1"' })).status).toBe(409);
    expect(await api.db.prisma.attendance.count({ where: { sessionId: seedId("session:1") } })).toBeGreaterThan(0);
    expect((await as.staff("DELETE", `/api/v1/sessions/${session.id}`, undefined, { "if-match": '"2"' })).status).toBe(409);
    expect((await as.staff("DELETE", `/api/v1/sessions/${session.id}`, undefined, { "if-match": '"1"' })).status).toBe(204);
    expect((await as.staff("GET", `/api/v1/sessions/${session.id}`)).status).toBe(404);
    expect(await api.db.prisma.auditEvent.count({ where: { entityId: session.id, action: "session.delete" } })).toBe(1);
  });
});

describe("setting trainers", () => {
  it("PUT sets the trainers at once, replacing the previous ones, audited", async () => {
    const session = await addSession();
    const first = await as.staff("PUT", `/api/v1/sessions/${session.id}/trainers`, { trainerIds: [PAVEL, ALIYA] });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ trainerCount: 2, trainers: [{ id: ALIYA, fullName: "Aliya Bekova" }, { id: PAVEL, fullName: "Pavel Orlov" }], version: 2 });
    const second = await (await as.admin("PUT", `/api/v1/sessions/${session.id}/trainers`, { trainerIds: [PAVEL] })).json();
    expect(second.trainers).toEqual([{ id: PAVEL, fullName: "Pavel Orlov" }]);
    const audit = await api.db.prisma.auditEvent.findFirst({ where: { entityId: session.id, action: "session.trainers.set" }, orderBy: { createdAt: "desc" } });
    expect(audit?.after).toEqual({ trainerIds: [PAVEL] });
    expect(audit?.before).toEqual({ trainerIds: [ALIYA, PAVEL] });
    const cleared = await (await as.staff("PUT", `/api/v1/sessions/${session.id}/trainers`, { trainerIds: [] })).json();
    expect(cleared).toMatchObject({ trainerCount: 0, trainers: [] });
  });

  it.each([
    ["an unknown trainer", { trainerIds: ["00000000-0000-4000-8000-000000000000"] }, "body.trainerIds"],
    ["a person who is not a trainer", { trainerIds: [seedId("person:Aliya Bekova")] }, "body.trainerIds"],
    ["a trainer listed twice", { trainerIds: [ALIYA, ALIYA] }, "body.trainerIds"],
    ["not a uuid", { trainerIds: ["<script>"] }, "body.trainerIds.0"],
    ["missing list", {}, "body.trainerIds"],
    ["unknown field", { trainerIds: [], names: ["x"] }, "body.names"],
  ])("%s → 400 and the trainers stay", async (_, body, field) => {
    const res = await as.staff("PUT", `/api/v1/sessions/${seedId("session:1")}/trainers`, body);
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toHaveProperty([field]);
    const kept = await api.db.prisma.sessionTrainer.findMany({ where: { sessionId: seedId("session:1") } });
    expect(kept.map((t) => t.trainerId)).toEqual([ALIYA]);
  });

  it("partners and donors may not set trainers", async () => {
    for (const caller of [as.partnerA, as.donorA]) {
      expect((await caller("PUT", `/api/v1/sessions/${seedId("session:1")}/trainers`, { trainerIds: [] })).status).toBe(403);
    }
  });
});
