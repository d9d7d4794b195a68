// Service pieces every money resource shares: the caller's programme scope, dates, sorting by
// money, and the audited, version-checked create/update/delete in one transaction.
import type { Prisma } from "@vep/db";
import { ConflictError, NotFoundError, RuleViolationError } from "@vep/domain";
import { recordAudit } from "../http/audit.js";
import { ensureUpdated } from "../http/concurrency.js";
import type { ServiceContext } from "../http/context.js";
import type { SortValue } from "../http/pagination.js";

type Tx = Prisma.TransactionClient;

/**
 * The programmes whose money the caller reads, as a filter on a record's `programme`: everything
 * for "all", the programmes a donor co-funds for "funded-programmes", and nothing for any other scope.
 */
export function programmeScope(ctx: ServiceContext): { programme?: Prisma.ProgrammeWhereInput } {
  if (ctx.scope === "all") return {};
  if (ctx.scope === "funded-programmes") return { programme: { contributions: { some: { donorId: ctx.user.donorId ?? "none" } } } };
  return { programme: { id: { in: [] } } };
}

/** `YYYY-MM-DD` ↔ the UTC midnight Prisma uses for `@db.Date` columns. */
export const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
export const toDay = (date: Date) => date.toISOString().slice(0, 10);

/** A date column between `from` and `to` (inclusive, either open). */
export function dateBetween(from: string | undefined, to: string | undefined): Prisma.DateTimeFilter | undefined {
  if (!from && !to) return undefined;
  return { ...(from ? { gte: toDate(from) } : {}), ...(to ? { lte: toDate(to) } : {}) };
}

/** The value a keyset cursor keeps for `field`; BigInt money becomes a number (JSON has no BigInt). */
export function cursorValue<F extends string>(field: F) {
  return (row: Record<F, unknown>): SortValue => {
    const value = row[field];
    return typeof value === "bigint" ? Number(value) : (value as SortValue);
  };
}

/** Refuses a reference to a record that does not exist, naming the field, instead of a database 409. */
export async function requireExists(found: Promise<unknown>, field: string, what: string): Promise<void> {
  if (!(await found)) throw new RuleViolationError(`Unknown ${what}`, { [field]: `No such ${what}.` });
}

const auditName = (entity: string) => entity.charAt(0).toLowerCase() + entity.slice(1);

export function createAudited<Row extends { id: string }>(ctx: ServiceContext, entity: string, create: (tx: Tx) => Promise<Row>): Promise<Row> {
  return ctx.db.$transaction(async (tx) => {
    const row = await create(tx);
    await recordAudit(tx, { actorId: ctx.user.id, action: `${auditName(entity)}.create`, entityType: entity, entityId: row.id, after: row, ipAddress: ctx.clientAddress });
    return row;
  });
}

interface VersionedWrite<Row> {
  ctx: ServiceContext;
  /** The model's name: in messages and as the audit's entity type. */
  entity: string;
  id: string;
  version: number;
  /** The record as the caller may see it; null when it is gone or out of scope (404). */
  load: (tx: Tx) => Promise<Row | null>;
  /** Business rules that need the stored record; run after the version check, so stale edits get 409 first. */
  check?: (tx: Tx, before: Row) => Promise<void>;
}

async function loadCurrent<Row extends { version: number }>(tx: Tx, write: VersionedWrite<Row>): Promise<Row> {
  const before = await write.load(tx);
  if (!before) throw new NotFoundError(write.entity);
  if (before.version !== write.version) throw new ConflictError(`The ${auditName(write.entity)} was changed by someone else. Reload it and apply your change again.`);
  await write.check?.(tx, before);
  return before;
}

/** `apply` runs `updateMany({ where: { id, version } })`, so a write racing this one still gets 409. */
export function updateVersioned<Row extends { version: number }>(write: VersionedWrite<Row> & { apply: (tx: Tx) => Promise<{ count: number }> }): Promise<Row> {
  const { ctx, entity, id } = write;
  return ctx.db.$transaction(async (tx) => {
    const before = await loadCurrent(tx, write);
    await ensureUpdated((await write.apply(tx)).count, async () => true, entity);
    const after = await write.load(tx);
    if (!after) throw new NotFoundError(entity);
    await recordAudit(tx, { actorId: ctx.user.id, action: `${auditName(entity)}.update`, entityType: entity, entityId: id, before, after, ipAddress: ctx.clientAddress });
    return after;
  });
}

/** `remove` runs `deleteMany({ where: { id, version } })`. */
export async function deleteVersioned<Row extends { version: number }>(write: VersionedWrite<Row> & { remove: (tx: Tx) => Promise<{ count: number }> }): Promise<void> {
  const { ctx, entity, id } = write;
  await ctx.db.$transaction(async (tx) => {
    const before = await loadCurrent(tx, write);
    await ensureUpdated((await write.remove(tx)).count, async () => true, entity);
    await recordAudit(tx, { actorId: ctx.user.id, action: `${auditName(entity)}.delete`, entityType: entity, entityId: id, before, ipAddress: ctx.clientAddress });
  });
}
