/**
 * Locale-aware formatting with Intl. Dates in the API are ISO strings (UTC); calendar dates are
 * shown in UTC so that the server render and the browser agree whatever the visitor's time zone.
 */

/** `{ value, suppressed }` as served by the public API: suppressed when under 3 people. */
export interface Cell {
  value: number | null;
  suppressed: boolean;
}

export const SUPPRESSION_THRESHOLD = 3;

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatNumber(locale: string, value: number): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

function dateFormat(locale: string): Intl.DateTimeFormat {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
    dateFormats.set(locale, format);
  }
  return format;
}

function toDate(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A calendar date, e.g. "13 May 2020" (en-GB) / "May 13, 2020" (en). */
export function formatDate(locale: string, iso: string): string {
  const date = toDate(iso);
  return date ? dateFormat(locale).format(date) : iso;
}

/** Machine-readable date for `<time dateTime>`: the ISO calendar date. */
export function isoDate(iso: string): string {
  return iso.slice(0, 10);
}
