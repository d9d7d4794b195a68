// Session revocation and expiry beyond auth.test.ts (which covers sign-in, logout, an expired or
// malformed token, a deactivated account's sign-in and throttling): what an administrator's actions do
// to sessions that are already live, a session that expires between two requests, and where the API
// does not look for a token.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startApi, type RunningApi } from "../harness.js";
import { engineName, expectProblem } from "./support.js";

let api: RunningApi;
let admin: string;
beforeAll(async () => {
  api = await startApi();
  admin = await signIn(api, "ADMIN");
  console.log(`[sessions] ${engineName(api)}`);
});
afterAll(() => api.close());

function call(method: string, path: string, token: string | null, body?: unknown, headers: Record<string, string> = {}) {
  return fetch(`${api.url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
const me = (token: string) => call("GET", "/api/v1/me", token);

async function login(email: string, password: string): Promise<string> {
  const res = await call("POST", "/api/v1/auth/login", null, { email, password });
  expect(res.status, `sign-in as ${email}`).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

let serial = 0;
/** A fresh STAFF account made by the administrator, signed in `sessions` times (two browsers, a script...). */
async function staffWithSessions(sessions: number) {
  const email = `session-${++serial}@vep.example`;
  const password = `first-password-${serial}-long`;
  const res = await call("POST", "/api/v1/users", admin, { email, displayName: `Session ${serial}`, role: "STAFF", password });
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as { id: string };
  const tokens: string[] = [];
  for (let i = 0; i < sessions; i++) tokens.push(await login(email, password));
  return { id, email, password, tokens };
}

async function versionOf(id: string): Promise<number> {
  return ((await (await call("GET", `/api/v1/users/${id}`, admin)).json()) as { version: number }).version;
}

/** The session ends: 401 problem+json with the Bearer challenge, on a read and on a write alike. */
async function expectEnded(token: string, label: string) {
  const read = await me(token);
  expect(read.status, `${label}: GET /me`).toBe(401);
  expect(read.headers.get("www-authenticate"), label).toContain("Bearer");
  expectProblem(read, await read.text(), label);
  const before = await api.db.prisma.auditEvent.count();
  const write = await call("PATCH", "/api/v1/me", token, { language: "ru" });
  expect(write.status, `${label}: PATCH /me`).toBe(401);
  expect(await api.db.prisma.auditEvent.count(), `${label}: a refused write was audited`).toBe(before);
}

async function expectLive(token: string, label: string) {
  expect((await me(token)).status, label).toBe(200);
}

describe("an administrator's change to an account ends its live sessions, and only its own", () => {
  it("deactivation ends every session of the account at once; reactivation does not bring them back", async () => {
    const target = await staffWithSessions(2);
    const bystander = await staffWithSessions(1);
    for (const token of target.tokens) await expectLive(token, "before");

    const res = await call("PATCH", `/api/v1/users/${target.id}`, admin, { version: await versionOf(target.id), isActive: false });
    expect(res.status).toBe(200);
    for (const [i, token] of target.tokens.entries()) await expectEnded(token, `deactivated, session ${i + 1}`);
    // Revoked in the database, not only refused while the account is inactive.
    expect(await api.db.prisma.authSession.count({ where: { userId: target.id, revokedAt: null } })).toBe(0);
    await expectLive(bystander.tokens[0]!, "another user's session");
    await expectLive(admin, "the administrator's own session");

    expect((await call("PATCH", `/api/v1/users/${target.id}`, admin, { version: await versionOf(target.id), isActive: true })).status).toBe(200);
    for (const token of target.tokens) await expectEnded(token, "after reactivation");
    await expectLive(await login(target.email, target.password), "a new sign-in after reactivation");
  });

  it("a password reset ends every session; the old password no longer signs in, the new one does", async () => {
    const target = await staffWithSessions(2);
    const bystander = await staffWithSessions(1);
    const res = await call("POST", `/api/v1/users/${target.id}/password`, admin, { password: "a-brand-new-passphrase" });
    expect(res.status).toBe(204);
    for (const [i, token] of target.tokens.entries()) await expectEnded(token, `password reset, session ${i + 1}`);
    expect((await call("POST", "/api/v1/auth/login", null, { email: target.email, password: target.password })).status).toBe(401);
    await expectLive(await login(target.email, "a-brand-new-passphrase"), "the new password");
    await expectLive(bystander.tokens[0]!, "another user's session");
  });

  it("a change of role ends the sessions, so that no session keeps the old role's rights", async () => {
    const target = await staffWithSessions(1);
    expect((await call("GET", "/api/v1/users", target.tokens[0]!)).status).toBe(403);
    const res = await call("PATCH", `/api/v1/users/${target.id}`, admin, { version: await versionOf(target.id), role: "ADMIN" });
    expect(res.status).toBe(200);
    await expectEnded(target.tokens[0]!, "role changed");
    const again = await login(target.email, target.password);
    expect(((await (await me(again)).json()) as { role: string }).role).toBe("ADMIN");
  });

  it("an edit that changes neither access nor credentials (the language) leaves the sessions alone", async () => {
    const target = await staffWithSessions(1);
    expect((await call("PATCH", `/api/v1/users/${target.id}`, admin, { version: await versionOf(target.id), language: "ru" })).status).toBe(200);
    await expectLive(target.tokens[0]!, "language changed");
  });

  it("signing out ends that session only, not the user's others", async () => {
    const target = await staffWithSessions(2);
    expect((await call("POST", "/api/v1/auth/logout", target.tokens[0]!)).status).toBe(204);
    await expectEnded(target.tokens[0]!, "signed out");
    await expectLive(target.tokens[1]!, "the same user's other session");
  });
});

describe("expiry", () => {
  it("a session that expires between two requests is refused on the next one, and stays refused", async () => {
    const { tokens, id, email, password } = await staffWithSessions(1);
    const token = tokens[0]!;
    await expectLive(token, "while valid");
    // The moment of expiry itself is already past: expiresAt <= now.
    await api.db.prisma.authSession.updateMany({ where: { userId: id }, data: { expiresAt: new Date() } });
    await expectEnded(token, "just expired");
    // Signing in again gives a new session; the expired one stays dead.
    const fresh = await login(email, password);
    expect(fresh).not.toBe(token);
    await expectLive(fresh, "a new session");
    await expectEnded(token, "the expired one, after a new sign-in");
  });

  it("gives sessions a bounded lifetime: at most 12 hours from sign-in", async () => {
    const before = Date.now();
    const res = await call("POST", "/api/v1/auth/login", null, { email: "staff@vep.example", password: "demo-staff-2020" });
    const { expiresAt } = (await res.json()) as { expiresAt: string };
    const lifetime = new Date(expiresAt).getTime() - before;
    expect(lifetime).toBeGreaterThan(0);
    expect(lifetime).toBeLessThanOrEqual(12 * 60 * 60 * 1000 + 5_000);
  });
});

describe("where the API looks for a token: the Authorization header only", () => {
  let token: string;
  beforeAll(async () => {
    token = await signIn(api, "STAFF");
  });

  it.each([
    ["query ?token=", (t: string) => ({ path: `/api/v1/me?token=${t}` })],
    ["query ?access_token=", (t: string) => ({ path: `/api/v1/me?access_token=${t}` })],
    ["query ?session=", (t: string) => ({ path: `/api/v1/me?session=${t}` })],
    ["cookie vep_session", (t: string) => ({ path: "/api/v1/me", headers: { cookie: `vep_session=${t}` } })],
    ["cookie token", (t: string) => ({ path: "/api/v1/me", headers: { cookie: `token=${t}; session=${t}; access_token=${t}` } })],
    ["X-Auth-Token header", (t: string) => ({ path: "/api/v1/me", headers: { "x-auth-token": t, "x-access-token": t } })],
    ["a scheme other than Bearer", (t: string) => ({ path: "/api/v1/me", headers: { authorization: `Token ${t}` } })],
    ["the token without a scheme", (t: string) => ({ path: "/api/v1/me", headers: { authorization: t } })],
  ])("a valid token in %s is not a session (401)", async (_where, place) => {
    const { path, headers = {} } = place(token) as { path: string; headers?: Record<string, string> };
    const res = await fetch(`${api.url}${path}`, { headers });
    expect(res.status).toBe(401);
    expectProblem(res, await res.text(), path);
    // The same token in the header is a live session: the refusal is about where it was sent.
    await expectLive(token, "in the Authorization header");
  });

  it("a write with the token only in a cookie is refused and writes nothing", async () => {
    const before = await api.db.prisma.auditEvent.count();
    const res = await fetch(`${api.url}/api/v1/me`, { method: "PATCH", headers: { cookie: `vep_session=${token}`, "content-type": "application/json" }, body: JSON.stringify({ language: "ru" }) });
    expect(res.status).toBe(401);
    expect(await api.db.prisma.auditEvent.count()).toBe(before);
  });
});
