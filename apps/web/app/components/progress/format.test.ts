import { describe, expect, it } from "vitest";
import { barWidth, fillMonths, formatMoney, formatMonth, formatPercent, formatUsd, shareOf, toMajor } from "./format";

describe("progress formatting", () => {
  it("turns minor units into whole amounts of the currency", () => {
    expect(toMajor(400000000, "EUR")).toBe(4000000);
    expect(toMajor(1500, "JPY")).toBe(1500);
    expect(formatMoney("en", 400000000, "EUR")).toBe("€4,000,000");
    expect(formatUsd("en", 361480000)).toBe("$3,614,800");
    expect(formatMoney("en", 12345, "XYZ")).toMatch(/XYZ\s123/);
  });

  it("formats shares and months per locale", () => {
    expect(formatPercent("en", 85.2)).toBe("85.2%");
    expect(formatPercent("en", 100)).toBe("100%");
    expect(formatMonth("en", "2020-05")).toBe("May 2020");
    expect(shareOf(614630000, 724800000)).toBe(84.8);
    expect(shareOf(1, 0)).toBeNull();
    expect(shareOf(null, 10)).toBeNull();
  });

  it("fills the months between the first and the last with zeros", () => {
    expect(fillMonths([{ month: "2020-11", count: 1 }, { month: "2021-02", count: 2 }])).toEqual([
      { month: "2020-11", count: 1 },
      { month: "2020-12", count: 0 },
      { month: "2021-01", count: 0 },
      { month: "2021-02", count: 2 },
    ]);
    expect(fillMonths([])).toEqual([]);
    expect(fillMonths([{ month: "2020-05", count: 1 }])).toEqual([{ month: "2020-05", count: 1 }]);
  });

  it("keeps progress bars between empty and full", () => {
    expect(barWidth(113.6)).toBe(100);
    expect(barWidth(-5)).toBe(0);
    expect(barWidth(null)).toBe(0);
    expect(barWidth(42.5)).toBe(42.5);
  });
});
