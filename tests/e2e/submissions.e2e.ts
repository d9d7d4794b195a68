// A participant list from a regional department, through the dashboard in a real Chromium: the
// partner uploads it (one bad row → row, field and reason shown), uploads the fixed file, imports and
// submits; staff return one row with a comment; the partner fixes it inline and resubmits; staff see
// the change and approve. The public participant figure moves only at approval.
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { artifactsDir, startStack, type Stack } from "./harness.js";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

const WEBINAR = "Effective communications: the basics of work with the media";

/** Windows-1251, as Excel saves CSV in a Russian locale (Cyrillic letters, Ё/ё, «» and ASCII only). */
function windows1251(text: string): Buffer {
  const bytes = [...text].map((ch) => {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    const special: Record<string, number> = { Ё: 0xa8, ё: 0xb8, "«": 0xab, "»": 0xbb, "№": 0xb9 };
    if (ch in special) return special[ch]!;
    throw new Error(`No Windows-1251 byte for ${ch}`);
  });
  return Buffer.from(bytes);
}

/** A list as a department sends it: title, blank row, header, numbered rows, a closing total; semicolons, CRLF. */
function departmentCsv(people: string[][]): Buffer {
  const rows = [
    ["Список участников вебинара «Эффективные коммуникации»"],
    [],
    ["№ п/п", "Ф.И.О.", "Пол", "Область", "Должность"],
    ...people.map((p, i) => [String(i + 1), ...p]),
    ["Итого", "", "", "", `${people.length} чел.`],
  ];
  return windows1251(rows.map((r) => r.join(";")).join("\r\n") + "\r\n");
}

// Rows 4 to 7 of the sheet; row 6 is the one the reviewer will question.
const PEOPLE = [
  ["Тлеубердиева Салтанат Ерлановна", "Ж", "Акмолинская обл.", "инспектор"],
  ["Ёлкин Семён Петрович", "муж.", "Мангистауская область", "старший инспектор"],
  ["Абдрахманов Ержан", "М", "Карагандинская обл.", "пресс-секретарь"],
  ["Сейткали Айгерим", "жен.", "Акмолинская обл.", "психолог"],
];
const BAD = PEOPLE.map((p, i) => (i === 2 ? [p[0]!, "X", p[2]!, p[3]!] : p));

