import { afterAll, beforeAll, expect, it } from "vitest";
import { seedId } from "@vep/db/seed";
import { startWorld, type Clients, type World } from "./fixtures.js";
import type { RunningApi } from "./harness.js";

let api: RunningApi;
let world: World;
let as: Clients;
beforeAll(async () => {
  ({ api, world, as } = await startWorld());
});
afterAll(() => api.close());

const seeded = seedId("submission:participants");

it("staff see the Prison Committee's approved participant list with its 29 rows", async () => {
  const res = await as.staff("GET", "/api/v1/submissions?status=APPROVED");
  expect(res.status).toBe(200);
  const page = await res.json();
  expect(page.items).toEqual([
    expect.objectContaining({ id: seeded, kind: "PARTICIPANT_LIST", status: "APPROVED", rows: 29, revision: 1, organisation: { id: world.partnerOrgA, name: expect.stringContaining("Prison Committee"), nameTranslations: expect.objectContaining({ ru: expect.any(String) }) } }),
  ]);
  expect((await as.staff("GET", "/api/v1/submissions?status=RETURNED").then((r) => r.json())).items).toEqual([]);
});

it("a partner sees its own organisation's submissions only; others' answer 404", async () => {
  expect((await (await as.partnerA("GET", "/api/v1/submissions")).json()).items.map((s: { id: string }) => s.id)).toEqual([seeded]);
  expect((await (await as.partnerB("GET", "/api/v1/submissions")).json()).items).toEqual([]);
  expect((await as.partnerA("GET", `/api/v1/submissions/${seeded}`)).status).toBe(200);
  expect((await as.partnerB("GET", `/api/v1/submissions/${seeded}`)).status).toBe(404);
});

it("donors never see submissions (they hold people's names)", async () => {
  expect((await as.donorA("GET", "/api/v1/submissions")).status).toBe(403);
  expect((await as.partnerA("GET", "/api/v1/submissions?status=LOST")).status).toBe(400);
});
