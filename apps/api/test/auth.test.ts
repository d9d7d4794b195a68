import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@vep/db";
import { signIn, startApi, type RunningApi } from "./harness.js";

let api: RunningApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${api.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}
const me = (token: string) => fetch(`${api.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });

async function createUser(email: string, password: string, extra: { isActive?: boolean } = {}) {
  await api.db.prisma.user.create({ data: { email, displayName: email, role: "STAFF", passwordHash: await hashPassword(password), ...extra } });
}

describe("sign-in, session and sign-out", () => {
  it("gives an opaque token that /me accepts, stores only its hash, and logout ends it", async () => {
    const res = await post("/api/v1/auth/login", { email: "Staff@VEP.example", password: "demo-staff-2020" });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.user).toMatchObject({ email: "staff@vep.example", role: "STAFF" });
    expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(await api.db.prisma.authSession.count({ where: { tokenHash: body.token } })).toBe(0);

    const who = await me(body.token);
    expect(who.status).toBe(200);
    expect(await who.json()).toMatchObject({ email: "staff@vep.example", role: "STAFF", organisation: { name: "United Nations Office on Drugs and Crime" } });

    const out = await fetch(`${api.url}/api/v1/auth/logout`, { method: "POST", headers: { authorization: `Bearer ${body.token}` } });
    expect(out.status).toBe(204);
    expect((await me(body.token)).status).toBe(401);
    const events = await api.db.prisma.auditEvent.findMany({ where: { actor: { email: "staff@vep.example" } }, select: { action: true } });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["auth.login", "auth.logout"]));
  });

  it("answers a wrong password and an unknown account identically", async () => {
    const wrong = await post("/api/v1/auth/login", { email: "staff@vep.example", password: "not-it" });
    const unknown = await post("/api/v1/auth/login", { email: "nobody@vep.example", password: "not-it" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it("refuses expired sessions, deactivated accounts and malformed tokens with 401", async () => {
    const token = await signIn(api, "PARTNER");
    await api.db.prisma.authSession.updateMany({ where: { user: { email: "partner@vep.example" } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await me(token)).status).toBe(401);

    await createUser("gone@vep.example", "long-enough-password", { isActive: false });
    expect((await post("/api/v1/auth/login", { email: "gone@vep.example", password: "long-enough-password" })).status).toBe(401);

    for (const header of ["Bearer", "Bearer x", "Basic abc", `Bearer ${"a".repeat(43)}`]) {
      const res = await fetch(`${api.url}/api/v1/me`, { headers: { authorization: header } });
      expect(res.status, header).toBe(401);
      expect(res.headers.get("www-authenticate")).toContain("Bearer");
    }
  });
});

describe("throttling", () => {
  it("locks an account after 5 failures, even for the right password, without touching other accounts", async () => {
    await createUser("target@vep.example", "the-right-password");
    for (let i = 0; i < 5; i++) {
      expect((await post("/api/v1/auth/login", { email: "target@vep.example", password: `guess-${i}` }, { "x-forwarded-for": `198.51.100.${i}` })).status).toBe(401);
    }
    const locked = await post("/api/v1/auth/login", { email: "target@vep.example", password: "the-right-password" });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await post("/api/v1/auth/login", { email: "admin@vep.example", password: "demo-admin-2020" })).status).toBe(200);
  });

  it("limits one address trying many accounts, and no other address", async () => {
    const from = { "x-forwarded-for": "203.0.113.7" };
    for (let i = 0; i < 30; i++) {
      expect((await post("/api/v1/auth/login", { email: `spray-${i}@vep.example`, password: "x" }, from)).status).toBe(401);
    }
    expect((await post("/api/v1/auth/login", { email: "donor@vep.example", password: "demo-donor-2020" }, from)).status).toBe(429);
    expect((await post("/api/v1/auth/login", { email: "donor@vep.example", password: "demo-donor-2020" }, { "x-forwarded-for": "203.0.113.8" })).status).toBe(200);
  });
});

describe("one's own language", () => {
  const patchMe = (token: string | null, body: unknown) =>
    fetch(`${api.url}/api/v1/me`, { method: "PATCH", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });

  it("is remembered per user and comes back at the next sign-in", async () => {
    await createUser("language@vep.example", "a long enough passphrase");
    const token = ((await (await post("/api/v1/auth/login", { email: "language@vep.example", password: "a long enough passphrase" })).json()) as { token: string }).token;
    const changed = await patchMe(token, { language: "ru" });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ email: "language@vep.example", language: "ru" });
    const again = await (await post("/api/v1/auth/login", { email: "language@vep.example", password: "a long enough passphrase" })).json();
    expect(again.user.language).toBe("ru");
    expect(await api.db.prisma.auditEvent.count({ where: { action: "user.updateSelf", after: { equals: { language: "ru" } } } })).toBe(1);
  });

  it("refuses a language the dashboard does not have, other fields, and anonymous callers", async () => {
    const token = await signIn(api, "PARTNER");
    const unknown = await patchMe(token, { language: "de" });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(await unknown.json())).toContain("language");
    expect((await patchMe(token, { language: "ru", role: "ADMIN" })).status).toBe(400);
    expect((await me(token)).status).toBe(200);
    expect((await (await me(token)).json()).role).toBe("PARTNER");
    expect((await patchMe(null, { language: "ru" })).status).toBe(401);
  });
});

describe("bad input to login", () => {
  it.each([
    ["missing password", { email: "staff@vep.example" }, "body.password"],
    ["not an e-mail", { email: "staff", password: "x" }, "body.email"],
    ["wrong type", { email: "staff@vep.example", password: 12345 }, "body.password"],
    ["unknown field", { email: "staff@vep.example", password: "x", role: "ADMIN" }, "body.role"],
    ["oversized password", { email: "staff@vep.example", password: "x".repeat(201) }, "body.password"],
  ])("%s → 400 naming the field", async (_, body, field) => {
    const res = await post("/api/v1/auth/login", body);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect((await res.json()).errors).toHaveProperty([field]);
  });

  // Kept last in the file: after a 413 the server drops the connection the next fetch would reuse.
  it("malformed JSON → 400, a huge body → 413, never a 500", async () => {
    expect((await post("/api/v1/auth/login", "{not json")).status).toBe(400);
    expect((await post("/api/v1/auth/login", JSON.stringify({ email: "a@b.example", password: "x".repeat(300_000) }))).status).toBe(413);
  });
});
