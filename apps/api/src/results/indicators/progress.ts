// Progress per period: for each period with a target or a value, the total's baseline, target, actual,
// % achieved and status, and the same for each breakdown cell. The actual is the value in force; for a
// COMPUTED indicator, a cell with no value yet gets the figure computed now from the approved records.
import { achievedPercent, progressStatus, type IndicatorPeriod, type IndicatorTarget, type IndicatorValue, type ProgressRule } from "@vep/domain";

interface Cell {
  dimensions: Record<string, string>;
  target: number | null;
  actual: number | null;
  actualSource: "RECORDED" | "COMPUTED" | null;
  suppressed: boolean;
}

/** A computed figure for a period's cell, as the caller may see it. */
export interface ComputedActual {
  periodStart: string;
  periodEnd: string;
  dimensionKey: string;
  dimensions: Record<string, string>;
  value: number | null;
  suppressed: boolean;
}

export interface PeriodOptions {
  baseline: number | null;
  direction: "INCREASE" | "DECREASE";
  rule: ProgressRule;
  /** Today, as YYYY-MM-DD: targets are pro-rated to it. */
  asOf: string;
  computed?: ComputedActual[];
}

export const periodKey = (p: { periodStart: string; periodEnd: string }) => `${p.periodStart}/${p.periodEnd}`;

/** The periods an indicator has targets or values for. */
export function periodsOf(rows: { periodStart: string; periodEnd: string }[]) {
  return [...new Map(rows.map((r) => [periodKey(r), { periodStart: r.periodStart, periodEnd: r.periodEnd }])).values()];
}

export function indicatorPeriods(targets: IndicatorTarget[], values: IndicatorValue[], options: PeriodOptions): IndicatorPeriod[] {
  const periods = new Map<string, { periodStart: string; periodEnd: string; cells: Map<string, Cell> }>();
  const cellFor = (row: { periodStart: string; periodEnd: string; dimensionKey: string; dimensions: Record<string, string> }): Cell => {
    let period = periods.get(periodKey(row));
    if (!period) periods.set(periodKey(row), (period = { periodStart: row.periodStart, periodEnd: row.periodEnd, cells: new Map() }));
    let cell = period.cells.get(row.dimensionKey);
    if (!cell) period.cells.set(row.dimensionKey, (cell = { dimensions: row.dimensions, target: null, actual: null, actualSource: null, suppressed: false }));
    return cell;
  };
  for (const target of targets) cellFor(target).target = target.value;
  // The actual is the value in force: a superseded value has been corrected by another.
  for (const value of values.filter((v) => v.supersededById === null)) Object.assign(cellFor(value), { actual: value.value, suppressed: value.suppressed, actualSource: "RECORDED" });
  for (const figure of options.computed ?? []) {
    const cell = cellFor(figure);
    if (cell.actualSource === null) Object.assign(cell, { actual: figure.value, suppressed: figure.suppressed, actualSource: "COMPUTED" });
  }

  const progress = (cell: Cell, from: number | null, period: { periodStart: string; periodEnd: string }) => {
    const { status, expected } = cell.suppressed
      ? { status: "NO_DATA" as const, expected: null }
      : progressStatus({ baseline: from, target: cell.target, actual: cell.actual, ...period, asOf: options.asOf, direction: options.direction }, options.rule);
    return {
      target: cell.target,
      actual: cell.actual,
      actualSource: cell.actualSource,
      suppressed: cell.suppressed,
      achievedPercent: achievedPercent({ baseline: from, target: cell.target, actual: cell.actual }),
      status,
      expected,
    };
  };
  const empty: Cell = { dimensions: {}, target: null, actual: null, actualSource: null, suppressed: false };
  return [...periods.values()]
    .sort((a, b) => (a.periodStart + a.periodEnd < b.periodStart + b.periodEnd ? -1 : 1))
    .map(({ periodStart, periodEnd, cells }) => ({
      periodStart,
      periodEnd,
      baseline: options.baseline,
      ...progress(cells.get("") ?? empty, options.baseline, { periodStart, periodEnd }),
      breakdown: [...cells.entries()]
        .filter(([key]) => key !== "")
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([dimensionKey, cell]) => ({ dimensionKey, dimensions: cell.dimensions, ...progress(cell, null, { periodStart, periodEnd }) })),
    }));
}
