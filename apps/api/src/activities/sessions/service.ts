// Sessions of an activity and the trainers who delivered them. Read in the activity's scope (partners
// and donors without the trainers' names); written by STAFF and ADMIN.
import type { Prisma } from "@vep/db";
import { ConflictError, NotFoundError, RuleViolationError, type Session, type SessionInput, type SessionUpdate, msg, type MessageText } from "@vep/domain";
import { recordAudit } from "../../http/audit.js";
import { ensureUpdated } from "../../http/concurrency.js";
import type { ServiceContext } from "../../http/context.js";
import { fromDateColumn } from "../../http/dates.js";
import { keyset } from "../../http/pagination.js";
import { activityScope, seesTrainers } from "../scope.js";

export const sessionSelect = {
  id: true,
  activityId: true,
  sequence: true,
  startsAt: true,
  endsAt: true,
  topic: true,
  topicTranslations: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  trainers: { orderBy: { trainer: { person: { nameKey: "asc" } } }, select: { trainer: { select: { id: true, person: { select: { fullName: true } } } } } },
} satisfies Prisma.SessionSelect;
type SessionRow = Prisma.SessionGetPayload<{ select: typeof sessionSelect }>;

export function toSession(ctx: ServiceContext, row: SessionRow): Session {
  return {
    id: row.id,
    activityId: row.activityId,
    sequence: row.sequence,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt?.toISOString() ?? null,
    topic: row.topic,
    topicTranslations: row.topicTranslations as Record<string, string>,
    trainerCount: row.trainers.length,
    ...(seesTrainers(ctx) ? { trainers: row.trainers.map(({ trainer }) => ({ id: trainer.id, fullName: trainer.person.fullName })) } : {}),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A session starts on one of the activity's days (UTC) and ends after it starts. */
function checkTimes(activity: { startDate: Date; endDate: Date }, startsAt: Date, endsAt: Date | null) {
  const errors: Record<string, MessageText> = {};
  if (startsAt < activity.startDate || startsAt.getTime() >= activity.endDate.getTime() + DAY_MS) {
    errors["body.startsAt"] = msg("activities.sessionWithinDates", { from: fromDateColumn(activity.startDate), to: fromDateColumn(activity.endDate) });
  }
  if (endsAt && endsAt <= startsAt) errors["body.endsAt"] = msg("activities.sessionEndsAfterStart");
  if (Object.keys(errors).length > 0) throw new RuleViolationError(msg("activities.sessionTimesDoNotFit"), errors);
}

/** An activity in the caller's scope, with the dates its sessions must keep to. */
async function findActivity(ctx: ServiceContext, db: Prisma.TransactionClient, id: string) {
  const activity = await db.activity.findFirst({ where: { AND: [{ id }, activityScope(ctx)] }, select: { id: true, startDate: true, endDate: true } });
  if (!activity) throw new NotFoundError("Activity");
  return activity;
}

async function findSession(ctx: ServiceContext, db: Prisma.TransactionClient, id: string) {
  const session = await db.session.findFirst({
    where: { id, activity: activityScope(ctx) },
    select: { ...sessionSelect, activity: { select: { startDate: true, endDate: true } }, _count: { select: { attendance: true } } },
  });
  if (!session) throw new NotFoundError("Session");
  return session;
}

export async function listSessions({ ctx, input }: { ctx: ServiceContext; input: { activityId: string; limit: number; cursor?: string | undefined } }) {
  await findActivity(ctx, ctx.db, input.activityId);
  const page = keyset({ field: "sequence", direction: "asc" }, input.limit, input.cursor);
  const rows = await ctx.db.session.findMany({
    where: { AND: [{ activityId: input.activityId }, page.where] },
    orderBy: page.orderBy,
    take: page.take,
    select: sessionSelect,
  });
  const { items, nextCursor } = page.page(rows);
  return { items: items.map((row) => toSession(ctx, row)), nextCursor };
}

export async function getSession({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  return toSession(ctx, await findSession(ctx, ctx.db, input.id));
}

export async function createSession({ ctx, input }: { ctx: ServiceContext; input: { activityId: string; session: SessionInput } }) {
  return ctx.db.$transaction(async (tx) => {
    const activity = await findActivity(ctx, tx, input.activityId);
    const { startsAt, endsAt, ...rest } = input.session;
    const times = { startsAt: new Date(startsAt), endsAt: endsAt === null ? null : new Date(endsAt) };
    checkTimes(activity, times.startsAt, times.endsAt);
    // A sequence taken in this activity fails the unique index: 409.
    const row = await tx.session.create({ data: { ...rest, ...times, activityId: activity.id }, select: sessionSelect });
    await recordAudit(tx, { actorId: ctx.user.id, action: "session.create", entityType: "Session", entityId: row.id, after: row, ipAddress: ctx.clientAddress });
    return toSession(ctx, row);
  });
}

export async function updateSession({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number; changes: Omit<SessionUpdate, "version"> } }) {
  return ctx.db.$transaction(async (tx) => {
    const { activity, _count, ...before } = await findSession(ctx, tx, input.id);
    const { startsAt, endsAt, ...rest } = input.changes;
    const times = {
      ...(startsAt === undefined ? {} : { startsAt: new Date(startsAt) }),
      ...(endsAt === undefined ? {} : { endsAt: endsAt === null ? null : new Date(endsAt) }),
    };
    checkTimes(activity, times.startsAt ?? before.startsAt, times.endsAt === undefined ? before.endsAt : times.endsAt);
    const { count } = await tx.session.updateMany({ where: { id: input.id, version: input.version }, data: { ...rest, ...times, version: { increment: 1 } } });
    await ensureUpdated(count, async () => true, "Session");
    const after = await tx.session.findUniqueOrThrow({ where: { id: input.id }, select: sessionSelect });
    await recordAudit(tx, { actorId: ctx.user.id, action: "session.update", entityType: "Session", entityId: input.id, before, after, ipAddress: ctx.clientAddress });
    return toSession(ctx, after);
  });
}

export async function deleteSession({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number } }) {
  await ctx.db.$transaction(async (tx) => {
    const { activity, _count, ...before } = await findSession(ctx, tx, input.id);
    // Deleting it would silently drop attendance and change who counts as trained.
    if (_count.attendance > 0) throw new ConflictError(msg("activities.sessionHasAttendance"));
    const { count } = await tx.session.deleteMany({ where: { id: input.id, version: input.version } });
    await ensureUpdated(count, async () => true, "Session");
    await recordAudit(tx, { actorId: ctx.user.id, action: "session.delete", entityType: "Session", entityId: input.id, before, ipAddress: ctx.clientAddress });
  });
}

/** Replaces the session's trainers; the session's version moves on, since what it shows changed. */
export async function setSessionTrainers({ ctx, input }: { ctx: ServiceContext; input: { id: string; trainerIds: string[] } }) {
  return ctx.db.$transaction(async (tx) => {
    const before = await findSession(ctx, tx, input.id);
    const known = await tx.trainer.count({ where: { id: { in: input.trainerIds } } });
    if (known !== input.trainerIds.length) throw new RuleViolationError(msg("ref.unknownTrainer"), { "body.trainerIds": msg("ref.everyIdATrainer") });
    await tx.sessionTrainer.deleteMany({ where: { sessionId: input.id } });
    await tx.sessionTrainer.createMany({ data: input.trainerIds.map((trainerId) => ({ sessionId: input.id, trainerId })) });
    const after = await tx.session.update({ where: { id: input.id }, data: { version: { increment: 1 } }, select: sessionSelect });
    await recordAudit(tx, {
      actorId: ctx.user.id,
      action: "session.trainers.set",
      entityType: "Session",
      entityId: input.id,
      before: { trainerIds: before.trainers.map((t) => t.trainer.id) },
      after: { trainerIds: input.trainerIds },
      ipAddress: ctx.clientAddress,
    });
    return toSession(ctx, after);
  });
}
