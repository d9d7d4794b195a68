import { describe, expect, it } from "vitest";
import { cellOf } from "./sheet-columns.js";

describe("cellOf", () => {
  const mapping = ["fullName", "position"] as const;
  const read = (cell: string) => cellOf([cell, ""], [...mapping], "fullName");

  it("reads a cell a CSV export neutralised as it was written", () => {
    expect(read(`'=HYPERLINK("http://x")`)).toBe(`=HYPERLINK("http://x")`);
    expect(read("'+1")).toBe("+1");
    expect(read("'-2")).toBe("-2");
    expect(read("'@SUM(A1)")).toBe("@SUM(A1)");
    expect(read("  '=A1  ")).toBe("=A1");
  });

  it("keeps an apostrophe that neutralises nothing", () => {
    expect(read("'Abdulla")).toBe("'Abdulla");
    expect(read("O'Neil")).toBe("O'Neil");
    expect(read("''=A1")).toBe("''=A1");
  });

  it("single-spaces and trims, and reads an unmapped field as empty", () => {
    expect(read("  Иванов \t Иван ")).toBe("Иванов Иван");
    expect(cellOf(["x"], ["fullName"], "position")).toBe("");
  });
});
