// Row ids: RFC 9562 version-7 UUIDs, ordered by creation time and unique.
import { expect, it } from "vitest";
import { uuidV7 } from "../src/submissions/rows.js";

it("writes version-7 UUIDs that start with the time they were made and never repeat", async () => {
  const before = Date.now();
  const ids = Array.from({ length: 20_000 }, uuidV7);
  const after = Date.now();
  for (const id of ids.slice(0, 100)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  const time = (id: string) => parseInt(id.replace(/-/g, "").slice(0, 12), 16);
  expect(time(ids[0]!)).toBeGreaterThanOrEqual(before);
  expect(time(ids.at(-1)!)).toBeLessThanOrEqual(after);
  expect(new Set(ids).size).toBe(ids.length);
  await new Promise((resolve) => setTimeout(resolve, 2));
  expect(uuidV7() > ids.at(-1)!).toBe(true);
});
