// Enrolments and attendance: scope per activity and per person, 409s, and a session's list replaced at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "@vep/db/seed";
import { client, type World, startWorld, allPages, auditOf, UNKNOWN_ID } from "./fixtures.js";
import type { RunningApi } from "./harness.js";

let api: RunningApi;
let world: World;
let staff: ReturnType<typeof client>;
let partnerA: ReturnType<typeof client>;
let partnerB: ReturnType<typeof client>;
beforeAll(async () => {
  ({ api, world, as: { staff, partnerA, partnerB } } = await startWorld());
});
afterAll(() => api.close());

interface EnrolmentBody {
  id: string;
  personId: string;
  role: string;
  sessionsAttended: number;
  version: number;
  person: { fullName: string };
}
interface AttendanceBody {
  sessionId: string;
  count: number;
  people: { id: string; fullName: string }[];
}

const enrolmentsOf = (activityId: string) => `/api/v1/activities/${activityId}/enrolments`;
const attendanceOf = (sessionId: string) => `/api/v1/sessions/${sessionId}/attendance`;
const session1 = seedId("session:1");

async function newPerson(fullName: string) {
  const res = await staff("POST", "/api/v1/participants", { fullName, sex: "FEMALE", organisationId: world.partnerOrgB });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe("enrolments", () => {
  it("lists an activity's participants with the sessions each attended", async () => {
    const items = await allPages<EnrolmentBody>(staff, enrolmentsOf(world.activityA));
    expect(items).toHaveLength(29);
    expect(items.filter((e) => e.sessionsAttended >= 7)).toHaveLength(27);
    expect(items.find((e) => e.personId === world.personA.id)).toMatchObject({ role: "PARTICIPANT", sessionsAttended: 9, person: { fullName: "Елена Ковалёва" } });
    const pages = await staff("GET", `${enrolmentsOf(world.activityA)}?limit=10`);
    const first = (await pages.json()) as { items: EnrolmentBody[]; nextCursor: string | null };
    expect(first.items).toHaveLength(10);
    expect(first.nextCursor).not.toBeNull();
  });

  it("a partner reads only its assigned activities, and only its own people", async () => {
    expect(await allPages(partnerA, enrolmentsOf(world.activityA))).toHaveLength(29);
    expect((await partnerA("GET", enrolmentsOf(world.activityB))).status).toBe(404);
    expect((await partnerB("GET", enrolmentsOf(world.activityA))).status).toBe(404);
    const bItems = await allPages<EnrolmentBody>(partnerB, enrolmentsOf(world.activityB));
    expect(bItems.map((e) => e.personId)).toEqual([world.personB.id]);

    // Partner A's person enrolled in partner B's activity: partner B must not see them.
    const enrolled = await staff("POST", enrolmentsOf(world.activityB), { personId: world.personA.id, role: "OBSERVER" });
    expect(enrolled.status).toBe(201);
    expect((await allPages<EnrolmentBody>(staff, enrolmentsOf(world.activityB))).map((e) => e.personId).sort()).toEqual([world.personA.id, world.personB.id].sort());
    expect((await allPages<EnrolmentBody>(partnerB, enrolmentsOf(world.activityB))).map((e) => e.personId)).toEqual([world.personB.id]);
    // ...and partner A, not assigned to activity B, does not learn of it from its person's record.
    const seenByA = await (await partnerA("GET", `/api/v1/participants/${world.personA.id}`)).json();
    expect(seenByA.enrolments.map((e: { activityId: string }) => e.activityId)).toEqual([world.activityA]);
    const body = (await enrolled.json()) as EnrolmentBody;
    expect((await staff("DELETE", `/api/v1/enrolments/${body.id}`, undefined, { "if-match": '"1"' })).status).toBe(204);
  });

  it("staff enrol a person once; again is a 409; the write is audited", async () => {
    const personId = await newPerson("Гульмира Асанова");
    const res = await staff("POST", enrolmentsOf(world.activityB), { personId });
    expect(res.status).toBe(201);
    const enrolment = (await res.json()) as EnrolmentBody;
    expect(enrolment).toMatchObject({ personId, role: "PARTICIPANT", sessionsAttended: 0, version: 1 });
    expect(await auditOf(api, "enrolment.create", enrolment.id)).toHaveLength(1);
    const again = await staff("POST", enrolmentsOf(world.activityB), { personId, role: "OBSERVER" });
    expect(again.status).toBe(409);
    expect(await api.db.prisma.enrolment.count({ where: { personId } })).toBe(1);
  });

  it.each([
    ["missing person", {}, "body.personId"],
    ["person id not a uuid", { personId: "1; DROP TABLE" }, "body.personId"],
    ["unknown person", { personId: UNKNOWN_ID }, "body.personId"],
    ["unknown role", { personId: UNKNOWN_ID, role: "TRAINER" }, "body.role"],
    ["unknown field", { personId: UNKNOWN_ID, submissionId: UNKNOWN_ID }, "body.submissionId"],
  ])("%s → 400 naming the field, nothing written", async (_, body, field) => {
    const before = await api.db.prisma.enrolment.count();
    const res = await staff("POST", enrolmentsOf(world.activityB), body);
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toHaveProperty([field]);
    expect(await api.db.prisma.enrolment.count()).toBe(before);
  });

  it("refuses partners and unknown activities", async () => {
    expect((await partnerB("POST", enrolmentsOf(world.activityB), { personId: world.personB.id })).status).toBe(403);
    expect((await staff("POST", enrolmentsOf(UNKNOWN_ID), { personId: world.personB.id })).status).toBe(404);
    expect((await staff("GET", enrolmentsOf("unknown"))).status).toBe(400);
  });

  it("unenrolling needs the version and removes the person's attendance of that activity", async () => {
    const personId = await newPerson("Нургуль Осмонова");
    const enrolment = (await (await staff("POST", enrolmentsOf(world.activityB), { personId })).json()) as EnrolmentBody;
    expect((await staff("PUT", attendanceOf(world.sessionB), { personIds: [world.personB.id, personId] })).status).toBe(200);
    expect((await staff("DELETE", `/api/v1/enrolments/${enrolment.id}`)).status).toBe(400);
    expect((await staff("DELETE", `/api/v1/enrolments/${enrolment.id}`, undefined, { "if-match": '"2"' })).status).toBe(409);
    expect(await api.db.prisma.enrolment.count({ where: { id: enrolment.id } })).toBe(1);
    expect((await partnerB("DELETE", `/api/v1/enrolments/${enrolment.id}`, undefined, { "if-match": '"1"' })).status).toBe(403);
    expect((await staff("DELETE", `/api/v1/enrolments/${enrolment.id}`, undefined, { "if-match": '"1"' })).status).toBe(204);
    expect(await api.db.prisma.attendance.count({ where: { personId } })).toBe(0);
    const attendance = (await (await staff("GET", attendanceOf(world.sessionB))).json()) as AttendanceBody;
    expect(attendance.people.map((p) => p.id)).toEqual([world.personB.id]);
    const [audit] = await auditOf(api, "enrolment.delete", enrolment.id);
    expect(audit?.meta).toEqual({ attendanceRemoved: 1 });
    expect((await staff("DELETE", `/api/v1/enrolments/${enrolment.id}`, undefined, { "if-match": '"1"' })).status).toBe(404);
  });
});

describe("attendance", () => {
  it("shows who attended a session, within the caller's scope", async () => {
    const all = (await (await staff("GET", attendanceOf(session1))).json()) as AttendanceBody;
    const expected = await api.db.prisma.attendance.count({ where: { sessionId: session1 } });
    expect(all.count).toBe(expected);
    expect(all.people).toHaveLength(expected);
    expect((await partnerA("GET", attendanceOf(session1))).status).toBe(200);
    expect((await partnerB("GET", attendanceOf(session1))).status).toBe(404);
    expect((await partnerA("GET", attendanceOf(world.sessionB))).status).toBe(404);
    const b = (await (await partnerB("GET", attendanceOf(world.sessionB))).json()) as AttendanceBody;
    expect(b.people.map((p) => p.id)).toEqual([world.personB.id]);
    expect((await staff("GET", attendanceOf(UNKNOWN_ID))).status).toBe(404);
    expect((await staff("GET", attendanceOf("unknown"))).status).toBe(400);
  });

  it("PUT replaces a session's whole list in one go, audited once with counts", async () => {
    const enrolled = (await allPages<EnrolmentBody>(staff, enrolmentsOf(world.activityA))).map((e) => e.personId);
    const present = new Set((await api.db.prisma.attendance.findMany({ where: { sessionId: session1 } })).map((r) => r.personId));
    const firstThree = enrolled.slice(0, 3);
    const kept = firstThree.filter((id) => present.has(id)).length;
    const res = await staff("PUT", attendanceOf(session1), { personIds: firstThree });
    expect(res.status).toBe(200);
    const body = (await res.json()) as AttendanceBody;
    expect(body.count).toBe(3);
    expect(body.people.map((p) => p.id).sort()).toEqual([...firstThree].sort());

    const nextTwo = [enrolled[2]!, enrolled[3]!];
    const replaced = (await (await staff("PUT", attendanceOf(session1), { personIds: nextTwo })).json()) as AttendanceBody;
    expect(replaced.people.map((p) => p.id).sort()).toEqual([...nextTwo].sort());
    const rows = await api.db.prisma.attendance.findMany({ where: { sessionId: session1 } });
    expect(rows.map((r) => r.personId).sort()).toEqual([...nextTwo].sort());
    // Other sessions are untouched.
    expect(await api.db.prisma.attendance.count({ where: { sessionId: seedId("session:2") } })).toBeGreaterThan(20);

    const audits = await auditOf(api, "attendance.replace", session1);
    expect(audits.map((a) => a.meta)).toEqual(
      expect.arrayContaining([
        { before: present.size, after: 3, added: 3 - kept, removed: present.size - kept },
        { before: 3, after: 2, added: 1, removed: 2 },
      ]),
    );
    expect(audits).toHaveLength(2);

    const cleared = (await (await staff("PUT", attendanceOf(session1), { personIds: [] })).json()) as AttendanceBody;
    expect(cleared.count).toBe(0);
  });

  it("refuses a list naming someone not enrolled, saying which entry, and changes nothing", async () => {
    const [someone] = (await allPages<EnrolmentBody>(staff, enrolmentsOf(world.activityA))).map((e) => e.personId);
    await staff("PUT", attendanceOf(session1), { personIds: [someone] });
    const res = await staff("PUT", attendanceOf(session1), { personIds: [someone, world.personB.id, UNKNOWN_ID] });
    expect(res.status).toBe(400);
    const problem = await res.json();
    expect(Object.keys(problem.errors).sort()).toEqual(["body.personIds.1", "body.personIds.2"]);
    expect((await api.db.prisma.attendance.findMany({ where: { sessionId: session1 } })).map((r) => r.personId)).toEqual([someone]);
  });

  it.each([
    ["missing list", {}, "body.personIds"],
    ["not a list", { personIds: "all" }, "body.personIds"],
    ["an id that is not a uuid", { personIds: [UNKNOWN_ID, "<script>"] }, "body.personIds.1"],
    ["someone listed twice", { personIds: [UNKNOWN_ID, UNKNOWN_ID] }, "body.personIds.1"],
    ["unknown field", { personIds: [], sessionId: UNKNOWN_ID }, "body.sessionId"],
    ["too many", { personIds: Array.from({ length: 1001 }, () => UNKNOWN_ID) }, "body.personIds"],
  ])("%s → 400 naming the field", async (_, body, field) => {
    const before = await api.db.prisma.attendance.count();
    const res = await staff("PUT", attendanceOf(session1), body);
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toHaveProperty([field]);
    expect(await api.db.prisma.attendance.count()).toBe(before);
  });

  it("refuses partners and unknown sessions", async () => {
    expect((await partnerB("PUT", attendanceOf(world.sessionB), { personIds: [world.personB.id] })).status).toBe(403);
    expect((await staff("PUT", attendanceOf(UNKNOWN_ID), { personIds: [] })).status).toBe(404);
  });
});
