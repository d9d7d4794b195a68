// A submission's rows in bulk, in plain SQL: 100,000 rows are one statement per 500 (the rows as one
// JSON parameter, unpacked by json_to_recordset), not 100,000 round trips. The same SQL runs on
// PostgreSQL and PGlite. Not more per statement: Prisma's client keeps the text of its last hundred raw
// queries with their parameters, so a statement's size is paid about fifty times over in memory.
import { randomUUID } from "node:crypto";
import type { Prisma } from "@vep/db";
import type { ParticipantRow } from "@vep/domain";

type Tx = Prisma.TransactionClient;

const ROWS_PER_STATEMENT = 500;

/**
 * An RFC 9562 version-7 UUID: time-ordered, so that a list's new ids land together at the end of their
 * index instead of all over it (random ids made inserts three times slower). The random part comes from
 * randomUUID, which draws entropy in bulk (a randomBytes call per id took a seventh of an import's time).
 */
export function uuidV7(): string {
  const random = randomUUID(); // xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx, the variant already RFC 9562's
  const time = Date.now().toString(16).padStart(12, "0");
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15)}`;
}

export interface NewRow {
  rowNumber: number;
  /** Carried from the previous revision when the row is the same participant; new otherwise. */
  rowKey: string | null;
  row: ParticipantRow;
}

export async function insertRows(tx: Tx, submissionId: string, revision: number, rows: NewRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = JSON.stringify(
      rows.slice(start, start + ROWS_PER_STATEMENT).map(({ rowNumber, rowKey, row }) => ({ id: uuidV7(), n: rowNumber, k: rowKey ?? uuidV7(), ...row })),
    );
    await tx.$executeRaw`
      INSERT INTO "SubmissionRow" ("id", "submissionId", "revision", "rowNumber", "rowKey", "fullName", "normalisedName", "sex", "regionId", "position", "email", "phone", "role", "updatedAt")
      SELECT r.id, ${submissionId}, ${revision}, r.n, r.k, r."fullName", r."normalisedName", r.sex::"Sex", r."regionId", r.position, r.email, r.phone, r.role::"EnrolmentRole", now()
      FROM json_to_recordset(${chunk}::json) AS r(id text, n int, k text, "fullName" text, "normalisedName" text, sex text, "regionId" text, position text, email text, phone text, role text)`;
  }
}

/** The row keys of a revision by name, for names that occur once: a re-imported row keeps its key. */
export async function rowKeysByName(tx: Tx, submissionId: string, revision: number): Promise<Map<string, string>> {
  const rows = await tx.$queryRaw<{ normalisedName: string; rowKey: string }[]>`
    SELECT "normalisedName", min("rowKey") AS "rowKey" FROM "SubmissionRow"
    WHERE "submissionId" = ${submissionId} AND "revision" = ${revision}
    GROUP BY "normalisedName" HAVING count(*) = 1`;
  return new Map(rows.map((r) => [r.normalisedName, r.rowKey]));
}

/** Starts revision `to` as a copy of revision `from`, row keys kept, so that it can be edited and diffed. */
export async function copyRows(tx: Tx, submissionId: string, from: number, to: number): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO "SubmissionRow" ("id", "submissionId", "revision", "rowNumber", "rowKey", "fullName", "normalisedName", "sex", "regionId", "position", "email", "phone", "role", "updatedAt")
    SELECT gen_random_uuid()::text, "submissionId", ${to}, "rowNumber", "rowKey", "fullName", "normalisedName", "sex", "regionId", "position", "email", "phone", "role", now()
    FROM "SubmissionRow" WHERE "submissionId" = ${submissionId} AND "revision" = ${from}`;
}

export interface Materialised {
  /** Rows matched to a person the organisation already had. */
  linked: number;
  /** People recorded for the first time. */
  created: number;
  /** Enrolments added to the activity (a person already enrolled is not enrolled twice). */
  enrolled: number;
}

/**
 * Approval: each row of the revision becomes a person (or is linked to the one person of the same
 * normalised name the organisation already has, when the name occurs once in the list) and an
 * enrolment in the activity that counts from now on.
 */
