// Opening the database for the API process: migrations applied, the demo seed on an empty database.
import { applyMigrations, openDatabase, readMigrations, type Database } from "@vep/db";
import { seedReferenceCase } from "@vep/db/seed";
import type { Env } from "./env.js";

export interface StartedDatabase {
  database: Database;
  migrations: string[];
  applied: string[];
  demoLogins: { email: string; role: string; password: string }[];
}

export async function prepareDatabase(env: Env): Promise<StartedDatabase> {
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DIR });
  try {
    const applied = await applyMigrations(database.adapterFactory);
    const migrations = (await readMigrations()).migrationDirectories.map((m) => m.path);
    // Seed only a database with no programme: never mix demo data into real data.
    const isEmpty = (await database.prisma.programme.count()) === 0;
    const demoLogins = isEmpty ? (await seedReferenceCase(database.prisma, { production: env.NODE_ENV === "production" })).demoLogins : [];
    return { database, migrations, applied, demoLogins };
  } catch (error) {
    await database.close();
    throw error;
  }
}
