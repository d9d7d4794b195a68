import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "@vep/db/seed";
import { signIn, startApi, type RunningApi } from "./harness.js";

let api: RunningApi;
let admin: string;
let partner: string;
beforeAll(async () => {
  api = await startApi();
  [admin, partner] = await Promise.all([signIn(api, "ADMIN"), signIn(api, "PARTNER")]);
});
afterAll(() => api.close());

function call(token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return fetch(`${api.url}/api/v1/organisations${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe("scope", () => {
  it("a partner sees its own organisation and its 17 regional departments, nothing else", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await call(partner, "GET", `?limit=5${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      const page = (await res.json()) as { items: { id: string; parentId: string | null }[]; nextCursor: string | null };
      seen.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(18);
    expect(new Set(seen).size).toBe(18);
    expect(seen).toContain(seedId("org:PRISON_COMMITTEE"));
    expect((await call(partner, "GET", `/${seedId("org:UNODC")}`)).status).toBe(404);
    expect((await call(admin, "GET", `/${seedId("org:UNODC")}`)).status).toBe(200);
  });
});

describe("writes", () => {
  it("ADMIN creates an organisation, recorded in the audit trail", async () => {
    const res = await call(admin, "POST", "", { name: "Kostanay Police Academy", kind: "ACADEMIC", countryId: seedId("country:KZ") });
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({ name: "Kostanay Police Academy", version: 1, acronym: null });
    const audit = await api.db.prisma.auditEvent.findFirst({ where: { entityId: created.id, action: "organisation.create" } });
    expect(audit?.actorId).toBe(seedId("user:admin@vep.example"));
  });

  it("an edit based on a stale version gets 409 and changes nothing", async () => {
    const created = await (await call(admin, "POST", "", { name: "Training centre", kind: "TRAINING_PROVIDER" })).json();
    const first = await call(admin, "PATCH", `/${created.id}`, { acronym: "TC", version: 1 });
    expect(first.status).toBe(200);
    expect((await first.json()).version).toBe(2);
    const stale = await call(admin, "PATCH", `/${created.id}`, { acronym: "XX", version: 1 });
    expect(stale.status).toBe(409);
    const viaHeader = await call(admin, "PATCH", `/${created.id}`, { name: "Training centre (renamed)" }, { "if-match": '"2"' });
    expect(viaHeader.status).toBe(200);
    const row = await api.db.prisma.organisation.findUniqueOrThrow({ where: { id: created.id } });
    expect([row.acronym, row.name, row.version]).toEqual(["TC", "Training centre (renamed)", 3]);
    expect((await call(admin, "PATCH", `/${created.id}`, { acronym: "TC" })).status).toBe(400);
  });

  it("refuses to delete an organisation others refer to, and deletes one nobody does", async () => {
    expect((await call(admin, "DELETE", `/${seedId("org:PRISON_COMMITTEE")}`, undefined, { "if-match": '"1"' })).status).toBe(409);
    const lonely = await (await call(admin, "POST", "", { name: "Short-lived NGO", kind: "NGO" })).json();
    expect((await call(admin, "DELETE", `/${lonely.id}`, undefined, { "if-match": '"1"' })).status).toBe(204);
    expect((await call(admin, "GET", `/${lonely.id}`)).status).toBe(404);
  });

  it.each([
    ["missing name", { kind: "NGO" }, "body.name"],
    ["unknown kind", { name: "X", kind: "CLUB" }, "body.kind"],
    ["unknown field", { name: "X", kind: "NGO", secret: 1 }, "body.secret"],
    ["oversized name", { name: "x".repeat(301), kind: "NGO" }, "body.name"],
    ["bad IATI ref", { name: "X", kind: "NGO", iatiRef: "<script>" }, "body.iatiRef"],
    ["bad parent id", { name: "X", kind: "NGO", parentId: "42" }, "body.parentId"],
    ["unknown parent", { name: "X", kind: "NGO", parentId: "00000000-0000-4000-8000-000000000000" }, "body.parentId"],
  ])("%s → 400 and no row written", async (_, body, field) => {
    const before = await api.db.prisma.organisation.count();
    const res = await call(admin, "POST", "", body);
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toHaveProperty([field]);
    expect(await api.db.prisma.organisation.count()).toBe(before);
  });
});
