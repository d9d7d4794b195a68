// Contributions and the payments received against them: who sees which, the pledge ceiling,
// optimistic locking, the audit trail, and bad input.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "@vep/db/seed";
import { client, type World, startWorld } from "./fixtures.js";
import type { RunningApi } from "./harness.js";

let api: RunningApi;
let world: World;
let contributionB: string;
beforeAll(async () => {
  ({ api, world } = await startWorld());
  contributionB = (await api.db.prisma.contribution.findFirstOrThrow({ where: { programmeId: world.programmeB } })).id;
});
afterAll(() => api.close());

const as = (token: keyof World["tokens"] | null) => client(api, token ? world.tokens[token] : null);
const EU = seedId("contribution:EU");

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface ContributionBody {
  id: string;
  programmeId: string;
  donorId: string;
  amountMinor: number;
  currency: string;
  receivedMinor: number;
  version: number;
  payments?: { id: string; amountMinor: number; version: number }[];
}

async function list(token: keyof World["tokens"], query = ""): Promise<ContributionBody[]> {
  const res = await as(token)("GET", `/api/v1/contributions${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as Page<ContributionBody>).items;
}

async function newContribution(overrides: Record<string, unknown> = {}): Promise<ContributionBody> {
  const res = await as("staff")("POST", "/api/v1/contributions", { programmeId: world.programmeB, donorId: world.donorB, amountMinor: 1_000_00, currency: "SEK", pledgedOn: "2022-02-01", ...overrides });
  expect(res.status).toBe(201);
  return (await res.json()) as ContributionBody;
}

const auditCount = (entityId: string, action: string) => api.db.prisma.auditEvent.count({ where: { entityId, action } });

describe("who sees which contributions", () => {
  it("donor B sees programme B's contribution in SEK and not the EU programme's", async () => {
    const seen = await list("donorB");
    expect(seen.map((c) => c.id)).toEqual([contributionB]);
    expect(seen[0]).toMatchObject({ currency: "SEK", amountMinor: 50_000_00, receivedMinor: 0, donorId: world.donorB });
    expect((await as("donorB")("GET", `/api/v1/contributions/${contributionB}`)).status).toBe(200);
    expect((await as("donorB")("GET", `/api/v1/contributions/${EU}`)).status).toBe(404);
  });

  it("donor A sees every funder's contributions to the programme it co-funds, with what was received, and not programme B's", async () => {
    const seen = await list("donorA");
    expect(seen.map((c) => c.id).sort()).toEqual([EU, seedId("contribution:NL"), seedId("contribution:UNOCT")].sort());
    expect(seen.find((c) => c.id === EU)).toMatchObject({ amountMinor: 4_000_000_00, receivedMinor: 3_200_000_00, currency: "EUR" });
    expect(seen.find((c) => c.id === seedId("contribution:UNOCT"))?.receivedMinor).toBe(850_000_00);
    expect((await as("donorA")("GET", `/api/v1/contributions/${contributionB}`)).status).toBe(404);
    const eu = await (await as("donorA")("GET", `/api/v1/contributions/${EU}`)).json();
    expect(eu.payments.map((p: { receivedOn: string; amountMinor: number }) => [p.receivedOn, p.amountMinor])).toEqual([
      ["2019-02-15", 2_000_000_00],
      ["2020-03-20", 1_200_000_00],
    ]);
  });

  it("partners get 403, anonymous callers 401, and donors may not write", async () => {
    expect((await as("partnerA")("GET", "/api/v1/contributions")).status).toBe(403);
    expect((await as("partnerB")("GET", `/api/v1/contributions/${contributionB}`)).status).toBe(403);
    expect((await as(null)("GET", "/api/v1/contributions")).status).toBe(401);
    expect((await as("donorB")("POST", `/api/v1/contributions/${contributionB}/payments`, { receivedOn: "2021-02-01", amountMinor: 1, currency: "SEK" })).status).toBe(403);
    expect((await as("donorA")("PATCH", `/api/v1/contributions/${EU}`, { note: "x", version: 1 })).status).toBe(403);
  });

  it("filters by programme, donor, currency and pledge dates, and pages in amount order", async () => {
    expect((await list("staff", `?programmeId=${world.programmeB}`)).map((c) => c.id)).toEqual([contributionB]);
    expect((await list("staff", `?donorId=${seedId("donor:NL")}`)).map((c) => c.id)).toEqual([seedId("contribution:NL")]);
    expect((await list("staff", "?currency=USD")).map((c) => c.id)).toEqual([seedId("contribution:UNOCT")]);
    expect((await list("staff", "?from=2019-01-01&to=2019-02-28")).map((c) => c.id)).toEqual([seedId("contribution:UNOCT")]);

    const amounts: number[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await as("staff")("GET", `/api/v1/contributions?programmeId=${world.programmeA}&sort=-amountMinor&limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      const page = (await res.json()) as Page<ContributionBody>;
      amounts.push(...page.items.map((c) => c.amountMinor));
      cursor = page.nextCursor;
    } while (cursor);
    expect(amounts).toEqual([4_000_000_00, 1_500_000_00, 1_000_000_00]);
  });

  it.each([
    ["?from=2020-01-01&to=2019-01-01", "query.to"],
    ["?from=2021-02-30", "query.from"],
    ["?currency=eur", "query.currency"],
    ["?donorId=';%20DROP%20TABLE%20%22Contribution%22;--", "query.donorId"],
    ["?sort=note", "query.sort"],
  ])("list %s → 400 naming %s", async (query, field) => {
    const res = await as("staff")("GET", `/api/v1/contributions${query}`);
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toHaveProperty([field]);
  });
});

