import { afterAll, beforeAll, expect, it } from "vitest";
import { client, type World, startWorld } from "./fixtures.js";
import type { RunningApi } from "./harness.js";

let api: RunningApi;
let world: World;
beforeAll(async () => {
  ({ api, world } = await startWorld());
});
afterAll(() => api.close());

it("builds the second world with working sign-ins for every fixture user", async () => {
  for (const [name, token] of Object.entries(world.tokens)) {
    const res = await client(api, token)("GET", "/api/v1/me");
    expect(res.status, name).toBe(200);
  }
  expect(world.programmeA).not.toBe(world.programmeB);
});
