// Reported actuals of an indicator. A value is edited until it is locked (its period closed); a locked
// value is corrected by a new value that supersedes it and gives the reason, so history is kept.
import type { Prisma } from "@vep/db";
import {
  ConflictError,
  NotFoundError,
  missingEvidence,
  suppressSmall,
  type Dimensions,
  type IndicatorValue,
  type IndicatorValueInput,
  type IndicatorValueUpdate,
  msg,
} from "@vep/domain";
import { recordAudit } from "../../http/audit.js";
import { ensureUpdated } from "../../http/concurrency.js";
import type { ServiceContext } from "../../http/context.js";
import { keyset } from "../../http/pagination.js";
import { findIndicator, indicatorScope, suppressesSmallCells } from "../indicators/scope.js";
import { fromDateColumn } from "../../http/dates.js";
import { cellOf, ruleViolation, texts, type Db } from "../shared.js";
import type { PeriodSort } from "../targets/service.js";

export const valueInclude = { supersededBy: { select: { id: true } } } as const;
type ValueRow = Prisma.IndicatorValueGetPayload<{ include: typeof valueInclude }>;

/** `suppress`: a donor reading a count of people, where 1 or 2 would single people out. */
export function toIndicatorValue(row: ValueRow, suppress: boolean): IndicatorValue {
  const cell = suppress ? suppressSmall(Number(row.value)) : { value: Number(row.value), suppressed: false };
  return {
    id: row.id,
    indicatorId: row.indicatorId,
    periodStart: fromDateColumn(row.periodStart),
    periodEnd: fromDateColumn(row.periodEnd),
    value: cell.value,
    suppressed: cell.suppressed,
    dimensions: texts(row.dimensions),
    dimensionKey: row.dimensionKey,
    evidenceUrl: row.evidenceUrl,
    evidenceNote: row.evidenceNote,
    enteredById: row.enteredById,
    lockedAt: row.lockedAt?.toISOString() ?? null,
    supersedesId: row.supersedesId,
    supersededById: row.supersededBy?.id ?? null,
    reason: row.reason,
    computedAt: row.computedAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

type Cell = ReturnType<typeof cellOf>;
const sameCell = (a: Omit<Cell, "dimensions">, b: Omit<Cell, "dimensions">) =>
  a.periodStart.getTime() === b.periodStart.getTime() && a.periodEnd.getTime() === b.periodEnd.getTime() && a.dimensionKey === b.dimensionKey;

/** A cell has one value in force: a second is refused (edit it, or correct it once locked). */
async function ensureCellFree(tx: Prisma.TransactionClient, indicatorId: string, cell: Cell, except?: string) {
  const inForce = await tx.indicatorValue.findFirst({
    where: { indicatorId, periodStart: cell.periodStart, periodEnd: cell.periodEnd, dimensionKey: cell.dimensionKey, supersededBy: { is: null }, ...(except ? { id: { not: except } } : {}) },
    select: { id: true, lockedAt: true },
  });
  if (inForce) {
    throw new ConflictError(inForce.lockedAt ? msg("results.periodHasLockedValue", { id: inForce.id }) : msg("results.periodHasValue", { id: inForce.id }));
  }
}

export async function listValues({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { indicatorId: string; inForce?: boolean | undefined; sort: PeriodSort; limit: number; cursor?: string | undefined };
}) {
  const indicator = await findIndicator(ctx.db, ctx, input.indicatorId);
  const page = keyset(input.sort, input.limit, input.cursor);
  const rows = await ctx.db.indicatorValue.findMany({
    where: { AND: [{ indicatorId: indicator.id }, input.inForce === undefined ? {} : { supersededBy: input.inForce ? { is: null } : { isNot: null } }, page.where] },
    include: valueInclude,
    orderBy: page.orderBy,
    take: page.take,
  });
  const { items, nextCursor } = page.page(rows);
  const suppress = suppressesSmallCells(ctx, indicator);
  return { items: items.map((row) => toIndicatorValue(row, suppress)), nextCursor };
}

const valueWhere = (ctx: ServiceContext, id: string): Prisma.IndicatorValueWhereInput => ({ AND: [{ id }, { indicator: indicatorScope(ctx) }] });
const withIndicator = { ...valueInclude, indicator: { select: { source: true, metric: true, disaggregations: true } } } as const;

async function findValue(db: Db, ctx: ServiceContext, id: string) {
  const found = await db.indicatorValue.findFirst({ where: valueWhere(ctx, id), include: withIndicator });
  if (!found) throw new NotFoundError("Indicator value");
  return found;
}

export async function getValue({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  const { indicator, ...row } = await findValue(ctx.db, ctx, input.id);
  return toIndicatorValue(row, suppressesSmallCells(ctx, indicator));
}

export async function createValue({ ctx, input }: { ctx: ServiceContext; input: { indicatorId: string; value: IndicatorValueInput } }) {
  const { value: amount, supersedesId, evidenceUrl, evidenceNote, reason } = input.value;
  const evidence = { evidenceUrl, evidenceNote, reason };
  return ctx.db.$transaction(async (tx) => {
    const indicator = await findIndicator(tx, ctx, input.indicatorId);
    const cell = cellOf(indicator, input.value);
    const noEvidence = missingEvidence(indicator.source, evidence);
    if (Object.keys(noEvidence).length > 0) throw ruleViolation(msg("results.evidenceRequired"), noEvidence);
    if (supersedesId) {
      const old = await tx.indicatorValue.findFirst({ where: { id: supersedesId, indicatorId: indicator.id }, include: valueInclude });
      if (!old) throw ruleViolation(msg("results.unknownValue"), { supersedesId: msg("results.noSuchValue") });
      if (!old.lockedAt) throw new ConflictError(msg("results.valueNotLocked"));
      if (old.supersededBy) throw new ConflictError(msg("results.valueAlreadyCorrected", { id: old.supersededBy.id }));
      if (!sameCell(cell, old)) throw ruleViolation(msg("results.correctionSameCell"), { periodStart: msg("results.correctionSameCellField") });
    } else {
      await ensureCellFree(tx, indicator.id, cell);
    }
    const row = await tx.indicatorValue.create({
      data: { indicatorId: indicator.id, value: String(amount), ...cell, ...evidence, supersedesId, enteredById: ctx.user.id },
      include: valueInclude,
    });
    const action = supersedesId ? "indicatorValue.correct" : "indicatorValue.create";
    await recordAudit(tx, { actorId: ctx.user.id, action, entityType: "IndicatorValue", entityId: row.id, after: row, ipAddress: ctx.clientAddress });
    return toIndicatorValue(row, false);
  });
}

export async function updateValue({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number; changes: Omit<IndicatorValueUpdate, "version"> } }) {
  const { value: amount, dimensions, periodStart, periodEnd, ...evidence } = input.changes;
  return ctx.db.$transaction(async (tx) => {
    const { indicator, supersededBy: _, ...before } = await findValue(tx, ctx, input.id);
    if (before.lockedAt) throw new ConflictError(msg("results.valueLocked"));
    const cell = cellOf(indicator, {
      periodStart: periodStart ?? fromDateColumn(before.periodStart),
      periodEnd: periodEnd ?? fromDateColumn(before.periodEnd),
      dimensions: dimensions ?? (before.dimensions as Dimensions),
    });
    if (!sameCell(cell, before)) await ensureCellFree(tx, before.indicatorId, cell, before.id);
    const noEvidence = missingEvidence(indicator.source, { evidenceUrl: evidence.evidenceUrl !== undefined ? evidence.evidenceUrl : before.evidenceUrl, evidenceNote: evidence.evidenceNote !== undefined ? evidence.evidenceNote : before.evidenceNote });
    if (Object.keys(noEvidence).length > 0) throw ruleViolation(msg("results.evidenceRequired"), noEvidence);
    // Locking in between leaves no row at this version and unlocked: 409.
    const { count } = await tx.indicatorValue.updateMany({
      where: { id: input.id, version: input.version, lockedAt: null },
      data: { ...cell, ...evidence, ...(amount === undefined ? {} : { value: String(amount) }), version: { increment: 1 } },
    });
    await ensureUpdated(count, async () => true, "Indicator value");
    const after = await tx.indicatorValue.findUniqueOrThrow({ where: { id: input.id }, include: valueInclude });
    await recordAudit(tx, { actorId: ctx.user.id, action: "indicatorValue.update", entityType: "IndicatorValue", entityId: input.id, before, after, ipAddress: ctx.clientAddress });
    return toIndicatorValue(after, false);
  });
}

export async function lockValue({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number } }) {
  return ctx.db.$transaction(async (tx) => {
    const { indicator: _, ...before } = await findValue(tx, ctx, input.id);
    if (before.lockedAt) throw new ConflictError(msg("results.valueAlreadyLocked"));
    const { count } = await tx.indicatorValue.updateMany({ where: { id: input.id, version: input.version, lockedAt: null }, data: { lockedAt: new Date(), version: { increment: 1 } } });
    await ensureUpdated(count, async () => true, "Indicator value");
    const after = await tx.indicatorValue.findUniqueOrThrow({ where: { id: input.id }, include: valueInclude });
    await recordAudit(tx, { actorId: ctx.user.id, action: "indicatorValue.lock", entityType: "IndicatorValue", entityId: input.id, before, after, ipAddress: ctx.clientAddress });
    return toIndicatorValue(after, false);
  });
}
