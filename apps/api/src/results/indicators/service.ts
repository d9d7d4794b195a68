// Indicators of outcomes and outputs, with their targets, values and progress per period. STAFF and
// ADMIN write; a donor reads those of the programmes it co-funds.
import type { Prisma } from "@vep/db";
import {
  ConflictError,
  NotFoundError,
  checkIndicatorRules,
  describeDefinition,
  describeProgressRule,
  type Indicator,
  type IndicatorDetail,
  type IndicatorInput,
  type IndicatorUpdate,
  msg,
} from "@vep/domain";
import { recordAudit } from "../../http/audit.js";
import { ensureUpdated } from "../../http/concurrency.js";
import type { ServiceContext } from "../../http/context.js";
import { keyset, type Sort } from "../../http/pagination.js";
import { fromDateColumn, toDateColumn } from "../../http/dates.js";

const today = () => fromDateColumn(new Date());
import { keyContains, likeLiteral } from "../../http/search.js";
import { dimensionList, ruleViolation, texts, type Db } from "../shared.js";
import { toIndicatorTarget } from "../targets/service.js";
import { toIndicatorValue, valueInclude } from "../values/service.js";
import { computedActuals } from "../computed/service.js";
import { indicatorPeriods, periodKey, periodsOf } from "./progress.js";
import { indicatorScope, suppressesSmallCells } from "./scope.js";

export type IndicatorSort = Sort<"code" | "createdAt">;

function toIndicator(row: Prisma.IndicatorGetPayload<object>): Indicator {
  return {
    id: row.id,
    programmeId: row.programmeId,
    outcomeId: row.outcomeId,
    outputId: row.outputId,
    code: row.code,
    name: row.name,
    nameTranslations: texts(row.nameTranslations),
    description: row.description,
    descriptionTranslations: texts(row.descriptionTranslations),
    originalLanguage: row.originalLanguage,
    measure: row.measure,
    direction: row.direction,
    source: row.source,
    metric: row.metric,
    definition: row.definition as Record<string, unknown>,
    unit: row.unit,
    baselineValue: row.baselineValue === null ? null : Number(row.baselineValue),
    baselineDate: row.baselineDate === null ? null : fromDateColumn(row.baselineDate),
    disaggregations: row.disaggregations,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The request's fields as columns: the baseline converted, the definition as checked (when given). */
function toColumns<F extends Omit<IndicatorUpdate, "version">>(fields: F, definition: Record<string, unknown> | undefined) {
  const { baselineValue, baselineDate, definition: _asSent, ...rest } = fields;
  return {
    ...rest,
    ...(definition === undefined ? {} : { definition: definition as Prisma.InputJsonValue }),
    ...(baselineValue === undefined ? {} : { baselineValue: baselineValue === null ? null : String(baselineValue) }),
    ...(baselineDate === undefined ? {} : { baselineDate: baselineDate === null ? null : toDateColumn(baselineDate) }),
  };
}

/** The outcome or output named must be in the indicator's programme. */
async function checkAttachment(db: Db, programmeId: string, attachment: { outcomeId?: string | null | undefined; outputId?: string | null | undefined }) {
  const [outcome, output] = await Promise.all([
    attachment.outcomeId ? db.outcome.findFirst({ where: { id: attachment.outcomeId, programmeId }, select: { id: true } }) : true,
    attachment.outputId ? db.output.findFirst({ where: { id: attachment.outputId, outcome: { programmeId } }, select: { id: true } }) : true,
  ]);
  if (!outcome) throw ruleViolation(msg("ref.unknownOutcome"), { outcomeId: msg("results.noOutcomeInProgramme") });
  if (!output) throw ruleViolation(msg("ref.unknownOutput"), { outputId: msg("results.noOutputInProgramme") });
}

export async function listIndicators({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    programmeId?: string | undefined;
    outcomeId?: string | undefined;
    outputId?: string | undefined;
    source?: Indicator["source"] | undefined;
    q?: string | undefined;
    sort: IndicatorSort;
    limit: number;
    cursor?: string | undefined;
  };
}) {
  const page = keyset(input.sort, input.limit, input.cursor);
  const rows = await ctx.db.indicator.findMany({
    where: {
      AND: [
        indicatorScope(ctx),
        input.programmeId ? { programmeId: input.programmeId } : {},
        input.outcomeId ? { outcomeId: input.outcomeId } : {},
        input.outputId ? { outputId: input.outputId } : {},
        input.source ? { source: input.source } : {},
        input.q ? { OR: [{ code: { contains: likeLiteral(input.q), mode: "insensitive" } }, { nameKey: { contains: keyContains(input.q) } }] } : {},
        page.where,
      ],
    },
    orderBy: page.orderBy,
    take: page.take,
  });
  const { items, nextCursor } = page.page(rows);
  return { items: items.map(toIndicator), nextCursor };
}

export async function getIndicator({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<IndicatorDetail> {
  const row = await ctx.db.indicator.findFirst({
    where: { AND: [{ id: input.id }, indicatorScope(ctx)] },
    include: {
      targets: { orderBy: [{ periodStart: "asc" }, { periodEnd: "asc" }, { dimensionKey: "asc" }] },
      values: { include: valueInclude, orderBy: [{ periodStart: "asc" }, { periodEnd: "asc" }, { dimensionKey: "asc" }, { createdAt: "asc" }] },
      programme: { select: { onTrackPercent: true, atRiskPercent: true } },
    },
  });
  if (!row) throw new NotFoundError("Indicator");
  const { targets, values, programme, ...indicatorRow } = row;
  const indicator = toIndicator(indicatorRow);
  const suppress = suppressesSmallCells(ctx, row);
  const detail = { targets: targets.map(toIndicatorTarget), values: values.map((v) => toIndicatorValue(v, suppress)) };
  const rule = { onTrackPercent: programme.onTrackPercent, atRiskPercent: programme.atRiskPercent };
  const computed =
    indicator.source === "COMPUTED" && indicator.metric
      ? await computedActuals(
          ctx.db,
          { ...indicator, metric: indicator.metric },
          periodsOf([...detail.targets, ...detail.values]),
          (period) => detail.values.some((v) => v.lockedAt !== null && periodKey(v) === periodKey(period)),
          (period) => detail.targets.filter((t) => t.dimensionKey !== "" && periodKey(t) === periodKey(period)).map((t) => t.dimensions),
          suppress,
        )
      : [];
  return {
    ...indicator,
    definitionText: indicator.source === "COMPUTED" && indicator.metric ? describeDefinition(indicator.metric, indicator.definition) : null,
    progressRule: { ...rule, text: describeProgressRule(rule) },
    ...detail,
    periods: indicatorPeriods(detail.targets, detail.values, { baseline: indicator.baselineValue, direction: indicator.direction, rule, asOf: today(), computed }),
  };
}

export async function createIndicator({ ctx, input }: { ctx: ServiceContext; input: IndicatorInput }) {
  if (!(await ctx.db.programme.findUnique({ where: { id: input.programmeId }, select: { id: true } }))) {
    throw ruleViolation(msg("ref.unknownProgramme"), { programmeId: msg("ref.noSuchProgramme") });
  }
  await checkAttachment(ctx.db, input.programmeId, input);
  const { definition } = checkIndicatorRules(input);
  return ctx.db.$transaction(async (tx) => {
    // A code taken in the programme is refused with 409 by the unique index.
    const row = await tx.indicator.create({ data: toColumns(input, definition) });
    await recordAudit(tx, { actorId: ctx.user.id, action: "indicator.create", entityType: "Indicator", entityId: row.id, after: row, ipAddress: ctx.clientAddress });
    return toIndicator(row);
  });
}

export async function updateIndicator({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number; changes: Omit<IndicatorUpdate, "version"> } }) {
  const { changes } = input;
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.indicator.findFirst({ where: { AND: [{ id: input.id }, indicatorScope(ctx)] } });
    if (!before) throw new NotFoundError("Indicator");
    // The rules across fields hold for the indicator as it will be.
    const merged = {
      outcomeId: changes.outcomeId !== undefined ? changes.outcomeId : before.outcomeId,
      outputId: changes.outputId !== undefined ? changes.outputId : before.outputId,
      source: changes.source ?? before.source,
      metric: changes.metric !== undefined ? changes.metric : before.metric,
      definition: changes.definition ?? (before.definition as Record<string, unknown>),
    };
    const { errors, definition } = checkIndicatorRules(merged);
    if (Object.keys(errors).length > 0) throw ruleViolation(msg("results.indicatorBreaksRule"), errors);
    await checkAttachment(tx, before.programmeId, changes);
    if (changes.disaggregations) {
      const kept = new Set<string>(changes.disaggregations);
      await checkDisaggregationsInUse(tx, before.id, before.disaggregations.filter((d) => !kept.has(d)));
    }

    const redefined = changes.definition !== undefined || changes.metric !== undefined || changes.source !== undefined;
    const { count } = await tx.indicator.updateMany({
      where: { id: input.id, version: input.version },
      data: { ...toColumns(changes, redefined ? definition : undefined), version: { increment: 1 } },
    });
    await ensureUpdated(count, async () => true, "Indicator");
    const after = await tx.indicator.findUniqueOrThrow({ where: { id: input.id } });
    await recordAudit(tx, { actorId: ctx.user.id, action: "indicator.update", entityType: "Indicator", entityId: input.id, before, after, ipAddress: ctx.clientAddress });
    return toIndicator(after);
  });
}

