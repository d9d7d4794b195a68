// Outcomes and outputs: who reads which programme's framework, writes with audit and optimistic
// locking, codes unique, and bad input refused before anything is written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "@vep/db/seed";
import { client, type World, startWorld } from "./fixtures.js";
import type { RunningApi } from "./harness.js";

let api: RunningApi;
let world: World;
let staff: ReturnType<typeof client>;
let admin: ReturnType<typeof client>;
let outcomeB: { id: string; version: number };
let outputB: { id: string };
const STAFF_ID = seedId("user:staff@vep.example");

beforeAll(async () => {
  ({ api, world, as: { staff, admin } } = await startWorld());
  outcomeB = await (await staff("POST", "/api/v1/outcomes", { programmeId: world.programmeB, code: "OC1", title: "Kyrgyz prisons communicate openly" })).json();
  outputB = await (await staff("POST", "/api/v1/outputs", { outcomeId: outcomeB.id, code: "OP1.1", title: "Press officers trained" })).json();
});
afterAll(async () => {
  try {
    // No request of this file, good or bad, may have ended in a server error.
    expect(api.logs.length).toBeGreaterThan(0);
    expect(api.logs.filter((line) => Number(line.status) >= 500)).toEqual([]);
  } finally {
    await api.close();
  }
});

const ids = async (res: Response) => ((await res.json()) as { items: { id: string }[] }).items.map((i) => i.id);

describe("scope", () => {
  it("a donor reads the outcomes and outputs of the programmes it co-funds, and no others", async () => {
    const donorA = client(api, world.tokens.donorA);
    const donorB = client(api, world.tokens.donorB);
    expect(await ids(await donorA("GET", "/api/v1/outcomes"))).toEqual([seedId("outcome:1")]);
    expect(await ids(await donorB("GET", "/api/v1/outcomes"))).toEqual([outcomeB.id]);
    expect(await ids(await donorB("GET", "/api/v1/outputs"))).toEqual([outputB.id]);
    expect(await ids(await donorB("GET", `/api/v1/outputs?programmeId=${world.programmeA}`))).toEqual([]);

    const own = await donorB("GET", `/api/v1/outcomes/${outcomeB.id}`);
    expect(own.status).toBe(200);
    expect((await own.json()).outputs.map((o: { id: string }) => o.id)).toEqual([outputB.id]);
    expect((await donorB("GET", `/api/v1/outcomes/${seedId("outcome:1")}`)).status).toBe(404);
    expect((await donorB("GET", `/api/v1/outputs/${seedId("output:1.1")}`)).status).toBe(404);
    expect((await donorA("GET", `/api/v1/outcomes/${outcomeB.id}`)).status).toBe(404);
    expect((await donorA("GET", `/api/v1/outputs/${outputB.id}`)).status).toBe(404);
  });

  it("STAFF reads every programme's framework, filtered on request", async () => {
    expect((await ids(await staff("GET", "/api/v1/outcomes"))).sort()).toEqual([seedId("outcome:1"), outcomeB.id].sort());
    expect(await ids(await staff("GET", `/api/v1/outcomes?programmeId=${world.programmeA}`))).toEqual([seedId("outcome:1")]);
    expect(await ids(await staff("GET", `/api/v1/outputs?outcomeId=${seedId("outcome:1")}`))).toEqual([seedId("output:1.1")]);
  });

  it("partners and anonymous callers have no part in the results framework", async () => {
    for (const token of [world.tokens.partnerA, world.tokens.partnerB]) {
      const partner = client(api, token);
      expect((await partner("GET", "/api/v1/outcomes")).status).toBe(403);
      expect((await partner("GET", `/api/v1/outcomes/${seedId("outcome:1")}`)).status).toBe(403);
      expect((await partner("GET", "/api/v1/outputs")).status).toBe(403);
      expect((await partner("POST", "/api/v1/outcomes", { programmeId: world.programmeA, code: "X", title: "X" })).status).toBe(403);
    }
    expect((await client(api, null)("GET", "/api/v1/outcomes")).status).toBe(401);
    expect((await client(api, world.tokens.donorA)("POST", "/api/v1/outcomes", { programmeId: world.programmeA, code: "X", title: "X" })).status).toBe(403);
  });
});

