// Computed indicators through the API: the figure for a period with its breakdown (a donor gets
// counts of people under 3 suppressed), the records behind any figure (staff only), and recording a
// closed period's figures as locked values, so later changes need a correction with a reason.
import type { Prisma } from "@vep/db";
import {
  ConflictError,
  NotFoundError,
  computeIndicator,
  describeDefinition,
  suppressSmall,
  type CellDimensions,
  type ComputationQuery,
  type ComputedCell,
  type ComputedRecords,
  type ComputedRecordsQuery,
  type IndicatorComputation,
  type IndicatorMetric,
  type RecordComputedValuesInput,
  msg,
} from "@vep/domain";
import { recordAudit } from "../../http/audit.js";
import type { ServiceContext } from "../../http/context.js";
import { fromDateColumn, toDateColumn } from "../../http/dates.js";
import { indicatorScope, suppressesSmallCells } from "../indicators/scope.js";
import { ruleViolation, texts } from "../shared.js";
import { toIndicatorValue, valueInclude } from "../values/service.js";
import type { ComputedActual } from "../indicators/progress.js";
import { loadEvidence, type Period } from "./evidence.js";

export type ComputedIndicator = { id: string; programmeId: string; metric: IndicatorMetric; definition: Record<string, unknown>; disaggregations: string[] };

/** A COMPUTED indicator in the caller's scope; a MANUAL one has nothing to compute (400). */
async function findComputed(db: Prisma.TransactionClient, ctx: ServiceContext, id: string): Promise<ComputedIndicator> {
  const row = await db.indicator.findFirst({
    where: { AND: [{ id }, indicatorScope(ctx)] },
    select: { id: true, programmeId: true, source: true, metric: true, definition: true, disaggregations: true },
  });
  if (!row) throw new NotFoundError("Indicator");
  if (row.source !== "COMPUTED" || row.metric === null) throw ruleViolation(msg("results.notComputed"), { source: msg("results.onlyComputed") });
  return { ...row, metric: row.metric, definition: row.definition as Record<string, unknown> };
}

/** The cells targets name for the period, so that each gets its computed actual (zero included). */
async function targetCells(db: Prisma.TransactionClient, indicatorId: string, period: Period): Promise<CellDimensions[]> {
  const targets = await db.indicatorTarget.findMany({
    where: { indicatorId, periodStart: toDateColumn(period.periodStart), periodEnd: toDateColumn(period.periodEnd), dimensionKey: { not: "" } },
    select: { dimensions: true },
  });
  return targets.map((t) => t.dimensions as CellDimensions);
}

export async function computeFor(db: Prisma.TransactionClient, indicator: ComputedIndicator, period: Period) {
  const [evidence, cells] = await Promise.all([loadEvidence(db, indicator.programmeId, period), targetCells(db, indicator.id, period)]);
  return computeIndicator(indicator, evidence, cells);
}

/** A computed cell as a caller sees it: a donor reading a count of people gets 1–2 (and 0 of 1–2) suppressed. */
export function shownCell(cell: ComputedCell, suppress: boolean) {
  const hidden = suppress && suppressSmall(cell.value, cell.base ?? undefined).suppressed;
  return { dimensionKey: cell.dimensionKey, dimensions: cell.dimensions as Record<string, string>, value: hidden ? null : cell.value, suppressed: hidden, base: hidden ? null : cell.base };
}

export async function getComputation({ ctx, input }: { ctx: ServiceContext; input: { id: string } & ComputationQuery }): Promise<IndicatorComputation> {
  const indicator = await findComputed(ctx.db, ctx, input.id);
  const computation = await computeFor(ctx.db, indicator, input);
  const suppress = suppressesSmallCells(ctx, indicator);
  return {
    indicatorId: indicator.id,
    metric: indicator.metric,
    definition: indicator.definition,
    definitionText: describeDefinition(indicator.metric, indicator.definition),
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    total: shownCell(computation.total, suppress),
    breakdown: computation.breakdown.map((c) => shownCell(c, suppress)),
  };
}

