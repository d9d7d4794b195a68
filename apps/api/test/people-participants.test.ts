// Participants: scope (partner A never reaches partner B's person), search, writes, erasure.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "@vep/db/seed";
import { ACCESS } from "@vep/domain";
import { client, type World, startWorld, allPages, auditOf, UNKNOWN_ID, HOSTILE } from "./fixtures.js";
import type { RunningApi } from "./harness.js";

let api: RunningApi;
let world: World;
let staff: ReturnType<typeof client>;
let admin: ReturnType<typeof client>;
let partnerA: ReturnType<typeof client>;
let partnerB: ReturnType<typeof client>;
beforeAll(async () => {
  ({ api, world, as: { staff, admin, partnerA, partnerB } } = await startWorld());
});
afterAll(() => api.close());

interface ParticipantBody {
  id: string;
  fullName: string;
  organisationId: string | null;
  email: string | null;
  version: number;
}

describe("who reaches personal data", () => {
  it("donors get 403 and anonymous callers 401 on every route of the area, with nothing in the body", async () => {
    // The public feedback form (/public/feedback-forms/:token) is open to anyone with its link, by design.
    const routes = Object.keys(ACCESS).filter((key) => /\/(participants|enrolments|attendance|feedback-forms|feedback-responses|quotes)\b/.test(key) && !key.includes("/public/"));
    expect(routes.length).toBeGreaterThanOrEqual(24);
    for (const [token, status] of [
      [world.tokens.donorA, 403],
      [world.tokens.donorB, 403],
      [null, 401],
    ] as const) {
      for (const key of routes) {
        const [method, path] = key.split(" ") as [string, string];
        const res = await client(api, token)(method, path.replace(":id", world.personB.id), method === "GET" || method === "DELETE" ? undefined : {});
        expect(res.status, `${key} as ${token === null ? "anonymous" : "donor"}`).toBe(status);
        const text = await res.text();
        expect(text).not.toContain(world.personB.fullName);
      }
    }
  });

  it("partner A never sees partner B's person: not in the list, 404 by id", async () => {
    const seen = await allPages<ParticipantBody>(partnerA, "/api/v1/participants");
    expect(seen.map((p) => p.id)).not.toContain(world.personB.id);
    expect(seen.map((p) => p.id)).toContain(world.personA.id);
    // Its 29 webinar participants, no trainers (they are not its people).
    expect(seen).toHaveLength(29);
    const res = await partnerA("GET", `/api/v1/participants/${world.personB.id}`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain(world.personB.email);
    const filtered = await allPages<ParticipantBody>(partnerA, `/api/v1/participants?organisationId=${world.partnerOrgB}`);
    expect(filtered).toEqual([]);
  });

  it("partner B sees its own person and nobody of partner A", async () => {
    const seen = await allPages<ParticipantBody>(partnerB, "/api/v1/participants");
    expect(seen.map((p) => p.id)).toEqual([world.personB.id]);
    const res = await partnerB("GET", `/api/v1/participants/${world.personB.id}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ fullName: world.personB.fullName, email: world.personB.email, enrolments: [{ activityId: world.activityB }] });
    expect((await partnerB("GET", `/api/v1/participants/${world.personA.id}`)).status).toBe(404);
  });

  it("staff see everyone, trainers included", async () => {
    const seen = await allPages<ParticipantBody>(staff, "/api/v1/participants");
    expect(seen.map((p) => p.id)).toEqual(expect.arrayContaining([world.personA.id, world.personB.id]));
    expect(seen.length).toBe(29 + 3 + 1);
  });
});

describe("reading", () => {
  it("finds Ёлкин by 'елкин', whatever the case and spacing", async () => {
    for (const q of ["елкин", "ЁЛКИН", "  александр   ёлкин "]) {
      const found = await allPages<ParticipantBody>(staff, `/api/v1/participants?q=${encodeURIComponent(q)}`);
      expect(found.map((p) => p.fullName), q).toEqual(["Александр Ёлкин"]);
    }
    // LIKE wildcards are searched for literally.
    for (const q of ["%", "_", "\\"]) expect(await allPages(staff, `/api/v1/participants?q=${encodeURIComponent(q)}`), q).toEqual([]);
  });

  it("filters by activity, region and sex, and pages through by name without repeats", async () => {
    const webinar = await allPages<ParticipantBody>(staff, `/api/v1/participants?activityId=${world.activityA}`);
    expect(webinar).toHaveLength(29);
    const men = await allPages<ParticipantBody>(staff, `/api/v1/participants?activityId=${world.activityA}&sex=MALE`);
    expect(men).toHaveLength(12);
    const mangistau = await allPages<ParticipantBody>(staff, `/api/v1/participants?regionId=${seedId("region:KZ-MAN:2018-06-19")}`);
    expect(mangistau.map((p) => p.fullName)).toEqual(["Roman Telenkov"]);
    // Partner B may not learn who is enrolled in an activity it is not assigned to.
    expect(await allPages(partnerB, `/api/v1/participants?activityId=${world.activityA}`)).toEqual([]);

    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await staff("GET", `/api/v1/participants?activityId=${world.activityA}&sort=-fullName&limit=7${cursor ? `&cursor=${cursor}` : ""}`);
      const page = (await res.json()) as { items: ParticipantBody[]; nextCursor: string | null };
      names.push(...page.items.map((p) => p.fullName));
      cursor = page.nextCursor;
    } while (cursor);
    expect(names).toHaveLength(29);
    expect(new Set(names).size).toBe(29);
    // Russian order: the name's sort key (src/http/search.ts).
    const fromDatabase = await api.db.prisma.person.findMany({ where: { enrolments: { some: { activityId: world.activityA } } }, orderBy: [{ nameKey: "desc" }, { id: "desc" }] });
    expect(names).toEqual(fromDatabase.map((p) => p.fullName));
  });

  it("shows a participant with enrolments and sessions attended", async () => {
    const res = await staff("GET", `/api/v1/participants/${world.personA.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe('"1"');
    expect(await res.json()).toMatchObject({
      fullName: "Елена Ковалёва",
      enrolments: [{ activityId: world.activityA, role: "PARTICIPANT", sessionsAttended: 9, sessionCount: 9, trained: true }],
    });
    const kim = await api.db.prisma.person.findFirstOrThrow({ where: { fullName: "Сергей Ким" } });
    expect(await (await staff("GET", `/api/v1/participants/${kim.id}`)).json()).toMatchObject({ enrolments: [{ sessionsAttended: 5, trained: false }] });
  });

  it.each([
    ["an id that is not a uuid", "/api/v1/participants/unknown", 400],
    ["an unknown id", `/api/v1/participants/${UNKNOWN_ID}`, 404],
    ["a bad sort", "/api/v1/participants?sort=email", 400],
    ["a bad cursor", "/api/v1/participants?cursor=garbage", 400],
    ["a limit over 100", "/api/v1/participants?limit=101", 400],
  ])("%s → %i", async (_, path, status) => {
    expect((await staff("GET", path)).status).toBe(status);
  });
});

describe("writing", () => {
  const department = seedId("org:department:KZ-AKM");

  it("staff add a participant; the write is audited without the personal fields", async () => {
    const res = await staff("POST", "/api/v1/participants", { fullName: "  Асхат   Нуров ", sex: "MALE", position: "Пресс-офицер", organisationId: department, email: "askhat@example.kz", phone: "+7 701 123 45 67" });
    expect(res.status).toBe(201);
    const created = (await res.json()) as ParticipantBody;
    expect(created).toMatchObject({ fullName: "Асхат   Нуров", version: 1, erasedAt: null });
    const row = await api.db.prisma.person.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.normalisedName).toBe("асхат нуров");
    const [audit] = await auditOf(api, "participant.create", created.id);
    expect(audit?.actorId).toBe(seedId("user:staff@vep.example"));
    expect(JSON.stringify(audit?.after)).not.toContain("askhat@example.kz");
    expect(JSON.stringify(audit?.after)).not.toContain("Нуров");
  });

  it("a second person of the same name in the same organisation is a 409, unless allowDuplicate", async () => {
    const twin = { fullName: "ЕЛЕНА  КОВАЛЕВА", sex: "FEMALE", organisationId: department };
    const before = await api.db.prisma.person.count();
    const refused = await staff("POST", "/api/v1/participants", twin);
    expect(refused.status).toBe(409);
    expect((await refused.json()).detail).toContain(world.personA.id);
    expect(await api.db.prisma.person.count()).toBe(before);
    expect((await staff("POST", "/api/v1/participants", { ...twin, organisationId: seedId("org:department:KZ-ALA") })).status).toBe(201);
    expect((await staff("POST", "/api/v1/participants", { ...twin, allowDuplicate: true })).status).toBe(201);
    expect(await api.db.prisma.person.count()).toBe(before + 2);
  });

  it("partners and donors may not add people", async () => {
    for (const token of [world.tokens.partnerA, world.tokens.donorA]) {
      expect((await client(api, token)("POST", "/api/v1/participants", { fullName: "Someone", sex: "MALE" })).status).toBe(403);
    }
  });

  it.each([
    ["missing name", { sex: "MALE" }, "body.fullName"],
    ["name as a number", { fullName: 42, sex: "MALE" }, "body.fullName"],
    ["markup in the name", { fullName: HOSTILE[0], sex: "MALE" }, "body.fullName"],
    ["SQL in the name", { fullName: HOSTILE[1], sex: "MALE" }, "body.fullName"],
    ["oversized name", { fullName: "а".repeat(201), sex: "MALE" }, "body.fullName"],
    ["unknown sex", { fullName: "A B", sex: "OTHER" }, "body.sex"],
    ["markup in the position", { fullName: "A B", sex: "MALE", position: HOSTILE[0] }, "body.position"],
    ["bad e-mail", { fullName: "A B", sex: "MALE", email: "not-an-email" }, "body.email"],
    ["bad phone", { fullName: "A B", sex: "MALE", phone: "call me" }, "body.phone"],
    ["bad organisation id", { fullName: "A B", sex: "MALE", organisationId: "42" }, "body.organisationId"],
    ["unknown organisation", { fullName: "A B", sex: "MALE", organisationId: UNKNOWN_ID }, "body.organisationId"],
    ["unknown region", { fullName: "A B", sex: "MALE", regionId: UNKNOWN_ID }, "body.regionId"],
    ["unknown field", { fullName: "A B", sex: "MALE", normalisedName: "x" }, "body.normalisedName"],
    ["allowDuplicate not a boolean", { fullName: "A B", sex: "MALE", allowDuplicate: "yes" }, "body.allowDuplicate"],
  ])("%s → 400 naming the field, nothing written", async (_, body, field) => {
    const before = await api.db.prisma.person.count();
    const res = await staff("POST", "/api/v1/participants", body);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect((await res.json()).errors).toHaveProperty([field]);
    expect(await api.db.prisma.person.count()).toBe(before);
  });

  it("edits need the version read; a stale one is a 409 that changes nothing", async () => {
    const created = (await (await staff("POST", "/api/v1/participants", { fullName: "Тест Тестов", sex: "MALE" })).json()) as ParticipantBody;
    const first = await staff("PATCH", `/api/v1/participants/${created.id}`, { fullName: "Пётр Тестов", version: 1 });
    expect(first.status).toBe(200);
    expect((await first.json()).version).toBe(2);
    const stale = await staff("PATCH", `/api/v1/participants/${created.id}`, { fullName: "Иван Тестов", version: 1 });
    expect(stale.status).toBe(409);
    const viaHeader = await staff("PATCH", `/api/v1/participants/${created.id}`, { position: "Инспектор" }, { "if-match": '"2"' });
    expect(viaHeader.status).toBe(200);
    const row = await api.db.prisma.person.findUniqueOrThrow({ where: { id: created.id } });
    expect([row.fullName, row.normalisedName, row.position, row.version]).toEqual(["Пётр Тестов", "петр тестов", "Инспектор", 3]);
    expect((await staff("PATCH", `/api/v1/participants/${created.id}`, { position: "x" })).status).toBe(400);
    expect((await staff("PATCH", `/api/v1/participants/${created.id}`, { fullName: HOSTILE[1], version: 3 })).status).toBe(400);
    expect((await staff("PATCH", `/api/v1/participants/${created.id}`, { email: null, version: 3, extra: 1 })).status).toBe(400);
    expect((await partnerA("PATCH", `/api/v1/participants/${world.personA.id}`, { position: "x", version: 1 })).status).toBe(403);
    expect((await staff("PATCH", `/api/v1/participants/${UNKNOWN_ID}`, { position: "x", version: 1 })).status).toBe(404);
    expect(await auditOf(api, "participant.update", created.id)).toHaveLength(2);
    const found = await allPages<ParticipantBody>(staff, `/api/v1/participants?q=${encodeURIComponent("петр тестов")}`);
    expect(found.map((p) => p.id)).toEqual([created.id]);
  });

  it("deletes only a person enrolled nowhere, with If-Match", async () => {
    expect((await staff("DELETE", `/api/v1/participants/${world.personA.id}`, undefined, { "if-match": '"1"' })).status).toBe(409);
    expect(await api.db.prisma.person.count({ where: { id: world.personA.id } })).toBe(1);
    const lonely = (await (await staff("POST", "/api/v1/participants", { fullName: "Short Lived", sex: "UNDISCLOSED" })).json()) as ParticipantBody;
    expect((await staff("DELETE", `/api/v1/participants/${lonely.id}`)).status).toBe(400);
    expect((await staff("DELETE", `/api/v1/participants/${lonely.id}`, undefined, { "if-match": '"7"' })).status).toBe(409);
    expect((await partnerA("DELETE", `/api/v1/participants/${lonely.id}`, undefined, { "if-match": '"1"' })).status).toBe(403);
    expect((await staff("DELETE", `/api/v1/participants/${lonely.id}`, undefined, { "if-match": '"1"' })).status).toBe(204);
    expect((await staff("GET", `/api/v1/participants/${lonely.id}`)).status).toBe(404);
    expect(await auditOf(api, "participant.delete", lonely.id)).toHaveLength(1);
  });

  it("refuses to delete a person a quote or a trainer record still refers to (409, nothing unlinked)", async () => {
    const quoted = (await (await staff("POST", "/api/v1/participants", { fullName: "Quoted Once", sex: "FEMALE" })).json()) as ParticipantBody;
    const quote = await staff("POST", "/api/v1/quotes", { activityId: world.activityA, personId: quoted.id, text: "Useful.", consentToQuote: true });
    expect(quote.status).toBe(201);
    expect((await staff("DELETE", `/api/v1/participants/${quoted.id}`, undefined, { "if-match": '"1"' })).status).toBe(409);
    expect(await api.db.prisma.person.count({ where: { id: quoted.id } })).toBe(1);
    expect(await auditOf(api, "participant.delete", quoted.id)).toEqual([]);
    // A trainer is refused by the database's own constraint, also as a 409.
    const trainer = await api.db.prisma.person.findFirstOrThrow({ where: { fullName: "Aliya Bekova" } });
    expect((await staff("DELETE", `/api/v1/participants/${trainer.id}`, undefined, { "if-match": '"1"' })).status).toBe(409);
    expect(await api.db.prisma.person.count({ where: { id: trainer.id } })).toBe(1);
  });
});

describe("erasure on request", () => {
  const publicTotals = async () => ((await (await fetch(`${api.url}/api/v1/public/summary`)).json()) as { totals: { participants: { value: number }; trained: { value: number } } }).totals;
  const webinarFigures = async () => {
    const enrolments = await allPages<{ sessionsAttended: number }>(staff, `/api/v1/activities/${world.activityA}/enrolments`);
    return { participants: enrolments.length, trained: enrolments.filter((e) => e.sessionsAttended >= 7).length };
  };

  it("only ADMIN erases, and a reason is required", async () => {
    const roman = await api.db.prisma.person.findFirstOrThrow({ where: { fullName: "Roman Telenkov" } });
    expect((await staff("POST", `/api/v1/participants/${roman.id}/erasure`, { reason: "asked" })).status).toBe(403);
    expect((await partnerA("POST", `/api/v1/participants/${roman.id}/erasure`, { reason: "asked" })).status).toBe(403);
    for (const body of [{}, { reason: "" }, { reason: "x".repeat(2001) }, { reason: HOSTILE[0] }, { reason: "ok", erasedAt: "now" }]) {
      const res = await admin("POST", `/api/v1/participants/${roman.id}/erasure`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await admin("POST", `/api/v1/participants/${UNKNOWN_ID}/erasure`, { reason: "asked" })).status).toBe(404);
    expect(await api.db.prisma.erasureRequest.count()).toBe(0);
    expect((await api.db.prisma.person.findUniqueOrThrow({ where: { id: roman.id } })).erasedAt).toBeNull();
  });

  it("replaces the personal fields, unattributes quotes, blanks free text, and keeps every count", async () => {
    const roman = await api.db.prisma.person.findFirstOrThrow({ where: { fullName: "Roman Telenkov" } });
    expect(await webinarFigures()).toEqual({ participants: 29, trained: 27 });
    const totalsBefore = await publicTotals();
    const ratingsBefore = await api.db.prisma.feedbackResponse.findFirstOrThrow({ where: { personId: roman.id } });
    expect(ratingsBefore.comments).not.toBeNull();

    const res = await admin("POST", `/api/v1/participants/${roman.id}/erasure`, { reason: "Asked by e-mail on 2021-02-01" });
    expect(res.status).toBe(201);
    const result = await res.json();
    expect(result).toMatchObject({ personId: roman.id, status: "COMPLETED", quotesUnattributed: 1, feedbackBlanked: 1 });

    const person = await api.db.prisma.person.findUniqueOrThrow({ where: { id: roman.id } });
    expect(person).toMatchObject({ fullName: "Erased person", normalisedName: "", position: null, email: null, phone: null, sex: "MALE" });
    expect(person.erasedAt).not.toBeNull();
    const quote = await api.db.prisma.quote.findFirstOrThrow({ where: { personId: roman.id } });
    expect([quote.attribution, quote.consentToAttribution, quote.consentToQuote]).toEqual([null, false, true]);
    const feedback = await api.db.prisma.feedbackResponse.findFirstOrThrow({ where: { personId: roman.id } });
    expect([feedback.willApply, feedback.comments]).toEqual([null, null]);
    expect([feedback.ratingRelevance, feedback.knowledgeBefore, feedback.knowledgeAfter]).toEqual([ratingsBefore.ratingRelevance, ratingsBefore.knowledgeBefore, ratingsBefore.knowledgeAfter]);
    const request = await api.db.prisma.erasureRequest.findUniqueOrThrow({ where: { id: result.erasureRequestId } });
    expect(request).toMatchObject({ personId: roman.id, status: "COMPLETED", requestedById: seedId("user:admin@vep.example") });
    const [audit] = await auditOf(api, "participant.erase", roman.id);
    expect(audit?.meta).toMatchObject({ erasureRequestId: request.id, quotesUnattributed: 1, feedbackBlanked: 1, submissionRowsScrubbed: 1 });
    expect(JSON.stringify(audit)).not.toContain("Telenkov");
    // The partner's participant list no longer names him either.
    const listRows = await api.db.prisma.submissionRow.findMany({ where: { submissionId: seedId("submission:participants") } });
    expect(JSON.stringify(listRows)).not.toContain("Telenkov");
    expect(listRows).toHaveLength(29);

    expect(await webinarFigures()).toEqual({ participants: 29, trained: 27 });
    expect(await publicTotals()).toEqual(totalsBefore);
    const shown = await (await partnerA("GET", `/api/v1/participants/${roman.id}`)).json();
    expect(shown).toMatchObject({ fullName: "Erased person", enrolments: [{ sessionsAttended: 9, trained: true }] });
    expect(await allPages(staff, `/api/v1/participants?q=${encodeURIComponent("telenkov")}`)).toEqual([]);
  });

  it("an erased person cannot be erased again, edited back, or named beside a quote", async () => {
    const erased = await api.db.prisma.person.findFirstOrThrow({ where: { erasedAt: { not: null } } });
    expect((await admin("POST", `/api/v1/participants/${erased.id}/erasure`, { reason: "again" })).status).toBe(409);
    expect((await staff("PATCH", `/api/v1/participants/${erased.id}`, { fullName: "Roman Telenkov", version: erased.version })).status).toBe(409);
    const quote = await api.db.prisma.quote.findFirstOrThrow({ where: { personId: erased.id } });
    const named = await staff("PATCH", `/api/v1/quotes/${quote.id}`, { attribution: "Roman Telenkov", version: quote.version });
    expect(named.status).toBe(400);
    expect(await api.db.prisma.erasureRequest.count()).toBe(1);
    expect((await api.db.prisma.person.findUniqueOrThrow({ where: { id: erased.id } })).fullName).toBe("Erased person");
  });
});
