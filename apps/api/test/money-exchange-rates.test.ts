// UN operational rates of exchange: the rate in force on a date, uniqueness per currency and day,
// rates as decimal strings, who reads and who writes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "@vep/db/seed";
import { client, type World, startWorld } from "./fixtures.js";
import type { RunningApi } from "./harness.js";

let api: RunningApi;
let world: World;
beforeAll(async () => {
  ({ api, world } = await startWorld());
});
afterAll(() => api.close());

const as = (token: keyof World["tokens"] | null) => client(api, token ? world.tokens[token] : null);
interface Rate {
  id: string;
  currency: string;
  effectiveOn: string;
  rateToUsd: string;
  source: string;
  version: number;
}

async function rates(query: string, token: keyof World["tokens"] = "staff"): Promise<Rate[]> {
  const res = await as(token)("GET", `/api/v1/exchange-rates${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Rate[] }).items;
}

async function newRate(body: Record<string, unknown>): Promise<Rate> {
  const res = await as("staff")("POST", "/api/v1/exchange-rates", body);
  expect(res.status).toBe(201);
  return (await res.json()) as Rate;
}

describe("reading rates", () => {
  it("lists a currency's rates newest first, the rate as an 8-decimal string", async () => {
    const eur = await rates("?currency=EUR");
    expect(eur.map((r) => [r.effectiveOn, r.rateToUsd])).toEqual([
      ["2020-05-01", "1.08700000"],
      ["2020-03-01", "1.10400000"],
      ["2019-04-01", "1.12100000"],
      ["2019-03-01", "1.13600000"],
      ["2019-02-01", "1.14500000"],
      ["2018-12-01", "1.13600000"],
    ]);
    expect(eur[0]?.source).toBe("UN operational rates of exchange");
  });

  it("on=date gives each currency's rate in force that day: its latest effective on or before it", async () => {
    expect((await rates("?on=2020-04-15")).map((r) => [r.currency, r.effectiveOn])).toEqual(
      expect.arrayContaining([
        ["EUR", "2020-03-01"],
        ["USD", "2018-01-01"],
      ]),
    );
    expect((await rates("?on=2020-04-15&currency=EUR")).map((r) => r.effectiveOn)).toEqual(["2020-03-01"]);
    expect((await rates("?on=2020-03-01&currency=EUR")).map((r) => r.effectiveOn)).toEqual(["2020-03-01"]);
    expect((await rates("?on=2020-02-29&currency=EUR")).map((r) => r.effectiveOn)).toEqual(["2019-04-01"]);
    expect(await rates("?on=2017-12-31")).toEqual([]);
    expect(await rates("?on=2020-04-15&currency=SEK")).toEqual([]);
  });

  it("staff, admins and donors read them; partners get 403 and anonymous callers 401", async () => {
    expect((await rates("", "donorB")).length).toBeGreaterThanOrEqual(7);
    const one = await as("donorA")("GET", `/api/v1/exchange-rates/${seedId("rate:EUR:2020-05-01")}`);
    expect(one.status).toBe(200);
    expect(one.headers.get("etag")).toBe('"1"');
    expect((await as("partnerA")("GET", "/api/v1/exchange-rates")).status).toBe(403);
    expect((await as("partnerB")("GET", `/api/v1/exchange-rates/${seedId("rate:EUR:2020-05-01")}`)).status).toBe(403);
    expect((await as(null)("GET", "/api/v1/exchange-rates")).status).toBe(401);
    expect((await as("donorA")("POST", "/api/v1/exchange-rates", { currency: "SEK", effectiveOn: "2021-01-01", rateToUsd: "0.1" })).status).toBe(403);
  });

  it.each([
    ["?on=2020-02-30", "query.on"],
    ["?on=yesterday", "query.on"],
    ["?currency=<script>", "query.currency"],
  ])("%s → 400 naming %s", async (query, field) => {
    const res = await as("staff")("GET", `/api/v1/exchange-rates${query}`);
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toHaveProperty([field]);
  });
});

describe("writing rates", () => {
  it("adds a rate, audited; a second rate for the same currency and day → 409", async () => {
    const sek = await newRate({ currency: "SEK", effectiveOn: "2021-01-01", rateToUsd: "0.1214" });
    expect(sek).toMatchObject({ rateToUsd: "0.12140000", version: 1, source: "UN operational rates of exchange" });
    expect(await api.db.prisma.auditEvent.count({ where: { entityId: sek.id, action: "exchangeRate.create" } })).toBe(1);
    const before = await api.db.prisma.exchangeRate.count();
    expect((await as("staff")("POST", "/api/v1/exchange-rates", { currency: "SEK", effectiveOn: "2021-01-01", rateToUsd: "0.2" })).status).toBe(409);
    expect(await api.db.prisma.exchangeRate.count()).toBe(before);
  });

  it("moving a rate onto a day its currency already has → 409, the rate unchanged", async () => {
    const rate = await newRate({ currency: "KZT", effectiveOn: "2020-05-01", rateToUsd: "0.00238095" });
    await newRate({ currency: "KZT", effectiveOn: "2020-06-01", rateToUsd: "0.00247" });
    expect((await as("staff")("PATCH", `/api/v1/exchange-rates/${rate.id}`, { effectiveOn: "2020-06-01", version: 1 })).status).toBe(409);
    expect((await api.db.prisma.exchangeRate.findUniqueOrThrow({ where: { id: rate.id } })).effectiveOn.toISOString()).toBe("2020-05-01T00:00:00.000Z");
  });

  it("an edit from a stale version → 409 and nothing changed; deletes need If-Match", async () => {
    const rate = await newRate({ currency: "KGS", effectiveOn: "2021-03-01", rateToUsd: "0.0118", source: "UN treasury, March 2021" });
    const ok = await as("admin")("PATCH", `/api/v1/exchange-rates/${rate.id}`, { rateToUsd: "0.01180000", version: 1 });
    expect(ok.status).toBe(200);
    expect((await ok.json()).version).toBe(2);
    expect((await as("staff")("PATCH", `/api/v1/exchange-rates/${rate.id}`, { rateToUsd: "9", version: 1 })).status).toBe(409);
    expect((await api.db.prisma.exchangeRate.findUniqueOrThrow({ where: { id: rate.id } })).rateToUsd.toFixed(8)).toBe("0.01180000");
    expect((await as("staff")("DELETE", `/api/v1/exchange-rates/${rate.id}`)).status).toBe(400);
    expect((await as("staff")("DELETE", `/api/v1/exchange-rates/${rate.id}`, undefined, { "if-match": '"1"' })).status).toBe(409);
    expect((await as("staff")("DELETE", `/api/v1/exchange-rates/${rate.id}`, undefined, { "if-match": '"2"' })).status).toBe(204);
    expect(await api.db.prisma.auditEvent.count({ where: { entityId: rate.id, action: { in: ["exchangeRate.update", "exchangeRate.delete"] } } })).toBe(2);
    expect((await as("staff")("GET", `/api/v1/exchange-rates/${rate.id}`)).status).toBe(404);
  });

  const valid = { currency: "CHF", effectiveOn: "2021-01-01", rateToUsd: "1.12" };
  it.each([
    ["rate as a number", { rateToUsd: 1.12 }, "body.rateToUsd"],
    ["zero rate", { rateToUsd: "0.00000000" }, "body.rateToUsd"],
    ["negative rate", { rateToUsd: "-1.1" }, "body.rateToUsd"],
    ["nine decimals", { rateToUsd: "1.123456789" }, "body.rateToUsd"],
    ["eleven integer digits", { rateToUsd: "12345678901" }, "body.rateToUsd"],
    ["exponent notation", { rateToUsd: "1e3" }, "body.rateToUsd"],
    ["missing rate", { rateToUsd: undefined }, "body.rateToUsd"],
    ["hostile currency", { currency: "<script>" }, "body.currency"],
    ["impossible date", { effectiveOn: "2021-13-01" }, "body.effectiveOn"],
    ["oversized source", { source: "s".repeat(201) }, "body.source"],
    ["multi-line source", { source: "UN\r\nrates" }, "body.source"],
    ["unknown field", { id: seedId("rate:EUR:2020-05-01") }, "body.id"],
  ])("%s → 400 naming the field, nothing written", async (_, change, field) => {
    const before = await api.db.prisma.exchangeRate.count();
    const res = await as("staff")("POST", "/api/v1/exchange-rates", { ...valid, ...change });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toHaveProperty([field]);
    expect(await api.db.prisma.exchangeRate.count()).toBe(before);
  });
});
