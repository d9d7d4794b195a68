import { useTranslation } from "react-i18next";
import { formatNumber, SUPPRESSION_THRESHOLD, type Cell } from "../lib/format";

/**
 * An aggregate from the public API. Suppressed cells (under 3 people) read "<3" on screen and
 * "fewer than 3" to screen readers, with the reason as a tooltip.
 */
export function CellValue({ cell }: { cell: Cell }) {
  const { t, i18n } = useTranslation();
  const threshold = formatNumber(i18n.language, SUPPRESSION_THRESHOLD);
  if (cell.suppressed) {
    return (
      <span className="suppressed" title={t("cell.suppressedHint", { threshold })}>
        <span aria-hidden="true">{t("cell.suppressed", { threshold })}</span>
        <span className="visually-hidden">{t("cell.suppressedLabel", { threshold })}</span>
      </span>
    );
  }
  if (cell.value === null) return <span>{t("cell.unknown")}</span>;
  return <>{formatNumber(i18n.language, cell.value)}</>;
}