/** The records behind one figure, with who and what they are: for staff, never for a donor (access table). */
export async function listComputedRecords({ ctx, input }: { ctx: ServiceContext; input: { id: string } & ComputedRecordsQuery }): Promise<ComputedRecords> {
  const indicator = await findComputed(ctx.db, ctx, input.id);
  const computation = await computeFor(ctx.db, indicator, input);
  const cell = computation.breakdown.find((c) => c.dimensionKey === input.dimensionKey) ?? (input.dimensionKey === "" ? computation.total : null);
  if (!cell) throw ruleViolation(msg("results.unknownCell"), { dimensionKey: msg("results.noCell", { cell: input.dimensionKey }) });
  const all = computation.recordsOf(cell.dimensions);
  const chosen = input.counted === undefined ? all : all.filter((r) => r.counted === input.counted);
  const page = chosen.slice(input.offset, input.offset + input.limit);

  const activityIds = [...new Set(page.map((r) => r.activityId))];
  const [activities, people, responses, attendance] = await Promise.all([
    ctx.db.activity.findMany({ where: { id: { in: activityIds } }, select: { id: true, title: true, titleTranslations: true, originalLanguage: true, startDate: true } }),
    ctx.db.person.findMany({
      where: { id: { in: page.filter((r) => r.kind === "participant").map((r) => r.id) } },
      select: { id: true, fullName: true, sex: true, region: { select: { name: true, nameTranslations: true } }, organisation: { select: { name: true, nameTranslations: true } } },
    }),
    ctx.db.feedbackResponse.findMany({
      where: { id: { in: page.filter((r) => r.kind === "response").map((r) => r.id) } },
      select: { id: true, knowledgeBefore: true, knowledgeAfter: true, ratingRelevance: true, ratingUsefulness: true, ratingTrainers: true, ratingOrganisation: true },
    }),
    attendanceOf(ctx.db, page.filter((r) => r.kind === "participant")),
  ]);
  const activityById = new Map(
    activities.map((a) => [a.id, { id: a.id, title: a.title, titleTranslations: texts(a.titleTranslations), originalLanguage: a.originalLanguage, startDate: fromDateColumn(a.startDate) }]),
  );
  const personById = new Map(
    people.map((p) => [
      p.id,
      {
        id: p.id,
        fullName: p.fullName,
        sex: p.sex,
        region: p.region?.name ?? null,
        regionTranslations: texts(p.region?.nameTranslations),
        organisation: p.organisation?.name ?? null,
        organisationTranslations: texts(p.organisation?.nameTranslations),
      },
    ]),
  );
  const responseById = new Map(responses.map((r) => [r.id, r]));
  return {
    metric: indicator.metric,
    definition: indicator.definition,
    definitionText: describeDefinition(indicator.metric, indicator.definition),
    dimensionKey: cell.dimensionKey,
    total: all.length,
    counted: all.filter((r) => r.counted).length,
    items: page.map((r) => {
      const answers = responseById.get(r.id);
      const sessions = attendance.get(`${r.activityId}/${r.id}`);
      return {
        kind: r.kind,
        id: r.id,
        counted: r.counted,
        activity: activityById.get(r.activityId)!,
        person: personById.get(r.id) ?? null,
        sessionsAttended: sessions?.attended ?? null,
        sessionsHeld: sessions?.held ?? null,
        answers: answers
          ? {
              knowledgeBefore: answers.knowledgeBefore,
              knowledgeAfter: answers.knowledgeAfter,
              relevance: answers.ratingRelevance,
              usefulness: answers.ratingUsefulness,
              trainers: answers.ratingTrainers,
              organisation: answers.ratingOrganisation,
            }
          : null,
      };
    }),
  };
}

