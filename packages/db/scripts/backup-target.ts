// What db:backup and db:restore work on: the PostgreSQL database at DATABASE_URL, or the embedded PGlite
// data directory (the API's default, apps/api/.data/pglite, or PGLITE_DIR / --data-dir).
import { spawn } from "node:child_process";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { describeUrl, isPostgresUrl } from "../src/client.js";
import { DataDirInUseError } from "../src/lock.js";

const packageRoot = path.resolve(import.meta.dirname, "..");
/** Where `npm start` runs the API, so where a relative PGLITE_DIR points. */
const apiDir = path.resolve(packageRoot, "../../apps/api");
/** The directory npm was run from: relative --in/--out/--data-dir are taken from there. */
export const callerDir = process.env.INIT_CWD ?? process.cwd();

export type Target = { engine: "postgresql"; url: string; label: string } | { engine: "pglite"; dataDir: string; label: string };

export function resolveTarget(dataDirFlag: string | undefined): Target {
  const url = process.env.DATABASE_URL?.trim() || undefined;
  if (url !== undefined && dataDirFlag !== undefined) fail("Give either DATABASE_URL (PostgreSQL) or --data-dir (embedded), not both.");
  if (url !== undefined) {
    if (!isPostgresUrl(url)) fail(`DATABASE_URL must be a postgres:// URL (an in-memory database has nothing to back up); unset it for the embedded database.`);
    return { engine: "postgresql", url, label: describeUrl(url) };
  }
  const dataDir = dataDirFlag !== undefined ? path.resolve(callerDir, dataDirFlag) : path.resolve(apiDir, process.env.PGLITE_DIR ?? ".data/pglite");
  return { engine: "pglite", dataDir, label: dataDir };
}

/** The URL for libpq tools, its password moved to PGPASSWORD so that it does not show in the process list. */
export function libpqConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  // Prisma's own parameter; libpq refuses parameters it does not know.
  u.searchParams.delete("schema");
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** Runs a PostgreSQL client tool (pg_dump, pg_restore from PATH, or from PG_BIN), its output passed through. */
export function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const command = process.env.PG_BIN ? path.join(process.env.PG_BIN, tool) : tool;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "inherit", "inherit"] });
    child.once("error", (error) => reject(new Error(`Cannot run ${command}: ${error.message} (install postgresql-client, or set PG_BIN)`)));
    child.once("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`${tool} failed (${signal ?? `exit code ${code}`})`))));
  });
}

export async function isEmptyDir(dir: string): Promise<boolean> {
  const entries = await readdir(dir).catch((error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? [] : Promise.reject(error)));
  return entries.length === 0;
}

/** The two formats, told apart by their first bytes: pg_dump's custom format and PGlite's gzipped tar. */
export function fileFormat(head: Uint8Array): "pg_dump" | "pglite" | "unknown" {
  if (Buffer.from(head.subarray(0, 5)).toString("latin1") === "PGDMP") return "pg_dump";
  if (head[0] === 0x1f && head[1] === 0x8b) return "pglite";
  return "unknown";
}

export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** The lock's refusal in words for this command. */
export function explainLock(error: unknown, what: string): never {
  if (error instanceof DataDirInUseError) fail(`Cannot ${what}: ${error.message}`);
  throw error;
}
