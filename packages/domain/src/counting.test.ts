import { describe, expect, it } from "vitest";
import { isTrained, sessionsNeededToBeTrained, suppressSmall } from "./counting.js";

describe("isTrained", () => {
  it("needs 7 of 9 sessions at the default 70% share", () => {
    expect(sessionsNeededToBeTrained(9)).toBe(7);
    expect(isTrained(7, 9)).toBe(true);
    expect(isTrained(6, 9)).toBe(false);
  });
  it("uses the activity's own share and never counts an activity without sessions", () => {
    expect(isTrained(2, 4, 50)).toBe(true);
    expect(isTrained(1, 4, 50)).toBe(false);
    expect(isTrained(0, 0)).toBe(false);
  });
});

describe("suppressSmall", () => {
  it("hides 1 and 2, shows 0 and 3 and more", () => {
    expect(suppressSmall(0)).toEqual({ value: 0, suppressed: false });
    expect(suppressSmall(1)).toEqual({ value: null, suppressed: true });
    expect(suppressSmall(2)).toEqual({ value: null, suppressed: true });
    expect(suppressSmall(3)).toEqual({ value: 3, suppressed: false });
  });
  it("hides a zero out of a group of 1 or 2, which would tell about those people", () => {
    expect(suppressSmall(0, 2)).toEqual({ value: null, suppressed: true });
    expect(suppressSmall(0, 0)).toEqual({ value: 0, suppressed: false });
    expect(suppressSmall(0, 5)).toEqual({ value: 0, suppressed: false });
  });
});
