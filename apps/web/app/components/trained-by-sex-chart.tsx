import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from "recharts";

export interface SexBar {
  key: string;
  label: string;
  /** Bar length; 0 for suppressed cells. */
  value: number;
  /** Text printed at the end of the bar ("27", "<3"). */
  display: string;
}

const BAR_HEIGHT = 44;

/**
 * Horizontal bars of people trained by sex, as wide as its column.
 *
 * Recharts 3 draws only in the browser (its layout is computed in effects, so the server renders
 * an empty box of the chart's height: no layout shift, nothing broken without JS;
 * recharts/recharts#5997). The table next to it carries the same figures and is the accessible
 * and no-JavaScript alternative, so the chart is hidden from assistive technology.
 */
export function TrainedBySexChart({ bars }: { bars: SexBar[] }) {
  const height = Math.max(1, bars.length) * BAR_HEIGHT + 40;
  return (
    <div className="chart" aria-hidden="true">
      <BarChart
        responsive
        width="100%"
        height={height}
        data={bars}
        layout="vertical"
        margin={{ top: 8, right: 48, bottom: 8, left: 8 }}
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} stroke="#d5dbe3" />
        <XAxis type="number" allowDecimals={false} tick={{ fill: "#3d4752", fontSize: 13 }} stroke="#6b7785" />
        <YAxis
          type="category"
          dataKey="label"
          width={120}
          tick={{ fill: "#1b2430", fontSize: 14 }}
          stroke="#6b7785"
        />
        <Bar dataKey="value" fill="#1f5c99" isAnimationActive={false} barSize={24}>
          <LabelList dataKey="display" position="right" fill="#1b2430" fontSize={14} />
        </Bar>
      </BarChart>
    </div>
  );
}
