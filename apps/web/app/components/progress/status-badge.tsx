import type { ProgressRule, ProgressStatus } from "@vep/domain";
import { useTranslation } from "react-i18next";

/** An indicator's status against its target pro-rated to date; the words carry it, the colour repeats them. */
export function StatusBadge({ status }: { status: ProgressStatus }) {
  const { t } = useTranslation("common");
  return <span className={`badge badge--status-${status.toLowerCase().replaceAll("_", "-")}`}>{t(`progressStatus.${status}`)}</span>;
}

/** Says that a figure was computed now from the approved records rather than recorded. */
export function ComputedMark() {
  const { t } = useTranslation("common");
  return <span className="block muted small">{t("actualSource.COMPUTED")}</span>;
}

/** The rule the statuses follow, worded in the reader's language from the programme's thresholds. */
export function ProgressRuleNote({ rule }: { rule: ProgressRule }) {
  const { t } = useTranslation("common");
  return <p className="note">{t("progressRule", { onTrack: rule.onTrackPercent, atRisk: rule.atRiskPercent })}</p>;
}
