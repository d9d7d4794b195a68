// Paper feedback typed into a sheet by the partner: checked like a web answer, all rows or none, and
// counted in the donor's satisfaction figures only once staff approve the batch.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startWorld, type Clients, type World } from "./fixtures.js";
import type { RunningApi } from "./harness.js";
import { csvBytes, upload, xlsxBytes, XLSX_TYPE, type Sheet } from "./sheets.js";

let api: RunningApi;
let world: World;
let as: Clients;
beforeAll(async () => {
  ({ api, world, as } = await startWorld());
});
afterAll(() => api.close());

const HEADER = ["№ анкеты", "Пол", "Область", "Актуальность", "Полезность", "Тренеры", "Организация", "Знания до", "Знания после", "Что примените", "Комментарии", "Согласие на цитирование", "Согласие на указание имени"];
const ANSWERS = [
  ["1", "Ж", "Акмолинская обл.", "5", "5", "5", "4", "2", "4", "Подготовку к интервью", "Очень полезно", "да", "нет"],
  ["2", "М", "г. Алматы", "4", "4", "5", "4", "3", "5", "Антикризисные сообщения", "", "нет", "нет"],
  ["3", "", "", "5", "5", "4", "5", "", "", "", "Больше практики", "да", "да"],
];
const sheet = (rows: string[][]): Sheet => [["Анкеты участников (бумажные)"], [], HEADER, ...rows, ["Итого", "", "", "4.7"]];
const path = () => `/api/v1/activities/${world.activityA}/feedback-imports`;
const respondents = async () => (await (await as.donorA("GET", "/api/v1/donor-progress")).json()).satisfaction.respondents.value as number;

it("previews a typed-up pile of questionnaires", async () => {
  const res = await upload(api, world.tokens.partnerA, `${path()}/preview`, await xlsxBytes(sheet(ANSWERS)), { type: XLSX_TYPE });
  expect(res.status).toBe(200);
  const preview = await res.json();
  expect(preview.headerRow).toBe(3);
  expect(preview.counts).toEqual({ rows: 4, responses: 3, invalid: 0, skipped: 1 });
  expect(preview.sample[0]).toMatchObject({ row: 4, respondentSex: "FEMALE", ratingRelevance: 5, knowledgeBefore: 2, knowledgeAfter: 4, consentToQuote: true, consentToAttribution: false });
});

it("refuses the batch when one questionnaire breaks a rule, and writes nothing", async () => {
  const before = await api.db.prisma.feedbackResponse.count();
  const bad = [...ANSWERS, ["4", "М", "", "7", "", "", "", "", "", "", "Отлично", "нет", "да"]];
  const res = await upload(api, world.tokens.partnerA, path(), csvBytes(sheet(bad)));
  expect(res.status).toBe(400);
  expect((await res.json()).errors).toEqual({
    "rows.7.relevance": '"7" is not a score from 1 to 5.',
  });
  const consent = await upload(api, world.tokens.partnerA, path(), csvBytes(sheet([["4", "М", "", "4", "", "", "", "", "", "", "Отлично", "нет", "да"]])));
  expect((await consent.json()).errors).toEqual({ "rows.4.consentToAttribution": "Attribution needs consent to quote as well." });
  expect(await api.db.prisma.feedbackResponse.count()).toBe(before);
});

it("counts the batch's answers only once staff approve it", async () => {
  const before = await respondents();
  const res = await upload(api, world.tokens.partnerA, path(), csvBytes(sheet(ANSWERS), { encoding: "windows-1251" }), { headers: { "idempotency-key": "paper-feedback-2020-05" } });
  expect(res.status, await res.clone().text()).toBe(201);
  let batch = (await res.json()).submission;
  expect(batch).toMatchObject({ kind: "FEEDBACK_BATCH", status: "DRAFT", rows: 3 });
  batch = await (await as.partnerA("POST", `/api/v1/submissions/${batch.id}/submit`, { version: batch.version })).json();
  expect(await respondents()).toBe(before);

  // Returned and resubmitted, the batch keeps its answers.
  batch = await (await as.staff("POST", `/api/v1/submissions/${batch.id}/return`, { version: batch.version, comment: "Проверьте анкету 3" })).json();
  expect(batch).toMatchObject({ status: "RETURNED", rows: 3, revision: 2 });
  batch = await (await as.partnerA("POST", `/api/v1/submissions/${batch.id}/submit`, { version: batch.version })).json();
  const approved = await as.staff("POST", `/api/v1/submissions/${batch.id}/approve`, { version: batch.version });
  expect(approved.status).toBe(200);
  expect(await respondents()).toBe(before + 3);
  const stored = await api.db.prisma.feedbackResponse.findMany({ where: { submissionId: batch.id }, orderBy: { ratingOrganisation: "asc" } });
  expect(stored.map((r) => [r.personId, r.language, r.consentToQuote])).toEqual([[null, "ru", true], [null, "ru", false], [null, "ru", true]]);
});

it("donors and other partners cannot import feedback", async () => {
  expect((await upload(api, world.tokens.donorA, path(), csvBytes(sheet(ANSWERS)))).status).toBe(403);
  expect((await upload(api, world.tokens.partnerB, path(), csvBytes(sheet(ANSWERS)))).status).toBe(404);
});
