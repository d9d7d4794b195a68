// Targets of an indicator per period, for the total ("" key) or a breakdown cell ("sex=FEMALE").
import type { Prisma } from "@vep/db";
import { NotFoundError, type Dimensions, type IndicatorTarget, type IndicatorTargetInput, type IndicatorTargetUpdate } from "@vep/domain";
import { recordAudit } from "../../http/audit.js";
import { ensureUpdated } from "../../http/concurrency.js";
import type { ServiceContext } from "../../http/context.js";
import { keyset, type Sort } from "../../http/pagination.js";
import { findIndicator, indicatorScope } from "../indicators/scope.js";
import { fromDateColumn } from "../../http/dates.js";
import { cellOf, texts } from "../shared.js";

export type PeriodSort = Sort<"periodStart" | "createdAt">;

export function toIndicatorTarget(row: Prisma.IndicatorTargetGetPayload<object>): IndicatorTarget {
  return {
    id: row.id,
    indicatorId: row.indicatorId,
    periodStart: fromDateColumn(row.periodStart),
    periodEnd: fromDateColumn(row.periodEnd),
    value: Number(row.value),
    dimensions: texts(row.dimensions),
    dimensionKey: row.dimensionKey,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listTargets({ ctx, input }: { ctx: ServiceContext; input: { indicatorId: string; sort: PeriodSort; limit: number; cursor?: string | undefined } }) {
  await findIndicator(ctx.db, ctx, input.indicatorId);
  const page = keyset(input.sort, input.limit, input.cursor);
  const rows = await ctx.db.indicatorTarget.findMany({ where: { AND: [{ indicatorId: input.indicatorId }, page.where] }, orderBy: page.orderBy, take: page.take });
  const { items, nextCursor } = page.page(rows);
  return { items: items.map(toIndicatorTarget), nextCursor };
}

export async function createTarget({ ctx, input }: { ctx: ServiceContext; input: { indicatorId: string; target: IndicatorTargetInput } }) {
  return ctx.db.$transaction(async (tx) => {
    const indicator = await findIndicator(tx, ctx, input.indicatorId);
    // A second target for the same period and cell is refused with 409 by the unique index.
    const row = await tx.indicatorTarget.create({ data: { indicatorId: indicator.id, value: String(input.target.value), ...cellOf(indicator, input.target) } });
    await recordAudit(tx, { actorId: ctx.user.id, action: "indicatorTarget.create", entityType: "IndicatorTarget", entityId: row.id, after: row, ipAddress: ctx.clientAddress });
    return toIndicatorTarget(row);
  });
}

const targetWhere = (ctx: ServiceContext, id: string): Prisma.IndicatorTargetWhereInput => ({ AND: [{ id }, { indicator: indicatorScope(ctx) }] });

export async function updateTarget({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number; changes: Omit<IndicatorTargetUpdate, "version"> } }) {
  const { changes } = input;
  return ctx.db.$transaction(async (tx) => {
    const found = await tx.indicatorTarget.findFirst({ where: targetWhere(ctx, input.id), include: { indicator: { select: { disaggregations: true } } } });
    if (!found) throw new NotFoundError("Indicator target");
    const { indicator, ...before } = found;
    const cell = cellOf(indicator, {
      periodStart: changes.periodStart ?? fromDateColumn(before.periodStart),
      periodEnd: changes.periodEnd ?? fromDateColumn(before.periodEnd),
      dimensions: changes.dimensions ?? (before.dimensions as Dimensions),
    });
    const { count } = await tx.indicatorTarget.updateMany({
      where: { id: input.id, version: input.version },
      data: { ...cell, ...(changes.value === undefined ? {} : { value: String(changes.value) }), version: { increment: 1 } },
    });
    await ensureUpdated(count, async () => true, "Indicator target");
    const after = await tx.indicatorTarget.findUniqueOrThrow({ where: { id: input.id } });
    await recordAudit(tx, { actorId: ctx.user.id, action: "indicatorTarget.update", entityType: "IndicatorTarget", entityId: input.id, before, after, ipAddress: ctx.clientAddress });
    return toIndicatorTarget(after);
  });
}

export async function deleteTarget({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number } }) {
  await ctx.db.$transaction(async (tx) => {
    const before = await tx.indicatorTarget.findFirst({ where: targetWhere(ctx, input.id) });
    if (!before) throw new NotFoundError("Indicator target");
    const { count } = await tx.indicatorTarget.deleteMany({ where: { id: input.id, version: input.version } });
    await ensureUpdated(count, async () => true, "Indicator target");
    await recordAudit(tx, { actorId: ctx.user.id, action: "indicatorTarget.delete", entityType: "IndicatorTarget", entityId: input.id, before, ipAddress: ctx.clientAddress });
  });
}