describe("writing contributions", () => {
  it("STAFF records a pledge with the default earmarking, audited", async () => {
    const created = await newContribution({ reference: "SIDA/2022/17" });
    expect(created).toMatchObject({ earmarking: "EARMARKED", reference: "SIDA/2022/17", note: null, receivedMinor: 0, version: 1, pledgedOn: "2022-02-01" });
    expect(await auditCount(created.id, "contribution.create")).toBe(1);
    // Donor B now sees both contributions to programme B.
    expect((await list("donorB")).map((c) => c.id)).toContain(created.id);
  });

  it("an edit from a stale version gets 409 and changes nothing; If-Match works too", async () => {
    const created = await newContribution();
    const first = await as("admin")("PATCH", `/api/v1/contributions/${created.id}`, { earmarking: "SOFTLY_EARMARKED", version: 1 });
    expect(first.status).toBe(200);
    expect((await first.json()).version).toBe(2);
    const stale = await as("staff")("PATCH", `/api/v1/contributions/${created.id}`, { amountMinor: 5, version: 1 });
    expect(stale.status).toBe(409);
    const viaHeader = await as("staff")("PATCH", `/api/v1/contributions/${created.id}`, { note: "Second tranche expected in 2023" }, { "if-match": '"2"' });
    expect(viaHeader.status).toBe(200);
    const row = await api.db.prisma.contribution.findUniqueOrThrow({ where: { id: created.id } });
    expect([row.earmarking, row.amountMinor, row.note, row.version]).toEqual(["SOFTLY_EARMARKED", 1_000_00n, "Second tranche expected in 2023", 3]);
    expect(await auditCount(created.id, "contribution.update")).toBe(2);
    expect((await as("staff")("PATCH", `/api/v1/contributions/${created.id}`, { note: "no version" })).status).toBe(400);
  });

  it("deletes with If-Match only, taking its payments along, audited", async () => {
    const created = await newContribution();
    expect((await as("staff")("POST", `/api/v1/contributions/${created.id}/payments`, { receivedOn: "2022-03-01", amountMinor: 100_00, currency: "SEK" })).status).toBe(201);
    expect((await as("staff")("DELETE", `/api/v1/contributions/${created.id}`)).status).toBe(400);
    expect((await as("staff")("DELETE", `/api/v1/contributions/${created.id}`, undefined, { "if-match": '"7"' })).status).toBe(409);
    expect((await as("staff")("DELETE", `/api/v1/contributions/${created.id}`, undefined, { "if-match": '"1"' })).status).toBe(204);
    expect(await api.db.prisma.contributionPayment.count({ where: { contributionId: created.id } })).toBe(0);
    expect(await auditCount(created.id, "contribution.delete")).toBe(1);
    expect((await as("staff")("GET", `/api/v1/contributions/${created.id}`)).status).toBe(404);
  });

  const valid = () => ({ programmeId: world.programmeB, donorId: world.donorB, amountMinor: 1_000_00, currency: "SEK", pledgedOn: "2022-02-01" });
  it.each([
    ["missing amount", { amountMinor: undefined }, "body.amountMinor"],
    ["amount as a string", { amountMinor: "100000" }, "body.amountMinor"],
    ["fractional amount", { amountMinor: 10.5 }, "body.amountMinor"],
    ["zero pledge", { amountMinor: 0 }, "body.amountMinor"],
    ["amount beyond safe integers", { amountMinor: 2 ** 53 }, "body.amountMinor"],
    ["lower-case currency", { currency: "sek" }, "body.currency"],
    ["hostile currency", { currency: "<script>" }, "body.currency"],
    ["impossible date", { pledgedOn: "2022-02-30" }, "body.pledgedOn"],
    ["timestamp for a date", { pledgedOn: "2022-02-01T10:00:00Z" }, "body.pledgedOn"],
    ["unknown earmarking", { earmarking: "TIED" }, "body.earmarking"],
    ["oversized reference", { reference: "R".repeat(101) }, "body.reference"],
    ["multi-line reference", { reference: "A\nB" }, "body.reference"],
    ["oversized note", { note: "n".repeat(2001) }, "body.note"],
    ["SQL for a programme id", { programmeId: "'; DROP TABLE \"Contribution\";--" }, "body.programmeId"],
    ["unknown programme", { programmeId: "00000000-0000-4000-8000-000000000000" }, "body.programmeId"],
    ["unknown donor", { donorId: "00000000-0000-4000-8000-000000000000" }, "body.donorId"],
    ["unknown field", { receivedMinor: 5 }, "body.receivedMinor"],
  ])("%s → 400 naming the field, nothing written", async (_, change, field) => {
    const before = await api.db.prisma.contribution.count();
    const res = await as("staff")("POST", "/api/v1/contributions", { ...valid(), ...change });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toHaveProperty([field]);
    expect(await api.db.prisma.contribution.count()).toBe(before);
  });

  it("keeps hostile text as text", async () => {
    const note = "<script>alert(1)</script>'; DROP TABLE \"Contribution\";--";
    const created = await newContribution({ note });
    expect((await (await as("donorB")("GET", `/api/v1/contributions/${created.id}`)).json()).note).toBe(note);
  });
});

