// Who counts in an activity's figures (ARCHITECTURE.md, "What counts"), for any number of activities
// in one query: used by the activity lists and by the public summary.
import { Prisma } from "@vep/db";
import { isTrained } from "@vep/domain";

/** One counted participant of an activity, with how many of its sessions they attended. */
export interface ParticipantRow {
  activityId: string;
  personId: string;
  sex: "FEMALE" | "MALE" | "UNDISCLOSED";
  regionId: string | null;
  /** ISO 3166-2, e.g. KZ-MAN. */
  regionCode: string | null;
  organisationId: string | null;
  attended: number;
  sessions: number;
  completionSharePercent: number;
}

/**
 * Participants who count in figures — entered by staff, or on an APPROVED submission — as SQL over
 * "Enrolment" e: `ctes` to put after WITH, `joins` after FROM "Enrolment" e, `where` after WHERE. Gives
 * `at.n` (sessions attended, or NULL for none), `sc.n` (sessions held) and `act` (the activity).
 */
function counted(activityIds: string[]) {
  const ids = Prisma.sql`${activityIds}::text[]`;
  return {
    ctes: Prisma.sql`
      session_counts AS (
        SELECT "activityId", count(*)::int AS n FROM "Session" WHERE "activityId" = ANY(${ids}) GROUP BY 1
      ), attended AS (
        SELECT s."activityId", a."personId", count(*)::int AS n
        FROM "Attendance" a JOIN "Session" s ON s.id = a."sessionId"
        WHERE s."activityId" = ANY(${ids})
        GROUP BY 1, 2
      )`,
    joins: Prisma.sql`
      JOIN "Activity" act ON act.id = e."activityId" AND act.id = ANY(${ids})
      LEFT JOIN "Submission" sub ON sub.id = e."submissionId"
      LEFT JOIN attended at ON at."activityId" = e."activityId" AND at."personId" = e."personId"
      LEFT JOIN session_counts sc ON sc."activityId" = e."activityId"`,
    where: Prisma.sql`e."activityId" = ANY(${ids}) AND e.role = 'PARTICIPANT' AND (e."submissionId" IS NULL OR sub.status = 'APPROVED')`,
  };
}

/**
 * Counted participants of the given activities, with their attendance. One query, with the ids as one
 * array parameter, for any number of activities.
 */
export async function countedParticipants(db: Prisma.TransactionClient, activityIds: string[]): Promise<ParticipantRow[]> {
  if (activityIds.length === 0) return [];
  const { ctes, joins, where } = counted(activityIds);
  return db.$queryRaw<ParticipantRow[]>`
    WITH ${ctes}
    SELECT e."activityId", e."personId", p.sex::text AS sex, p."regionId", r.code AS "regionCode", p."organisationId",
           coalesce(at.n, 0) AS attended, coalesce(sc.n, 0) AS sessions, act."completionSharePercent"
    FROM "Enrolment" e
    JOIN "Person" p ON p.id = e."personId"
    LEFT JOIN "Region" r ON r.id = p."regionId"
    ${joins}
    WHERE ${where}`;
}

export const trainedRow = (r: ParticipantRow) => isTrained(r.attended, r.sessions, r.completionSharePercent);

/**
 * Participants and trained per activity; activities with nobody counted are absent. Counted in SQL down to
 * one row per activity and number of sessions attended, so that a page of 25 activities reads a few dozen
 * rows rather than every participant; the rule for who is trained stays the domain's.
 */
export async function participationCounts(db: Prisma.TransactionClient, activityIds: string[]) {
  const counts = new Map<string, { participants: number; trained: number }>();
  if (activityIds.length === 0) return counts;
  const { ctes, joins, where } = counted(activityIds);
  const groups = await db.$queryRaw<{ activityId: string; attended: number; sessions: number; completionSharePercent: number; people: number }[]>`
    WITH ${ctes}
    SELECT e."activityId", coalesce(at.n, 0) AS attended, coalesce(sc.n, 0) AS sessions, act."completionSharePercent", count(*)::int AS people
    FROM "Enrolment" e
    ${joins}
    WHERE ${where}
    GROUP BY 1, 2, 3, 4`;
  for (const group of groups) {
    const known = counts.get(group.activityId) ?? { participants: 0, trained: 0 };
    const trained = isTrained(group.attended, group.sessions, group.completionSharePercent) ? group.people : 0;
    counts.set(group.activityId, { participants: known.participants + group.people, trained: known.trained + trained });
  }
  return counts;
}
