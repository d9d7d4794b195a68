import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DonorProgressSchema } from "@vep/domain";
import { client, createWorld, type World } from "./fixtures.js";
import { startApi, type RunningApi } from "./harness.js";

let api: RunningApi;
let world: World;
beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api);
});
afterAll(() => api.close());

const progress = async (token: string, query = "") => {
  const res = await client(api, token)("GET", `/api/v1/donor-progress${query}`);
  return { status: res.status, body: res.status === 200 ? DonorProgressSchema.parse(await res.json()) : await res.json() };
};

describe("the EU's view of the programme it co-funds", () => {
  it("funding by funder in their currencies and in US dollars at the UN rate of each day", async () => {
    const { status, body } = await progress(world.tokens.donorA);
    expect(status).toBe(200);
    expect(body.programme.id).toBe(world.programmeA);
    expect(body.programmes.map((p: { id: string }) => p.id)).toEqual([world.programmeA]);
    const eu = body.funding.byDonor.find((d: { donor: { code: string } }) => d.donor.code === "EU");
    // EUR 4,000,000 pledged on 10 Dec 2018 at 1.136; EUR 2,000,000 received at 1.145 and 1,200,000 at 1.104.
    expect(eu.pledged).toEqual([{ currency: "EUR", amountMinor: 4_000_000_00, usdMinor: 4_544_000_00 }]);
    expect(eu.receivedUsdMinor).toBe(2_290_000_00 + 1_324_800_00);
    expect(body.funding.byDonor.map((d: { donor: { code: string } }) => d.donor.code)).toEqual(["EU", "NL", "UNOCT"]);
    expect(body.spending).toEqual([{ year: 2020, budgetUsdMinor: 1_250_000_00, expenditureUsdMinor: 9_800_00 + 612_400_00 }]);
  });

  it("activities, reach with small cells suppressed, indicators against targets, satisfaction and consented quotes", async () => {
    const { body } = await progress(world.tokens.donorA);
    expect(body.activities).toEqual({ delivered: 1, byType: [{ type: "WEBINAR", count: 1 }], byMonth: [{ month: "2020-05", count: 1 }] });
    expect(body.reach.participants).toEqual({ value: 29, suppressed: false });
    expect(body.reach.trained).toEqual({ value: 27, suppressed: false });
    expect(body.reach.trainedBySex).toEqual([
      { sex: "FEMALE", count: { value: 16, suppressed: false } },
      { sex: "MALE", count: { value: 11, suppressed: false } },
    ]);
    expect(body.reach.trainedByRegion).toHaveLength(17);
    expect(body.reach.trainedByRegion.every((r: { count: { suppressed: boolean } }) => r.count.suppressed)).toBe(true);
    const trained = body.indicators.find((i: { code: string }) => i.code === "IND-1.1.1");
    expect(trained).toMatchObject({ target: 25, actual: 27, achievedPercent: 108, baseline: 0 });
    expect(body.indicators.find((i: { code: string }) => i.code === "IND-1.1.2")).toMatchObject({ target: 17, actual: 17, achievedPercent: 100 });
    // 27 respondents; four of them report no gain in knowledge.
    expect(body.satisfaction.respondents).toEqual({ value: 27, suppressed: false });
    expect(body.satisfaction.knowledgeImprovedPercent).toBe(85.2);
    expect(body.satisfaction.satisfiedPercent).toBe(100);
    expect(body.satisfaction.ratings.map((r: { rating: number }) => r.rating)).toEqual([1, 2, 3, 4, 5]);
    expect(body.quotes).toHaveLength(3);
    expect(body.quotes.filter((q: { attribution: string | null }) => q.attribution).map((q: { attribution: string }) => q.attribution)).toEqual([
      expect.stringContaining("Akerke Zhaubasarova"),
      expect.stringContaining("Roman Telenkov"),
    ]);
  });

  it("filters by period: nothing delivered in 2021 on programme A", async () => {
    const { body } = await progress(world.tokens.donorA, "?from=2021-01-01&to=2021-12-31");
    expect(body.activities.delivered).toBe(0);
    expect(body.reach.participants).toEqual({ value: 0, suppressed: false });
    expect(body.satisfaction.satisfiedPercent).toBeNull();
  });
});

describe("scope", () => {
  it("donor B sees programme B and gets 404 for programme A; its one participant is a suppressed cell", async () => {
    const own = await progress(world.tokens.donorB);
    expect(own.status).toBe(200);
    expect(own.body.programme.id).toBe(world.programmeB);
    expect(own.body.reach.participants).toEqual({ value: null, suppressed: true });
    expect((await progress(world.tokens.donorB, `?programmeId=${world.programmeA}`)).status).toBe(404);
  });

  it("staff may open any programme; partners and visitors may not use the donor dashboard", async () => {
    expect((await progress(world.tokens.staff, `?programmeId=${world.programmeB}`)).status).toBe(200);
    expect((await progress(world.tokens.partnerA)).status).toBe(403);
    expect((await client(api, null)("GET", "/api/v1/donor-progress")).status).toBe(401);
  });

  it("bad filters are 400s naming the field", async () => {
    const res = await client(api, world.tokens.donorA)("GET", "/api/v1/donor-progress?from=2020-13-01&programmeId=nope");
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json()).errors)).toEqual(expect.arrayContaining(["query.from", "query.programmeId"]));
  });
});
