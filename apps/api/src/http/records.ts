// The write steps every resource shares: one transaction per write, the audit event inside it, the
// caller's scope checked first (404), then the version read (409 when stale, before any business rule),
// and the write itself guarded by `updateMany({ where: { id, version } })` so that a racing write gets 409 too.
import type { Prisma } from "@vep/db";
import { ConflictError, EntityName, msg, NotFoundError, RuleViolationError } from "@vep/domain";
import { recordAudit } from "./audit.js";
import { ensureUpdated } from "./concurrency.js";
import type { ServiceContext } from "./context.js";

type Tx = Prisma.TransactionClient;

const auditName = (entity: string) => entity.charAt(0).toLowerCase() + entity.slice(1);

/** Refuses a reference to a record that does not exist, naming the field, instead of a database 409. */
export async function requireExists(found: Promise<unknown>, field: string, what: string): Promise<void> {
  if (!(await found)) throw new RuleViolationError(msg("http.unknownRecord", { what: new EntityName(what) }), { [field]: msg("http.noSuchRecord", { what: new EntityName(what) }) });
}

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
  if (before.version !== write.version) throw new ConflictError(msg("http.stale", { entity: new EntityName(auditName(write.entity)) }));
  await write.check?.(tx, before);
  return before;
}

/** `apply` runs `updateMany({ where: { id, version } })` (and any writes that go with it), so a write racing this one still gets 409. */
export function updateVersioned<Row extends { version: number }>(
  write: VersionedWrite<Row> & { apply: (tx: Tx, before: Row) => Promise<{ count: number }> },
): Promise<Row> {
  const { ctx, entity, id } = write;
  return ctx.db.$transaction(async (tx) => {
    const before = await loadCurrent(tx, write);
    await ensureUpdated((await write.apply(tx, before)).count, async () => true, entity);
    const after = await write.load(tx);
    if (!after) throw new NotFoundError(entity);
    await recordAudit(tx, { actorId: ctx.user.id, action: `${auditName(entity)}.update`, entityType: entity, entityId: id, before, after, ipAddress: ctx.clientAddress });
    return after;
  });
}

/** `remove` runs `deleteMany({ where: { id, version } })`; the database refuses (409) while others refer to the record. */
export async function deleteVersioned<Row extends { version: number }>(
  write: VersionedWrite<Row> & { remove: (tx: Tx, before: Row) => Promise<{ count: number }> },
): Promise<void> {
  const { ctx, entity, id } = write;
  await ctx.db.$transaction(async (tx) => {
    const before = await loadCurrent(tx, write);
    await ensureUpdated((await write.remove(tx, before)).count, async () => true, entity);
    await recordAudit(tx, { actorId: ctx.user.id, action: `${auditName(entity)}.delete`, entityType: entity, entityId: id, before, ipAddress: ctx.clientAddress });
  });
}
