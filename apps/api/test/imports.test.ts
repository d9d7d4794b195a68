// Participant-list imports: every file shape regional offices send, the preview, all-or-nothing
// commits with a report by row and field, Idempotency-Key, duplicates, and who may import where.
import { getLogs } from "@prisma/debug";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorld, auditOf, UNKNOWN_ID, type Clients, type World } from "./fixtures.js";
import type { RunningApi } from "./harness.js";
import { csvBytes, departmentSheet, HEADER, PEOPLE, upload, xlsxBytes, XLSX_TYPE, type Sheet } from "./sheets.js";

let api: RunningApi;
let world: World;
let as: Clients;
beforeAll(async () => {
  ({ api, world, as } = await startWorld());
});
afterAll(() => api.close());

const importPath = () => `/api/v1/activities/${world.activityA}/participant-imports`;
const previewPath = () => `${importPath()}/preview`;

type Preview = {
  file: { format: string; encoding: string | null; delimiter: string | null; sheetName: string | null };
  headerRow: number | null;
  columns: { header: string; field: string | null }[];
  mappingProblems: Record<string, string>;
  counts: Record<string, number>;
  problems: { row: number; field: string | null; message: string }[];
  warnings: { row: number; field: string | null; message: string }[];
  sample: { row: number; fullName: string; sex: string; region: string; position: string | null }[];
};

async function preview(bytes: Uint8Array<ArrayBuffer>, options: Parameters<typeof upload>[4] = {}, token = world.tokens.partnerA): Promise<Preview> {
  const res = await upload(api, token, previewPath(), bytes, options);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Preview;
}

const EXPECTED_SAMPLE = [
  { row: 4, fullName: "Сидоров Пётр Ильич", sex: "MALE", region: "Akmola Region", position: "инспектор по связям со СМИ" },
  { row: 5, fullName: "Ахметова Динара Сериковна", sex: "FEMALE", region: "Almaty", position: "пресс-секретарь" },
  { row: 6, fullName: "Nurlanov Yerlan", sex: "MALE", region: "Karaganda Region", position: "press officer" },
  { row: 7, fullName: "Жумабаева Гульнар", sex: "FEMALE", region: "Mangystau Region", position: "старший инспектор" },
];

function expectDepartmentList(result: Preview) {
  expect(result.headerRow).toBe(3);
  expect(result.columns.map((c) => c.field)).toEqual(["number", "fullName", "sex", "region", "position"]);
  expect(result.counts).toMatchObject({ participants: 4, invalid: 0, skipped: 1 });
  expect(result.problems).toEqual([]);
  expect(result.sample).toEqual(EXPECTED_SAMPLE.map((s) => expect.objectContaining(s)));
}