export async function materialiseRows(
  tx: Tx,
  submission: { id: string; activityId: string; organisationId: string },
  revision: number,
  ownOrganisationIds: string[],
): Promise<Materialised> {
  const where = { id: submission.id, revision };
  const linked = await tx.$executeRaw`
    UPDATE "SubmissionRow" r SET "personId" = known.id
    FROM (
      SELECT p."normalisedName", min(p."id") AS id FROM "Person" p
      WHERE p."organisationId" = ANY(${ownOrganisationIds}::text[]) AND p."erasedAt" IS NULL
        AND p."normalisedName" IN (SELECT "normalisedName" FROM "SubmissionRow" WHERE "submissionId" = ${where.id} AND "revision" = ${where.revision})
      GROUP BY p."normalisedName" HAVING count(*) = 1
    ) known
    WHERE r."submissionId" = ${where.id} AND r."revision" = ${where.revision} AND r."normalisedName" = known."normalisedName"
      AND r."normalisedName" IN (
        SELECT "normalisedName" FROM "SubmissionRow" WHERE "submissionId" = ${where.id} AND "revision" = ${where.revision}
        GROUP BY "normalisedName" HAVING count(*) = 1)`;
  // A new person takes its row's id: unique, and it ties the two together without a lookup.
  const created = await tx.$executeRaw`
    INSERT INTO "Person" ("id", "fullName", "normalisedName", "sex", "position", "organisationId", "regionId", "email", "phone", "updatedAt")
    SELECT r."id", r."fullName", r."normalisedName", r."sex", r."position", ${submission.organisationId}, r."regionId", r."email", r."phone", now()
    FROM "SubmissionRow" r WHERE r."submissionId" = ${where.id} AND r."revision" = ${where.revision} AND r."personId" IS NULL`;
  await tx.$executeRaw`
    UPDATE "SubmissionRow" SET "personId" = "id"
    WHERE "submissionId" = ${where.id} AND "revision" = ${where.revision} AND "personId" IS NULL`;
  const enrolled = await tx.$executeRaw`
    INSERT INTO "Enrolment" ("id", "activityId", "personId", "role", "submissionId", "updatedAt")
    SELECT gen_random_uuid()::text, ${submission.activityId}, r."personId", r."role", ${submission.id}, now()
    FROM "SubmissionRow" r WHERE r."submissionId" = ${where.id} AND r."revision" = ${where.revision}
    ON CONFLICT ("activityId", "personId") DO NOTHING`;
  return { linked, created, enrolled };
}

const DIFF_FIELDS = ["fullName", "sex", "region", "position", "email", "phone", "role"] as const;
type DiffField = (typeof DIFF_FIELDS)[number];
type DiffRow = { rowKey: string; rowNumber: number } & Record<DiffField, string | null>;

async function revisionRows(tx: Tx, submissionId: string, revision: number): Promise<DiffRow[]> {
  const rows = await tx.submissionRow.findMany({
    where: { submissionId, revision },
    select: { rowKey: true, rowNumber: true, fullName: true, sex: true, region: { select: { name: true } }, position: true, email: true, phone: true, role: true },
    orderBy: { rowNumber: "asc" },
  });
  return rows.map(({ region, ...row }) => ({ ...row, region: region?.name ?? null }));
}

export interface RevisionDiff {
  added: DiffRow[];
  removed: DiffRow[];
  changed: { before: DiffRow; after: DiffRow; fields: { field: DiffField; before: string | null; after: string | null }[] }[];
  unchanged: number;
}

/** What changed from one revision to another, row by row (by row key) and field by field. */
export async function diffRevisions(tx: Tx, submissionId: string, from: number, to: number): Promise<RevisionDiff> {
  const [before, after] = await Promise.all([revisionRows(tx, submissionId, from), revisionRows(tx, submissionId, to)]);
  const earlier = new Map(before.map((r) => [r.rowKey, r]));
  const diff: RevisionDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const row of after) {
    const old = earlier.get(row.rowKey);
    earlier.delete(row.rowKey);
    if (!old) {
      diff.added.push(row);
      continue;
    }
    const fields = DIFF_FIELDS.filter((f) => old[f] !== row[f]).map((field) => ({ field, before: old[field], after: row[field] }));
    if (fields.length === 0) diff.unchanged += 1;
    else diff.changed.push({ before: old, after: row, fields });
  }
  diff.removed = [...earlier.values()];
  return diff;
}
