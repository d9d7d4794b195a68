// Enrolments: who takes part in an activity. Entered by staff here; partners' lists arrive as submissions.
import type { Prisma } from "@vep/db";
import { ConflictError, NotFoundError, type Enrolment, type EnrolmentInput, msg } from "@vep/domain";
import { recordAudit } from "../../http/audit.js";
import { ensureUpdated } from "../../http/concurrency.js";
import type { ServiceContext } from "../../http/context.js";
import { keyset } from "../../http/pagination.js";
import { activityScope, ensureReferencesExist, iso, personScope } from "../scope.js";

/** A person as shown beside an enrolment or on an attendance list. */
export const personRefSelect = { id: true, fullName: true, sex: true, organisationId: true, regionId: true } satisfies Prisma.PersonSelect;

const enrolmentInclude = { person: { select: personRefSelect } } satisfies Prisma.EnrolmentInclude;
type EnrolmentRow = Prisma.EnrolmentGetPayload<{ include: typeof enrolmentInclude }>;

function toEnrolment(row: EnrolmentRow, sessionsAttended: number): Enrolment {
  return {
    id: row.id,
    activityId: row.activityId,
    personId: row.personId,
    role: row.role,
    submissionId: row.submissionId,
    person: row.person,
    sessionsAttended,
    version: row.version,
    createdAt: iso(row.createdAt),
  };
}

/** Sessions of the activity each of the people attended: one grouped query for the whole page. */
async function sessionsAttended(db: Prisma.TransactionClient, activityId: string, personIds: string[]): Promise<Map<string, number>> {
  if (personIds.length === 0) return new Map();
  const groups = await db.attendance.groupBy({ by: ["personId"], where: { personId: { in: personIds }, session: { activityId } }, _count: { _all: true } });
  return new Map(groups.map((g) => [g.personId, g._count._all]));
}

async function findActivity(ctx: ServiceContext, id: string) {
  const activity = await ctx.db.activity.findFirst({ where: { AND: [{ id }, activityScope(ctx)] }, select: { id: true } });
  if (!activity) throw new NotFoundError("Activity");
  return activity;
}

export async function listEnrolments({ ctx, input }: { ctx: ServiceContext; input: { activityId: string; limit: number; cursor?: string | undefined } }) {
  await findActivity(ctx, input.activityId);
  const page = keyset({ field: "createdAt", direction: "asc" }, input.limit, input.cursor);
  const rows = await ctx.db.enrolment.findMany({
    where: { AND: [{ activityId: input.activityId }, { person: personScope(ctx) }, page.where] },
    include: enrolmentInclude,
    orderBy: page.orderBy,
    take: page.take,
  });
  const { items, nextCursor } = page.page(rows);
  const attended = await sessionsAttended(ctx.db, input.activityId, items.map((e) => e.personId));
  return { items: items.map((e) => toEnrolment(e, attended.get(e.personId) ?? 0)), nextCursor };
}

export async function createEnrolment({ ctx, input }: { ctx: ServiceContext; input: { activityId: string } & EnrolmentInput }) {
  await findActivity(ctx, input.activityId);
  return ctx.db.$transaction(async (tx) => {
    await ensureReferencesExist(tx, { personId: input.personId });
    const existing = await tx.enrolment.findUnique({ where: { activityId_personId: { activityId: input.activityId, personId: input.personId } }, select: { id: true } });
    if (existing) throw new ConflictError(msg("people.alreadyEnrolled", { id: existing.id }));
    const row = await tx.enrolment.create({ data: input, include: enrolmentInclude });
    await recordAudit(tx, { actorId: ctx.user.id, action: "enrolment.create", entityType: "Enrolment", entityId: row.id, after: row, ipAddress: ctx.clientAddress });
    const attended = await sessionsAttended(tx, row.activityId, [row.personId]);
    return toEnrolment(row, attended.get(row.personId) ?? 0);
  });
}

/** Unenrolling also removes the person's attendance of the activity's sessions: attendance needs enrolment. */
export async function deleteEnrolment({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number } }) {
  await ctx.db.$transaction(async (tx) => {
    const before = await tx.enrolment.findUnique({ where: { id: input.id } });
    if (!before) throw new NotFoundError("Enrolment");
    const { count } = await tx.enrolment.deleteMany({ where: { id: input.id, version: input.version } });
    await ensureUpdated(count, async () => true, "Enrolment");
    const attendance = await tx.attendance.deleteMany({ where: { personId: before.personId, session: { activityId: before.activityId } } });
    await recordAudit(tx, {
      actorId: ctx.user.id,
      action: "enrolment.delete",
      entityType: "Enrolment",
      entityId: input.id,
      before,
      meta: { attendanceRemoved: attendance.count },
      ipAddress: ctx.clientAddress,
    });
  });
}
