// npm run db:migration -w @vep/db -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that brings the existing
// migrations up to schema.prisma.
import { mkdir, writeFile, access } from "node:fs/promises";
import path from "node:path";
import { migrationDrift } from "../src/drift.js";
import { migrationsDir } from "../src/paths.js";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -w @vep/db -- <name>   (lower-case letters, digits and _)");
  process.exit(2);
}

const sql = await migrationDrift();
if (sql === "") {
  console.log("schema.prisma and the migrations agree: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, "migration.sql"), `${sql}\n`);
const lockFile = path.join(migrationsDir, "migration_lock.toml");
await access(lockFile).catch(() => writeFile(lockFile, 'provider = "postgresql"\n'));
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
