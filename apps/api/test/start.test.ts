import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DataDirInUseError } from "@vep/db";
import { loadEnv } from "../src/env.js";
import { prepareDatabase } from "../src/start.js";

// The embedded default specifically (whatever DATABASE_URL says): what `npm start` does on a laptop.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "vep-start-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it("migrates and seeds an empty embedded database once, keeps the data across a restart, and refuses a second owner", async () => {
  const env = loadEnv({ PGLITE_DIR: path.join(dir, "pglite") });
  const first = await prepareDatabase(env);
  expect(first.database.engine).toBe("pglite");
  expect(first.applied.length).toBeGreaterThan(0);
  expect(first.demoLogins.map((l) => l.email)).toContain("staff@vep.example");
  await expect(prepareDatabase(env)).rejects.toBeInstanceOf(DataDirInUseError);
  const enrolments = await first.database.prisma.enrolment.count();
  await first.database.close();

  const second = await prepareDatabase(env);
  try {
    expect(second.applied).toEqual([]);
    expect(second.demoLogins).toEqual([]);
    expect(await second.database.prisma.enrolment.count()).toBe(enrolments);
  } finally {
    await second.database.close();
  }
});

it("rejects a DATABASE_URL that is neither postgres:// nor memory://", () => {
  expect(() => loadEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
});
