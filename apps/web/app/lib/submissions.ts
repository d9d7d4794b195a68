// Pure rules of the participant-list pages, shared by the server (forms, API queries) and the browser
// (the import form): what a form sends, how the API's answers are read back onto rows and fields.
import { ReturnSchema, RowEditSchema, type Role, type SubmissionDiff } from "@vep/domain";

/** Rows shown on one page of a submission. */
export const ROWS_PER_PAGE = 100;

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The content type the API reads a file as: browsers label CSV inconsistently (Excel's own type on Windows). */
export function uploadContentType(fileName: string | undefined): string {
  return /\.xlsx$/i.test(fileName ?? "") ? XLSX_TYPE : "text/csv";
}

/** A list's page for a reader of this role: the partner's own page, or the staff review. */
export function submissionPath(role: Role, id: string): string {
  return `${role === "PARTNER" ? "/partner" : "/staff"}/submissions/${encodeURIComponent(id)}`;
}

// ───────────────────────────── the import form ─────────────────────────────

/** What a sheet holds: a participant list, or paper feedback questionnaires typed up. */
export type SheetKind = "participants" | "feedback";

/** The kind an import page or upload is for, from its address (`?kind=feedback`; participants otherwise). */
export function sheetKindOf(url: string): SheetKind {
  return new URL(url, "http://localhost").searchParams.get("kind") === "feedback" ? "feedback" : "participants";
}

/** The kind of sheet a submission was imported from. */
export const sheetOf = (submission: { kind: "PARTICIPANT_LIST" | "FEEDBACK_BATCH" }): SheetKind => (submission.kind === "FEEDBACK_BATCH" ? "feedback" : "participants");

const kindQuery = (kind: SheetKind) => (kind === "feedback" ? "?kind=feedback" : "");

/** An activity's import page for a kind of sheet, under the role's area. */
export function importPath(activityPath: string, kind: SheetKind): string {
  return `${activityPath}/import${kindQuery(kind)}`;
}

/** The upload endpoint the import form posts to when scripts run (it answers in JSON). */
export function uploadUrl(activityId: string, kind: SheetKind = "participants"): string {
  return `/participant-imports/${encodeURIComponent(activityId)}${kindQuery(kind)}`;
}

export const COLUMN_FIELD_PREFIX = "column.";

export interface ImportFormValues {
  intent: "preview" | "import";
  /** The sheet row the user chose as the header, or "" to let the API find it. */
  headerRow: string;
  /** The header row of the preview the column selects were shown for. */
  previewedHeaderRow: string;
  /** Each column's field, by column index; "" ignores the column. */
  columns: string[];
  organisationId: string;
  idempotencyKey: string;
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
};

export function importFormValues(form: FormData): ImportFormValues {
  const columns: string[] = [];
  for (const [name, value] of form.entries()) {
    if (!name.startsWith(COLUMN_FIELD_PREFIX) || typeof value !== "string") continue;
    const index = Number(name.slice(COLUMN_FIELD_PREFIX.length));
    if (Number.isInteger(index) && index >= 0 && index < 1000) columns[index] = value;
  }
  return {
    intent: text(form, "intent") === "import" ? "import" : "preview",
    headerRow: text(form, "headerRow"),
    previewedHeaderRow: text(form, "previewedHeaderRow"),
    columns: Array.from(columns, (field) => field ?? ""),
    organisationId: text(form, "organisationId"),
    idempotencyKey: text(form, "idempotencyKey"),
  };
}

/** The query of a preview or import: the file's name, the user's header row and, for that header row, their mapping. */
export function importQuery(values: ImportFormValues, fileName: string): Record<string, string> {
  const query: Record<string, string> = { fileName };
  if (/^\d+$/.test(values.headerRow)) query.headerRow = values.headerRow;
  // A mapping belongs to the header row it was chosen on: another header row has other columns.
  if (values.columns.length > 0 && values.headerRow === values.previewedHeaderRow) query.mapping = values.columns.join(",");
  if (values.organisationId) query.organisationId = values.organisationId;
  return query;
}

export interface RowNotice {
  row: number;
  field: string | null;
  message: string;
}

/** A refused import read back: the file, the columns and each row, as the API keys them. */
export interface ImportRefusal {
  file: string | null;
  columns: Record<string, string>;
  rows: RowNotice[];
  /** Problems with what the form sent (`query.mapping`, `query.organisationId`…), by form field. */
  fields: Record<string, string>;
}

/** Reads a 400's `errors`: `file`, `columns.<field>`, `rows.<row>.<field>` (`row` for the whole row), `query.<name>`. */
export function importRefusal(errors: Record<string, string>): ImportRefusal {
  const refusal: ImportRefusal = { file: null, columns: {}, rows: [], fields: {} };
  for (const [key, message] of Object.entries(errors)) {
    const [head, first, second] = key.split(".");
    if (head === "file") refusal.file = message;
    else if (head === "columns" && first) refusal.columns[first] = message;
    else if (head === "rows" && first && /^\d+$/.test(first)) refusal.rows.push({ row: Number(first), field: second && second !== "row" ? second : null, message });
    else if (head === "query" && first) refusal.fields[first] = message;
    else refusal.fields.form = message;
  }
  refusal.rows.sort((a, b) => a.row - b.row);
  return refusal;
}

// ───────────────────────────── review ─────────────────────────────

export type RowChange = { kind: "added" } | { kind: "changed"; fields: SubmissionDiff["changed"][number]["fields"] };

/** The current revision's rows that differ from the previous one, by row number. */
export function changesByRow(diff: SubmissionDiff | null): Map<number, RowChange> {
  const changes = new Map<number, RowChange>();
  if (!diff) return changes;
  for (const row of diff.added) changes.set(row.rowNumber, { kind: "added" });
  for (const row of diff.changed) changes.set(row.rowNumber, { kind: "changed", fields: row.fields });
  return changes;
}

export const ROW_COMMENT_PREFIX = "rowComment.";
export const ROW_FIELD_PREFIX = "rowField.";

/** What the review form holds: the list-level comment, and a comment (and field) per row. */
export interface ReviewFormValues {
  comment: string;
  rows: Record<string, { comment: string; field: string }>;
}

export function reviewFormValues(form: FormData): ReviewFormValues {
  const rows: ReviewFormValues["rows"] = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string") continue;
    const [prefix, key] = name.startsWith(ROW_COMMENT_PREFIX) ? ["comment", name.slice(ROW_COMMENT_PREFIX.length)] : name.startsWith(ROW_FIELD_PREFIX) ? ["field", name.slice(ROW_FIELD_PREFIX.length)] : [null, ""];
    if (!prefix || !/^\d+$/.test(key)) continue;
    const row = (rows[key] ??= { comment: "", field: "" });
    row[prefix as "comment" | "field"] = value.trim();
  }
  return { comment: text(form, "comment"), rows };
}

