import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { applyMigrations, readMigrations } from "../src/migrator.js";
import { createTestDatabase } from "../src/testing/index.js";
import type { Database } from "../src/client.js";

describe("migrations", () => {
  it("apply to an empty database, then re-apply as a no-op", async () => {
    const pglite = new PGlite();
    try {
      const factory = new PrismaPGlite(pglite);
      const all = (await readMigrations()).migrationDirectories.map((m) => m.path);
      expect(all.length).toBeGreaterThan(0);
      expect(await applyMigrations(factory)).toEqual(all);
      expect(await applyMigrations(factory)).toEqual([]);
      const { rows } = await pglite.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('Activity', 'Attendance', 'Person', '_prisma_migrations')",
      );
      expect(rows[0]?.n).toBe(4);
    } finally {
      await pglite.close();
    }
  });
});

describe("the test database", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  it(`is migrated and has the engine asked for (DATABASE_URL ${process.env.DATABASE_URL ? "set" : "unset"})`, async () => {
    expect(db.engine).toBe(process.env.DATABASE_URL ? "postgresql" : "pglite");
    const applied = await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
    expect(applied[0]?.n).toBe((await readMigrations()).migrationDirectories.length);
    // Re-applying on the (cloned) database is a no-op on either engine.
    expect(await applyMigrations(db.adapterFactory)).toEqual([]);
  });

  it("enforces one attendance per participant per session", async () => {
    const { prisma } = db;
    const country = await prisma.country.create({ data: { code: "KG", name: "Kyrgyzstan" } });
    const org = await prisma.organisation.create({ data: { name: "UNODC test", kind: "UN_ENTITY" } });
    const programme = await prisma.programme.create({
      data: { iatiIdentifier: "XM-TEST-1", title: "T", status: "IMPLEMENTATION", dacSector: "15130", startDate: new Date("2020-01-01"), defaultCurrency: "USD", reportingOrgId: org.id },
    });
    const activity = await prisma.activity.create({
      data: { programmeId: programme.id, type: "WORKSHOP", modality: "IN_PERSON", title: "W", countryId: country.id, startDate: new Date("2020-01-01"), endDate: new Date("2020-01-02") },
    });
    const session = await prisma.session.create({ data: { activityId: activity.id, sequence: 1, startsAt: new Date(), topic: "t" } });
    const person = await prisma.person.create({ data: { fullName: "A B", normalisedName: "a b", sex: "FEMALE" } });
    await prisma.attendance.create({ data: { sessionId: session.id, personId: person.id } });
    await expect(prisma.attendance.create({ data: { sessionId: session.id, personId: person.id } })).rejects.toMatchObject({ code: "P2002" });
  });
});
