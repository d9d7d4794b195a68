// npm run db:backup -w @vep/db -- --out FILE [--data-dir DIR]
// PostgreSQL (DATABASE_URL set): pg_dump's custom format (-Fc), restorable with pg_restore or db:restore.
// Embedded (DATABASE_URL unset): a dump of the PGlite data directory (a gzipped tar from PGlite's
// dumpDataDir); the directory is locked while it is read, so the command refuses while the API runs.
import { stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { acquireDataDirLock } from "../src/lock.js";
import { callerDir, explainLock, fail, libpqConnection, resolveTarget, runTool } from "./backup-target.js";

const { values } = parseArgs({ options: { out: { type: "string" }, "data-dir": { type: "string" } } });
if (!values.out) fail("Usage: npm run db:backup -w @vep/db -- --out FILE   (DATABASE_URL=postgresql://… for PostgreSQL; unset for the embedded database, or --data-dir DIR)");
const out = path.resolve(callerDir, values.out);
const target = resolveTarget(values["data-dir"]);
const started = performance.now();

if (target.engine === "postgresql") {
  const { dbname, env } = libpqConnection(target.url);
  await runTool("pg_dump", ["--format=custom", "--no-owner", `--file=${out}`, `--dbname=${dbname}`], env);
} else {
  if (!(await stat(path.join(target.dataDir, "PG_VERSION")).catch(() => null))) fail(`No embedded database at ${target.dataDir}.`);
  const lock = await acquireDataDirLock(target.dataDir).catch((error: unknown) => explainLock(error, "back up the embedded database"));
  try {
    const pglite = new PGlite({ dataDir: target.dataDir });
    await pglite.waitReady;
    try {
      const dump = await pglite.dumpDataDir("gzip");
      await writeFile(out, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await pglite.close();
    }
  } finally {
    await lock.release();
  }
}
const { size } = await stat(out);
console.log(`Backed up ${target.engine} ${target.label} to ${out} (${(size / 1e6).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
