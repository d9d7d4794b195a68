// A fresh, migrated database for one test file: PGlite in memory by default, its own PostgreSQL
// database (cloned from the run's template) when DATABASE_URL is set. Needs the global setup
// `@vep/db/testing/global-setup` in the vitest config.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { inject } from "vitest";
import { openDatabase, type Database } from "../client.js";
import { adminQuery, databaseUrl } from "./postgres.js";
import "./template.js";

export async function createTestDatabase(): Promise<Database> {
  const template = inject("vepTestTemplate");
  if (template.engine === "postgresql") {
    const name = `vep_test_${randomBytes(6).toString("hex")}`;
    await cloneTemplate(template.url, name, template.template);
    const db = await openDatabase({ url: databaseUrl(template.url, name) });
    return {
      ...db,
      async close() {
        await db.close();
        await adminQuery(template.url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }
  const dump = new Blob([await readFile(template.dumpPath)]);
  return openDatabase({ url: "memory://", loadDataDir: dump });
}

/** PostgreSQL copies a template for one CREATE DATABASE at a time; parallel test files take turns. */
async function cloneTemplate(url: string, name: string, template: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(url, `CREATE DATABASE ${name} TEMPLATE ${template}`);
      return;
    } catch (error) {
      if (attempt >= 100 || !/is being accessed by other users/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
    }
  }
}
