// Vitest global setup for database tests: builds one migrated template per run, which every test file
// clones (a PGlite data-dir dump, or a PostgreSQL TEMPLATE database), and says which engine runs.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { TestProject } from "vitest/node";
import { describeUrl, isPostgresUrl } from "../client.js";
import { applyMigrations } from "../migrator.js";
import { adminQuery, databaseUrl } from "./postgres.js";
import "./template.js";

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url !== undefined && isPostgresUrl(url)) {
    const template = `vep_template_${randomBytes(4).toString("hex")}`;
    await adminQuery(url, `CREATE DATABASE ${template}`);
    const factory = new PrismaPg({ connectionString: databaseUrl(url, template) });
    await applyMigrations(factory);
    console.log(`[vep-test] database engine: postgresql (${describeUrl(url)}), template ${template}`);
    project.provide("vepTestTemplate", { engine: "postgresql", url, template });
    return async () => {
      await adminQuery(url, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    };
  }

  const dir = await mkdtemp(path.join(tmpdir(), "vep-test-"));
  const pglite = new PGlite();
  await applyMigrations(new PrismaPGlite(pglite));
  const dumpPath = path.join(dir, "template.tar.gz");
  const dump = await pglite.dumpDataDir("gzip");
  await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  console.log("[vep-test] database engine: pglite (in-memory, cloned per test file)");
  project.provide("vepTestTemplate", { engine: "pglite", dumpPath });
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
