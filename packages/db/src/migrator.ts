// Applies and diffs Prisma migrations with Prisma's own schema engine compiled to WebAssembly, so that
// no native engine has to be downloaded (STACK-NOTES.md). Works on PGlite and on PostgreSQL.
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { openDatabase } from "./client.js";
import { migrationsDir as defaultMigrationsDir, schemaPath as defaultSchemaPath } from "./paths.js";

const NO_FILTERS = { externalTables: [], externalEnums: [] };

let wasmReady: Promise<void> | undefined;

function loadSchemaEngineWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmFile = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(await readFile(wasmFile), {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmReady;
}

async function openEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schemaPath: string,
  schemaText: string,
): Promise<SchemaEngine> {
  await loadSchemaEngineWasm();
  const log = () => {};
  return glue.SchemaEngine.new(
    { datamodels: [[schemaPath, schemaText]] },
    log,
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
}

/** Reads `prisma/migrations` into the shape the schema engine expects. */
export async function readMigrations(dir = defaultMigrationsDir): Promise<MigrationList> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: await readFile(path.join(dir, name, "migration.sql"), "utf8") },
      },
    })),
  );
  const lockContent = await readFile(path.join(dir, "migration_lock.toml"), "utf8").catch(() => null);
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/** Applies pending migrations; returns the names it applied (none the second time). */
export async function applyMigrations(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  options: { migrationsDir?: string; schemaPath?: string } = {},
): Promise<string[]> {
  const schemaPath = options.schemaPath ?? defaultSchemaPath;
  const engine = await openEngine(adapterFactory, schemaPath, await readFile(schemaPath, "utf8"));
  const migrationsList = await readMigrations(options.migrationsDir);
  const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
  return appliedMigrationNames;
}

/**
 * Opens its own connection to the database (PostgreSQL URL or embedded data directory), applies pending
 * migrations and closes it. The API runs this in a child process that then exits, so that the schema
 * engine's WebAssembly memory leaves with it instead of staying in the serving process. That process's
 * parent holds the data directory's lock.
 */
export async function migrateDatabase(target: { url?: string | undefined; dataDir?: string | undefined }): Promise<string[]> {
  const database = await openDatabase({ url: target.url, dataDir: target.dataDir, takeLock: false });
  try {
    return await applyMigrations(database.adapterFactory);
  } finally {
    await database.close();
  }
}

/**
 * An empty embedded database with every migration applied, as a data-directory dump (gzipped tar). The
 * API's build ships one, so that a first start loads it (about 0.5 s) instead of running PGlite's initdb
 * and the migrations (several seconds); pending migrations are still applied on top.
 */
export async function buildEmbeddedTemplate(): Promise<Uint8Array> {
  const pglite = new PGlite();
  try {
    await applyMigrations(new PrismaPGlite(pglite));
    return new Uint8Array(await (await pglite.dumpDataDir("gzip")).arrayBuffer());
  } finally {
    await pglite.close();
  }
}

/**
 * The SQL that would bring the migrations up to the schema: empty when they agree.
 * `shadowFactory` must offer a shadow database (an in-memory PGlite does).
 */
export async function diffMigrationsAgainstSchema(
  shadowFactory: SqlMigrationAwareDriverAdapterFactory,
  options: { migrationsDir?: string; schemaPath?: string } = {},
): Promise<string> {
  const schemaPath = options.schemaPath ?? defaultSchemaPath;
  const schemaText = await readFile(schemaPath, "utf8");
  const engine = await openEngine(shadowFactory, schemaPath, schemaText);
  const migrations = await readMigrations(options.migrationsDir);
  const from = migrations.migrationDirectories.length > 0 ? { tag: "migrations" as const, ...migrations } : { tag: "empty" as const };
  const result = await engine.diff({
    from,
    to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schemaText }] },
    script: true,
    exitCode: null,
    filters: NO_FILTERS,
  });
  const sql = (result.stdout ?? "").trim();
  // An empty diff comes back as a comment only.
  return sql === "" || /^-- This is an empty migration\.?$/.test(sql) ? "" : sql;
}
