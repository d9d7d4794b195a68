import { describe, expect, it } from "vitest";
import { changesByRow, importFormValues, importQuery, importRefusal, parseReturn, parseRowEdit, reviewFormValues, submissionPath, uploadContentType } from "./submissions";

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
};

describe("the import form", () => {
  it("sends the user's mapping only for the header row it was chosen on", () => {
    const values = importFormValues(form([["intent", "import"], ["headerRow", "3"], ["previewedHeaderRow", "3"], ["column.1", "fullName"], ["column.0", "number"], ["column.2", ""]]));
    expect(values).toMatchObject({ intent: "import", columns: ["number", "fullName", ""] });
    expect(importQuery(values, "list.csv")).toEqual({ fileName: "list.csv", headerRow: "3", mapping: "number,fullName," });
    // Another header row: other columns, so the API maps them afresh.
    expect(importQuery({ ...values, headerRow: "4" }, "list.csv")).toEqual({ fileName: "list.csv", headerRow: "4" });
    expect(importQuery(importFormValues(form([["organisationId", "org-1"]])), "a.xlsx")).toEqual({ fileName: "a.xlsx", organisationId: "org-1" });
  });

  it("reads a refused import's problems by file, column and row", () => {
    const refusal = importRefusal({ "rows.7.sex": "bad sex", "rows.5.row": "repeats row 4", "columns.region": "no region", file: "unreadable", "query.organisationId": "not a partner" });
    expect(refusal).toEqual({
      file: "unreadable",
      columns: { region: "no region" },
      rows: [
        { row: 5, field: null, message: "repeats row 4" },
        { row: 7, field: "sex", message: "bad sex" },
      ],
      fields: { organisationId: "not a partner" },
    });
  });

  it("labels uploads by their extension", () => {
    expect(uploadContentType("Список.XLSX")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(uploadContentType("list.csv")).toBe("text/csv");
  });
});

describe("review", () => {
  it("returns only the rows given a comment, with their field", () => {
    const values = reviewFormValues(form([["comment", " "], ["rowComment.6", "Check sex"], ["rowField.6", "sex"], ["rowComment.4", ""], ["rowField.4", "region"], ["rowComment.9", "Who?"], ["rowField.9", ""]]));
    const parsed = parseReturn(values, 3);
    expect(parsed.success && parsed.data).toEqual({ version: 3, rows: [{ rowNumber: 6, field: "sex", comment: "Check sex" }, { rowNumber: 9, comment: "Who?" }] });
    expect(parseReturn(reviewFormValues(form([["rowComment.4", ""]])), 3).success).toBe(false);
  });

  it("marks the rows added or changed since the previous revision", () => {
    const changes = changesByRow({ from: 1, to: 2, counts: { added: 1, removed: 1, changed: 1, unchanged: 0 }, added: [{ rowNumber: 8, fullName: "A" }], removed: [{ rowNumber: 7, fullName: "B" }], changed: [{ rowNumber: 6, fullName: "C", fields: [{ field: "sex", before: "MALE", after: "FEMALE" }] }] });
    expect(changes.get(8)).toEqual({ kind: "added" });
    expect(changes.get(6)).toEqual({ kind: "changed", fields: [{ field: "sex", before: "MALE", after: "FEMALE" }] });
    expect(changes.has(7)).toBe(false);
    expect(changesByRow(null).size).toBe(0);
  });

  it("clears emptied optional fields of a fixed row and refuses a bad e-mail", () => {
    const row = { fullName: "Nurlanov Yerlan", sex: "FEMALE", regionId: "", position: "", email: "", phone: "", role: "PARTICIPANT" };
    const parsed = parseRowEdit(row, 5);
    expect(parsed.success && parsed.data).toEqual({ version: 5, fullName: "Nurlanov Yerlan", sex: "FEMALE", position: null, email: null, phone: null, role: "PARTICIPANT" });
    expect(parseRowEdit({ ...row, email: "not-mail" }, 5).error?.issues[0]?.path).toEqual(["email"]);
  });

  it("opens a list on the reader's own page", () => {
    expect(submissionPath("PARTNER", "s1")).toBe("/partner/submissions/s1");
    expect(submissionPath("ADMIN", "s1")).toBe("/staff/submissions/s1");
  });
});
