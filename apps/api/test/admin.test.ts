import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "@vep/db/seed";
import { client, createWorld, type World } from "./fixtures.js";
import { DASHBOARD_ORIGIN, startApi, type RunningApi } from "./harness.js";

let api: RunningApi;
let world: World;
let admin: ReturnType<typeof client>;
beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api);
  admin = client(api, world.tokens.admin);
});
afterAll(() => api.close());

const login = (email: string, password: string) => client(api, null)("POST", "/api/v1/auth/login", { email, password });

describe("user administration", () => {
  it("creates a partner account that can sign in, and refuses a duplicate e-mail", async () => {
    const res = await admin("POST", "/api/v1/users", {
      email: "New.Officer@vep.example",
      displayName: "New officer",
      role: "PARTNER",
      organisationId: world.partnerOrgA,
      password: "a long enough passphrase",
    });
    expect(res.status).toBe(201);
    const user = await res.json();
    expect(user).toMatchObject({ email: "new.officer@vep.example", role: "PARTNER", isActive: true, organisation: { id: world.partnerOrgA } });
    expect(JSON.stringify(user)).not.toContain("passwordHash");
    expect((await login("new.officer@vep.example", "a long enough passphrase")).status).toBe(200);
    const again = await admin("POST", "/api/v1/users", { email: "new.officer@vep.example", displayName: "x", role: "STAFF", password: "a long enough passphrase" });
    expect(again.status).toBe(409);
  });

  it.each([
    ["short password", { email: "a@vep.example", displayName: "A", role: "STAFF", password: "short" }, "body.password"],
    ["partner without organisation", { email: "b@vep.example", displayName: "B", role: "PARTNER", password: "a long enough passphrase" }, "body.organisationId"],
    ["donor of a non-donor organisation", { email: "c@vep.example", displayName: "C", role: "DONOR", organisationId: seedId("org:UNODC"), password: "a long enough passphrase" }, "body.organisationId"],
    ["unknown role", { email: "d@vep.example", displayName: "D", role: "ROOT", password: "a long enough passphrase" }, "body.role"],
    ["unknown field", { email: "e@vep.example", displayName: "E", role: "STAFF", password: "a long enough passphrase", isAdmin: true }, "body.isAdmin"],
  ])("%s → 400 and no account", async (_, body, field) => {
    const before = await api.db.prisma.user.count();
    const res = await admin("POST", "/api/v1/users", body);
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toHaveProperty([field]);
    expect(await api.db.prisma.user.count()).toBe(before);
  });

  it("deactivating an account ends its sessions; a reset password replaces the old one", async () => {
    const created = await (await admin("POST", "/api/v1/users", { email: "temp@vep.example", displayName: "Temp", role: "STAFF", password: "first passphrase here" })).json();
    const token = (await (await login("temp@vep.example", "first passphrase here")).json()).token;
    const off = await admin("PATCH", `/api/v1/users/${created.id}`, { isActive: false, version: created.version });
    expect(off.status).toBe(200);
    expect((await client(api, token)("GET", "/api/v1/me")).status).toBe(401);
    expect((await login("temp@vep.example", "first passphrase here")).status).toBe(401);
    const on = await admin("PATCH", `/api/v1/users/${created.id}`, { isActive: true }, { "if-match": '"2"' });
    expect(on.status).toBe(200);
    expect((await admin("POST", `/api/v1/users/${created.id}/password`, { password: "second passphrase here" })).status).toBe(204);
    expect((await login("temp@vep.example", "first passphrase here")).status).toBe(401);
    expect((await login("temp@vep.example", "second passphrase here")).status).toBe(200);
    expect((await admin("PATCH", `/api/v1/users/${created.id}`, { displayName: "Stale", version: 1 })).status).toBe(409);
  });

  it("an administrator cannot lock themselves out", async () => {
    const me = await (await admin("GET", "/api/v1/me")).json();
    const res = await admin("PATCH", `/api/v1/users/${me.id}`, { role: "STAFF", version: 1 });
    expect(res.status).toBe(400);
  });

  it("only ADMIN manages users", async () => {
    expect((await client(api, world.tokens.staff)("GET", "/api/v1/users")).status).toBe(403);
  });
});

describe("audit trail", () => {
  it("shows staff who changed what, filtered, with personal fields redacted", async () => {
    await admin("POST", "/api/v1/organisations", { name: "Audited NGO", kind: "NGO" });
    const res = await client(api, world.tokens.staff)("GET", "/api/v1/audit?action=organisation.&limit=5");
    expect(res.status).toBe(200);
    const page = await res.json();
    expect(page.items[0]).toMatchObject({ action: "organisation.create", entityType: "Organisation", actor: { email: "admin@vep.example" } });
    const users = await (await admin("GET", "/api/v1/audit?entityType=User")).json();
    expect(JSON.stringify(users)).not.toMatch(/scrypt\$/);
    expect((await client(api, world.tokens.donorA)("GET", "/api/v1/audit")).status).toBe(403);
    expect((await admin("GET", "/api/v1/audit?from=2026-02-01&to=2026-01-01")).status).toBe(400);
  });
});

describe("cross-cutting", () => {
  it("puts a request id on every response and allows CORS only from the dashboard's origin", async () => {
    const res = await fetch(`${api.url}/api/health`);
    expect(res.headers.get("x-request-id")).toMatch(/\S{8,}/);
    const evil = await fetch(`${api.url}/api/health`, { headers: { origin: "https://evil.example" } });
    expect(evil.headers.get("access-control-allow-origin")).toBeNull();
    const dashboard = await fetch(`${api.url}/api/health`, { headers: { origin: DASHBOARD_ORIGIN } });
    expect(dashboard.headers.get("access-control-allow-origin")).toBe(DASHBOARD_ORIGIN);
  });

  it("logs each request as one structured line under the id the client got", async () => {
    const res = await client(api, world.tokens.staff)("GET", "/api/v1/organisations?limit=1");
    const id = res.headers.get("x-request-id");
    const line = api.logs.find((l) => l.requestId === id);
    expect(line).toMatchObject({ msg: "request", method: "GET", path: "/api/v1/organisations", status: 200, userId: seedId("user:staff@vep.example") });
    expect(typeof line!.ms).toBe("number");
  });
});
