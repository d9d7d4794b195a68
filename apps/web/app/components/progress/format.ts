// Formatting for the progress dashboard: money in minor units, shares, months. Intl per locale,
// deterministic (UTC, fixed options) so that the server render and the browser agree.

/** Decimal places of a currency's minor unit (EUR 2, JPY 0), from Intl. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** An amount in minor units as major units (400000000 EUR cents → 4000000). */
export function toMajor(amountMinor: number, currency: string): number {
  return amountMinor / 10 ** minorDigits(currency);
}

/** Whole units, e.g. "€4,000,000" / "$3,614,800"; the dashboard rounds to the unit. */
export function formatMoney(locale: string, amountMinor: number, currency: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(
      toMajor(amountMinor, currency),
    );
  } catch {
    // An unknown currency code: the number and the code.
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(toMajor(amountMinor, currency))} ${currency}`;
  }
}

/** US cents as dollars. */
export function formatUsd(locale: string, usdMinor: number): string {
  return formatMoney(locale, usdMinor, "USD");
}

/** Short axis labels: "$4.5M". Drawn in the browser only. */
export function formatCompactUsd(locale: string, usd: number): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 1 }).format(usd);
}

/** A share given in percent (85.2 → "85.2%"). */
export function formatPercent(locale: string, percent: number): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(percent / 100);
}

/** part / whole as a percentage with one decimal, or null when the whole is 0 or unknown. */
export function shareOf(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || whole === 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

/** "2020-05" → "May 2020". */
export function formatMonth(locale: string, month: string): string {
  const date = new Date(`${month}-01T00:00:00.000Z`);
  if (Number.isNaN(date.getTime())) return month;
  return new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(date);
}

/**
 * Months from the first to the last with activities, those without any as 0, so that the series
 * reads as time. Input months are "YYYY-MM"; at most 120 months are filled (a longer gap keeps the
 * months that have activities only).
 */
export function fillMonths(byMonth: { month: string; count: number }[]): { month: string; count: number }[] {
  const sorted = [...byMonth].sort((a, b) => (a.month < b.month ? -1 : 1));
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return [];
  const index = (month: string) => {
    const [year, m] = month.split("-").map(Number);
    return (year ?? 0) * 12 + ((m ?? 1) - 1);
  };
  const span = index(last.month) - index(first.month);
  if (!Number.isFinite(span) || span > 120) return sorted;
  const counts = new Map(sorted.map((row) => [row.month, row.count]));
  const months: { month: string; count: number }[] = [];
  for (let i = index(first.month); i <= index(last.month); i++) {
    const month = `${String(Math.floor(i / 12)).padStart(4, "0")}-${String((i % 12) + 1).padStart(2, "0")}`;
    months.push({ month, count: counts.get(month) ?? 0 });
  }
  return months;
}

/** The width of a progress bar: the share achieved, kept between 0 and 100. */
export function barWidth(percent: number | null): number {
  if (percent === null || !Number.isFinite(percent)) return 0;
  return Math.min(100, Math.max(0, percent));
}
