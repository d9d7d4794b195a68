// Reads an uploaded participant list end to end without writing anything: finds the header, maps the
// columns, checks every row, flags duplicates within the file and people already known. The preview
// shows the result; the import writes it only when no row has a problem.
import type { PrismaClient } from "@vep/db";
import {
  findHeaderRow,
  mapColumns,
  mappingProblems,
  readParticipantRow,
  regionFinder,
  type ColumnMapping,
  type ImportField,
  type ImportPreview,
  type ParticipantRow,
} from "@vep/domain";
import { readSheet, SheetError, type SheetInfo, type SheetOptions, type SheetRow } from "./sheet.js";

/** How far down the sheet the header row is looked for, and how much of the top the preview shows. */
const HEADER_SEARCH_ROWS = 30;
const NOTICES_SHOWN = 500;
const SAMPLE_ROWS = 50;
const CELL_SHOWN = 100;

export interface AnalyseOptions extends SheetOptions {
  headerRow?: number | undefined;
  mapping?: ColumnMapping | undefined;
}

export interface ImportTarget {
  activity: { id: string; startDate: Date; countryId: string };
  organisationId: string;
  /** The organisation and its departments: whose people count as "already known" to the partner. */
  ownOrganisationIds: string[];
  /** Staff also see namesakes in other organisations. */
  seesOtherOrganisations: boolean;
}

type Notice = { row: number; field: ImportField | null; message: string };

/** The rows that will be written, one array per column: compact for 100,000 rows. */
export interface ValidRows {
  rowNumber: number[];
  row: ParticipantRow[];
}

export interface Analysis {
  preview: ImportPreview;
  valid: ValidRows;
  info: SheetInfo;
  /** Every problem, not only the ones shown: the import's refusal names them. */
  problemCount: number;
  problems: Notice[];
}

class NoticeList {
  readonly shown: Notice[] = [];
  count = 0;
  add(notice: Notice) {
    this.count += 1;
    if (this.shown.length < NOTICES_SHOWN) this.shown.push(notice);
  }
}

async function regionsOnDate(db: PrismaClient, countryId: string, date: Date) {
  const regions = await db.region.findMany({
    where: { countryId, validFrom: { lte: date }, OR: [{ validTo: null }, { validTo: { gt: date } }] },
    select: { id: true, code: true, name: true, nameTranslations: true, aliases: true },
  });
  const names = new Map(regions.map((r) => [r.id, r.name]));
  const finder = regionFinder(
    regions.map((r) => ({ id: r.id, names: [r.name, r.code, ...Object.values((r.nameTranslations ?? {}) as Record<string, string>), ...r.aliases] })),
  );
  return { finder, names };
}

const clip = (cell: string) => (cell.length > CELL_SHOWN ? `${cell.slice(0, CELL_SHOWN)}…` : cell);