describe("payments received", () => {
  const pay = (contributionId: string, body: unknown) => as("staff")("POST", `/api/v1/contributions/${contributionId}/payments`, body);

  it("records funds received, shown in the received total and the detail, audited", async () => {
    const pledge = await newContribution({ amountMinor: 1_000_00 });
    const res = await pay(pledge.id, { receivedOn: "2022-03-01", amountMinor: 400_00, currency: "SEK" });
    expect(res.status).toBe(201);
    const payment = await res.json();
    expect(payment).toMatchObject({ contributionId: pledge.id, receivedOn: "2022-03-01", amountMinor: 400_00, currency: "SEK", version: 1 });
    expect(await auditCount(payment.id, "contributionPayment.create")).toBe(1);
    const detail = (await (await as("donorB")("GET", `/api/v1/contributions/${pledge.id}`)).json()) as ContributionBody;
    expect(detail.receivedMinor).toBe(400_00);
    expect(detail.payments?.map((p) => p.id)).toEqual([payment.id]);
    expect((await list("donorB")).find((c) => c.id === pledge.id)?.receivedMinor).toBe(400_00);
  });

  it("refuses a payment that takes the received total above the pledge, writing nothing; the exact remainder is fine", async () => {
    const pledge = await newContribution({ amountMinor: 1_000_00 });
    expect((await pay(pledge.id, { receivedOn: "2022-03-01", amountMinor: 700_00, currency: "SEK" })).status).toBe(201);
    const over = await pay(pledge.id, { receivedOn: "2022-04-01", amountMinor: 300_01, currency: "SEK" });
    expect(over.status).toBe(400);
    const problem = await over.json();
    expect(problem.errors["body.amountMinor"]).toMatch(/above the pledge of 100000.*at most 30000 more/);
    expect(await api.db.prisma.contributionPayment.count({ where: { contributionId: pledge.id } })).toBe(1);
    expect((await pay(pledge.id, { receivedOn: "2022-04-01", amountMinor: 300_00, currency: "SEK" })).status).toBe(201);
    expect((await pay(pledge.id, { receivedOn: "2022-05-01", amountMinor: 1, currency: "SEK" })).status).toBe(400);
  });

  it("refuses a payment in another currency than the pledge's", async () => {
    const before = await api.db.prisma.contributionPayment.count();
    const res = await pay(contributionB, { receivedOn: "2021-02-01", amountMinor: 100_00, currency: "EUR" });
    expect(res.status).toBe(400);
    expect((await res.json()).errors["body.currency"]).toContain("SEK");
    expect(await api.db.prisma.contributionPayment.count()).toBe(before);
  });

  it("a payment to a contribution that does not exist → 404", async () => {
    expect((await pay("00000000-0000-4000-8000-000000000000", { receivedOn: "2021-02-01", amountMinor: 1, currency: "SEK" })).status).toBe(404);
    expect((await pay("unknown", { receivedOn: "2021-02-01", amountMinor: 1, currency: "SEK" })).status).toBe(400);
  });

  it("corrects a payment within the pledge only, with a current version, and deletes it", async () => {
    const pledge = await newContribution({ amountMinor: 1_000_00 });
    const a = await (await pay(pledge.id, { receivedOn: "2022-03-01", amountMinor: 500_00, currency: "SEK" })).json();
    await pay(pledge.id, { receivedOn: "2022-04-01", amountMinor: 300_00, currency: "SEK" });
    const tooMuch = await as("staff")("PATCH", `/api/v1/contribution-payments/${a.id}`, { amountMinor: 700_01, version: 1 });
    expect(tooMuch.status).toBe(400);
    expect((await tooMuch.json()).errors).toHaveProperty(["body.amountMinor"]);
    expect((await as("staff")("PATCH", `/api/v1/contribution-payments/${a.id}`, { currency: "USD", version: 1 })).status).toBe(400);
    const ok = await as("staff")("PATCH", `/api/v1/contribution-payments/${a.id}`, { amountMinor: 700_00, receivedOn: "2022-03-02", version: 1 });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ amountMinor: 700_00, receivedOn: "2022-03-02", version: 2 });
    expect((await as("staff")("PATCH", `/api/v1/contribution-payments/${a.id}`, { amountMinor: 1, version: 1 })).status).toBe(409);
    expect((await api.db.prisma.contributionPayment.findUniqueOrThrow({ where: { id: a.id } })).amountMinor).toBe(700_00n);
    expect(await auditCount(a.id, "contributionPayment.update")).toBe(1);

    expect((await as("staff")("DELETE", `/api/v1/contribution-payments/${a.id}`, undefined, { "if-match": '"1"' })).status).toBe(409);
    expect((await as("staff")("DELETE", `/api/v1/contribution-payments/${a.id}`, undefined, { "if-match": '"2"' })).status).toBe(204);
    expect(await auditCount(a.id, "contributionPayment.delete")).toBe(1);
    expect((await (await as("staff")("GET", `/api/v1/contributions/${pledge.id}`)).json()).receivedMinor).toBe(300_00);
  });

  it("keeps a pledge at or above what was received, and its currency while payments exist", async () => {
    const pledge = await newContribution({ amountMinor: 1_000_00 });
    await pay(pledge.id, { receivedOn: "2022-03-01", amountMinor: 600_00, currency: "SEK" });
    const below = await as("staff")("PATCH", `/api/v1/contributions/${pledge.id}`, { amountMinor: 599_99, version: 1 });
    expect(below.status).toBe(400);
    expect((await below.json()).errors).toHaveProperty(["body.amountMinor"]);
    const currency = await as("staff")("PATCH", `/api/v1/contributions/${pledge.id}`, { currency: "EUR", version: 1 });
    expect(currency.status).toBe(400);
    expect((await currency.json()).errors).toHaveProperty(["body.currency"]);
    expect((await as("staff")("PATCH", `/api/v1/contributions/${pledge.id}`, { amountMinor: 600_00, version: 1 })).status).toBe(200);
    const row = await api.db.prisma.contribution.findUniqueOrThrow({ where: { id: pledge.id } });
    expect([row.amountMinor, row.currency]).toEqual([600_00n, "SEK"]);
  });

  it.each([
    ["missing date", { amountMinor: 1, currency: "SEK" }, "body.receivedOn"],
    ["negative amount", { receivedOn: "2021-02-01", amountMinor: -5, currency: "SEK" }, "body.amountMinor"],
    ["amount as text", { receivedOn: "2021-02-01", amountMinor: "5", currency: "SEK" }, "body.amountMinor"],
    ["bad date", { receivedOn: "01/02/2021", amountMinor: 1, currency: "SEK" }, "body.receivedOn"],
    ["hostile currency", { receivedOn: "2021-02-01", amountMinor: 1, currency: "'; DROP TABLE" }, "body.currency"],
    ["unknown field", { receivedOn: "2021-02-01", amountMinor: 1, currency: "SEK", contributionId: EU }, "body.contributionId"],
  ])("payment with %s → 400, nothing written", async (_, body, field) => {
    const before = await api.db.prisma.contributionPayment.count();
    const res = await pay(contributionB, body);
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toHaveProperty([field]);
    expect(await api.db.prisma.contributionPayment.count()).toBe(before);
  });
});
