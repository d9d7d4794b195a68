// Who counts in an activity's figures (ARCHITECTURE.md, "What counts"), for any number of activities
// in one query: used by the activity lists and by the public summary.
import type { Prisma } from "@vep/db";
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
 * Participants who count in figures — entered by staff, or on an APPROVED submission — for the given
 * activities, with their attendance. One query, with the ids as one array parameter, for any number of activities.
 */
export async function countedParticipants(db: Prisma.TransactionClient, activityIds: string[]): Promise<ParticipantRow[]> {
  if (activityIds.length === 0) return [];
  return db.$queryRaw<ParticipantRow[]>`
    WITH session_counts AS (
      SELECT "activityId", count(*)::int AS n FROM "Session" WHERE "activityId" = ANY(${activityIds}::text[]) GROUP BY 1
    ), attended AS (
      SELECT s."activityId", a."personId", count(*)::int AS n
      FROM "Attendance" a JOIN "Session" s ON s.id = a."sessionId"
      WHERE s."activityId" = ANY(${activityIds}::text[])
      GROUP BY 1, 2
    )
    SELECT e."activityId", e."personId", p.sex::text AS sex, p."regionId", r.code AS "regionCode", p."organisationId",
           coalesce(at.n, 0) AS attended, coalesce(sc.n, 0) AS sessions, act."completionSharePercent"
    FROM "Enrolment" e
    JOIN "Person" p ON p.id = e."personId"
    LEFT JOIN "Region" r ON r.id = p."regionId"
    JOIN "Activity" act ON act.id = e."activityId"
    LEFT JOIN "Submission" sub ON sub.id = e."submissionId"
    LEFT JOIN attended at ON at."activityId" = e."activityId" AND at."personId" = e."personId"
    LEFT JOIN session_counts sc ON sc."activityId" = e."activityId"
    WHERE e."activityId" = ANY(${activityIds}::text[])
      AND e.role = 'PARTICIPANT'
      AND (e."submissionId" IS NULL OR sub.status = 'APPROVED')`;
}

export const trainedRow = (r: ParticipantRow) => isTrained(r.attended, r.sessions, r.completionSharePercent);

/** Participants and trained per activity; activities with nobody counted are absent. */
export async function participationCounts(db: Prisma.TransactionClient, activityIds: string[]) {
  const counts = new Map<string, { participants: number; trained: number }>();
  for (const row of await countedParticipants(db, activityIds)) {
    const known = counts.get(row.activityId) ?? { participants: 0, trained: 0 };
    counts.set(row.activityId, { participants: known.participants + 1, trained: known.trained + (trainedRow(row) ? 1 : 0) });
  }
  return counts;
}
