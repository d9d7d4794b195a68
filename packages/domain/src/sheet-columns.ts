// Which column of a sheet holds what: headers written in Russian, Kazakh or English ("Ф.И.О.", "Пол",
// "Знания до") read through a dictionary of the words people use for each field.
import type { MessageText } from "./messages.js";
export type Mapping<F extends string> = (F | null)[];

/** Lower case, ё→е, letters and digits only: "Ф.И.О." and "фио" read the same. */
export function headerKey(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/\(.*?\)/g, "")
    .replace(/[^\p{L}\p{N}№#]+/gu, "");
}

/** A cell's value for matching words like М/Ж or да/нет: lower case, ё→е, no spaces or dots. */
export const valueKey = (text: string) => text.normalize("NFC").toLowerCase().replace(/ё/g, "е").replace(/[\s.]+/g, "");

export interface ColumnDictionary<F extends string> {
  /** The field a header cell names, or null. */
  recognise(cell: string): F | null;
  /** Each column's field from the header row; a field named twice keeps its first column. */
  mapColumns(header: readonly string[]): Mapping<F>;
  /**
   * The header row among the first rows of a sheet (0-based), or null: the first row of two or more
   * cells whose fields `isHeader` accepts. Titles (one cell) and blank rows above it are skipped.
   */
  findHeaderRow(rows: readonly (readonly string[])[]): number | null;
}

export function columnDictionary<F extends string>(words: Record<F, readonly string[]>, isHeader: (fields: Set<F | null>) => boolean): ColumnDictionary<F> {
  const index = new Map<string, F>(Object.entries<readonly string[]>(words).flatMap(([field, ws]) => ws.map((w) => [headerKey(w), field as F] as const)));
  const recognise = (cell: string): F | null => {
    const key = headerKey(cell);
    return key === "" ? null : (index.get(key) ?? null);
  };
  return {
    recognise,
    mapColumns(header) {
      const taken = new Set<F>();
      return header.map((cell) => {
        const field = recognise(cell);
        if (!field || taken.has(field)) return null;
        taken.add(field);
        return field;
      });
    },
    findHeaderRow(rows) {
      const found = rows.findIndex((row) => isHeader(new Set(row.map(recognise))) && row.filter((cell) => cell.trim() !== "").length >= 2);
      return found < 0 ? null : found;
    },
  };
}

/** The apostrophe a CSV export puts before = + - @ so that spreadsheets do not run the cell as a formula. */
const NEUTRALISED_FORMULA = /^'(?=[=+\-@])/;

/**
 * A value of a mapped column, single-spaced and trimmed ("" when the field has no column); a cell our
 * exports neutralised ("'=SUM(A1)") reads back as it was written ("=SUM(A1)").
 */
export function cellOf<F extends string>(cells: readonly string[], mapping: Mapping<F>, field: F): string {
  const column = mapping.indexOf(field);
  return column < 0 ? "" : (cells[column] ?? "").replace(/\s+/g, " ").trim().replace(NEUTRALISED_FORMULA, "");
}

/** Whether a row has nothing in its mapped columns (a numbering column alone does not count). */
export function isBlankRow<F extends string>(cells: readonly string[], mapping: Mapping<F>, ignore: F): boolean {
  return mapping.every((field, i) => !field || field === ignore || (cells[i] ?? "").trim() === "");
}

const TOTAL_ROW = /^(итого|всего|total|барлығы|жиыны)(?!\p{L})/iu;
/** The closing "Итого: 29" row government sheets end with. */
export const isTotalRow = (cells: readonly string[]) => cells.some((cell) => TOTAL_ROW.test(cell.trim()));

export interface FieldProblem<F extends string> {
  field: F;
  /** A catalogue message (rendered in the reader's language by the API) or a zod issue's text. */
  message: MessageText;
}

export type ReadRow<F extends string, R> = { kind: "blank" } | { kind: "total" } | { kind: "row"; row: R } | { kind: "invalid"; problems: FieldProblem<F>[] };
