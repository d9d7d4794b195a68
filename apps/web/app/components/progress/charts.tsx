// Charts of the progress dashboard. Recharts 3 lays charts out in effects, so they are drawn in the
// browser only (the server sends an empty box of the chart's height; recharts/recharts#5997). Every
// chart sits next to a table with the same figures: that table is the no-JavaScript and the
// screen-reader alternative. The chart itself is one labelled image to assistive technology.
import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Legend, XAxis, YAxis } from "recharts";

export const CHART_COLOURS = {
  /** Pledged, budget, counts: the dashboard's primary blue (7.3:1 on white). */
  first: "#1f5c99",
  /** Received, expenditure: dark orange (4.6:1 on white), told apart from blue with colour blindness too. */
  second: "#b35c00",
  grid: "#d5dbe3",
  axis: "#6b7785",
  tick: "#3d4752",
  text: "#1b2430",
} as const;

/** A chart with its label for screen readers (the same figures are in the table beside it). */
export function ChartFigure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <figure className="chart-figure progress-chart">
      <div role="img" aria-label={label} className="progress-chart__canvas">
        {children}
      </div>
    </figure>
  );
}

export interface LabelledBar {
  key: string;
  label: string;
  /** Bar length; 0 for suppressed cells. */
  value: number;
  /** Text printed at the end of the bar ("27", "<3"). */
  display: string;
}

const ROW_HEIGHT = 32;

/**
 * Horizontal bars, one per row, each row's figure printed in a column at the right (as a second
 * axis, so that "<3" shows for a suppressed cell, which has no bar).
 */
export function HorizontalBars({ bars, labelWidth = 120 }: { bars: LabelledBar[]; labelWidth?: number }) {
  const height = Math.max(1, bars.length) * ROW_HEIGHT + 48;
  return (
    <BarChart
      responsive
      width="100%"
      height={height}
      data={bars}
      layout="vertical"
      margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
      accessibilityLayer={false}
    >
      <CartesianGrid horizontal={false} stroke={CHART_COLOURS.grid} />
      <XAxis type="number" allowDecimals={false} tick={{ fill: CHART_COLOURS.tick, fontSize: 12 }} stroke={CHART_COLOURS.axis} />
      <YAxis
        yAxisId="labels"
        type="category"
        dataKey="label"
        width={labelWidth}
        interval={0}
        tick={{ fill: CHART_COLOURS.text, fontSize: 13 }}
        stroke={CHART_COLOURS.axis}
      />
      <YAxis
        yAxisId="values"
        orientation="right"
        type="category"
        dataKey="display"
        allowDuplicatedCategory
        width={44}
        interval={0}
        axisLine={false}
        tickLine={false}
        tick={{ fill: CHART_COLOURS.text, fontSize: 13, fontWeight: 600 }}
      />
      <Bar yAxisId="labels" dataKey="value" fill={CHART_COLOURS.first} isAnimationActive={false} barSize={18} />
    </BarChart>
  );
}

export interface Series {
  key: string;
  label: string;
  colour: string;
}

/**
 * Vertical columns per category, one per series side by side (pledged and received, budget and
 * expenditure), with a legend.
 */
export function Columns({
  data,
  series,
  formatTick,
  height = 280,
}: {
  data: ({ label: string } & Record<string, string | number | null>)[];
  series: Series[];
  formatTick?: (value: number) => string;
  height?: number;
}) {
  return (
    <BarChart
      responsive
      width="100%"
      height={height}
      data={data}
      margin={{ top: 16, right: 16, bottom: 8, left: 8 }}
      accessibilityLayer={false}
    >
      <CartesianGrid vertical={false} stroke={CHART_COLOURS.grid} />
      <XAxis dataKey="label" interval={0} tick={{ fill: CHART_COLOURS.text, fontSize: 12 }} stroke={CHART_COLOURS.axis} />
      <YAxis
        allowDecimals={false}
        width={formatTick ? 64 : 40}
        tick={{ fill: CHART_COLOURS.tick, fontSize: 12 }}
        stroke={CHART_COLOURS.axis}
        {...(formatTick ? { tickFormatter: formatTick } : {})}
      />
      {series.length > 1 ? <Legend content={<SeriesLegend series={series} />} /> : null}
      {series.map((s) => (
        <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.colour} isAnimationActive={false} maxBarSize={48} />
      ))}
    </BarChart>
  );
}

/**
 * The legend as a plain list: Recharts' own legend labels each swatch "<name> legend icon" in English for
 * screen readers; the swatch says nothing that the series name does not.
 */
function SeriesLegend({ series }: { series: Series[] }) {
  return (
    <ul className="chart-legend">
      {series.map((s) => (
        <li key={s.key}>
          <span className="chart-legend__swatch" style={{ background: s.colour }} aria-hidden="true" />
          {s.label}
        </li>
      ))}
    </ul>
  );
}
