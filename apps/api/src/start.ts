// Opening the database for the API process: migrations applied, the demo seed on an empty database.
import { fork } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { acquireDataDirLock, applyMigrations, embeddedDataDir, openDatabase, readMigrations, type Database, type DataDirLock } from "@vep/db";
import { seedReferenceCase } from "@vep/db/seed";
import type { Env } from "./env.js";

export interface StartedDatabase {
  database: Database;
  migrations: string[];
  applied: string[];
  demoLogins: { email: string; role: string; password: string }[];
  /** Seconds spent opening the database, migrating (in the child process) and loading the demo data. */
  seconds: { open: number; migrate: number; seed: number };
}

/**
 * The migration process's script: `dist/migrate-worker.js` beside the bundled server; from the sources
 * (tsx, vitest) the TypeScript file, loaded through tsx.
 */
function migrationScript(): { file: string; execArgv: string[] } {
  const built = fileURLToPath(new URL("./migrate-worker.js", import.meta.url));
  if (existsSync(built)) return { file: built, execArgv: [] };
  return { file: fileURLToPath(new URL("./migrate-worker.ts", import.meta.url)), execArgv: ["--import", "tsx"] };
}

/**
 * Applies pending migrations in a child process that then exits, so that the schema engine's memory
 * leaves with it instead of staying in the serving process (issue 7: API RSS).
 */
export function migrateInChildProcess(target: { url?: string | undefined; dataDir?: string | undefined }): Promise<string[]> {
  const { file, execArgv } = migrationScript();
  return new Promise<string[]>((resolve, reject) => {
    const child = fork(file, [], {
      execArgv,
      env: { ...process.env, VEP_MIGRATE_TARGET: JSON.stringify(target) },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let reply: { applied?: string[]; error?: string } = {};
    child.on("message", (message: typeof reply) => (reply = message));
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0 && reply.applied) resolve(reply.applied);
      else reject(new Error(`Migrations failed: ${reply.error ?? `the migration process ended with ${signal ?? `exit code ${code}`}`}`));
    });
  });
}

/** The migrated empty embedded database `npm run build` writes beside the bundle, if there is one. */
async function embeddedTemplate(): Promise<Blob | undefined> {
  const file = fileURLToPath(new URL("./pglite-template.tar.gz", import.meta.url));
  return existsSync(file) ? new Blob([await readFile(file)]) : undefined;
}

/** Whether some migration on disk is not (successfully) applied yet; true on a database without any. */
async function hasPendingMigrations(database: Database, expected: readonly string[]): Promise<boolean> {
  try {
    const rows = await database.prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const applied = new Set(rows.map((r) => r.migration_name));
    return expected.some((name) => !applied.has(name));
  } catch {
    // No bookkeeping table (a new database), or another failure the migration process will report.
    return true;
  }
}

export async function prepareDatabase(env: Env): Promise<StartedDatabase> {
  const target = { url: env.DATABASE_URL, dataDir: env.PGLITE_DIR };
  const migrations = (await readMigrations()).migrationDirectories.map((m) => m.path);
  let applied: string[] = [];
  let database: Database;
  const seconds = { open: 0, migrate: 0, seed: 0 };
  const timed = async <T>(phase: keyof typeof seconds, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      seconds[phase] += (performance.now() - started) / 1000;
    }
  };
  if (env.DATABASE_URL === "memory://") {
    // An in-memory database exists in this process only: migrate it here.
    database = await timed("open", () => openDatabase(target));
    try {
      applied = await timed("migrate", () => applyMigrations(database.adapterFactory));
    } catch (error) {
      await database.close();
      throw error;
    }
  } else {
    // The embedded database's lock first, so that a second API refuses before anything opens the
    // directory; the migration process works under it. Released when the database is closed.
    const dataDir = embeddedDataDir(target);
    let lock: DataDirLock | undefined;
    let opened: Database | undefined;
    if (dataDir) {
      await mkdir(dataDir, { recursive: true });
      lock = await acquireDataDirLock(dataDir);
    }
    try {
      // Usually nothing is pending: then the schema engine is not loaded at all. A new embedded
      // directory starts from the migrated template the build ships; without one (running from the
      // sources) the migration process creates it, so that its initdb's memory goes with it too.
      const isNewDataDir = dataDir !== undefined && !existsSync(path.join(dataDir, "PG_VERSION"));
      const template = isNewDataDir ? await embeddedTemplate() : undefined;
      opened = isNewDataDir && !template ? undefined : await timed("open", () => openDatabase({ ...target, takeLock: false, ...(template ? { loadDataDir: template } : {}) }));
      if (!opened || (await hasPendingMigrations(opened, migrations))) {
        // PGlite serves one process at a time: the migration process needs the directory to itself.
        if (opened && dataDir) opened = void (await opened.close());
        applied = await timed("migrate", () => migrateInChildProcess({ url: env.DATABASE_URL, dataDir }));
        opened ??= await timed("open", () => openDatabase({ ...target, takeLock: false }));
      }
      const { close } = opened;
      database = { ...opened, close: async () => (await close(), await lock?.release()) };
    } catch (error) {
      await opened?.close().catch(() => undefined);
      await lock?.release();
      throw error;
    }
  }
  try {
    // Seed only a database with no programme: never mix demo data into real data.
    const isEmpty = (await database.prisma.programme.count()) === 0;
    const demoLogins = isEmpty ? (await timed("seed", () => seedReferenceCase(database.prisma, { production: env.NODE_ENV === "production" }))).demoLogins : [];
    return { database, migrations, applied, demoLogins, seconds };
  } catch (error) {
    await database.close();
    throw error;
  }
}
