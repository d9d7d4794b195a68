// Reads an uploaded sheet end to end: finds the header, maps the columns, checks every row. For
// participant lists it also flags duplicates within the file and people already known; for paper
// feedback it checks each questionnaire like a web answer. Valid rows are handed on a batch at a time and
// never held all at once: a preview looks up known people per batch, an import writes each batch in its
// transaction (and is refused, rolling back, when any row has a problem).
import type { Prisma } from "@vep/db";
import {
  feedbackColumns,
  feedbackMappingProblems,
  findHeaderRow,
  mapColumns,
  mappingProblems,
  readFeedbackRow,
  readParticipantRow,
  regionFinder,
  type FeedbackImportField,
  type FeedbackRow,
  type ImportField,
  type ImportPreview,
  type Mapping,
  type ParticipantRow,
  type Language,
  type MessageText,
  type ReadRow,
  msg,
  render,
} from "@vep/domain";
import { readSheet, SheetError, type SheetInfo, type SheetOptions, type SheetRow } from "./sheet.js";

/** How far down the sheet the header row is looked for, and how much of the top the preview shows. */
const HEADER_SEARCH_ROWS = 30;
const NOTICES_SHOWN = 500;
const SAMPLE_ROWS = 50;
const CELL_SHOWN = 100;
/** Valid rows handed on at a time: a statement's worth, small enough that memory stays flat. */
const BATCH_ROWS = 1000;

/** A client or a transaction: an import analyses inside the transaction it writes in. */
type Db = Prisma.TransactionClient;

/** Where a batch of valid rows goes: a lookup (preview) or the database (import); sees the notices so far. */
export type BatchSink<R> = (batch: ValidRows<R>, notices: { problems: NoticeList; warnings: NoticeList }) => Promise<void>;

export interface AnalyseOptions<F extends string> extends SheetOptions {
  headerRow?: number | undefined;
  mapping?: Mapping<F> | undefined;
  /** The language row problems and warnings are written in. */
  language: Language;
}

export interface ImportTarget {
  activity: { id: string; startDate: Date; countryId: string };
  organisationId: string;
  /** The organisation and its departments: whose people count as "already known" to the partner. */
  ownOrganisationIds: string[];
  /** Staff also see namesakes in other organisations. */
  seesOtherOrganisations: boolean;
}

type Notice = { row: number; field: string | null; message: string };

/** Valid rows with the sheet row each came from. */
export interface ValidRows<R> {
  rowNumber: number[];
  row: R[];
}

/** Notices as the reader will see them: a catalogue message is rendered in their language when kept. */
export class NoticeList {
  readonly shown: Notice[] = [];
  count = 0;
  constructor(readonly language: Language) {}
  add(notice: Omit<Notice, "message"> & { message: MessageText }) {
    this.count += 1;
    if (this.shown.length < NOTICES_SHOWN) this.shown.push({ ...notice, message: render(notice.message, this.language) });
  }
}

/** What one kind of sheet is: how its header is found and its rows are read. */
interface SheetKind<F extends string, R> {
  mapColumns(header: readonly string[]): Mapping<F>;
  findHeaderRow(rows: readonly (readonly string[])[]): number | null;
  mappingProblems(mapping: Mapping<F>): Partial<Record<F, MessageText>>;
  /** The field a missing header is reported on. */
  headerField: F;
  readRow(cells: readonly string[], mapping: Mapping<F>): ReadRow<F, R>;
  /** A valid row against the rows before it: a problem refuses it, a warning keeps it. */
  check?(row: R, rowNumber: number): { problem?: MessageText; warning?: MessageText };
}

interface SheetPass<F extends string, R> {
  info: SheetInfo;
  head: SheetRow[];
  header: SheetRow | null;
  mapping: Mapping<F>;
  mappingIssues: Partial<Record<F, MessageText>>;
  counts: { rows: number; valid: number; invalid: number; skipped: number };
  problems: NoticeList;
  warnings: NoticeList;
  /** The first valid rows, for the preview. */
  sample: ValidRows<R>;
}

const clip = (cell: string) => (cell.length > CELL_SHOWN ? `${cell.slice(0, CELL_SHOWN)}…` : cell);

