// Attendance: who was present at a session. Staff set a session's whole list at once.
import type { Prisma } from "@vep/db";
import { NotFoundError, RuleViolationError, type Attendance, msg } from "@vep/domain";
import { recordAudit } from "../../http/audit.js";
import type { ServiceContext } from "../../http/context.js";
import { personRefSelect } from "../enrolments/service.js";
import { activityScope, personScope } from "../scope.js";

/** A session's attendance as the caller may see it (a partner: its own people only). */
async function readAttendance(db: Prisma.TransactionClient, ctx: ServiceContext, sessionId: string): Promise<Attendance> {
  const session = await db.session.findFirst({
    where: { AND: [{ id: sessionId }, { activity: activityScope(ctx) }] },
    select: {
      id: true,
      activityId: true,
      attendance: { where: { person: personScope(ctx) }, select: { person: { select: personRefSelect } }, orderBy: [{ person: { nameKey: "asc" } }, { personId: "asc" }] },
    },
  });
  if (!session) throw new NotFoundError("Session");
  return { sessionId: session.id, activityId: session.activityId, count: session.attendance.length, people: session.attendance.map((a) => a.person) };
}

export async function getAttendance({ ctx, input }: { ctx: ServiceContext; input: { sessionId: string } }) {
  return readAttendance(ctx.db, ctx, input.sessionId);
}

/** Replaces the session's attendance with exactly these people, all of whom must be enrolled in its activity. */
export async function setAttendance({ ctx, input }: { ctx: ServiceContext; input: { sessionId: string; personIds: string[] } }) {
  return ctx.db.$transaction(async (tx) => {
    const session = await tx.session.findUnique({ where: { id: input.sessionId }, select: { id: true, activityId: true } });
    if (!session) throw new NotFoundError("Session");
    const enrolled = new Set(
      (await tx.enrolment.findMany({ where: { activityId: session.activityId, personId: { in: input.personIds } }, select: { personId: true } })).map((e) => e.personId),
    );
    const notEnrolled = Object.fromEntries(
      input.personIds.flatMap((personId, index) => (enrolled.has(personId) ? [] : [[`body.personIds.${index}`, msg("people.notEnrolledInSessionActivity")]])),
    );
    if (Object.keys(notEnrolled).length > 0) throw new RuleViolationError(msg("people.attendeesEnrolled"), notEnrolled);

    const before = await tx.attendance.count({ where: { sessionId: session.id } });
    const removed = await tx.attendance.deleteMany({ where: { sessionId: session.id, personId: { notIn: input.personIds } } });
    const added = await tx.attendance.createMany({ data: input.personIds.map((personId) => ({ sessionId: session.id, personId })), skipDuplicates: true });
    await recordAudit(tx, {
      actorId: ctx.user.id,
      action: "attendance.replace",
      entityType: "Session",
      entityId: session.id,
      meta: { before, after: input.personIds.length, added: added.count, removed: removed.count },
      ipAddress: ctx.clientAddress,
    });
    return readAttendance(tx, ctx, session.id);
  });
}
