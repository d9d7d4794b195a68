// Response headers of the API on every kind of answer it gives (JSON, problem+json, the OpenAPI
// document, the docs page and its assets, a CSV export, 401/404/413 refusals, a CORS preflight): no MIME
// sniffing, never framed, no referrer, no X-Powered-By, and no CORS grant to an origin it does not know.
// The dashboard's own headers (CSP with a nonce, the session cookie) are checked in tests/e2e/headers.e2e.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DASHBOARD_ORIGIN, signIn, startApi, type RunningApi } from "../harness.js";
import { engineName } from "./support.js";

let api: RunningApi;
let staff: string;
beforeAll(async () => {
  api = await startApi();
  staff = await signIn(api, "STAFF");
  console.log(`[headers] ${engineName(api)}`);
});
afterAll(() => api.close());

type Case = { name: string; method?: string; path: string; auth?: boolean; body?: string; headers?: Record<string, string>; status: number; type: RegExp };
const CASES: Case[] = [
  { name: "JSON", path: "/api/v1/activities", auth: true, status: 200, type: /^application\/json/ },
  { name: "JSON, anonymous", path: "/api/health", status: 200, type: /^application\/json/ },
  { name: "problem 401", path: "/api/v1/activities", status: 401, type: /^application\/problem\+json/ },
  { name: "problem 404", path: "/api/v1/no-such-thing", auth: true, status: 404, type: /^application\/problem\+json/ },
  { name: "problem 400", path: "/api/v1/activities?limit=0", auth: true, status: 400, type: /^application\/problem\+json/ },
  { name: "OpenAPI document", path: "/api/openapi.json", status: 200, type: /^application\/json/ },
  { name: "docs page", path: "/api/docs", status: 200, type: /^text\/html/ },
  { name: "docs script", path: "/api/docs/swagger-ui-bundle.js", status: 200, type: /^text\/javascript/ },
  { name: "CSV export", path: "/api/v1/exports/activities.csv", auth: true, status: 200, type: /^text\/csv/ },
];

/** What every answer carries, whatever its type. */
function expectSafeHeaders(res: Response, label: string) {
  expect(res.headers.get("x-content-type-options"), `${label}: X-Content-Type-Options`).toBe("nosniff");
  expect(res.headers.get("x-frame-options")?.toUpperCase(), `${label}: X-Frame-Options`).toBe("DENY");
  // Modern browsers read frame-ancestors rather than X-Frame-Options.
  expect(res.headers.get("content-security-policy") ?? "", `${label}: CSP frame-ancestors`).toMatch(/frame-ancestors 'none'/);
  expect(res.headers.get("referrer-policy"), `${label}: Referrer-Policy`).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
  expect(res.headers.get("x-powered-by"), `${label}: X-Powered-By`).toBeNull();
  expect(res.headers.get("server"), `${label}: Server`).toBeNull();
}

describe("every kind of answer carries the security headers", () => {
  it.each(CASES.map((c) => [c.name, c]))("%s", async (_name, c: Case) => {
    const res = await fetch(`${api.url}${c.path}`, { method: c.method ?? "GET", headers: { ...(c.auth ? { authorization: `Bearer ${staff}` } : {}), ...c.headers }, ...(c.body ? { body: c.body } : {}) });
    expect(res.status, c.name).toBe(c.status);
    expect(res.headers.get("content-type") ?? "", c.name).toMatch(c.type);
    expectSafeHeaders(res, c.name);
    await res.arrayBuffer();
  });

  it("JSON and CSV answers are locked down by their CSP (nothing loads, nothing runs), the docs page only loads its own files", async () => {
    const json = await fetch(`${api.url}/api/v1/activities`, { headers: { authorization: `Bearer ${staff}` } });
    expect(json.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    const docs = await fetch(`${api.url}/api/docs`);
    const csp = docs.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it("a CSV export is a download, not a page", async () => {
    const res = await fetch(`${api.url}/api/v1/exports/activities.csv`, { headers: { authorization: `Bearer ${staff}` } });
    expect(res.headers.get("content-disposition") ?? "").toMatch(/^attachment/);
    await res.arrayBuffer();
  });
});

describe("CORS: only the dashboard's origin is granted", () => {
  const preflight = (origin: string) =>
    fetch(`${api.url}/api/v1/activities`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "PATCH", "access-control-request-headers": "authorization, content-type" } });

  it.each(["https://evil.example", "null", "http://127.0.0.1:3001", `${DASHBOARD_ORIGIN}.evil.example`, "http://localhost:3000"])("grants nothing to %s", async (origin) => {
    const pre = await preflight(origin);
    expect(pre.headers.get("access-control-allow-origin"), `preflight from ${origin}`).toBeNull();
    expect(pre.headers.get("access-control-allow-credentials")).toBeNull();
    await pre.arrayBuffer();
    const res = await fetch(`${api.url}/api/v1/activities`, { headers: { origin, authorization: `Bearer ${staff}` } });
    expect(res.headers.get("access-control-allow-origin"), `GET from ${origin}`).toBeNull();
    await res.arrayBuffer();
  });

  it("grants the dashboard's origin, never with a wildcard and never with credentials (the token travels in a header)", async () => {
    const pre = await preflight(DASHBOARD_ORIGIN);
    expect(pre.headers.get("access-control-allow-origin")).toBe(DASHBOARD_ORIGIN);
    expect(pre.headers.get("access-control-allow-credentials")).toBeNull();
    expect(pre.headers.get("vary") ?? "").toMatch(/origin/i);
    await pre.arrayBuffer();
  });
});

// Kept last in the file: after a 413 the server drops the connection the next fetch would reuse.
it("a refused oversized body (413) carries them too", async () => {
  const res = await fetch(`${api.url}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "a@b.example", password: "x".repeat(300_000) }) });
  expect(res.status).toBe(413);
  expectSafeHeaders(res, "413");
});