/** A breakdown cannot be dropped while targets or values are broken down by it. */
async function checkDisaggregationsInUse(tx: Prisma.TransactionClient, indicatorId: string, removed: string[]) {
  if (removed.length === 0) return;
  const usesRemoved = { indicatorId, OR: removed.map((key) => ({ dimensionKey: { contains: `${key}=` } })) };
  const [target, value] = await Promise.all([
    tx.indicatorTarget.findFirst({ where: usesRemoved, select: { dimensionKey: true } }),
    tx.indicatorValue.findFirst({ where: usesRemoved, select: { dimensionKey: true } }),
  ]);
  if (target || value) {
    throw ruleViolation(msg("results.breakdownInUse"), { disaggregations: msg("results.brokenDownBy", { dimensions: dimensionList(removed) }) });
  }
}

export async function deleteIndicator({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number } }) {
  await ctx.db.$transaction(async (tx) => {
    const before = await tx.indicator.findFirst({
      where: { AND: [{ id: input.id }, indicatorScope(ctx)] },
      include: { _count: { select: { values: { where: { lockedAt: { not: null } } } } } },
    });
    if (!before) throw new NotFoundError("Indicator");
    // Targets and open values go with it; reported (locked) values are history and stay.
    if (before._count.values > 0) throw new ConflictError(msg("results.indicatorHasLockedValues"));
    const { count } = await tx.indicator.deleteMany({ where: { id: input.id, version: input.version } });
    await ensureUpdated(count, async () => true, "Indicator");
    const { _count, ...row } = before;
    await recordAudit(tx, { actorId: ctx.user.id, action: "indicator.delete", entityType: "Indicator", entityId: input.id, before: row, ipAddress: ctx.clientAddress });
  });
}
