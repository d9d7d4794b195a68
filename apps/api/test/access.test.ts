// The authorisation matrix: every route the router serves × every principal, anonymous included.
// A route without a row in the access table fails here; so does a row for a route that is gone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "@vep/db/seed";
import { ACCESS, PRINCIPALS, accessKey, scopeFor, type Principal } from "@vep/domain";
import { signIn, startApi, type RunningApi } from "./harness.js";

let api: RunningApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

function routes() {
  return [...new Set(api.app.routes.filter((r) => r.method !== "ALL").map((r) => accessKey(r.method, r.path)))].sort();
}

/** Values for path parameters: ids of seeded records. */
const PARAMS: Record<string, string> = { id: seedId("activity:webinar") };

it("every route has a row in the access table, and every row a route", () => {
  const served = routes();
  expect(served.length).toBeGreaterThan(5);
  expect(served.filter((key) => !(key in ACCESS))).toEqual([]);
  expect(Object.keys(ACCESS).filter((key) => !served.includes(key))).toEqual([]);
});

describe("each route answers each principal as the table says", () => {
  let cases = 0;
  afterAll(() => console.log(`[access] ${cases} route × principal cases`));

  it.each(PRINCIPALS.map((p) => [p]))("%s", async (principal: Principal) => {
    const token = principal === "ANONYMOUS" ? null : await signIn(api, principal);
    for (const key of routes()) {
      const [method, path] = key.split(" ") as [string, string];
      const url = api.url + path.replace(/:(\w+)/g, (_, name: string) => PARAMS[name] ?? "unknown");
      const headers: Record<string, string> = { "content-type": "application/json" };
      // Logging out ends the session it is called with: give it a session of its own.
      if (token) headers.authorization = `Bearer ${key === "POST /api/v1/auth/logout" ? await signIn(api, principal as Exclude<Principal, "ANONYMOUS">) : token}`;
      const res = await fetch(url, { method, headers, ...(method === "GET" ? {} : { body: "{}" }) });
      cases++;
      const allowed = scopeFor(method, path, principal) !== undefined;
      if (allowed) {
        expect([401, 403], `${principal} ${key} → ${res.status}`).not.toContain(res.status);
      } else {
        expect(res.status, `${principal} ${key}`).toBe(principal === "ANONYMOUS" ? 401 : 403);
      }
      expect(res.status, `${principal} ${key}`).toBeLessThan(500);
    }
  });
});
