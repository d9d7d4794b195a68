// Participant lists shaped the way regional offices send them: a title and a blank row above the
// header, a numbering column, a closing total; as CSV in the encodings and separators Excel writes in
// a Russian locale, or as .xlsx. Built here rather than stored, so each shape is visible in the test.
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import type { RunningApi } from "./harness.js";

export type Sheet = string[][];

export const HEADER = ["№ п/п", "Ф.И.О.", "Пол", "Область", "Должность"];

/** A list as a department writes it; `people` rows are [name, sex, region, position]. */
export function departmentSheet(people: string[][], header = HEADER): Sheet {
  return [
    ["Список участников вебинара «Эффективные коммуникации: основы работы со СМИ»"],
    [],
    header,
    ...people.map((p, i) => [String(i + 1), ...p]),
    ["Итого", "", "", "", `${people.length} чел.`],
  ];
}

export const PEOPLE = [
  ["Сидоров Пётр Ильич", "М", "Акмолинская обл.", "инспектор по связям со СМИ"],
  ["Ахметова Динара Сериковна", "жен.", "г. Алматы", "пресс-секретарь"],
  ["Nurlanov Yerlan", "M", "Karaganda Region", "press officer"],
  ["Жумабаева Гульнар", "Ж", "Мангистауская область", "старший инспектор"],
];

function quote(cell: string, delimiter: string): string {
  return /["\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function csvText(sheet: Sheet, { delimiter = ";", newline = "\r\n" } = {}): string {
  return sheet.map((row) => row.map((cell) => quote(cell, delimiter)).join(delimiter)).join(newline) + newline;
}

export function csvBytes(sheet: Sheet, { encoding = "utf-8", bom = false, delimiter = ";", newline = "\r\n" }: { encoding?: "utf-8" | "windows-1251" | "utf-16le"; bom?: boolean; delimiter?: string; newline?: string } = {}): Uint8Array<ArrayBuffer> {
  const text = csvText(sheet, { delimiter, newline });
  return new Uint8Array(iconv.encode(text, encoding, { addBOM: bom }));
}

export async function xlsxBytes(sheet: Sheet, { sheetName = "Участники", before = [] as Sheet[] } = {}): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  for (const [i, other] of before.entries()) workbook.addWorksheet(`Лист${i + 1}`).addRows(other);
  const worksheet = workbook.addWorksheet(sheetName);
  // Numbers as numbers, the way Excel keeps a numbering column.
  worksheet.addRows(sheet.map((row) => row.map((cell) => (/^\d+$/.test(cell) ? Number(cell) : cell))));
  worksheet.mergeCells("A1:E1");
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** POSTs a file to an import route as the dashboard does: the bytes as the body, the rest in the query. */
export function upload(api: RunningApi, token: string, path: string, bytes: Uint8Array<ArrayBuffer>, { type = "text/csv", query = {}, headers = {} }: { type?: string; query?: Record<string, string>; headers?: Record<string, string> } = {}) {
  const search = new URLSearchParams(query).toString();
  return fetch(`${api.url}${path}${search ? `?${search}` : ""}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": type, ...headers },
    body: bytes,
  });
}