/** One pass over the sheet's rows, streaming: valid rows go to `sink` in batches; notices are kept. */
async function readRows<F extends string, R>(body: AsyncIterable<Uint8Array>, options: AnalyseOptions<F>, kind: SheetKind<F, R>, sink: BatchSink<R>): Promise<SheetPass<F, R>> {
  const { rows, info } = readSheet(body, options);
  const pass: SheetPass<F, R> = {
    info,
    head: [],
    header: null,
    mapping: [],
    mappingIssues: {},
    counts: { rows: 0, valid: 0, invalid: 0, skipped: 0 },
    problems: new NoticeList(options.language),
    warnings: new NoticeList(options.language),
    sample: { rowNumber: [], row: [] },
  };
  const { head, counts, problems, warnings, sample } = pass;
  let batch: ValidRows<R> = { rowNumber: [], row: [] };
  const handOn = async () => {
    if (batch.row.length === 0) return;
    const full = batch;
    batch = { rowNumber: [], row: [] };
    await sink(full, { problems, warnings });
  };
  const mapped = () => Object.keys(pass.mappingIssues).length === 0;

  const startRows = (row: SheetRow) => {
    pass.header = row;
    pass.mapping = options.mapping ?? kind.mapColumns(row.cells);
    pass.mappingIssues = kind.mappingProblems(pass.mapping);
  };

  const readRow = (sheetRow: SheetRow) => {
    counts.rows += 1;
    const read = kind.readRow(sheetRow.cells, pass.mapping);
    if (read.kind === "blank" || read.kind === "total") {
      counts.skipped += 1;
      return;
    }
    if (read.kind === "invalid") {
      counts.invalid += 1;
      for (const problem of read.problems) problems.add({ row: sheetRow.rowNumber, ...problem });
      return;
    }
    const checked = kind.check?.(read.row, sheetRow.rowNumber) ?? {};
    if (checked.problem) {
      counts.invalid += 1;
      problems.add({ row: sheetRow.rowNumber, field: null, message: checked.problem });
      return;
    }
    if (checked.warning) warnings.add({ row: sheetRow.rowNumber, field: null, message: checked.warning });
    counts.valid += 1;
    if (sample.row.length < SAMPLE_ROWS) {
      sample.rowNumber.push(sheetRow.rowNumber);
      sample.row.push(read.row);
    }
    batch.rowNumber.push(sheetRow.rowNumber);
    batch.row.push(read.row);
  };

  /** The header among the rows read so far, and the rows below it. */
  const headerFromHead = () => {
    const found = kind.findHeaderRow(head.map((r) => r.cells));
    if (found === null) return false;
    startRows(head[found]!);
    if (mapped()) for (const later of head.slice(found + 1)) readRow(later);
    return true;
  };

  try {
    for await (const sheetRow of rows) {
      if (head.length < HEADER_SEARCH_ROWS) head.push({ rowNumber: sheetRow.rowNumber, cells: sheetRow.cells.map(clip) });
      if (pass.header === null) {
        if (options.headerRow !== undefined) {
          if (sheetRow.rowNumber === options.headerRow) startRows(sheetRow);
        } else if (head.length === HEADER_SEARCH_ROWS && !headerFromHead()) break;
        continue;
      }
      if (!mapped()) break;
      readRow(sheetRow);
      if (batch.row.length >= BATCH_ROWS) await handOn();
    }
    // A sheet shorter than the search window: look for the header in what there is.
    if (pass.header === null && options.headerRow === undefined && head.length < HEADER_SEARCH_ROWS) headerFromHead();
    await handOn();
  } catch (error) {
    if (error instanceof SheetError) problems.add({ row: 0, field: null, message: error.text });
    else throw error;
  }

  if (pass.header === null && problems.count === 0) {
    pass.mappingIssues = {
      [kind.headerField]: options.headerRow === undefined ? msg("sheet.noHeader", { rows: HEADER_SEARCH_ROWS }) : msg("sheet.noSuchRow", { row: options.headerRow }),
    } as Partial<Record<F, MessageText>>;
  }
  return pass;
}