export async function analyseImport(db: PrismaClient, target: ImportTarget, body: AsyncIterable<Uint8Array>, options: AnalyseOptions): Promise<Analysis> {
  const { finder, names: regionNames } = await regionsOnDate(db, target.activity.countryId, target.activity.startDate);
  const { rows, info } = readSheet(body, options);

  const head: SheetRow[] = [];
  const problems = new NoticeList();
  const warnings = new NoticeList();
  const valid: ValidRows = { rowNumber: [], row: [] };
  const counts = { rows: 0, participants: 0, invalid: 0, skipped: 0, duplicatesInFile: 0, alreadyKnown: 0 };
  const seen = new Map<string, { row: number; regionId: string }>();

  let header: SheetRow | null = null;
  let mapping: ColumnMapping | null = null;
  let mappingIssues: Partial<Record<ImportField, string>> = {};

  const startRows = (row: SheetRow) => {
    header = row;
    mapping = options.mapping ?? mapColumns(row.cells);
    mappingIssues = mappingProblems(mapping);
  };

  const readRow = (sheetRow: SheetRow, columns: ColumnMapping) => {
    counts.rows += 1;
    const read = readParticipantRow(sheetRow.cells, columns, finder);
    if (read.kind === "blank" || read.kind === "total") {
      counts.skipped += 1;
      return;
    }
    if (read.kind === "invalid") {
      counts.invalid += 1;
      for (const problem of read.problems) problems.add({ row: sheetRow.rowNumber, ...problem });
      return;
    }
    const { row } = read;
    const earlier = seen.get(row.normalisedName);
    if (earlier) {
      counts.duplicatesInFile += 1;
      if (earlier.regionId === row.regionId) {
        counts.invalid += 1;
        problems.add({ row: sheetRow.rowNumber, field: null, message: `Repeats row ${earlier.row}: same name and region. Remove one of the two rows.` });
        return;
      }
      warnings.add({ row: sheetRow.rowNumber, field: null, message: `Same name as row ${earlier.row}, in another region: two people, or one written twice?` });
    } else {
      seen.set(row.normalisedName, { row: sheetRow.rowNumber, regionId: row.regionId });
    }
    counts.participants += 1;
    valid.rowNumber.push(sheetRow.rowNumber);
    valid.row.push(row);
  };

  try {
    for await (const sheetRow of rows) {
      if (head.length < HEADER_SEARCH_ROWS) head.push({ rowNumber: sheetRow.rowNumber, cells: sheetRow.cells.map(clip) });
      if (header === null) {
        if (options.headerRow !== undefined) {
          if (sheetRow.rowNumber === options.headerRow) startRows(sheetRow);
        } else if (head.length === HEADER_SEARCH_ROWS) {
          const found = findHeaderRow(head.map((r) => r.cells));
          if (found === null) break;
          startRows(head[found]!);
          if (Object.keys(mappingIssues).length > 0) break;
          for (const later of head.slice(found + 1)) readRow(later, mapping!);
        }
        continue;
      }
      if (Object.keys(mappingIssues).length > 0) break;
      readRow(sheetRow, mapping!);
    }
    // A sheet shorter than the search window: look for the header in what there is.
    if (header === null && options.headerRow === undefined && head.length < HEADER_SEARCH_ROWS) {
      const found = findHeaderRow(head.map((r) => r.cells));
      if (found !== null) {
        startRows(head[found]!);
        if (Object.keys(mappingIssues).length === 0) for (const later of head.slice(found + 1)) readRow(later, mapping!);
      }
    }
  } catch (error) {
    if (error instanceof SheetError) problems.add({ row: 0, field: null, message: error.message });
    else throw error;
  }

  const headerRow = header as SheetRow | null;
  if (headerRow === null && problems.count === 0) {
    mappingIssues = {
      fullName:
        options.headerRow === undefined
          ? `No header row found in the first ${HEADER_SEARCH_ROWS} rows: choose the row that holds the column names.`
          : `The sheet has no row ${options.headerRow}.`,
    };
  }

  if (valid.row.length > 0) counts.alreadyKnown = await flagKnownPeople(db, target, valid, warnings);

  const sample = valid.row.slice(0, SAMPLE_ROWS).map((row, i) => ({
    row: valid.rowNumber[i]!,
    fullName: row.fullName,
    sex: row.sex,
    region: regionNames.get(row.regionId) ?? "",
    position: row.position,
    role: row.role,
  }));

  const finalMapping: ColumnMapping = mapping ?? [];
  const preview: ImportPreview = {
    file: { format: info.format, encoding: info.encoding, delimiter: info.delimiter, sheetName: info.sheetName, bytes: info.bytes, sha256: info.sha256 },
    head: head.map((r) => ({ row: r.rowNumber, cells: r.cells })),
    headerRow: headerRow?.rowNumber ?? null,
    columns: (headerRow?.cells ?? []).map((cell, index) => ({ index, header: clip(cell), field: finalMapping[index] ?? null })),
    mappingProblems: mappingIssues,
    counts,
    problems: problems.shown,
    warnings: warnings.shown.sort((a, b) => a.row - b.row),
    sample,
  };
  return { preview, valid, info, problemCount: problems.count + Object.keys(mappingIssues).length, problems: problems.shown };
}

const NAMES_PER_QUERY = 20_000;

type KnownPerson = { normalisedName: string; organisationId: string | null; organisation: string | null };

/** Warns about rows whose name matches a known person; returns how many rows matched. */
async function flagKnownPeople(db: PrismaClient, target: ImportTarget, valid: ValidRows, warnings: NoticeList): Promise<number> {
  const rowsByName = new Map<string, number[]>();
  valid.row.forEach((row, i) => {
    const list = rowsByName.get(row.normalisedName);
    if (list) list.push(valid.rowNumber[i]!);
    else rowsByName.set(row.normalisedName, [valid.rowNumber[i]!]);
  });
  const names = [...rowsByName.keys()];
  const own = new Set(target.ownOrganisationIds);
  // A partner's lookup stays inside its own organisations; staff look everywhere.
  const organisations = target.seesOtherOrganisations ? null : target.ownOrganisationIds;
  let matched = 0;
  for (let start = 0; start < names.length; start += NAMES_PER_QUERY) {
    const chunk = names.slice(start, start + NAMES_PER_QUERY);
    // One array parameter, not 20,000 placeholders.
    const people = await db.$queryRaw<KnownPerson[]>`
      SELECT p."normalisedName", p."organisationId", o."name" AS "organisation"
      FROM "Person" p LEFT JOIN "Organisation" o ON o."id" = p."organisationId"
      WHERE p."normalisedName" = ANY(${chunk}::text[]) AND p."erasedAt" IS NULL
        AND (${organisations}::text[] IS NULL OR p."organisationId" = ANY(${organisations}::text[]))`;
    const byName = new Map<string, { ownCount: number; elsewhere: Set<string> }>();
    for (const person of people) {
      const entry = byName.get(person.normalisedName) ?? { ownCount: 0, elsewhere: new Set<string>() };
      if (person.organisationId && own.has(person.organisationId)) entry.ownCount += 1;
      else entry.elsewhere.add(person.organisation ?? "no organisation");
      byName.set(person.normalisedName, entry);
    }
    for (const [name, entry] of byName) {
      for (const row of rowsByName.get(name) ?? []) {
        matched += 1;
        if (entry.ownCount > 0) {
          warnings.add({ row, field: "fullName", message: entry.ownCount === 1 ? "Already known to your organisation: at approval this row is linked to that person." : `${entry.ownCount} people of your organisation have this name: at approval a new person is recorded.` });
        } else {
          warnings.add({ row, field: "fullName", message: `A person of this name is known in another organisation (${[...entry.elsewhere].join(", ")}).` });
        }
      }
    }
  }
  return matched;
}
