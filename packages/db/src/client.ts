// Opens the database named by DATABASE_URL: unset → embedded PGlite in a data directory,
// `memory://` → an in-memory PGlite, `postgres://…` → PostgreSQL through node-postgres.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/prisma/client.js";
import { watchPGlite, watchPostgres, type ChangeListener, type StopWatching } from "./changes.js";
import { acquireDataDirLock, type DataDirLock } from "./lock.js";

export type Engine = "pglite" | "postgresql";

export interface Database {
  prisma: PrismaClient;
  engine: Engine;
  /** The adapter factory, for the migrator. */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Where the data lives, for messages (never includes a password). */
  location: string;
  /** Follows committed changes to programme data (changes.ts). */
  watchChanges(listener: ChangeListener): Promise<StopWatching>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A postgres:// URL, `memory://`, or undefined for the embedded default. */
  url?: string | undefined;
  /** Data directory of the embedded database (default `.data/pglite`). */
  dataDir?: string | undefined;
  /** A dump of a PGlite data directory to start from (tests clone a migrated template this way). */
  loadDataDir?: Blob | File | undefined;
  /**
   * False when the caller holds the data directory's lock itself (the API's start-up, which migrates
   * in a child process before it opens the database for good, and that child process). Default true.
   */
  takeLock?: boolean | undefined;
}

/** How long a request waits for a PostgreSQL connection before it fails (and the API answers 503). */
const CONNECT_TIMEOUT_MS = 5_000;

/** The data directory the embedded database uses for these options (undefined for PostgreSQL and memory://). */
export function embeddedDataDir(options: Pick<OpenDatabaseOptions, "url" | "dataDir">): string | undefined {
  if (options.url !== undefined && options.url !== "") return undefined;
  return path.resolve(options.dataDir ?? ".data/pglite");
}

export function isPostgresUrl(url: string | undefined): boolean {
  return url !== undefined && /^postgres(ql)?:\/\//.test(url);
}

export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}:${u.port || "5432"}${u.pathname}`;
  } catch {
    return "postgresql";
  }
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const { url } = options;
  if (url !== undefined && isPostgresUrl(url)) {
    // node-postgres' pool drops a connection that failed and opens new ones on demand, so the same
    // client serves again once PostgreSQL is back; without a connect timeout a request would wait forever
    // on an unreachable host.
    const adapterFactory = new PrismaPg({
      connectionString: url,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      // When PostgreSQL ends a connection (a restart, an administrator) the connection emits "error", and
      // an "error" nobody listens to ends the process. The pool listens while a connection is idle, the
      // adapter once it holds a transaction, but the adapter starts listening a promise's turn after the
      // pool hands the connection over: PostgreSQL's "terminating connection" read in the same packet as
      // the previous query's end falls in between (stopping PostgreSQL under load crashed the API about
      // one time in ten). The queries fail and the pool drops the connection either way.
      onConnect: (connection) => void connection.on("error", () => undefined),
    });
    const prisma = new PrismaClient({ adapter: adapterFactory });
    return {
      prisma,
      engine: "postgresql",
      adapterFactory,
      location: describeUrl(url),
      watchChanges: async (listener) => watchPostgres(url, listener),
      close: () => prisma.$disconnect(),
    };
  }
  if (url !== undefined && url !== "" && url !== "memory://") {
    throw new Error(`DATABASE_URL must be a postgres:// URL or memory:// (got "${url.split(":")[0]}:…")`);
  }

  let lock: DataDirLock | undefined;
  let dataDir: string | undefined;
  if (url !== "memory://") {
    dataDir = embeddedDataDir(options)!;
    await mkdir(dataDir, { recursive: true });
    if (options.takeLock !== false) lock = await acquireDataDirLock(dataDir);
  }
  try {
    const pglite = new PGlite({ ...(dataDir ? { dataDir } : {}), ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}) });
    await pglite.waitReady;
    const adapterFactory = new PrismaPGlite(pglite);
    const prisma = new PrismaClient({ adapter: adapterFactory });
    return {
      prisma,
      engine: "pglite",
      adapterFactory,
      location: dataDir ?? "memory://",
      watchChanges: (listener) => watchPGlite(pglite, listener),
      async close() {
        await prisma.$disconnect();
        await pglite.close();
        await lock?.release();
      },
    };
  } catch (error) {
    await lock?.release();
    throw error;
  }
}