/** The preview's common part: how the file was read and what was found. */
function previewOf<F extends string, R>(pass: SheetPass<F, R>, language: Language) {
  const header = pass.header as SheetRow | null;
  return {
    file: { format: pass.info.format, encoding: pass.info.encoding, delimiter: pass.info.delimiter, sheetName: pass.info.sheetName, bytes: pass.info.bytes, sha256: pass.info.sha256 },
    head: pass.head.map((r) => ({ row: r.rowNumber, cells: r.cells })),
    headerRow: header?.rowNumber ?? null,
    columns: (header?.cells ?? []).map((cell, index) => ({ index, header: clip(cell), field: pass.mapping[index] ?? null })),
    mappingProblems: Object.fromEntries(Object.entries(pass.mappingIssues as Record<string, MessageText>).map(([field, text]) => [field, render(text, language)])),
    problems: pass.problems.shown,
    warnings: pass.warnings.shown.sort((a, b) => a.row - b.row),
  };
}

export interface Analysis<P> {
  preview: P;
  /** Valid rows read (each one handed to the sink). */
  validRows: number;
  info: SheetInfo;
  /** Every problem, not only the ones shown: the import's refusal counts them all. */
  problemCount: number;
  problems: Notice[];
}

async function regionsOnDate(db: Db, countryId: string, date: Date, language: Language) {
  const regions = await db.region.findMany({
    where: { countryId, validFrom: { lte: date }, OR: [{ validTo: null }, { validTo: { gt: date } }] },
    select: { id: true, code: true, name: true, nameTranslations: true, aliases: true },
  });
  // The sample names each row's region as the reader knows it (Kazakh readers get the Russian name).
  const names = new Map(regions.map((r) => [r.id, ((r.nameTranslations ?? {}) as Record<string, string>)[language] ?? r.name]));
  const finder = regionFinder(
    regions.map((r) => ({ id: r.id, names: [r.name, r.code, ...Object.values((r.nameTranslations ?? {}) as Record<string, string>), ...r.aliases] })),
  );
  return { finder, names };
}

const outcome = <F extends string, R, P>(pass: SheetPass<F, R>, preview: P): Analysis<P> => ({
  preview,
  validRows: pass.counts.valid,
  info: pass.info,
  problemCount: pass.problems.count + Object.keys(pass.mappingIssues).length,
  problems: pass.problems.shown,
});

/**
 * Without `write`, a preview: each batch is looked up among the people already known. With it, an
 * import: each batch is written while no problem has been found (after one, the import is refused and
 * its transaction rolled back, but the rest is still read so that every problem is named).
 */
export async function analyseParticipants(db: Db, target: ImportTarget, body: AsyncIterable<Uint8Array>, options: AnalyseOptions<ImportField>, write?: BatchSink<ParticipantRow>) {
  const { finder, names: regionNames } = await regionsOnDate(db, target.activity.countryId, target.activity.startDate, options.language);
  const seen = new Map<string, { row: number; regionId: string }>();
  let duplicatesInFile = 0;
  let alreadyKnown = 0;
  const sink: BatchSink<ParticipantRow> = async (batch, notices) => {
    if (!write) alreadyKnown += await flagKnownPeople(db, target, batch, notices.warnings);
    else if (notices.problems.count === 0) await write(batch, notices);
  };
  const pass = await readRows(body, options, {
    mapColumns,
    findHeaderRow,
    mappingProblems,
    headerField: "fullName",
    readRow: (cells, mapping) => readParticipantRow(cells, mapping, finder),
    check(row, rowNumber) {
      const earlier = seen.get(row.normalisedName);
      if (!earlier) {
        seen.set(row.normalisedName, { row: rowNumber, regionId: row.regionId });
        return {};
      }
      duplicatesInFile += 1;
      return earlier.regionId === row.regionId
        ? { problem: msg("import.repeatsRow", { row: earlier.row }) }
        : { warning: msg("import.sameNameElsewhere", { row: earlier.row }) };
    },
  }, sink);
  const preview: ImportPreview = {
    ...(previewOf(pass, options.language) as Omit<ImportPreview, "counts" | "sample">),
    counts: { rows: pass.counts.rows, participants: pass.counts.valid, invalid: pass.counts.invalid, skipped: pass.counts.skipped, duplicatesInFile, alreadyKnown },
    sample: pass.sample.row.map((row, i) => ({ row: pass.sample.rowNumber[i]!, fullName: row.fullName, sex: row.sex, region: regionNames.get(row.regionId) ?? "", position: row.position, role: row.role })),
  };
  return outcome(pass, preview);
}

