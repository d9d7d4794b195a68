import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { diffMigrationsAgainstSchema } from "./migrator.js";

/**
 * The SQL that the migrations lack to match schema.prisma ("" when they agree). Replays the migrations
 * on an in-memory PGlite shadow database, so it needs no server.
 */
export async function migrationDrift(options: { migrationsDir?: string; schemaPath?: string } = {}): Promise<string> {
  const pglite = new PGlite();
  try {
    return await diffMigrationsAgainstSchema(new PrismaPGlite(pglite), options);
  } finally {
    await pglite.close();
  }
}
