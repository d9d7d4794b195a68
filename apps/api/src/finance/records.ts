// The write steps every finance record shares: one transaction per write, the audit event inside it, the
// caller's scope checked first (404), the version compared in the write itself (409 when stale).
import type { Prisma } from "@vep/db";
import { NotFoundError } from "@vep/domain";
import { recordAudit } from "../http/audit.js";
import { ensureUpdated } from "../http/concurrency.js";
import type { ServiceContext } from "../http/context.js";

type Tx = Prisma.TransactionClient;

/** A `@db.Date` value as YYYY-MM-DD, and back (UTC midnight). */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);
export const toDay = (day: string) => new Date(`${day}T00:00:00.000Z`);
export const toDayOrNull = (day: string | null) => (day === null ? null : toDay(day));

const auditAction = (entityType: string, verb: string) => `${entityType.charAt(0).toLowerCase()}${entityType.slice(1)}.${verb}`;

export function createAudited<R extends { id: string }>(ctx: ServiceContext, entityType: string, create: (tx: Tx) => Promise<R>): Promise<R> {
  return ctx.db.$transaction(async (tx) => {
    const row = await create(tx);
    await recordAudit(tx, { actorId: ctx.user.id, action: auditAction(entityType, "create"), entityType, entityId: row.id, after: row, ipAddress: ctx.clientAddress });
    return row;
  });
}

interface VersionedWrite<R> {
  entityType: string;
  id: string;
  /** The record as the caller may see it, or null when absent or out of scope. */
  find: (tx: Tx) => Promise<R | null>;
}

/** `write` changes the record only where its version is still the one read, and returns the rows changed. */
export function updateAudited<R>(ctx: ServiceContext, { entityType, id, find }: VersionedWrite<R>, write: (tx: Tx, before: R) => Promise<number>): Promise<R> {
  return ctx.db.$transaction(async (tx) => {
    const before = await find(tx);
    if (before === null) throw new NotFoundError(entityType);
    await ensureUpdated(await write(tx, before), async () => true, entityType);
    const after = await find(tx);
    if (after === null) throw new NotFoundError(entityType);
    await recordAudit(tx, { actorId: ctx.user.id, action: auditAction(entityType, "update"), entityType, entityId: id, before, after, ipAddress: ctx.clientAddress });
    return after;
  });
}

/** `remove` deletes where the version is still the one read; the database refuses (409) while others refer to it. */
export async function deleteAudited<R>(ctx: ServiceContext, { entityType, id, find }: VersionedWrite<R>, remove: (tx: Tx) => Promise<number>): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    const before = await find(tx);
    if (before === null) throw new NotFoundError(entityType);
    await ensureUpdated(await remove(tx), async () => true, entityType);
    await recordAudit(tx, { actorId: ctx.user.id, action: auditAction(entityType, "delete"), entityType, entityId: id, before, ipAddress: ctx.clientAddress });
  });
}
