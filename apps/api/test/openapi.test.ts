// The OpenAPI document: valid OpenAPI 3.1 by an independent validator, and covering every route.
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startApi, type RunningApi } from "./harness.js";

let api: RunningApi;
let doc: { openapi: string; paths: Record<string, Record<string, unknown>> };
beforeAll(async () => {
  api = await startApi({ seed: false });
  doc = await (await fetch(`${api.url}/api/openapi.json`)).json();
});
afterAll(() => api.close());

it("is a valid OpenAPI 3.1 document", async () => {
  const result = await new Validator().validate(doc as never);
  expect(result.errors ?? []).toEqual([]);
  expect(result.valid).toBe(true);
  expect(doc.openapi).toBe("3.1.0");
});

it("describes every API route the router serves (the docs pages and the document itself aside)", () => {
  const documented = new Set(
    Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`)),
  );
  const served = [...new Set(api.app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`))];
  const undocumented = served.filter((key) => !documented.has(key) && !/^GET \/api\/(docs|openapi\.json)/.test(key));
  expect(undocumented).toEqual([]);
  expect(served.length).toBeGreaterThan(10);
});
