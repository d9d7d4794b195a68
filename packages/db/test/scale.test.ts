// The scale generator writes exactly the sizes it promises, deterministically, on either engine.
import { afterAll, beforeAll, expect, it } from "vitest";
import { generateScale, SCALE_SIZES, seedReferenceCase } from "../src/seed/index.js";
import { createTestDatabase } from "../src/testing/index.js";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedReferenceCase(db.prisma);
});
afterAll(() => db.close());

it("size S: the promised counts, attendance of 200 an activity, quarterly targets, and no second run", async () => {
  const size = SCALE_SIZES.S;
  const { rows, programmeId } = await generateScale(db.prisma, "S");
  expect(rows).toEqual({
    countries: size.countries,
    regions: size.countries * size.regionsPerCountry,
    // The reference case's three donors contribute too.
    donors: size.donors + 3,
    activities: size.activities,
    sessions: size.activities * size.sessionsPerActivity,
    participants: size.activities * size.participantsPerActivity,
    attendance: size.activities * 200,
    feedback: size.activities * size.feedbackPerActivity,
    indicators: size.indicators,
    targets: size.indicators * size.periods,
  });
  // Every participant's region lies in the country of their activity.
  const misplaced = await db.prisma.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT count(*) AS n FROM "Enrolment" e JOIN "Activity" a ON a.id = e."activityId" JOIN "Person" p ON p.id = e."personId" JOIN "Region" r ON r.id = p."regionId"
     WHERE a."programmeId" = $1 AND r."countryId" <> a."countryId"`,
    programmeId,
  );
  expect(Number(misplaced[0]!.n)).toBe(0);
  // Ids are RFC 4122 UUIDs, as the API's validators expect.
  const ids = await db.prisma.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM "Activity" WHERE "programmeId" = $1 UNION ALL SELECT id FROM "Indicator" WHERE "programmeId" = $1`, programmeId);
  expect(ids.filter((r) => !/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(r.id))).toEqual([]);
  await expect(generateScale(db.prisma, "S")).rejects.toThrow(/already holds a generated programme/);
});