describe("outcomes", () => {
  it("the seeded outcome comes with its output", async () => {
    const res = await staff("GET", `/api/v1/outcomes/${seedId("outcome:1")}`);
    expect(res.headers.get("etag")).toBe('"1"');
    const outcome = await res.json();
    expect(outcome).toMatchObject({ code: "OC1", programmeId: world.programmeA, version: 1 });
    expect(outcome.titleTranslations.ru).toMatch(/^Пенитенциарные/);
    expect(outcome.outputs).toEqual([expect.objectContaining({ id: seedId("output:1.1"), code: "OP1.1", programmeId: world.programmeA })]);
  });

  it("STAFF creates an outcome, audited; its code is unique in the programme only", async () => {
    const res = await staff("POST", "/api/v1/outcomes", { programmeId: world.programmeA, code: "OC2", title: "Risk assessment in place", position: 2 });
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({ code: "OC2", position: 2, description: "", originalLanguage: "en", version: 1 });
    const audit = await api.db.prisma.auditEvent.findFirst({ where: { entityId: created.id, action: "outcome.create" } });
    expect(audit?.actorId).toBe(STAFF_ID);

    const before = await api.db.prisma.outcome.count();
    expect((await staff("POST", "/api/v1/outcomes", { programmeId: world.programmeA, code: "OC2", title: "Again" })).status).toBe(409);
    expect(await api.db.prisma.outcome.count()).toBe(before);
    expect((await admin("POST", "/api/v1/outcomes", { programmeId: world.programmeB, code: "OC2", title: "Same code, other programme" })).status).toBe(201);
  });

  it("an edit based on a stale version gets 409 and changes nothing", async () => {
    const created = await (await staff("POST", "/api/v1/outcomes", { programmeId: world.programmeA, code: "OC3", title: "Draft" })).json();
    const first = await staff("PATCH", `/api/v1/outcomes/${created.id}`, { title: "Reviewed", titleTranslations: { ru: "Проверено" }, version: 1 });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ title: "Reviewed", titleTranslations: { ru: "Проверено" }, version: 2 });
    expect((await staff("PATCH", `/api/v1/outcomes/${created.id}`, { title: "Lost update", version: 1 })).status).toBe(409);
    expect((await staff("PATCH", `/api/v1/outcomes/${created.id}`, { title: "No version" })).status).toBe(400);
    expect((await staff("PATCH", `/api/v1/outcomes/${created.id}`, { position: 5 }, { "if-match": '"2"' })).status).toBe(200);
    const row = await api.db.prisma.outcome.findUniqueOrThrow({ where: { id: created.id } });
    expect([row.title, row.position, row.version]).toEqual(["Reviewed", 5, 3]);
    const audit = await api.db.prisma.auditEvent.count({ where: { entityId: created.id, action: "outcome.update" } });
    expect(audit).toBe(2);
  });

  it("an outcome with outputs or indicators cannot be removed; an empty one can, with If-Match", async () => {
    expect((await staff("DELETE", `/api/v1/outcomes/${seedId("outcome:1")}`, undefined, { "if-match": '"1"' })).status).toBe(409);
    expect(await api.db.prisma.outcome.count({ where: { id: seedId("outcome:1") } })).toBe(1);
    const empty = await (await staff("POST", "/api/v1/outcomes", { programmeId: world.programmeA, code: "OC9", title: "Short-lived" })).json();
    expect((await staff("DELETE", `/api/v1/outcomes/${empty.id}`)).status).toBe(400);
    expect((await staff("DELETE", `/api/v1/outcomes/${empty.id}`, undefined, { "if-match": '"7"' })).status).toBe(409);
    expect((await staff("DELETE", `/api/v1/outcomes/${empty.id}`, undefined, { "if-match": '"1"' })).status).toBe(204);
    expect((await staff("GET", `/api/v1/outcomes/${empty.id}`)).status).toBe(404);
    expect(await api.db.prisma.auditEvent.count({ where: { entityId: empty.id, action: "outcome.delete" } })).toBe(1);
  });

  it("texts are stored as written, hostile or not", async () => {
    const title = `<script>alert(1)</script> '; DROP TABLE "Outcome"; --`;
    const res = await staff("POST", "/api/v1/outcomes", { programmeId: world.programmeA, code: "OC-TXT", title });
    expect(res.status).toBe(201);
    expect((await staff("GET", `/api/v1/outcomes/${(await res.json()).id}`).then((r) => r.json())).title).toBe(title);
  });

  it.each([
    ["missing code", { programmeId: seedId("programme"), title: "X" }, "body.code"],
    ["missing programme", { code: "OC7", title: "X" }, "body.programmeId"],
    ["unknown field", { programmeId: seedId("programme"), code: "OC7", title: "X", secret: true }, "body.secret"],
    ["oversized title", { programmeId: seedId("programme"), code: "OC7", title: "x".repeat(501) }, "body.title"],
    ["empty title", { programmeId: seedId("programme"), code: "OC7", title: "  " }, "body.title"],
    ["script as code", { programmeId: seedId("programme"), code: "<script>", title: "X" }, "body.code"],
    ["SQL as code", { programmeId: seedId("programme"), code: "'; DROP TABLE", title: "X" }, "body.code"],
    ["position as text", { programmeId: seedId("programme"), code: "OC7", title: "X", position: "1" }, "body.position"],
    ["bad programme id", { programmeId: "42", code: "OC7", title: "X" }, "body.programmeId"],
    ["unknown programme", { programmeId: "00000000-0000-4000-8000-000000000000", code: "OC7", title: "X" }, "body.programmeId"],
    ["bad translation language", { programmeId: seedId("programme"), code: "OC7", title: "X", titleTranslations: { russian: "X" } }, "body.titleTranslations.russian"],
  ])("outcome with %s → 400 and no row written", async (_, body, field) => {
    const before = await api.db.prisma.outcome.count();
    const res = await staff("POST", "/api/v1/outcomes", body);
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toHaveProperty([field]);
    expect(await api.db.prisma.outcome.count()).toBe(before);
  });

  it("an outcome does not move to another programme", async () => {
    const res = await staff("PATCH", `/api/v1/outcomes/${outcomeB.id}`, { programmeId: world.programmeA, version: 1 });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toHaveProperty(["body.programmeId"]);
  });

  it("ids that are not uuids are refused, not looked up", async () => {
    expect((await staff("GET", "/api/v1/outcomes/unknown")).status).toBe(400);
    expect((await staff("GET", "/api/v1/outcomes?programmeId=nope")).status).toBe(400);
    expect((await staff("GET", "/api/v1/outcomes?sort=title")).status).toBe(400);
  });
});

