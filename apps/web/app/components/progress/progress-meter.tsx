import { barWidth } from "./format";

/**
 * A progress bar with its text: the bar is decoration, the text ("113.6% of target") carries the
 * figure for everyone, screen readers and print included.
 */
export function ProgressMeter({ percent, text }: { percent: number | null; text: string }) {
  const width = barWidth(percent);
  return (
    <div className="progress-meter">
      <div className="progress-meter__track" aria-hidden="true">
        <div className={`progress-meter__bar${percent !== null && percent >= 100 ? " progress-meter__bar--met" : ""}`} style={{ width: `${width}%` }} />
      </div>
      <span className="progress-meter__text">{text}</span>
    </div>
  );
}