/** Sessions attended and held per participant record ("activityId/personId"), in two queries. */
async function attendanceOf(db: Prisma.TransactionClient, records: { id: string; activityId: string }[]) {
  const result = new Map<string, { attended: number; held: number }>();
  if (records.length === 0) return result;
  const activityIds = [...new Set(records.map((r) => r.activityId))];
  const [held, attended] = await Promise.all([
    db.session.groupBy({ by: ["activityId"], where: { activityId: { in: activityIds } }, _count: { _all: true } }),
    db.attendance.findMany({
      where: { personId: { in: records.map((r) => r.id) }, session: { activityId: { in: activityIds } } },
      select: { personId: true, session: { select: { activityId: true } } },
    }),
  ]);
  const heldBy = new Map(held.map((h) => [h.activityId, h._count._all]));
  for (const r of records) result.set(`${r.activityId}/${r.id}`, { attended: 0, held: heldBy.get(r.activityId) ?? 0 });
  for (const a of attended) {
    const entry = result.get(`${a.session.activityId}/${a.personId}`);
    if (entry) entry.attended += 1;
  }
  return result;
}

/**
 * Closes a period: records the computed total and breakdown as locked values (marked computed, with
 * the definition as evidence). A period that already has values in force is refused (409): correct
 * those with a reason instead.
 */
export async function recordComputedValues({ ctx, input }: { ctx: ServiceContext; input: { id: string } & RecordComputedValuesInput }) {
  return ctx.db.$transaction(async (tx) => {
    const indicator = await findComputed(tx, ctx, input.id);
    const period = { periodStart: toDateColumn(input.periodStart), periodEnd: toDateColumn(input.periodEnd) };
    // Serialise closings of the same indicator, so two clicks cannot both record the period.
    await tx.$executeRaw`SELECT 1 FROM "Indicator" WHERE id = ${indicator.id} FOR UPDATE`;
    const inForce = await tx.indicatorValue.count({ where: { indicatorId: indicator.id, ...period, supersededBy: { is: null } } });
    if (inForce > 0) throw new ConflictError(msg("results.periodHasValues"));
    const computation = await computeFor(tx, indicator, input);
    const now = new Date();
    const evidenceNote = `Computed from the records on ${fromDateColumn(now)}: ${describeDefinition(indicator.metric, indicator.definition)}`;
    const cells = [computation.total, ...computation.breakdown];
    const rows = [];
    for (const cell of cells) {
      rows.push(
        await tx.indicatorValue.create({
          data: { indicatorId: indicator.id, ...period, value: String(cell.value), dimensions: cell.dimensions, dimensionKey: cell.dimensionKey, evidenceNote, enteredById: ctx.user.id, lockedAt: now, computedAt: now },
          include: valueInclude,
        }),
      );
    }
    await recordAudit(tx, {
      actorId: ctx.user.id,
      action: "indicatorValue.recordComputed",
      entityType: "Indicator",
      entityId: indicator.id,
      after: { periodStart: input.periodStart, periodEnd: input.periodEnd, values: cells.map((c) => ({ dimensionKey: c.dimensionKey, value: c.value })) },
      ipAddress: ctx.clientAddress,
    });
    return { items: rows.map((row) => toIndicatorValue(row, false)) };
  });
}

/**
 * The computed actuals an indicator's periods show where no value is in force yet. A period with a
 * locked value is closed: its figures are the recorded ones, and nothing is computed for it.
 */
export async function computedActuals(
  db: Prisma.TransactionClient,
  indicator: ComputedIndicator,
  periods: Period[],
  closed: (period: Period) => boolean,
  extraCells: (period: Period) => CellDimensions[],
  suppress: boolean,
): Promise<ComputedActual[]> {
  const open = periods.filter((p) => !closed(p));
  const computed = await Promise.all(open.map(async (period) => ({ period, computation: computeIndicator(indicator, await loadEvidence(db, indicator.programmeId, period), extraCells(period)) })));
  return computed.flatMap(({ period, computation }) => [computation.total, ...computation.breakdown].map((cell) => ({ ...period, ...shownCell(cell, suppress) })));
}
