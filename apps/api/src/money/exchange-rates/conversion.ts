// Money in another currency as USD, at the UN operational rate of exchange in force on a date (the
// latest rate effective on or before it). Decimal arithmetic throughout: no binary floating point.
import { Prisma, type PrismaClient } from "@vep/db";
import { RuleViolationError } from "@vep/domain";
import { fromDateColumn as toDay } from "../../http/dates.js";

/** Enough significant digits for a 16-digit amount times an 18-digit rate, so nothing rounds early. */
const Exact = Prisma.Decimal.clone({ precision: 60 });

/** ISO 4217 currencies whose minor unit is not the hundredth; every other has two decimals. */
const MINOR_UNIT_EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

export function minorUnitExponent(currency: string): number {
  return MINOR_UNIT_EXPONENTS[currency] ?? 2;
}

/** Refused conversion: the currency has no rate effective on or before the date. */
export class NoExchangeRateError extends RuleViolationError {
  override name = "NoExchangeRateError";
  constructor(
    readonly currency: string,
    readonly on: string,
  ) {
    super(`No UN operational rate of exchange for ${currency} on or before ${on}`, { currency: `Add an exchange rate for ${currency} effective on or before ${on}.` });
  }
}

/** `amountMinor` of `currency` × `rateToUsd` (USD per unit), in US cents rounded half up. */
export function convertToUsdMinor(amountMinor: bigint, currency: string, rateToUsd: Prisma.Decimal | string): bigint {
  const units = new Exact(amountMinor.toString()).div(new Exact(10).pow(minorUnitExponent(currency)));
  const cents = units.mul(new Exact(rateToUsd.toString())).mul(100).toDecimalPlaces(0, Exact.ROUND_HALF_UP);
  return BigInt(cents.toFixed(0));
}

/** Converts amounts to US cents at the rate in force on each amount's date. */
export type UsdConverter = (amountMinor: bigint, currency: string, on: Date | string) => bigint;

/**
 * Loads every rate of `currencies` in one query and returns a converter that needs no other, so a
 * report converting many amounts makes one round trip. USD converts to itself without a rate.
 * The converter throws NoExchangeRateError for a date before the currency's first rate.
 */
export async function loadUsdConverter(db: PrismaClient | Prisma.TransactionClient, currencies: Iterable<string>): Promise<UsdConverter> {
  const wanted = [...new Set(currencies)].filter((currency) => currency !== "USD");
  const rows = wanted.length
    ? await db.exchangeRate.findMany({ where: { currency: { in: wanted } }, orderBy: [{ currency: "asc" }, { effectiveOn: "asc" }], select: { currency: true, effectiveOn: true, rateToUsd: true } })
    : [];
  const ratesOf = new Map<string, { from: string; rate: Prisma.Decimal }[]>();
  for (const row of rows) ratesOf.set(row.currency, [...(ratesOf.get(row.currency) ?? []), { from: toDay(row.effectiveOn), rate: row.rateToUsd }]);

  return (amountMinor, currency, on) => {
    if (currency === "USD") return amountMinor;
    const day = typeof on === "string" ? on : toDay(on);
    // Rates are in date order: the last one that started on or before the day is in force.
    const inForce = (ratesOf.get(currency) ?? []).findLast((r) => r.from <= day);
    if (!inForce) throw new NoExchangeRateError(currency, day);
    return convertToUsdMinor(amountMinor, currency, inForce.rate);
  };
}

/** One amount in US cents at the rate in force on `on`. */
export async function toUsdMinor(db: PrismaClient | Prisma.TransactionClient, amount: { amountMinor: bigint; currency: string; on: Date | string }): Promise<bigint> {
  return (await loadUsdConverter(db, [amount.currency]))(amount.amountMinor, amount.currency, amount.on);
}
