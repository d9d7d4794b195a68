// The USD conversion the donor progress endpoint uses: exact decimal arithmetic, ISO 4217 minor units,
// the UN operational rate in force on the date, and a refusal when there is none.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@vep/db";
import { seedReferenceCase } from "@vep/db/seed";
import { createTestDatabase } from "@vep/db/testing";
import { NoExchangeRateError, convertToUsdMinor, loadUsdConverter, toUsdMinor } from "../src/money/exchange-rates/conversion.js";

describe("convertToUsdMinor", () => {
  it("multiplies minor units by the rate, in cents", () => {
    expect(convertToUsdMinor(4_000_000_00n, "EUR", "1.13600000")).toBe(4_544_000_00n);
    expect(convertToUsdMinor(50_000_00n, "SEK", "0.1214")).toBe(6_070_00n);
  });

  it("rounds half a cent up, and nothing earlier", () => {
    expect(convertToUsdMinor(1n, "EUR", "0.5")).toBe(1n); // 0.005 USD → 1 cent
    expect(convertToUsdMinor(1n, "EUR", "0.49999999")).toBe(0n);
    expect(convertToUsdMinor(3n, "EUR", "0.33333333")).toBe(1n);
  });

  it("knows currencies whose minor unit is not the cent", () => {
    expect(convertToUsdMinor(1_000_000n, "JPY", "0.00912")).toBe(9_120_00n); // ¥1,000,000
    expect(convertToUsdMinor(1_000n, "KWD", "3.25")).toBe(3_25n); // 1.000 KWD
  });

  it("is exact for the largest amounts, where binary floating point is not", () => {
    const max = BigInt(Number.MAX_SAFE_INTEGER); // 9007199254740991 × 1.23456789 = 11119998978735157.755…
    expect(convertToUsdMinor(max, "EUR", "1.23456789")).toBe(11_119_998_978_735_158n);
    expect(Math.round(Number.MAX_SAFE_INTEGER * 1.23456789)).not.toBe(11_119_998_978_735_158);
  });
});

describe("loadUsdConverter", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedReferenceCase(db.prisma);
  });
  afterAll(() => db.close());

  it("uses the rate in force on each date: the latest effective on or before it", async () => {
    const toUsd = await loadUsdConverter(db.prisma, ["EUR", "USD"]);
    expect(toUsd(100_00n, "EUR", "2020-02-29")).toBe(112_10n); // the 2019-04-01 rate, 1.121
    expect(toUsd(100_00n, "EUR", "2020-03-01")).toBe(110_40n); // effective that very day
    expect(toUsd(100_00n, "EUR", new Date("2021-06-30T00:00:00Z"))).toBe(108_70n);
    expect(toUsd(123_45n, "USD", "1999-01-01")).toBe(123_45n);
  });

  it("refuses when the currency has no rate on or before the date", async () => {
    const toUsd = await loadUsdConverter(db.prisma, ["EUR", "SEK"]);
    expect(() => toUsd(100n, "EUR", "2018-11-30")).toThrow(NoExchangeRateError);
    expect(() => toUsd(100n, "SEK", "2021-01-10")).toThrow(/No UN operational rate of exchange for SEK on or before 2021-01-10/);
    await expect(toUsdMinor(db.prisma, { amountMinor: 100n, currency: "KZT", on: "2020-05-13" })).rejects.toBeInstanceOf(NoExchangeRateError);
    expect(await toUsdMinor(db.prisma, { amountMinor: 1_500_000_00n, currency: "EUR", on: "2019-04-10" })).toBe(1_681_500_00n);
  });
});