/** The return request: rows without a comment are left out; an empty field means the whole row. */
export function parseReturn(values: ReviewFormValues, version: number) {
  const rows = Object.entries(values.rows)
    .filter(([, row]) => row.comment !== "")
    .map(([rowNumber, row]) => ({ rowNumber: Number(rowNumber), comment: row.comment, ...(row.field ? { field: row.field } : {}) }))
    .sort((a, b) => a.rowNumber - b.rowNumber);
  return ReturnSchema.safeParse({ version, ...(values.comment ? { comment: values.comment } : {}), rows });
}

export type ReturnInput = NonNullable<ReturnType<typeof parseReturn>["data"]>;

// ───────────────────────────── fixing a row ─────────────────────────────

export const ROW_EDIT_FIELDS = ["fullName", "sex", "regionId", "position", "email", "phone", "role"] as const;
export type RowEditValues = Record<(typeof ROW_EDIT_FIELDS)[number], string>;

export function rowEditValues(form: FormData): RowEditValues {
  return Object.fromEntries(ROW_EDIT_FIELDS.map((field) => [field, text(form, field)])) as RowEditValues;
}

/** The row as the form holds it, checked with the API's schema; an emptied optional field is cleared. */
export function parseRowEdit(values: RowEditValues, version: number) {
  const orNull = (value: string) => (value === "" ? null : value);
  return RowEditSchema.safeParse({
    version,
    fullName: values.fullName,
    sex: values.sex,
    ...(values.regionId ? { regionId: values.regionId } : {}),
    position: orNull(values.position),
    email: orNull(values.email),
    phone: orNull(values.phone),
    role: values.role,
  });
}

/** Zod issues as field → true (the page words the message from the catalogue). */
export function invalidFields(issues: readonly { path: readonly PropertyKey[] }[]): Record<string, true> {
  return Object.fromEntries(issues.map((issue) => [String(issue.path[0] ?? "form"), true as const]));
}
