import { useTranslation } from "react-i18next";

const formats = new Map<string, Intl.DateTimeFormat>();

/** A session's start, e.g. "13 May 2020, 04:00 UTC": shown in UTC so that the server render and the browser agree. */
export function formatDateTimeUtc(locale: string, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC", hourCycle: "h23" });
    formats.set(locale, format);
  }
  return format.format(date);
}

/** An instant in UTC, with a machine-readable `dateTime`. */
export function DateTimeUtc({ iso }: { iso: string }) {
  const { t, i18n } = useTranslation("staff");
  return <time dateTime={iso}>{t("activities.time.utc", { time: formatDateTimeUtc(i18n.language, iso) })}</time>;
}

/** UTC offsets offered for the times typed in a session form. */
export const UTC_OFFSETS: readonly string[] = (() => {
  const offsets: string[] = [];
  for (let h = -12; h <= 14; h++) {
    const sign = h < 0 ? "-" : "+";
    offsets.push(`${sign}${String(Math.abs(h)).padStart(2, "0")}:00`);
  }
  for (const extra of ["+03:30", "+04:30", "+05:30", "+05:45", "+06:30", "+09:30"]) offsets.push(extra);
  return offsets.sort((a, b) => toMinutes(a) - toMinutes(b));
})();

function toMinutes(offset: string): number {
  const sign = offset.startsWith("-") ? -1 : 1;
  const [h, m] = offset.slice(1).split(":").map(Number);
  return sign * ((h ?? 0) * 60 + (m ?? 0));
}
