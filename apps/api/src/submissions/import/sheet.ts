// A spreadsheet as a stream of rows, whatever Excel or a text editor made of it: .xlsx (exceljs'
// streaming reader), or CSV (papaparse, streaming) in UTF-8 (with or without BOM), UTF-16 ("Unicode text") or Windows-1251,
// separated by commas, semicolons or tabs, with quoted fields that hold commas and line breaks.
// Rows are numbered as the spreadsheet shows them, so that "row 12" means the same to the user.
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import Papa from "papaparse";
import ExcelJS from "exceljs";
import { msg, type Message } from "@vep/domain";

export type SheetFormat = "csv" | "xlsx";
export type TextEncoding = "utf-8" | "utf-16le" | "windows-1251";
export type Delimiter = "," | ";" | "\t";

export interface SheetOptions {
  format: SheetFormat;
  /** CSV only: detected when absent. */
  encoding?: TextEncoding | undefined;
  delimiter?: Delimiter | undefined;
  /** XLSX only: 1-based worksheet number (default the first). */
  sheet?: number | undefined;
}

export interface SheetRow {
  rowNumber: number;
  cells: string[];
}

/** What was read besides the rows: how the file was understood and its fingerprint. */
export interface SheetInfo {
  format: SheetFormat;
  encoding: TextEncoding | null;
  delimiter: Delimiter | null;
  sheetName: string | null;
  bytes: number;
  sha256: string;
}

/** A file that cannot be read; `text` is the catalogue message, `message` its English text. */
export class SheetError extends Error {
  constructor(readonly text: Message) {
    super(String(text));
  }
}

/** Passes bytes through while counting and hashing them. */
async function* fingerprinted(source: AsyncIterable<Uint8Array>, info: SheetInfo): AsyncGenerator<Uint8Array> {
  const hash = createHash("sha256");
  for await (const chunk of source) {
    hash.update(chunk);
    info.bytes += chunk.byteLength;
    yield chunk;
  }
  info.sha256 = hash.digest("hex");
}

/** Reads rows from an upload; `info` is complete once the iteration has finished. */
export function readSheet(body: AsyncIterable<Uint8Array>, options: SheetOptions): { rows: AsyncGenerator<SheetRow>; info: SheetInfo } {
  const info: SheetInfo = { format: options.format, encoding: null, delimiter: null, sheetName: null, bytes: 0, sha256: "" };
  const bytes = fingerprinted(body, info);
  return { rows: options.format === "xlsx" ? xlsxRows(bytes, options, info) : csvRows(bytes, options, info), info };
}

// ── CSV ──

const SAMPLE_BYTES = 64 * 1024;

function startsWith(bytes: Uint8Array, prefix: number[]) {
  return prefix.every((b, i) => bytes[i] === b);
}

/** UTF-8 if the sample is valid UTF-8 (a code point cut at the sample's end is fine), else Windows-1251. */
function detectEncoding(sample: Uint8Array): TextEncoding {
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) return "utf-8";
  if (startsWith(sample, [0xff, 0xfe])) return "utf-16le";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: true });
    return "utf-8";
  } catch {
    return "windows-1251";
  }
}

/** The separator Excel used: the candidate seen most often outside quotes in the first lines. */
function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  let lines = 0;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === "\n" && ++lines >= 50) break;
    else if (!quoted && char in counts) counts[char as Delimiter] += 1;
  }
  const best = (Object.entries(counts) as [Delimiter, number][]).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : ",";
}

/** Decodes a byte stream to text, deciding the encoding from its first 64 KiB. */
async function* decoded(bytes: AsyncIterable<Uint8Array>, options: SheetOptions, info: SheetInfo, onSample: (text: string) => void): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const start = function* (final: boolean) {
    const sample = Buffer.concat(pending);
    const encoding = options.encoding ?? detectEncoding(sample.subarray(0, SAMPLE_BYTES));
    info.encoding = encoding;
    // Fatal for UTF-8: a file that turns out not to be UTF-8 halfway through is an error, not mojibake.
    decoder = new TextDecoder(encoding, { fatal: encoding === "utf-8", ignoreBOM: false });
    const text = decodeOrExplain(decoder, sample, !final);
    onSample(text);
    pending = [];
    yield text;
  };
  for await (const chunk of bytes) {
    if (decoder) {
      yield decodeOrExplain(decoder, chunk, true);
      continue;
    }
    pending.push(chunk);
    pendingBytes += chunk.byteLength;
    if (pendingBytes >= SAMPLE_BYTES) yield* start(false);
  }
  if (!decoder) yield* start(true);
  else yield decodeOrExplain(decoder, new Uint8Array(0), false);
}

function decodeOrExplain(decoder: TextDecoder, bytes: Uint8Array, stream: boolean): string {
  try {
    return decoder.decode(bytes, { stream });
  } catch {
    throw new SheetError(msg("sheet.notUtf8"));
  }
}

async function* csvRows(bytes: AsyncIterable<Uint8Array>, options: SheetOptions, info: SheetInfo): AsyncGenerator<SheetRow> {
  let delimiter = options.delimiter;
  const text = decoded(bytes, options, info, (sample) => {
    delimiter ??= detectDelimiter(sample);
    info.delimiter = delimiter;
  });
  // The delimiter is known once the first piece of text is out: start the parser then.
  const first = await text.next();
  if (first.done) return;
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter: delimiter ?? ",", quoteChar: '"', skipEmptyLines: false });
  const feed = Readable.from(
    (async function* () {
      yield first.value;
      yield* text;
    })(),
  );
  feed.on("error", (error) => parser.destroy(error));
  feed.pipe(parser);
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber += 1;
      yield { rowNumber, cells: record };
    }
  } catch (error) {
    if (error instanceof SheetError) throw error;
    throw new SheetError(msg("sheet.csvUnreadable", { row: rowNumber, reason: (error as Error).message }));
  }
}

// ── XLSX ──

type CellValue = ExcelJS.CellValue;

/** A cell as the user sees it: rich text joined, formulas by their result, dates as YYYY-MM-DD. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("text" in value && typeof value.text === "string") return value.text;
  if ("result" in value) return cellText((value.result ?? null) as CellValue);
  if ("error" in value) return "";
  return "";
}

async function* xlsxRows(bytes: AsyncIterable<Uint8Array>, options: SheetOptions, info: SheetInfo): AsyncGenerator<SheetRow> {
  const wanted = options.sheet ?? 1;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), { sharedStrings: "cache", hyperlinks: "ignore", styles: "ignore", worksheets: "emit", entries: "ignore" });
  let index = 0;
  let found = false;
  try {
    for await (const worksheet of reader) {
      index += 1;
      if (index !== wanted) {
        // Drain sheets we do not read, so the reader moves on.
        for await (const _row of worksheet) void _row;
        continue;
      }
      found = true;
      info.sheetName = (worksheet as unknown as { name?: string }).name ?? null;
      for await (const row of worksheet) {
        const values = (row as ExcelJS.Row).values as CellValue[];
        // exceljs numbers cells from 1; index 0 is always empty.
        yield { rowNumber: (row as ExcelJS.Row).number, cells: Array.from(values.slice(1), (v) => cellText(v ?? null)) };
      }
    }
  } catch (error) {
    if (error instanceof SheetError) throw error;
    throw new SheetError(msg("sheet.notXlsx"));
  }
  if (!found) throw new SheetError(index === 0 ? msg("sheet.noWorksheet") : msg("sheet.noSuchSheet", { count: index, sheet: String(wanted) }));
}
