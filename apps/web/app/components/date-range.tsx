import { useTranslation } from "react-i18next";
import { formatDate, isoDate } from "../lib/format";

/** A period from ISO dates; `end` null means open-ended. */
export function DateRange({ start, end }: { start: string; end: string | null }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  if (end === null) {
    return <span>{t("date.openEnded", { start: formatDate(locale, start) })}</span>;
  }
  // Two dates joined by the catalogue, not Intl's formatRange: its spacing differs between the
  // ICU versions of Node and of browsers, which would break hydration.
  return (
    <span>
      {t("date.range", { start: formatDate(locale, start), end: formatDate(locale, end) })}
    </span>
  );
}

export function DateText({ iso }: { iso: string }) {
  const { i18n } = useTranslation();
  return <time dateTime={isoDate(iso)}>{formatDate(i18n.language, iso)}</time>;
}
