// The activity lists count participants and trained in SQL; the dashboards read every counted participant.
// Both must agree on a generated programme with every kind of attendance.
import { afterAll, beforeAll, expect, it } from "vitest";
import { generateScale } from "@vep/db/seed";
import { countedParticipants, participationCounts, trainedRow } from "../src/activities/counting.js";
import { startApi, type RunningApi } from "./harness.js";

let api: RunningApi;
let activityIds: string[];
beforeAll(async () => {
  api = await startApi();
  const { programmeId } = await generateScale(api.db.prisma, "S");
  activityIds = (await api.db.prisma.activity.findMany({ where: { programmeId }, select: { id: true }, orderBy: { id: "asc" } })).map((a) => a.id);
  // Some people of the first activity attended nothing, some of the second one session fewer.
  const [first, second] = activityIds;
  await api.db.prisma.$executeRaw`
    DELETE FROM "Attendance" WHERE "sessionId" IN (SELECT id FROM "Session" WHERE "activityId" = ${first})
      AND "personId" IN (SELECT "personId" FROM "Enrolment" WHERE "activityId" = ${first} ORDER BY "personId" LIMIT 5)`;
  await api.db.prisma.$executeRaw`
    DELETE FROM "Attendance" WHERE "sessionId" IN (SELECT id FROM "Session" WHERE "activityId" = ${second} ORDER BY sequence LIMIT 3)`;
});
afterAll(() => api.close());

it("counts per activity what the list of counted participants holds", async () => {
  const expected = new Map<string, { participants: number; trained: number }>();
  for (const row of await countedParticipants(api.db.prisma, activityIds)) {
    const known = expected.get(row.activityId) ?? { participants: 0, trained: 0 };
    expected.set(row.activityId, { participants: known.participants + 1, trained: known.trained + (trainedRow(row) ? 1 : 0) });
  }
  const counted = await participationCounts(api.db.prisma, activityIds);
  expect(counted).toEqual(expected);
  // Not trivially equal: many activities, some with people who did not attend enough.
  const totals = [...counted.values()];
  expect(totals.length).toBeGreaterThan(10);
  expect(totals.some((t) => t.trained < t.participants)).toBe(true);
  expect(totals.some((t) => t.trained > 0)).toBe(true);
});