describe("outputs", () => {
  it("pages through outputs with a cursor", async () => {
    const outcome = await (await staff("POST", "/api/v1/outcomes", { programmeId: world.programmeA, code: "OC-P", title: "Paged" })).json();
    for (const code of ["P1", "P2", "P3"]) expect((await staff("POST", "/api/v1/outputs", { outcomeId: outcome.id, code, title: code })).status).toBe(201);
    const first = await (await staff("GET", `/api/v1/outputs?outcomeId=${outcome.id}&limit=2`)).json();
    expect(first.items.map((o: { code: string }) => o.code)).toEqual(["P1", "P2"]);
    const second = await (await staff("GET", `/api/v1/outputs?outcomeId=${outcome.id}&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((o: { code: string }) => o.code)).toEqual(["P3"]);
    expect(second.nextCursor).toBeNull();
  });

  it("STAFF creates, edits and removes an output, audited; codes are unique under an outcome", async () => {
    const res = await staff("POST", "/api/v1/outputs", { outcomeId: seedId("outcome:1"), code: "OP1.2", title: "Guidance on media relations issued" });
    expect(res.status).toBe(201);
    const output = await res.json();
    expect(output).toMatchObject({ outcomeId: seedId("outcome:1"), programmeId: world.programmeA, version: 1 });
    expect((await staff("POST", "/api/v1/outputs", { outcomeId: seedId("outcome:1"), code: "OP1.2", title: "Twice" })).status).toBe(409);

    expect((await staff("PATCH", `/api/v1/outputs/${output.id}`, { title: "Guidance issued", version: 1 })).status).toBe(200);
    expect((await staff("PATCH", `/api/v1/outputs/${output.id}`, { title: "Stale", version: 1 })).status).toBe(409);
    expect((await api.db.prisma.output.findUniqueOrThrow({ where: { id: output.id } })).title).toBe("Guidance issued");
    expect((await staff("DELETE", `/api/v1/outputs/${output.id}`, undefined, { "if-match": '"2"' })).status).toBe(204);
    const actions = (await api.db.prisma.auditEvent.findMany({ where: { entityId: output.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["output.create", "output.update", "output.delete"]);
  });

  it("an output that indicators, budgets or activities refer to cannot be removed", async () => {
    const res = await staff("DELETE", `/api/v1/outputs/${seedId("output:1.1")}`, undefined, { "if-match": '"1"' });
    expect(res.status).toBe(409);
    expect(await api.db.prisma.output.count({ where: { id: seedId("output:1.1") } })).toBe(1);
    expect(await api.db.prisma.indicator.count({ where: { outputId: seedId("output:1.1") } })).toBe(2);
  });

  it.each([
    ["missing outcome", { code: "OP9", title: "X" }, "body.outcomeId"],
    ["unknown outcome", { outcomeId: "00000000-0000-4000-8000-000000000000", code: "OP9", title: "X" }, "body.outcomeId"],
    ["unknown field", { outcomeId: seedId("outcome:1"), code: "OP9", title: "X", programmeId: seedId("programme") }, "body.programmeId"],
    ["oversized description", { outcomeId: seedId("outcome:1"), code: "OP9", title: "X", description: "x".repeat(5001) }, "body.description"],
    ["code with spaces", { outcomeId: seedId("outcome:1"), code: "OP 9", title: "X" }, "body.code"],
    ["title as number", { outcomeId: seedId("outcome:1"), code: "OP9", title: 9 }, "body.title"],
  ])("output with %s → 400 and no row written", async (_, body, field) => {
    const before = await api.db.prisma.output.count();
    const res = await staff("POST", "/api/v1/outputs", body);
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toHaveProperty([field]);
    expect(await api.db.prisma.output.count()).toBe(before);
  });
});
