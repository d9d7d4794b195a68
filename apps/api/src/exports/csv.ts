// CSV as spreadsheets open it: UTF-8 with a BOM (Excel then reads Cyrillic right), CRLF line ends,
// papaparse's quoting, and formula cells neutralised. Streamed a page at a time, so that a list of
// 100,000 rows is never one string in memory.
import Papa from "papaparse";

export type CsvValue = string | number | null;

/**
 * Cells a spreadsheet would run as a formula: starting with = + - @, tab or CR. papaparse prefixes them
 * with "'" (which the importer drops again, see `cellOf`). Its own `escapeFormulae: true` pattern,
 * /^[=+\-@\t\r].*$/, misses such a cell when it has a line break ("=1\nx"): only the start matters here.
 * Numbers stay numbers (-2 is not a formula).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEWLINE = "\r\n";
const BOM = "\uFEFF";

/** Rows as CSV lines, each ending in CRLF. */
export function csvLines(rows: readonly (readonly CsvValue[])[]): string {
  return rows.length === 0 ? "" : Papa.unparse(rows as CsvValue[][], { newline: NEWLINE, escapeFormulae: FORMULA_START }) + NEWLINE;
}

/**
 * The header row, then the rows page by page as the reader takes them. The first page is read before
 * the answer starts, so that a refusal from the list (404 for an activity outside the caller's scope)
 * is still a problem response rather than a cut-off file.
 */
export async function csvStream(headers: readonly string[], pages: AsyncGenerator<CsvValue[][]>): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  let next: IteratorResult<CsvValue[][]> | null = await pages.next();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BOM + csvLines([headers])));
    },
    async pull(controller) {
      const page = next ?? (await pages.next());
      next = null;
      if (page.done) controller.close();
      else controller.enqueue(encoder.encode(csvLines(page.value)));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}
