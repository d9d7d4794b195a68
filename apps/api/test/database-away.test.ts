// An error from the database layer in a shape the list of outage errors does not know (a transaction cut
// off mid-way, say) is a 503 when the database does not answer, and stays a 500 when it does. The
// outage itself is driven against a real PostgreSQL in tests/reliability/outage.reliability.ts; here the
// database is stood in for by one that answers or not, to reach both branches every time.
import { Hono } from "hono";
import { expect, it } from "vitest";
import { onError } from "../src/http/errors.js";

function appWith(probe: () => Promise<unknown>) {
  const app = new Hono();
  app.onError(onError);
  app.use(async (c, next) => {
    c.set("db" as never, { $queryRaw: probe } as never);
    await next();
  });
  app.get("/", () => {
    throw Object.assign(new Error("Transaction already closed: a query cannot be executed on a closed transaction"), { code: "P2028", clientVersion: "7.10.0" });
  });
  return app;
}

it("answers 503 with Retry-After when the database does not answer", async () => {
  const res = await appWith(() => Promise.reject(new Error("Connection terminated unexpectedly"))).request("/");
  expect(res.status).toBe(503);
  expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
});

it("answers 503 when the database does not answer within a second", async () => {
  const res = await appWith(() => new Promise(() => undefined)).request("/");
  expect(res.status).toBe(503);
});

it("stays a 500 without details when the database answers", async () => {
  const res = await appWith(() => Promise.resolve([{ "?column?": 1 }])).request("/");
  expect(res.status).toBe(500);
  expect(await res.text()).not.toContain("Transaction already closed");
});
