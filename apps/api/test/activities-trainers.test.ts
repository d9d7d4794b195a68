// Trainers over HTTP: people, so STAFF and ADMIN only; sessions delivered and the average rating.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "@vep/db/seed";
import { type World, startWorld, type Clients } from "./fixtures.js";
import type { RunningApi } from "./harness.js";

let api: RunningApi;
let world: World;
let as: Clients;
beforeAll(async () => {
  ({ api, world, as } = await startWorld());
});
afterAll(() => api.close());

const ALIYA = seedId("trainer:Aliya Bekova");
const DANA = seedId("trainer:Dana Serikbayeva");
const MEDIA_TRAINERS = seedId("org:MEDIA_TRAINERS");

interface TrainerBody {
  id: string;
  personId: string;
  fullName: string;
  sessionsDelivered: number;
  averageRating: number | null;
  ratingCount: number;
  version: number;
  sessions?: { sequence: number; activity: { id: string } }[];
}

const newTrainer = (overrides: Record<string, unknown> = {}) => ({
  fullName: "Marina Fixturova",
  sex: "FEMALE",
  position: "Journalist",
  organisationId: MEDIA_TRAINERS,
  email: "marina@example.org",
  phone: "+7 701 000 0000",
  expertise: ["data journalism"],
  ...overrides,
});

