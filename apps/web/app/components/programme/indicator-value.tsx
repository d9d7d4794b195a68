import { useTranslation } from "react-i18next";
import { formatNumber } from "../../lib/format";

/** An indicator's number with its unit ("27 people", "85 %"), or a dash when there is none. */
export function IndicatorValue({ value, unit }: { value: number | null; unit: string }) {
  const { t, i18n } = useTranslation("programme");
  if (value === null) return <span className="muted">{t("notApplicable")}</span>;
  const number = formatNumber(i18n.language, value);
  return <>{unit ? t("indicators.valueWithUnit", { value: number, unit }) : number}</>;
}

/** A breakdown cell ({ sex: "FEMALE" }) in words, or "Total" for the cell without dimensions. */
export function useDimensionsText() {
  const { t } = useTranslation("programme");
  return (dimensions: Record<string, string>): string => {
    const parts = Object.entries(dimensions).map(([key, value]) => {
      const shown = key === "sex" ? t(`personSex.${value as "FEMALE" | "MALE" | "UNDISCLOSED"}`) : value;
      return t("indicators.dimension", { dimension: t(`disaggregation.${key as "sex" | "region" | "organisation" | "activityType" | "modality"}`), value: shown });
    });
    return parts.length === 0 ? t("indicators.total") : parts.join(", ");
  };
}
