import { describe, expect, it } from "vitest";
import { formatDate, formatNumber, isoDate } from "./format";

describe("format", () => {
  it("formats calendar dates in UTC, whatever the server's time zone", () => {
    expect(formatDate("en", "2020-05-13")).toBe("May 13, 2020");
    expect(formatDate("en-GB", "2020-05-29T23:30:00.000Z")).toBe("29 May 2020");
    expect(formatDate("ru", "2020-05-13")).toMatch(/^13 мая 2020/);
  });

  it("leaves an unparseable date as it came", () => {
    expect(formatDate("en", "someday")).toBe("someday");
  });

  it("formats numbers per locale", () => {
    expect(formatNumber("en", 1234)).toBe("1,234");
    expect(formatNumber("ru", 1234)).toBe("1\u00a0234");
  });

  it("gives the ISO calendar date for <time datetime>", () => {
    expect(isoDate("2020-05-13T04:00:00.000Z")).toBe("2020-05-13");
  });
});