describe("reading", () => {
  it("lists the seeded trainers with the sessions they delivered and the webinar's trainer rating", async () => {
    const res = await as.staff("GET", "/api/v1/trainers?limit=100");
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: TrainerBody[] };
    const byName = Object.fromEntries(items.map((t) => [t.fullName, t]));
    expect(byName["Aliya Bekova"]?.sessionsDelivered).toBe(4);
    expect(byName["Pavel Orlov"]?.sessionsDelivered).toBe(4);
    expect(byName["Dana Serikbayeva"]?.sessionsDelivered).toBe(3);
    const rated = await api.db.prisma.feedbackResponse.aggregate({ where: { activityId: seedId("activity:webinar"), ratingTrainers: { not: null } }, _avg: { ratingTrainers: true }, _count: true });
    expect(rated._count).toBeGreaterThan(0);
    for (const name of ["Aliya Bekova", "Pavel Orlov", "Dana Serikbayeva"]) {
      expect(byName[name]?.averageRating).toBeCloseTo(rated._avg.ratingTrainers!, 2);
      expect(byName[name]?.ratingCount).toBe(rated._count);
    }
  });

  it("one trainer with the sessions delivered, in time order", async () => {
    const res = await as.admin("GET", `/api/v1/trainers/${DANA}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe('"1"');
    const trainer = (await res.json()) as TrainerBody;
    expect(trainer.sessions?.map((s) => s.sequence)).toEqual([4, 6, 9]);
    expect(trainer.sessions?.[0]?.activity.id).toBe(seedId("activity:webinar"));
    expect((await as.staff("GET", `/api/v1/trainers/${seedId("person:Dana Serikbayeva")}`)).status).toBe(404);
    expect((await as.staff("GET", "/api/v1/trainers/unknown")).status).toBe(400);
  });

  it("searches by name (case and ё aside) and pages", async () => {
    const found = await (await as.staff("GET", "/api/v1/trainers?q=BEKOVA")).json();
    expect(found.items.map((t: TrainerBody) => t.id)).toEqual([ALIYA]);
    const expertise = await (await as.staff("GET", `/api/v1/trainers?expertise=${encodeURIComponent("Nelson Mandela Rules")}`)).json();
    expect(expertise.items.map((t: TrainerBody) => t.id)).toEqual([DANA]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: TrainerBody[]; nextCursor: string | null } = await (await as.staff("GET", `/api/v1/trainers?limit=2${cursor ? `&cursor=${cursor}` : ""}`)).json();
      seen.push(...page.items.map((t) => t.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(await api.db.prisma.trainer.count());
    expect(seen).toHaveLength(await api.db.prisma.trainer.count());
  });

  it("partners and donors are refused every trainer route", async () => {
    for (const caller of [as.partnerA, as.partnerB, as.donorA, as.donorB]) {
      expect((await caller("GET", "/api/v1/trainers")).status).toBe(403);
      expect((await caller("GET", `/api/v1/trainers/${ALIYA}`)).status).toBe(403);
      expect((await caller("POST", "/api/v1/trainers", newTrainer())).status).toBe(403);
    }
  });
});

describe("writes", () => {
  it("creates the person and the trainer; the audit trail keeps no personal data", async () => {
    const res = await as.staff("POST", "/api/v1/trainers", newTrainer());
    expect(res.status).toBe(201);
    const trainer = (await res.json()) as TrainerBody;
    expect(trainer).toMatchObject({ fullName: "Marina Fixturova", email: "marina@example.org", sessionsDelivered: 0, averageRating: null, ratingCount: 0, sessions: [], version: 1 });
    const person = await api.db.prisma.person.findUniqueOrThrow({ where: { id: trainer.personId } });
    expect([person.normalisedName, person.organisationId]).toEqual(["marina fixturova", MEDIA_TRAINERS]);
    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: trainer.id, action: "trainer.create" } });
    const logged = JSON.stringify(audit.after);
    expect(logged).toContain("data journalism");
    expect(logged).not.toContain("Marina");
    expect(logged).not.toContain("marina@example.org");
  });

  it.each([
    ["missing name", { fullName: undefined }, "body.fullName"],
    ["name not a string", { fullName: ["Marina"] }, "body.fullName"],
    ["oversized name", { fullName: "x".repeat(201) }, "body.fullName"],
    ["unknown sex", { sex: "OTHER" }, "body.sex"],
    ["a bad email", { email: "<script>@x" }, "body.email"],
    ["a bad phone", { phone: "'; DROP TABLE \"Person\"; --" }, "body.phone"],
    ["unknown field", { personId: seedId("person:Aliya Bekova") }, "body.personId"],
    ["expertise not a list", { expertise: "media" }, "body.expertise"],
    ["an unknown organisation", { organisationId: "00000000-0000-4000-8000-000000000000" }, "body.organisationId"],
  ])("%s → 400 naming the field, no person or trainer written", async (_, overrides, field) => {
    const [people, trainers] = [await api.db.prisma.person.count(), await api.db.prisma.trainer.count()];
    const res = await as.staff("POST", "/api/v1/trainers", newTrainer(overrides));
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toHaveProperty([field]);
    expect([await api.db.prisma.person.count(), await api.db.prisma.trainer.count()]).toEqual([people, trainers]);
  });

  it("PATCH changes the person and the trainer together; stale → 409 with nothing changed", async () => {
    const trainer = (await (await as.staff("POST", "/api/v1/trainers", newTrainer({ fullName: "Oleg Patchev" }))).json()) as TrainerBody;
    const res = await as.staff("PATCH", `/api/v1/trainers/${trainer.id}`, { fullName: "Олег Патчёв", expertise: ["video"], organisationId: null, version: 1 });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ fullName: "Олег Патчёв", expertise: ["video"], organisation: null, version: 2 });
    const stale = await as.staff("PATCH", `/api/v1/trainers/${trainer.id}`, { fullName: "Overwritten", expertise: [] }, { "if-match": '"1"' });
    expect(stale.status).toBe(409);
    const row = await api.db.prisma.trainer.findUniqueOrThrow({ where: { id: trainer.id }, include: { person: true } });
    expect([row.person.fullName, row.person.normalisedName, row.person.organisationId, row.expertise, row.version]).toEqual(["Олег Патчёв", "олег патчев", null, ["video"], 2]);
    expect((await as.staff("PATCH", `/api/v1/trainers/${trainer.id}`, { email: "not-an-email", version: 2 })).status).toBe(400);
    expect((await as.staff("PATCH", `/api/v1/trainers/${trainer.id}`, { expertise: ["x"] })).status).toBe(400);
    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: trainer.id, action: "trainer.update" } });
    expect(JSON.stringify(audit)).not.toMatch(/Patch|Патч|патч/);
  });

  it("DELETE refuses a trainer who delivered sessions, and removes one who did not with their person", async () => {
    expect((await as.staff("DELETE", `/api/v1/trainers/${ALIYA}`, undefined, { "if-match": '"1"' })).status).toBe(409);
    expect(await api.db.prisma.trainer.count({ where: { id: ALIYA } })).toBe(1);
    const trainer = (await (await as.staff("POST", "/api/v1/trainers", newTrainer({ fullName: "Short Stay" }))).json()) as TrainerBody;
    expect((await as.staff("DELETE", `/api/v1/trainers/${trainer.id}`)).status).toBe(400);
    expect((await as.staff("DELETE", `/api/v1/trainers/${trainer.id}`, undefined, { "if-match": '"3"' })).status).toBe(409);
    expect((await as.admin("DELETE", `/api/v1/trainers/${trainer.id}`, undefined, { "if-match": '"1"' })).status).toBe(204);
    expect((await as.staff("GET", `/api/v1/trainers/${trainer.id}`)).status).toBe(404);
    expect(await api.db.prisma.person.count({ where: { id: trainer.personId } })).toBe(0);
    expect(await api.db.prisma.auditEvent.count({ where: { entityId: trainer.id, action: "trainer.delete" } })).toBe(1);
  });

  it("a feedback batch not yet approved does not move the rating", async () => {
    const before = (await (await as.staff("GET", `/api/v1/trainers/${ALIYA}`)).json()) as TrainerBody;
    const submission = await api.db.prisma.submission.create({ data: { kind: "FEEDBACK_BATCH", activityId: seedId("activity:webinar"), organisationId: world.partnerOrgA, status: "SUBMITTED" } });
    await api.db.prisma.feedbackResponse.create({ data: { activityId: seedId("activity:webinar"), submissionId: submission.id, ratingTrainers: 1 } });
    const after = (await (await as.staff("GET", `/api/v1/trainers/${ALIYA}`)).json()) as TrainerBody;
    expect([after.averageRating, after.ratingCount]).toEqual([before.averageRating, before.ratingCount]);
    await api.db.prisma.submission.update({ where: { id: submission.id }, data: { status: "APPROVED" } });
    const approved = (await (await as.staff("GET", `/api/v1/trainers/${ALIYA}`)).json()) as TrainerBody;
    expect(approved.ratingCount).toBe(before.ratingCount + 1);
    expect(approved.averageRating).toBeLessThan(before.averageRating!);
  });
});