describe("file shapes", () => {
  it.each([
    ["UTF-8 with BOM, semicolons, CRLF", { bom: true }, "utf-8", ";"],
    ["UTF-8 without BOM, commas, LF", { delimiter: ",", newline: "\n" }, "utf-8", ","],
    ["Windows-1251, semicolons (Excel in a Russian locale)", { encoding: "windows-1251" as const }, "windows-1251", ";"],
    ["UTF-16 with BOM, tabs (Excel's Unicode text)", { encoding: "utf-16le" as const, bom: true, delimiter: "\t" }, "utf-16le", "\t"],
  ])("reads %s", async (_name, options, encoding, delimiter) => {
    const result = await preview(csvBytes(departmentSheet(PEOPLE), options));
    expect(result.file).toMatchObject({ format: "csv", encoding, delimiter });
    expectDepartmentList(result);
  });

  it("reads .xlsx with a merged title, numbers as numbers and the list on its only sheet", async () => {
    const result = await preview(await xlsxBytes(departmentSheet(PEOPLE)), { type: XLSX_TYPE });
    expect(result.file).toMatchObject({ format: "xlsx", sheetName: "Участники" });
    expectDepartmentList(result);
  });

  it("reads the sheet asked for in a workbook of several", async () => {
    const bytes = await xlsxBytes(departmentSheet(PEOPLE), { before: [[["Инструкция по заполнению"]]] });
    expectDepartmentList(await preview(bytes, { type: XLSX_TYPE, query: { sheet: "2" } }));
    const first = await preview(bytes, { type: XLSX_TYPE });
    expect(first.headerRow).toBeNull();
    expect(first.mappingProblems.fullName).toMatch(/No header row/);
  });

  it("keeps quoted fields with commas, quotes and line breaks in one cell", async () => {
    const people = [["Иванов Иван", "М", "Акмолинская обл.", 'начальник отдела, "пресс-служба"\r\nДП по Акмолинской области']];
    const result = await preview(csvBytes(departmentSheet(people), { delimiter: "," }));
    expect(result.file.delimiter).toBe(",");
    // Line breaks inside a cell read as spaces: a position is one line.
    expect(result.sample[0]?.position).toBe('начальник отдела, "пресс-служба" ДП по Акмолинской области');
    // The spreadsheet's row numbers: a cell with a line break is still one row.
    expect(result.sample[0]?.row).toBe(4);
  });

  it("skips blank rows and ignores extra columns", async () => {
    const sheet: Sheet = [["Ф.И.О.", "Пол", "Регион", "Примечание", "Подпись"], ["Сидоров Пётр", "М", "Акмолинская", "был на 9 из 9", ""], [], ["", "", "", "", ""], ["Ахметова Динара", "Ж", "Алматы", "", ""]];
    const result = await preview(csvBytes(sheet));
    expect(result.headerRow).toBe(1);
    expect(result.columns.map((c) => c.field)).toEqual(["fullName", "sex", "region", null, null]);
    expect(result.counts).toMatchObject({ participants: 2, skipped: 2, invalid: 0 });
  });

  it("says which columns are missing, and a mapping chosen by the user fixes unknown headers", async () => {
    const sheet: Sheet = [["Участник", "Гендер", "Откуда"], ["Сидоров Пётр", "М", "Акмолинская обл."]];
    const guessed = await preview(csvBytes(sheet));
    expect(Object.keys(guessed.mappingProblems).sort()).toEqual(["region", "sex"]);
    const mapped = await preview(csvBytes(sheet), { query: { mapping: "fullName,sex,region" } });
    expect(mapped.mappingProblems).toEqual({});
    expect(mapped.counts.participants).toBe(1);
    const bad = await upload(api, world.tokens.partnerA, previewPath(), csvBytes(sheet), { query: { mapping: "fullName,gender,region" } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors["query.mapping"]).toMatch(/"gender" is not a field/);
  });

  it("takes the header row the user picks", async () => {
    // Row 1 is a legend that looks like a header; the real header is row 2.
    const sheet: Sheet = [["ФИО", "Пол", "Регион"], ["Ф.И.О.", "Пол", "Область"], ["Сидоров", "М", "Акмолинская"]];
    const guessed = await preview(csvBytes(sheet));
    expect([guessed.headerRow, guessed.counts.invalid]).toEqual([1, 1]);
    const picked = await preview(csvBytes(sheet), { query: { headerRow: "2" } });
    expect(picked.headerRow).toBe(2);
    expect(picked.counts).toMatchObject({ participants: 1, invalid: 0 });
  });

  it("reads split name columns and English headers", async () => {
    const sheet: Sheet = [["No.", "Surname", "First name", "Patronymic", "Sex", "Region", "E-mail"], ["1", "Petrov", "Petr", "", "male", "Akmola", "petrov@example.kz"]];
    const result = await preview(csvBytes(sheet, { delimiter: "," }));
    expect(result.sample[0]).toMatchObject({ fullName: "Petrov Petr", sex: "MALE", region: "Akmola Region" });
  });

  it("refuses a file that is not UTF-8 throughout, and a broken workbook, with a message", async () => {
    // 70 KB of Latin names decide "UTF-8"; a Windows-1251 row further down cannot be read as such.
    const latin = Array.from({ length: 1500 }, (_, i) => [`Participant Number${i}`, "M", "Akmola Region", "inspector"]);
    const mixed = new Uint8Array([...csvBytes(departmentSheet(latin)), ...csvBytes([["", "Ошибка", "М", "Акмолинская обл."]], { encoding: "windows-1251" })]);
    expect(mixed.byteLength).toBeGreaterThan(64 * 1024);
    const result = await preview(mixed);
    expect(result.problems).toEqual([expect.objectContaining({ row: 0, message: expect.stringMatching(/not valid UTF-8/) })]);
    const broken = await preview(new TextEncoder().encode("PK not really a zip"), { type: XLSX_TYPE });
    expect(broken.problems[0]?.message).toMatch(/not an Excel workbook/);
    const xls = await upload(api, world.tokens.partnerA, previewPath(), new Uint8Array([0xd0, 0xcf]), { query: { fileName: "список.xls" } });
    expect(xls.status).toBe(400);
  });
});

describe("rows and duplicates", () => {
  it("names each bad row, field and reason", async () => {
    const people = [...PEOPLE, ["Бекова Айгерим", "?", "Атлантида", ""], ["", "Ж", "Алматы", ""], ["Ким Виктор", "М", "Алматы", "", "не почта"]];
    const result = await preview(csvBytes(departmentSheet(people, [...HEADER, "E-mail"])));
    expect(result.counts).toMatchObject({ participants: 4, invalid: 3 });
    expect(result.problems).toEqual([
      { row: 8, field: "sex", message: '"?" is not a sex: write М or Ж (M or F).' },
      { row: 8, field: "region", message: '"Атлантида" is not a region of the country on the activity\'s date.' },
      { row: 9, field: "fullName", message: "The name is empty." },
      { row: 10, field: "email", message: '"не почта" is not an e-mail address.' },
    ]);
  });

  it("refuses a repeated row and warns of namesakes in another region", async () => {
    const people = [PEOPLE[0]!, ["сидоров  петр ильич", "М", "Акмолинская область", ""], ["Сидоров Пётр Ильич", "М", "Алматы", ""]];
    const result = await preview(csvBytes(departmentSheet(people)));
    expect(result.problems).toEqual([{ row: 5, field: null, message: "Repeats row 4: same name and region. Remove one of the two rows." }]);
    expect(result.warnings).toEqual([expect.objectContaining({ row: 6, message: expect.stringMatching(/Same name as row 4/) })]);
  });

  it("warns of people the partner already knows; namesakes elsewhere are shown to staff only", async () => {
    const known = [[world.personA.fullName.toUpperCase(), "М", "Акмолинская обл.", ""], [world.personB.fullName, "Ж", "Алматы", ""]];
    const partner = await preview(csvBytes(departmentSheet(known)));
    expect(partner.warnings).toEqual([{ row: 4, field: "fullName", message: expect.stringMatching(/Already known to your organisation/) }]);
    const staff = await preview(csvBytes(departmentSheet(known)), { query: { organisationId: world.partnerOrgA } }, world.tokens.staff);
    expect(staff.warnings.map((w) => w.row)).toEqual([4, 5]);
    expect(staff.warnings[1]?.message).toContain("Prison Service of the Kyrgyz Republic");
    expect(JSON.stringify(partner)).not.toContain("Kyrgyz");
  });
});

describe("import", () => {
  const submissionRows = () => api.db.prisma.submissionRow.count();

  it("writes no row when one row is bad, and says which row, field and why", async () => {
    const before = await submissionRows();
    const people = [...PEOPLE, ["Бекова Айгерим", "X", "Акмолинская обл.", ""]];
    const res = await upload(api, world.tokens.partnerA, importPath(), csvBytes(departmentSheet(people)));
    expect(res.status).toBe(400);
    const problem = await res.json();
    expect(problem.detail).toBe("1 row has problems; nothing was imported. Correct them and upload the file again.");
    expect(problem.errors).toEqual({ "rows.8.sex": '"X" is not a sex: write М or Ж (M or F).' });
    expect(await submissionRows()).toBe(before);
    expect(await api.db.prisma.submission.count({ where: { status: "DRAFT" } })).toBe(0);
  });

  it("imports every row in one go, once for one Idempotency-Key, with one audit event", async () => {
    const bytes = await xlsxBytes(departmentSheet(PEOPLE));
    const send = () => upload(api, world.tokens.partnerA, importPath(), bytes, { type: XLSX_TYPE, query: { fileName: "участники.xlsx" }, headers: { "idempotency-key": "list-2020-05-webinar-1" } });
    const [first, second] = [await send(), await send()];
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    const [a, b] = [await first.json(), await second.json()];
    expect(b).toEqual(a);
    expect(a.submission).toMatchObject({ status: "DRAFT", revision: 1, rows: 4, fileName: "участники.xlsx", editable: true });
    expect(await api.db.prisma.submissionRow.count({ where: { submissionId: a.submission.id } })).toBe(4);
    const [audit, ...more] = await auditOf(api, "submission.import", a.submission.id);
    expect(more).toEqual([]);
    expect(audit?.meta).toMatchObject({ rows: 4, fileSha256: a.imported.fileSha256, format: "xlsx" });
    expect(JSON.stringify(audit)).not.toContain("Сидоров");

    // The same key with another file is a mistake, not a replay.
    const other = await upload(api, world.tokens.partnerA, importPath(), csvBytes(departmentSheet(PEOPLE.slice(0, 2))), { headers: { "idempotency-key": "list-2020-05-webinar-1" } });
    expect(other.status).toBe(409);

    // A corrected file replaces the draft's rows; it does not add to them.
    const again = await upload(api, world.tokens.partnerA, importPath(), csvBytes(departmentSheet(PEOPLE.slice(0, 3))));
    expect(again.status).toBe(201);
    expect((await again.json()).submission).toMatchObject({ id: a.submission.id, rows: 3, revision: 1 });
    expect(await api.db.prisma.submissionRow.count({ where: { submissionId: a.submission.id } })).toBe(3);
  });

  it("takes 10,000 rows", async () => {
    const regions = ["Акмолинская обл.", "г. Алматы", "Карагандинская область", "Mangystau Region"];
    const people = Array.from({ length: 10_000 }, (_, i) => [`Участник ${i + 1} Тестовый`, i % 2 ? "Ж" : "М", regions[i % 4]!, "инспектор"]);
    const res = await upload(api, world.tokens.staff, `/api/v1/activities/${world.activityB}/participant-imports`, csvBytes(departmentSheet(people)), { query: { organisationId: world.partnerOrgB } });
    expect(res.status, await res.clone().text()).toBe(400); // Kazakh regions are not regions of activity B's country.
    const kyrgyz = await api.db.prisma.region.findMany({ where: { country: { code: "KG" } }, select: { name: true } });
    const rows = Array.from({ length: 10_000 }, (_, i) => [`Участник ${i + 1} Тестовый`, i % 2 ? "Ж" : "М", kyrgyz[i % kyrgyz.length]!.name, ""]);
    const ok = await upload(api, world.tokens.staff, `/api/v1/activities/${world.activityB}/participant-imports`, csvBytes(departmentSheet(rows)), { query: { organisationId: world.partnerOrgB } });
    expect(ok.status, await ok.clone().text()).toBe(201);
    const { submission } = await ok.json();
    expect(submission.rows).toBe(10_000);
    // Prisma's debug history lets the batches go, or it keeps the last hundred queries' rows in memory
    // (on PostgreSQL: the PGlite adapter logs nothing there).
    expect(getLogs(Infinity)).not.toContain("Участник 9999 Тестовый");
    const rowIds = async () => (await api.db.prisma.submissionRow.findMany({ where: { submissionId: submission.id }, select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id);
    const imported = await rowIds();
    expect(imported).toHaveLength(10_000);

    // Rows are written a batch at a time as the file is read: a bad row near the end, after thousands were
    // written, still leaves the draft exactly as it was.
    const broken = rows.map((row, i) => (i === 8_999 ? [row[0]!, "X", row[2]!, ""] : row));
    const refused = await upload(api, world.tokens.staff, `/api/v1/activities/${world.activityB}/participant-imports`, csvBytes(departmentSheet(broken)), { query: { organisationId: world.partnerOrgB } });
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors).toEqual({ "rows.9003.sex": '"X" is not a sex: write М or Ж (M or F).' });
    expect(await rowIds()).toEqual(imported);
    expect((await api.db.prisma.submissionRevision.findFirstOrThrow({ where: { submissionId: submission.id } })).rowCount).toBe(10_000);
  });
});

describe("who may import where", () => {
  const sheet = () => csvBytes(departmentSheet(PEOPLE));

  it("refuses donors and anonymous callers, and hides other partners' activities", async () => {
    expect((await upload(api, world.tokens.donorA, previewPath(), sheet())).status).toBe(403);
    expect((await fetch(`${api.url}${previewPath()}`, { method: "POST", body: sheet() })).status).toBe(401);
    expect((await upload(api, world.tokens.partnerB, previewPath(), sheet())).status).toBe(404);
    expect((await upload(api, world.tokens.partnerA, `/api/v1/activities/${UNKNOWN_ID}/participant-imports`, sheet())).status).toBe(404);
  });

  it("staff name the partner organisation, which must be a partner of the activity", async () => {
    const missing = await upload(api, world.tokens.staff, previewPath(), sheet());
    expect((await missing.json()).errors).toHaveProperty(["query.organisationId"]);
    const wrong = await upload(api, world.tokens.staff, previewPath(), sheet(), { query: { organisationId: world.partnerOrgB } });
    expect((await wrong.json()).errors["query.organisationId"]).toMatch(/not a partner/);
  });
});
