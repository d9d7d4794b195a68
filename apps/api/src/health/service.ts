import type { PrismaClient } from "@vep/db";

/** Reachable when a trivial query answers; up to date when every migration on disk is applied. */
export async function checkHealth(db: PrismaClient, expectedMigrations: readonly string[]) {
  try {
    const applied = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const names = new Set(applied.map((m) => m.migration_name));
    const upToDate = expectedMigrations.every((m) => names.has(m));
    return { reachable: true, migrations: upToDate ? ("up-to-date" as const) : ("pending" as const) };
  } catch {
    return { reachable: false, migrations: "unknown" as const };
  }
}
