import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { migrationDrift } from "../src/drift.js";
import { migrationsDir, schemaPath } from "../src/paths.js";

it("schema.prisma and the committed migrations agree (run `npm run db:migration -w @vep/db -- <name>` if not)", async () => {
  expect(await migrationDrift()).toBe("");
});

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "vep-drift-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it("the drift check fails when the schema gains a field the migrations lack", async () => {
  const schema = await readFile(schemaPath, "utf8");
  const changed = schema.replace(/model Activity \{\n/, "model Activity {\n  driftProbe String?\n");
  expect(changed).not.toBe(schema);
  const tmpSchema = path.join(dir, "schema.prisma");
  await writeFile(tmpSchema, changed);
  const tmpMigrations = path.join(dir, "migrations");
  await cp(migrationsDir, tmpMigrations, { recursive: true });

  const drift = await migrationDrift({ schemaPath: tmpSchema, migrationsDir: tmpMigrations });
  expect(drift).toMatch(/ALTER TABLE "Activity" ADD COLUMN\s+"driftProbe" TEXT/);
});
