import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isTrained } from "@vep/domain";
import type { Database } from "../src/client.js";
import { seedId, seedReferenceCase } from "../src/seed/index.js";
import { createTestDatabase } from "../src/testing/index.js";

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

/** Row count and newest updatedAt of every table the seed writes. */
async function snapshot() {
  const { prisma } = db;
  const tables = await prisma.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND column_name = 'updatedAt' ORDER BY table_name`;
  const result: Record<string, { rows: number; newest: string | null }> = {};
  for (const { table_name } of tables) {
    const [row] = await prisma.$queryRawUnsafe<{ rows: number; newest: Date | null }[]>(
      `SELECT count(*)::int AS rows, max("updatedAt") AS newest FROM "${table_name}"`,
    );
    result[table_name] = { rows: row!.rows, newest: row!.newest?.toISOString() ?? null };
  }
  return result;
}

describe("the demo seed", () => {
  it("is idempotent: a second run changes nothing", async () => {
    const first = await seedReferenceCase(db.prisma);
    expect(first.demoLogins.map((l) => l.role).sort()).toEqual(["ADMIN", "DONOR", "PARTNER", "STAFF"]);
    const before = await snapshot();
    expect(before.Person!.rows).toBeGreaterThan(29);
    await seedReferenceCase(db.prisma);
    expect(await snapshot()).toEqual(before);
  });

  it("holds the webinar: 29 participants from 17 regions, nine sessions, 27 trained", async () => {
    const { prisma } = db;
    const activity = await prisma.activity.findUniqueOrThrow({
      where: { id: seedId("activity:webinar") },
      include: { sessions: true, enrolments: { include: { person: true, submission: true } } },
    });
    expect(activity.title).toBe("Effective communications: the basics of work with the media");
    expect(activity.modality).toBe("ONLINE");
    expect(activity.sessions).toHaveLength(9);
    expect(activity.enrolments).toHaveLength(29);
    expect(new Set(activity.enrolments.map((e) => e.person.regionId)).size).toBe(17);
    expect(activity.enrolments.every((e) => e.submission?.status === "APPROVED" && e.submission.kind === "PARTICIPANT_LIST")).toBe(true);

    const attended = await prisma.attendance.groupBy({
      by: ["personId"],
      where: { session: { activityId: activity.id } },
      _count: { _all: true },
    });
    const trained = attended.filter((a) => isTrained(a._count._all, activity.sessions.length, activity.completionSharePercent));
    expect(trained).toHaveLength(27);

    const names = activity.enrolments.map((e) => e.person.fullName);
    expect(names).toContain("Akerke Zhaubasarova");
    expect(names).toContain("Roman Telenkov");
  });

  it("has the partners, donors, results framework and consented quotes", async () => {
    const { prisma } = db;
    const partners = await prisma.activityPartner.findMany({ where: { activityId: seedId("activity:webinar") }, include: { organisation: true } });
    expect(partners.map((p) => [p.organisation.acronym, p.role])).toEqual([["CES MoI", "NATIONAL_COUNTERPART"]]);
    const donors = await prisma.donor.findMany({ include: { contributions: { include: { payments: true } } }, orderBy: { code: "asc" } });
    expect(donors.map((d) => d.code)).toEqual(["EU", "NL", "UNOCT"]);
    expect(donors.every((d) => d.contributions.length > 0)).toBe(true);
    const indicators = await prisma.indicator.findMany({ include: { targets: true, values: true }, orderBy: { code: "asc" } });
    expect(indicators.length).toBeGreaterThanOrEqual(3);
    for (const indicator of indicators) {
      expect(indicator.baselineValue).not.toBeNull();
      expect(indicator.targets.length).toBeGreaterThan(0);
      expect(indicator.values.length).toBeGreaterThan(0);
    }
    const regions = indicators.find((i) => i.metric === "REGIONS_COVERED")!;
    expect(regions.values.find((v) => v.dimensionKey === "")!.value.toString()).toBe("17");
    const quotes = await prisma.quote.findMany({ where: { consentToQuote: true, consentToAttribution: true } });
    expect(quotes.map((q) => q.attribution)).toEqual(
      expect.arrayContaining([expect.stringContaining("Akerke Zhaubasarova"), expect.stringContaining("Roman Telenkov")]),
    );
  });

  it("creates no demo users in production", async () => {
    const other = await createTestDatabase();
    try {
      const result = await seedReferenceCase(other.prisma, { production: true });
      expect(result.demoLogins).toEqual([]);
      expect(await other.prisma.user.count()).toBe(0);
      expect(await other.prisma.enrolment.count()).toBe(29);
    } finally {
      await other.close();
    }
  });
});