/** Without `write`, a preview; with it, an import that writes each batch while no problem has been found. */
export async function analyseFeedback(db: Db, target: ImportTarget, body: AsyncIterable<Uint8Array>, options: AnalyseOptions<FeedbackImportField>, write?: BatchSink<FeedbackRow>) {
  const { finder } = await regionsOnDate(db, target.activity.countryId, target.activity.startDate, options.language);
  const sink: BatchSink<FeedbackRow> = async (batch, notices) => {
    if (write && notices.problems.count === 0) await write(batch, notices);
  };
  const pass = await readRows<FeedbackImportField, FeedbackRow>(body, options, {
    mapColumns: feedbackColumns.mapColumns,
    findHeaderRow: feedbackColumns.findHeaderRow,
    mappingProblems: feedbackMappingProblems,
    headerField: "relevance",
    readRow: (cells, mapping) => readFeedbackRow(cells, mapping, finder),
  }, sink);
  const preview = {
    ...previewOf(pass, options.language),
    counts: { rows: pass.counts.rows, responses: pass.counts.valid, invalid: pass.counts.invalid, skipped: pass.counts.skipped },
    sample: pass.sample.row.map((row, i) => ({ row: pass.sample.rowNumber[i]!, ...row })),
  };
  return outcome(pass, preview);
}

type KnownPerson = { normalisedName: string; organisationId: string | null; organisation: string | null };

/** Warns about rows of a batch whose name matches a known person; returns how many rows matched. */
async function flagKnownPeople(db: Db, target: ImportTarget, batch: ValidRows<ParticipantRow>, warnings: NoticeList): Promise<number> {
  const rowsByName = new Map<string, number[]>();
  batch.row.forEach((row, i) => {
    const list = rowsByName.get(row.normalisedName);
    if (list) list.push(batch.rowNumber[i]!);
    else rowsByName.set(row.normalisedName, [batch.rowNumber[i]!]);
  });
  const own = new Set(target.ownOrganisationIds);
  // A partner's lookup stays inside its own organisations; staff look everywhere.
  const organisations = target.seesOtherOrganisations ? null : target.ownOrganisationIds;
  // One array parameter, not a placeholder per name.
  const people = await db.$queryRaw<KnownPerson[]>`
    SELECT p."normalisedName", p."organisationId", o."name" AS "organisation"
    FROM "Person" p LEFT JOIN "Organisation" o ON o."id" = p."organisationId"
    WHERE p."normalisedName" = ANY(${[...rowsByName.keys()]}::text[]) AND p."erasedAt" IS NULL
      AND (${organisations}::text[] IS NULL OR p."organisationId" = ANY(${organisations}::text[]))`;
  const byName = new Map<string, { ownCount: number; elsewhere: Set<string> }>();
  for (const person of people) {
    const entry = byName.get(person.normalisedName) ?? { ownCount: 0, elsewhere: new Set<string>() };
    if (person.organisationId && own.has(person.organisationId)) entry.ownCount += 1;
    else entry.elsewhere.add(person.organisation ?? render(msg("import.noOrganisation"), warnings.language));
    byName.set(person.normalisedName, entry);
  }
  let matched = 0;
  for (const [name, entry] of byName) {
    for (const row of rowsByName.get(name) ?? []) {
      matched += 1;
      if (entry.ownCount > 0) {
        warnings.add({ row, field: "fullName", message: entry.ownCount === 1 ? msg("import.knownToOrganisation") : msg("import.namesakesInOrganisation", { count: entry.ownCount }) });
      } else {
        warnings.add({ row, field: "fullName", message: msg("import.knownElsewhere", { organisations: [...entry.elsewhere].join(", ") }) });
      }
    }
  }
  return matched;
}