async function signIn(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${stack.webUrl}/login`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
  return page;
}

/** The programme's participant figure on the public summary. */
async function publicParticipants(): Promise<number> {
  const page = await stack.browser.newPage();
  await page.goto(stack.webUrl);
  const text = await page.locator(".figure", { has: page.locator("dt", { hasText: /^Participants$/ }) }).locator("dd").textContent();
  await page.close();
  return Number((text ?? "").replace(/\D/g, ""));
}

const table = (page: Page, caption: string | RegExp) => page.locator("table", { has: page.locator("caption", { hasText: caption }) });

it("a department's list goes from upload through review to approval, and counts only then", async () => {
  const before = await publicParticipants();

  // ── the partner previews a file with one bad row ──
  const partner = await signIn(stack.browser, "partner@vep.example", "demo-partner-2020");
  await partner.goto(`${stack.webUrl}/partner`);
  await partner.getByRole("link", { name: WEBINAR }).click();
  await partner.getByRole("heading", { level: 2, name: "Participant list" }).waitFor();
  await partner.getByRole("link", { name: "Upload a new list" }).click();
  await partner.getByRole("heading", { level: 1, name: "Upload a participant list" }).waitFor();

  await partner.getByLabel("Spreadsheet file").setInputFiles({ name: "участники.csv", mimeType: "text/csv", buffer: departmentCsv(BAD) });
  await partner.getByRole("button", { name: "Preview" }).click();
  await partner.getByRole("heading", { name: "1 row has problems" }).waitFor();
  const problems = table(partner, "Problems by row and field");
  expect((await problems.locator("tbody tr").allInnerTexts()).map((r) => r.split("\t").map((c) => c.trim()))).toEqual([["6", "Sex", '"X" is not a sex: write М or Ж (M or F).']]);
  // What was understood: the encoding Excel used, the semicolons, and the header on row 3.
  expect(await partner.locator(".facts", { hasText: "Encoding" }).innerText()).toMatch(/windows-1251[\s\S]*Semicolon/);
  expect(await partner.getByLabel("Header row", { exact: true }).inputValue()).toBe("3");
  expect(await partner.getByLabel("Field for column 2 “Ф.И.О.”").inputValue()).toBe("fullName");
  expect(await partner.getByRole("button", { name: /^Import/ }).isDisabled()).toBe(true);
  await partner.screenshot({ path: path.join(artifactsDir, "submission-preview-problem.png"), fullPage: true });

  // ── the fixed file previews clean, stays chosen, and imports ──
  await partner.getByLabel("Spreadsheet file").setInputFiles({ name: "участники-исправлено.csv", mimeType: "text/csv", buffer: departmentCsv(PEOPLE) });
  await partner.getByRole("button", { name: "Preview" }).click();
  const importButton = partner.getByRole("button", { name: "Import 4 participants" });
  await importButton.waitFor();
  expect(await importButton.isEnabled()).toBe(true);
  expect(await partner.getByLabel("Spreadsheet file").evaluate((input: HTMLInputElement) => input.files?.[0]?.name)).toBe("участники-исправлено.csv");
  expect(await table(partner, "The first rows of the list as they will be saved").locator("tbody tr").count()).toBe(4);
  await importButton.click();
  await partner.waitForURL(/\/partner\/submissions\/[0-9a-f-]{36}$/);
  await partner.getByRole("heading", { level: 1, name: "Participant list", exact: true }).waitFor();
  expect(await partner.locator(".facts").first().innerText()).toMatch(/Draft[\s\S]*Revision\s+1[\s\S]*Rows\s+4/);

  await partner.getByLabel("Note for the reviewer (optional)").fill("Список от ДП областей");
  await partner.getByRole("button", { name: "Submit for review" }).click();
  await partner.getByText("The list was sent for review.").waitFor();
  expect(await publicParticipants()).toBe(before);

  // ── staff hear of it and return row 6 with a comment ──
  const staff = await signIn(stack.browser, "staff@vep.example", "demo-staff-2020");
  await staff.getByRole("link", { name: /^Notices, [1-9]\d* unread$/ }).click();
  await staff.getByRole("link", { name: `Open the list for ${WEBINAR}` }).first().click();
  await staff.getByRole("heading", { level: 1, name: /^Participant list from / }).waitFor();
  await staff.getByLabel("Comment on row 6").fill("Абдрахманов — мужчина или женщина? Уточните.");
  await staff.getByLabel("Field of row 6").selectOption("sex");
  await staff.getByLabel("Comment on the list").fill("Проверьте строку 6");
  await staff.getByRole("button", { name: "Return to the partner" }).click();
  await staff.getByText("The list was returned to the partner.").waitFor();

  // ── the partner sees the comment on the row, fixes it inline and resubmits ──
  await partner.reload();
  const row6 = partner.locator("tr#row-6");
  expect(await row6.getAttribute("class")).toContain("row--commented");
  expect(await row6.innerText()).toContain("Reviewer, on Sex: Абдрахманов — мужчина или женщина? Уточните.");
  await partner.locator("#row-6-sex").selectOption("FEMALE");
  await partner.getByRole("button", { name: "Save row 6" }).click();
  await partner.getByText("Row 6 saved.").waitFor();
  await partner.getByRole("button", { name: "Submit for review" }).click();
  await partner.getByText("The list was sent for review.").waitFor();
  await partner.screenshot({ path: path.join(artifactsDir, "submission-partner-resubmitted.png"), fullPage: true });
  expect(await publicParticipants()).toBe(before);

  // ── staff see what changed and approve ──
  await staff.reload();
  await staff.getByRole("heading", { name: "Changes from revision 1 to 2" }).waitFor();
  const diff = table(staff, "Rows changed, added or removed from revision 1 to 2");
  expect(await diff.locator("tbody tr").count()).toBe(1);
  expect(await diff.locator("tbody tr").innerText()).toMatch(/6\s+Абдрахманов Ержан\s+Sex:\s*Male\s*→\s*now\s*Female/);
  expect(await staff.locator("tr#row-6").getAttribute("class")).toContain("row--changed");
  await staff.screenshot({ path: path.join(artifactsDir, "submission-staff-review.png"), fullPage: true });
  await staff.getByRole("button", { name: "Approve" }).click();
  await staff.getByText("The list was approved.").waitFor();
  expect(await staff.locator(".facts").first().innerText()).toContain("Approved");

  expect(await publicParticipants()).toBe(before + 4);

  // The partner is told, and the list is locked.
  await partner.reload();
  expect(await partner.locator(".facts").first().innerText()).toContain("Approved");
  expect(await partner.getByRole("button", { name: "Submit for review" }).count()).toBe(0);
  await partner.getByRole("link", { name: /^Notices, [1-9]\d* unread$/ }).click();
  await partner.getByText(`Your participant list for “${WEBINAR}” was approved.`).waitFor();
  await partner.getByRole("button", { name: "Mark all as read" }).click();
  await partner.getByRole("link", { name: "Notices, none unread" }).waitFor();
});

it("staff import on a partner's behalf from the activity page", async () => {
  const staff = await signIn(stack.browser, "staff@vep.example", "demo-staff-2020");
  await staff.goto(`${stack.webUrl}/staff/activities`);
  await staff.getByRole("link", { name: WEBINAR }).first().click();
  await staff.getByRole("link", { name: "Import a partner's list" }).click();
  await staff.getByLabel("Partner organisation").selectOption({ index: 1 });
  await staff.getByLabel("Spreadsheet file").setInputFiles({ name: "list.csv", mimeType: "text/csv", buffer: departmentCsv([["Жаксылыков Нурлан", "М", "Акмолинская обл.", "инспектор"]]) });
  await staff.getByRole("button", { name: "Preview" }).click();
  await staff.getByRole("button", { name: "Import 1 participant" }).click();
  await staff.waitForURL(/\/staff\/submissions\/[0-9a-f-]{36}$/);
  await staff.getByRole("heading", { level: 1, name: /^Participant list from / }).waitFor();
  expect(await staff.locator(".facts").first().innerText()).toMatch(/Draft[\s\S]*Rows\s+1/);
});

it("a partner uploads typed-up paper feedback through the same preview and review", async () => {
  const sheet = [
    ["Анкеты участников (бумажные)"],
    [],
    ["№ анкеты", "Пол", "Актуальность", "Полезность", "Тренеры", "Организация", "Знания до", "Знания после", "Комментарии", "Согласие на цитирование"],
    ["1", "Ж", "5", "5", "5", "4", "2", "4", "Очень полезно", "да"],
    ["2", "М", "4", "4", "5", "4", "3", "5", "", "нет"],
    ["3", "", "5", "5", "4", "5", "", "", "Больше практики", "да"],
  ];
  const csv = Buffer.from(sheet.map((r) => r.join(";")).join("\r\n") + "\r\n", "utf8");
  const partner = await signIn(stack.browser, "partner@vep.example", "demo-partner-2020");
  await partner.goto(`${stack.webUrl}/partner`);
  await partner.getByRole("link", { name: WEBINAR }).click();
  await partner.getByRole("link", { name: "Upload paper feedback" }).click();
  await partner.getByRole("heading", { level: 1, name: "Upload paper feedback" }).waitFor();
  await partner.getByLabel("Spreadsheet file").setInputFiles({ name: "анкеты.csv", mimeType: "text/csv", buffer: csv });
  await partner.getByRole("button", { name: "Preview" }).click();
  const importButton = partner.getByRole("button", { name: "Import 3 questionnaires" });
  await importButton.waitFor();
  expect(await partner.getByLabel("Field for column 3 “Актуальность”").inputValue()).toBe("relevance");
  expect(await table(partner, "The first rows").locator("tbody tr").count()).toBe(3);
  await importButton.click();
  await partner.waitForURL(/\/partner\/submissions\/[0-9a-f-]{36}$/);
  await partner.getByRole("heading", { level: 1, name: "Paper feedback batch" }).waitFor();
  expect(await partner.locator(".facts").first().innerText()).toMatch(/Draft[\s\S]*Rows\s+3/);
  await partner.getByRole("button", { name: "Submit for review" }).click();
  await partner.locator(".facts", { hasText: "Submitted" }).first().waitFor();
});
