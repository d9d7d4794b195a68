import type { ReactNode } from "react";

export interface Figure {
  id: string;
  label: string;
  value: ReactNode;
}

/** A row of key figures: big number, small label. */
export function Figures({ figures, labelledBy }: { figures: Figure[]; labelledBy: string }) {
  return (
    <dl className="figures" aria-labelledby={labelledBy}>
      {figures.map((figure) => (
        <div className="figure" key={figure.id}>
          <dt>{figure.label}</dt>
          <dd>{figure.value}</dd>
        </div>
      ))}
    </dl>
  );
}
