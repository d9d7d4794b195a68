// In-app notices, each for one user: written in the same transaction as what they announce, read and
// marked read only by their owner.
import type { Prisma } from "@vep/db";
import { NotFoundError, type Notification, NOTIFICATION_KINDS } from "@vep/domain";
import type { ServiceContext } from "../http/context.js";
import { keyset } from "../http/pagination.js";

type Kind = (typeof NOTIFICATION_KINDS)[number];
interface Payload {
  submissionId: string;
  activity: string;
  organisation: string;
  revision: number;
  comment: string | null;
}

export async function notify(tx: Prisma.TransactionClient, userIds: string[], kind: Kind, payload: Payload): Promise<void> {
  if (userIds.length === 0) return;
  await tx.notification.createMany({ data: userIds.map((userId) => ({ userId, kind, payload: { ...payload } })) });
}

type Row = { id: string; kind: string; payload: Prisma.JsonValue; readAt: Date | null; createdAt: Date };

function toNotification(row: Row): Notification {
  const p = (row.payload ?? {}) as Partial<Payload>;
  return {
    id: row.id,
    kind: row.kind as Kind,
    submissionId: p.submissionId ?? null,
    activity: p.activity ?? null,
    organisation: p.organisation ?? null,
    revision: p.revision ?? null,
    comment: p.comment ?? null,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listNotifications(ctx: ServiceContext, input: { unread?: "true" | "false" | undefined; limit: number; cursor?: string | undefined }) {
  const page = keyset({ field: "createdAt", direction: "desc" }, input.limit, input.cursor);
  const rows = await ctx.db.notification.findMany({
    where: { AND: [{ userId: ctx.user.id }, input.unread === "true" ? { readAt: null } : {}, page.where] },
    orderBy: page.orderBy,
    take: page.take,
  });
  const { items, nextCursor } = page.page(rows);
  return { items: items.map(toNotification), nextCursor };
}

export async function unreadCount(ctx: ServiceContext) {
  return { unread: await ctx.db.notification.count({ where: { userId: ctx.user.id, readAt: null } }) };
}

export async function markRead(ctx: ServiceContext, id: string) {
  await ctx.db.notification.updateMany({ where: { id, userId: ctx.user.id, readAt: null }, data: { readAt: new Date() } });
  const row = await ctx.db.notification.findFirst({ where: { id, userId: ctx.user.id } });
  if (!row) throw new NotFoundError("Notification");
  return toNotification(row);
}

export async function markAllRead(ctx: ServiceContext) {
  const { count } = await ctx.db.notification.updateMany({ where: { userId: ctx.user.id, readAt: null }, data: { readAt: new Date() } });
  return { marked: count };
}
