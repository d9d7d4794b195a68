// npm run db:restore -w @vep/db -- --in FILE [--data-dir DIR] [--clean]
// PostgreSQL (DATABASE_URL set): pg_restore of a db:backup file into that database, in one transaction;
// the database must be empty (createdb) unless --clean, which drops what the dump holds first.
// Embedded (DATABASE_URL unset): the data directory is rebuilt from a db:backup dump; it must be empty
// or absent, and is locked meanwhile (the command refuses while the API runs).
import { mkdir, open, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { acquireDataDirLock } from "../src/lock.js";
import { callerDir, explainLock, fail, fileFormat, isEmptyDir, libpqConnection, resolveTarget, runTool } from "./backup-target.js";

const { values } = parseArgs({ options: { in: { type: "string" }, "data-dir": { type: "string" }, clean: { type: "boolean", default: false } } });
if (!values.in) fail("Usage: npm run db:restore -w @vep/db -- --in FILE   (DATABASE_URL=postgresql://… for PostgreSQL; unset for the embedded database, or --data-dir DIR)");
const file = path.resolve(callerDir, values.in);
const target = resolveTarget(values["data-dir"]);
const started = performance.now();

const handle = await open(file).catch(() => fail(`Cannot read ${file}.`));
const head = new Uint8Array(8);
await handle.read(head, 0, 8, 0);
await handle.close();
const format = fileFormat(head);
const expected = target.engine === "postgresql" ? "pg_dump" : "pglite";
if (format !== expected) fail(`${file} is ${format === "unknown" ? "not a db:backup file" : `a ${format === "pg_dump" ? "PostgreSQL" : "PGlite"} backup`}; this target is ${target.engine} (${target.label}).`);

if (target.engine === "postgresql") {
  const { dbname, env } = libpqConnection(target.url);
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema()`);
  await client.end();
  if (Number(rows[0]!.n) > 0 && !values.clean) fail(`${target.label} already has tables. Restore into an empty database (createdb), or pass --clean to replace what the backup holds.`);
  await runTool("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", ...(values.clean ? ["--clean", "--if-exists"] : []), `--dbname=${dbname}`, file], env);
} else {
  const { dataDir } = target;
  if (!(await isEmptyDir(dataDir))) fail(`${dataDir} is not empty. Restore into an empty or new directory (move the old one aside first).`);
  await mkdir(dataDir, { recursive: true });
  const lock = await acquireDataDirLock(dataDir).catch((error: unknown) => explainLock(error, "restore the embedded database"));
  try {
    const pglite = new PGlite({ dataDir, loadDataDir: new Blob([await readFile(file)]) });
    try {
      await pglite.waitReady;
      // A restored directory that does not answer is no restore.
      await pglite.query(`SELECT count(*) FROM _prisma_migrations`);
    } finally {
      await pglite.close().catch(() => {});
    }
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  } finally {
    await lock.release();
  }
}
console.log(`Restored ${file} into ${target.engine} ${target.label} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
