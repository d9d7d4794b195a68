// Progress per period: for each period with a target or a value, the total's baseline, target, actual
// and % achieved, and the same for each breakdown cell.
import { achievedPercent, type IndicatorPeriod, type IndicatorTarget, type IndicatorValue } from "@vep/domain";

interface Cell {
  dimensions: Record<string, string>;
  target: number | null;
  actual: number | null;
  suppressed: boolean;
}

export function indicatorPeriods(baseline: number | null, targets: IndicatorTarget[], values: IndicatorValue[]): IndicatorPeriod[] {
  const periods = new Map<string, { periodStart: string; periodEnd: string; cells: Map<string, Cell> }>();
  const cellFor = (row: IndicatorTarget | IndicatorValue): Cell => {
    const periodKey = `${row.periodStart}/${row.periodEnd}`;
    let period = periods.get(periodKey);
    if (!period) periods.set(periodKey, (period = { periodStart: row.periodStart, periodEnd: row.periodEnd, cells: new Map() }));
    let cell = period.cells.get(row.dimensionKey);
    if (!cell) period.cells.set(row.dimensionKey, (cell = { dimensions: row.dimensions, target: null, actual: null, suppressed: false }));
    return cell;
  };
  for (const target of targets) cellFor(target).target = target.value;
  // The actual is the value in force: a superseded value has been corrected by another.
  for (const value of values.filter((v) => v.supersededById === null)) Object.assign(cellFor(value), { actual: value.value, suppressed: value.suppressed });

  const progress = (cell: Cell, from: number | null) => ({
    target: cell.target,
    actual: cell.actual,
    suppressed: cell.suppressed,
    achievedPercent: achievedPercent({ baseline: from, target: cell.target, actual: cell.actual }),
  });
  const empty: Cell = { dimensions: {}, target: null, actual: null, suppressed: false };
  return [...periods.values()]
    .sort((a, b) => (a.periodStart + a.periodEnd < b.periodStart + b.periodEnd ? -1 : 1))
    .map(({ periodStart, periodEnd, cells }) => ({
      periodStart,
      periodEnd,
      baseline,
      ...progress(cells.get("") ?? empty, baseline),
      breakdown: [...cells.entries()]
        .filter(([key]) => key !== "")
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([dimensionKey, cell]) => ({ dimensionKey, dimensions: cell.dimensions, ...progress(cell, null) })),
    }));
}
