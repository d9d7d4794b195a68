// The API answers in the caller's language (issue 8): the same bad requests sent in English and in
// Russian give the same statuses and fields, with English texts as before and Russian texts a partner
// can read: no Latin word outside codes. Plus the catalogue's own check: every key has Russian text with
// the same parameters.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "@vep/db/seed";
import { CATALOGUES, ENTITY_NAMES_RU, msg, render, templateParams, type MessageKey } from "@vep/domain";
import { languageOf } from "../src/http/language.js";
import { client, startWorld, UNKNOWN_ID, type World } from "./fixtures.js";
import type { RunningApi } from "./harness.js";
import { csvBytes, departmentSheet, PEOPLE, upload } from "./sheets.js";

let api: RunningApi;
let world: World;
beforeAll(async () => {
  ({ api, world } = await startWorld());
});
afterAll(() => api.close());

const RU = { "accept-language": "ru-RU,ru;q=0.9,en;q=0.5" };
const EN = { "accept-language": "en-GB,en;q=0.9" };

/** Codes and names a Russian text may quote in Latin letters. */
const ALLOWED_LATIN = new Set(["csv", "xlsx", "xls", "excel", "utf", "windows", "ascii", "idempotency-key", "if-match", "iati", "json", "get", "post", "put", "patch", "delete", "api"]);

/** Latin words of three letters or more that are not codes: what a Russian reader should never meet. */
function latinWords(text: string): string[] {
  return (text.match(/[A-Za-z](?:[A-Za-z-]*[A-Za-z])?/g) ?? []).filter((word) => word.length >= 3 && !ALLOWED_LATIN.has(word.toLowerCase()) && !/^[A-Z0-9_-]+$/.test(word));
}

type Problem = { title: string; status: number; detail?: string; errors?: Record<string, string> };

/** Sends the same request twice, in English and in Russian; both answers must have one status and shape. */
async function both(send: (headers: Record<string, string>) => Promise<Response>): Promise<{ en: Problem; ru: Problem; status: number; language: string | null }> {
  const [enRes, ruRes] = [await send(EN), await send(RU)];
  expect(ruRes.status).toBe(enRes.status);
  expect(ruRes.headers.get("content-type")).toContain("application/problem+json");
  const [en, ru] = [(await enRes.json()) as Problem, (await ruRes.json()) as Problem];
  expect(Object.keys(ru.errors ?? {})).toEqual(Object.keys(en.errors ?? {}));
  for (const text of [ru.title, ru.detail ?? "", ...Object.values(ru.errors ?? {})]) {
    expect(latinWords(text), text).toEqual([]);
    expect(text).toMatch(/[А-Яа-яЁё]/);
  }
  expect(enRes.headers.get("content-language")).toBe("en");
  return { en, ru, status: ruRes.status, language: ruRes.headers.get("content-language") };
}

describe("the language of a request", () => {
  it("is the first language of Accept-Language the API speaks; Kazakh reads Russian; anything else English", () => {
    expect(languageOf(undefined)).toBe("en");
    expect(languageOf("ru")).toBe("ru");
    expect(languageOf("ru-RU,ru;q=0.9,en-US;q=0.8")).toBe("ru");
    expect(languageOf("kk-KZ,kk;q=0.9")).toBe("ru");
    expect(languageOf("de-DE,de;q=0.9")).toBe("en");
    expect(languageOf("de-DE, ru;q=0.5")).toBe("ru");
    expect(languageOf("en;q=0.4, ru;q=0.8")).toBe("ru");
    expect(languageOf("ru;q=0, en")).toBe("en");
    expect(languageOf("*")).toBe("en");
  });
});

describe("the same bad requests in English and Russian", () => {
  it("sign-in with a wrong password", async () => {
    const { en, ru, status, language } = await both((headers) => client(api, null)("POST", "/api/v1/auth/login", { email: "partner@vep.example", password: "not-the-password" }, headers));
    expect(status).toBe(401);
    expect(language).toBe("ru");
    expect(en).toMatchObject({ title: "Unauthorized", detail: "E-mail or password is incorrect." });
    expect(ru).toMatchObject({ title: "Требуется вход", detail: "Неверный адрес электронной почты или пароль." });
  });

  it("sign-in with fields missing: zod's messages in Russian", async () => {
    const { en, ru } = await both((headers) => client(api, null)("POST", "/api/v1/auth/login", { email: "not an address", extra: 1 }, headers));
    expect(en.errors).toMatchObject({ "body.password": expect.stringMatching(/^Invalid input/), "body.extra": "Unknown field" });
    expect(ru).toMatchObject({ title: "Некорректный запрос", detail: "Некоторые значения не заполнены или неверны." });
    expect(ru.errors).toEqual({ "body.email": "Неверный адрес электронной почты", "body.password": "Обязательное поле", "body.extra": "Неизвестное поле" });
  });

  it("a partner's list with a bad row: the row and field, in Russian", async () => {
    const people = [...PEOPLE, ["Бекова Айгерим", "X", "Акмолинская обл.", ""], ["Сериков Ержан", "М", "Нарния", ""]];
    const path = `/api/v1/activities/${world.activityA}/participant-imports`;
    const { en, ru, status } = await both((headers) => upload(api, world.tokens.partnerA, path, csvBytes(departmentSheet(people)), { headers }));
    expect(status).toBe(400);
    expect(en.detail).toBe("2 rows have problems; nothing was imported. Correct them and upload the file again.");
    expect(en.errors).toEqual({ "rows.8.sex": '"X" is not a sex: write М or Ж (M or F).', "rows.9.region": "\"Нарния\" is not a region of the country on the activity's date." });
    expect(ru.detail).toBe("2 строки содержат ошибки; ничего не импортировано. Исправьте их и загрузите файл снова.");
    expect(ru.errors).toEqual({ "rows.8.sex": "«X» — не пол: напишите М или Ж.", "rows.9.region": "«Нарния» — не регион страны на дату мероприятия." });

    // The preview shows the same problems, in the reader's language.
    const preview = await (await upload(api, world.tokens.partnerA, `${path}/preview`, csvBytes(departmentSheet(people)), { headers: RU })).json();
    expect(preview.problems).toEqual([
      { row: 8, field: "sex", message: "«X» — не пол: напишите М или Ж." },
      { row: 9, field: "region", message: "«Нарния» — не регион страны на дату мероприятия." },
    ]);
    // The rows that will be saved name their regions in Russian too.
    expect(preview.sample.length).toBeGreaterThan(0);
    for (const { region } of preview.sample as { region: string }[]) expect(region).toMatch(/^[А-Яа-яЁё .-]+$/);
  });

  it("a workflow refusal: submitting a list that is already under review", async () => {
    const imported = await upload(api, world.tokens.partnerA, `/api/v1/activities/${world.activityA}/participant-imports`, csvBytes(departmentSheet(PEOPLE)));
    expect(imported.status).toBe(201);
    let { submission } = await imported.json();
    const submitted = await client(api, world.tokens.partnerA)("POST", `/api/v1/submissions/${submission.id}/submit`, { version: submission.version });
    expect(submitted.status).toBe(200);
    submission = await submitted.json();
    const { en, ru, status } = await both((headers) => client(api, world.tokens.partnerA)("POST", `/api/v1/submissions/${submission.id}/submit`, { version: submission.version }, headers));
    expect(status).toBe(409);
    expect(en).toMatchObject({ title: "Conflict", detail: "A submitted list cannot be submitted." });
    expect(ru).toMatchObject({ title: "Конфликт", detail: "Список в состоянии «на проверке» нельзя отправить." });

    // An upload while the list is under review is refused the same way.
    const again = await both((headers) => upload(api, world.tokens.partnerA, `/api/v1/activities/${world.activityA}/participant-imports`, csvBytes(departmentSheet(PEOPLE)), { headers }));
    expect(again.ru.detail).toBe("Список этого вида от организации по этому мероприятию на проверке: дождитесь, пока его утвердят или вернут.");
  });

  it("public feedback with a bad answer", async () => {
    const form = await (await client(api, world.tokens.staff)("POST", "/api/v1/feedback-forms", { activityId: world.activityA, title: "Анкета" })).json();
    let address = 0;
    const answer = (headers: Record<string, string>) =>
      client(api, null)("POST", `/api/v1/public/feedback-forms/${form.token}/responses`, { ratingRelevance: 9, comments: "<b>отлично</b>", consentToAttribution: true, language: "ru" }, { ...headers, "x-forwarded-for": `203.0.113.${++address}` });
    const { en, ru, status } = await both(answer);
    expect(status).toBe(400);
    expect(en.errors).toMatchObject({ "body.comments": "must not contain markup such as <tags>", "body.consentToAttribution": "Attribution needs consent to quote as well." });
    expect(ru.errors).toEqual({
      "body.ratingRelevance": "Не больше 5",
      "body.comments": "не должно содержать разметку, например <теги>",
      "body.consentToAttribution": "Указать имя можно только вместе с согласием на цитирование.",
    });
  });

  it("a record that is not there (404), and no session (401)", async () => {
    const record = await both((headers) => client(api, world.tokens.partnerA)("GET", `/api/v1/submissions/${UNKNOWN_ID}`, undefined, headers));
    expect(record.status).toBe(404);
    expect(record.en).toMatchObject({ title: "Not found", detail: "Submission not found" });
    expect(record.ru).toMatchObject({ title: "Не найдено", detail: "Не найдено: список" });
    const activity = await both((headers) => client(api, world.tokens.partnerA)("GET", `/api/v1/activities/${world.activityB}`, undefined, headers));
    expect(activity.ru.detail).toBe("Не найдено: мероприятие");
    const signedOut = await both((headers) => client(api, null)("GET", "/api/v1/submissions", undefined, headers));
    expect(signedOut.ru).toMatchObject({ title: "Требуется вход", detail: "Войдите, чтобы воспользоваться этим." });
  });

  it("Kazakh is answered in Russian, another language in English", async () => {
    const kk = await client(api, null)("POST", "/api/v1/auth/login", { email: "partner@vep.example", password: "wrong-password" }, { "accept-language": "kk-KZ" });
    expect((await kk.json()).detail).toBe("Неверный адрес электронной почты или пароль.");
    const de = await client(api, null)("POST", "/api/v1/auth/login", { email: "partner@vep.example", password: "wrong-password" }, { "accept-language": "de-DE" });
    expect((await de.json()).detail).toBe("E-mail or password is incorrect.");
  });
});

/** A request as one of the world's users, with the headers a case sends. */
const as = (token: keyof World["tokens"]) => (method: string, url: string, body: unknown, headers: Record<string, string>) => client(api, world.tokens[token])(method, url, body, headers);

describe("staff and admin refusals in English and Russian", () => {

  it("money: an expenditure for another programme's activity; a payment above the pledge", async () => {
    const spent = { programmeId: world.programmeA, activityId: world.activityB, spentOn: "2021-03-02", amountMinor: 4_200_00, currency: "USD" };
    const { en, ru, status } = await both((headers) => as("staff")("POST", "/api/v1/expenditures", spent, headers));
    expect(status).toBe(400);
    expect(en).toMatchObject({ title: "Invalid request", detail: "Activity of another programme", errors: { "body.activityId": "The activity belongs to another programme." } });
    expect(ru).toMatchObject({ title: "Некорректный запрос", detail: "Мероприятие другой программы", errors: { "body.activityId": "Мероприятие относится к другой программе." } });

    const created = await as("staff")("POST", "/api/v1/contributions", { programmeId: world.programmeB, donorId: world.donorB, amountMinor: 1_000_00, currency: "SEK", pledgedOn: "2022-02-01" }, {});
    expect(created.status).toBe(201);
    const pledge = (await created.json()) as { id: string };
    const over = await both((headers) => as("staff")("POST", `/api/v1/contributions/${pledge.id}/payments`, { receivedOn: "2022-03-01", amountMinor: 2_000_00, currency: "SEK" }, headers));
    expect(over.status).toBe(400);
    expect(over.en).toMatchObject({
      detail: "Payments would exceed the pledge",
      errors: { "body.amountMinor": "Would bring the received total to 200000 (minor units of SEK), above the pledge of 100000; at most 100000 more can be received." },
    });
    expect(over.ru).toMatchObject({
      detail: "Поступления превысят объявленный взнос",
      errors: { "body.amountMinor": "Всего поступило бы 200000 (в минимальных единицах валюты SEK), больше объявленного взноса 100000; можно принять ещё не более 100000." },
    });
  });

  it("finance/geography: a region whose predecessor lies in another country", async () => {
    const kz = await api.db.prisma.country.findFirstOrThrow({ where: { code: "KZ" }, select: { id: true } });
    const chuy = await api.db.prisma.region.findFirstOrThrow({ where: { code: "KG-C" }, select: { id: true } });
    const region = { countryId: kz.id, code: "KZ-98", name: "Future Region", validFrom: "2030-01-01", predecessorId: chuy.id };
    const { en, ru, status } = await both((headers) => as("admin")("POST", "/api/v1/regions", region, headers));
    expect(status).toBe(400);
    expect(en).toMatchObject({ detail: "Predecessor in another country", errors: { "body.predecessorId": "Must be a region of the same country." } });
    expect(ru).toMatchObject({ detail: "Предшественник в другой стране", errors: { "body.predecessorId": "Должен быть регионом той же страны." } });
  });

  it("admin/users: a partner without an organisation; an administrator demoting themselves", async () => {
    const user = { email: "ru.partner@vep.example", displayName: "Партнёр", role: "PARTNER", password: "a long enough passphrase" };
    const { en, ru, status } = await both((headers) => as("admin")("POST", "/api/v1/users", user, headers));
    expect(status).toBe(400);
    expect(en).toMatchObject({ detail: "Organisation required", errors: { "body.organisationId": "A partner user needs an organisation." } });
    expect(ru).toMatchObject({ detail: "Нужна организация", errors: { "body.organisationId": "Пользователю с ролью «партнёр» нужна организация." } });

    const me = (await (await client(api, world.tokens.admin)("GET", "/api/v1/me")).json()) as { id: string };
    const self = await both((headers) => as("admin")("PATCH", `/api/v1/users/${me.id}`, { role: "STAFF", version: 1 }, headers));
    expect(self.status).toBe(400);
    expect(self.en).toMatchObject({ detail: "You cannot remove your own administrator access", errors: { "body.role": "Ask another administrator." } });
    expect(self.ru).toMatchObject({ detail: "Нельзя лишить права администратора самого себя", errors: { "body.role": "Обратитесь к другому администратору." } });
  });

  it("activities: deleting an activity with participants (409)", async () => {
    const { en, ru, status } = await both((headers) => as("admin")("DELETE", `/api/v1/activities/${world.activityA}`, undefined, { ...headers, "if-match": '"1"' }));
    expect(status).toBe(409);
    expect(en).toMatchObject({ title: "Conflict", detail: "The activity has participants or feedback recorded. Remove them first, or mark the activity CANCELLED." });
    expect(ru).toMatchObject({ title: "Конфликт", detail: "По мероприятию записаны участники или отзывы. Сначала удалите их или отметьте мероприятие как отменённое." });
  });

  it("results: a target broken down by a dimension the indicator does not have", async () => {
    const target = { periodStart: "2030-01-01", periodEnd: "2030-12-31", value: 5, dimensions: { modality: "ONLINE" } };
    const { en, ru, status } = await both((headers) => as("staff")("POST", `/api/v1/indicators/${seedId("indicator:1")}/targets`, target, headers));
    expect(status).toBe(400);
    expect(en).toMatchObject({ detail: "The period or breakdown does not fit the indicator", errors: { "body.dimensions.modality": "The indicator is not broken down by modality." } });
    expect(ru).toMatchObject({ detail: "Период или разбивка не подходят показателю", errors: { "body.dimensions.modality": "Показатель не разбит по форме проведения." } });
  });

  it("people: an attendance of someone not enrolled in the activity", async () => {
    const { en, ru, status } = await both((headers) => as("staff")("PUT", `/api/v1/sessions/${world.sessionB}/attendance`, { personIds: [world.personA.id] }, headers));
    expect(status).toBe(400);
    expect(en).toMatchObject({ detail: "Everyone attending must be enrolled in the activity", errors: { "body.personIds.0": "Not enrolled in this session's activity." } });
    expect(ru).toMatchObject({ detail: "Все присутствующие должны быть записаны на мероприятие", errors: { "body.personIds.0": "Не записан на мероприятие этого занятия." } });
  });
});

describe("messages written inside the domain's zod schemas, in English and Russian", () => {

  it("an id listed twice: in an attendance list and in a session's trainers", async () => {
    const attendance = await both((headers) => as("staff")("PUT", `/api/v1/sessions/${world.sessionB}/attendance`, { personIds: [world.personA.id, world.personA.id] }, headers));
    expect(attendance.status).toBe(400);
    expect(attendance.en.errors).toEqual({ "body.personIds.1": "listed twice" });
    expect(attendance.ru.errors).toEqual({ "body.personIds.1": "указано дважды" });

    const trainers = await both((headers) => as("staff")("PUT", `/api/v1/sessions/${world.sessionB}/trainers`, { trainerIds: [UNKNOWN_ID, UNKNOWN_ID] }, headers));
    expect(trainers.status).toBe(400);
    expect(trainers.en.errors).toEqual({ "body.trainerIds": "an id is listed twice" });
    expect(trainers.ru.errors).toEqual({ "body.trainerIds": "идентификатор указан дважды" });
  });

  it("a currency code in lower case", async () => {
    const pledge = { programmeId: world.programmeB, donorId: world.donorB, amountMinor: 1_000_00, currency: "usd", pledgedOn: "2022-02-01" };
    const { en, ru, status } = await both((headers) => as("staff")("POST", "/api/v1/contributions", pledge, headers));
    expect(status).toBe(400);
    expect(en.errors).toEqual({ "body.currency": "an ISO 4217 currency code such as USD" });
    expect(ru.errors).toEqual({ "body.currency": "код валюты по ISO 4217, например USD" });
  });

  it("a password that is too short", async () => {
    const user = { email: "short.password@vep.example", displayName: "Сотрудник", role: "STAFF", password: "short" };
    const { en, ru, status } = await both((headers) => as("admin")("POST", "/api/v1/users", user, headers));
    expect(status).toBe(400);
    expect(en.errors).toEqual({ "body.password": "at least 12 characters" });
    expect(ru.errors).toEqual({ "body.password": "не короче 12 символов" });
  });

  it("a date range that ends before it starts", async () => {
    const { en, ru, status } = await both((headers) => as("staff")("GET", "/api/v1/expenditures?from=2022-02-01&to=2021-02-01", undefined, headers));
    expect(status).toBe(400);
    expect(en.errors).toEqual({ "query.to": "must not be before from" });
    expect(ru.errors).toEqual({ "query.to": "не может быть раньше начала диапазона" });
  });
});

/** Every TypeScript file of the API's source, relative to the source root. */
function sourceFiles(dir: string, root = dir): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full, root);
    return entry.name.endsWith(".ts") ? [{ file: path.relative(root, full), text: readFileSync(full, "utf8") }] : [];
  });
}

/** "file:line: code" for each match of `pattern` in `files`. */
const matches = (files: readonly { file: string; text: string }[], pattern: RegExp) =>
  files.flatMap(({ file, text }) => [...text.matchAll(new RegExp(pattern.source, "g"))].map((m) => `${file}:${text.slice(0, m.index).split("\n").length}: ${m[0]}`));

describe("refusals come from the catalogue", () => {
  const files = sourceFiles(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../src"));
  const occurrences = (pattern: RegExp) => matches(files, pattern);

  it("finds the source it checks", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(occurrences(/new RuleViolationError\(/).length).toBeGreaterThan(20);
  });

  it("has no refusal written as an English literal: each is a msg(\"key\", params) in English and Russian", () => {
    // A title or detail as a string or template literal, in the error classes and the services' helpers…
    expect(occurrences(/new (?:RuleViolationError|ConflictError|ForbiddenError)\(\s*["'`]/)).toEqual([]);
    expect(occurrences(/\b(?:ruleViolation|refuseProblems)\(\s*["'`]/)).toEqual([]);
    // …and a field's message assigned as one.
    expect(occurrences(/\b(?:errors|problems|missing)(?:\[[^\]\n]+\]|\.\w+)\s*=\s*["'`]/)).toEqual([]);
  });

  it("names every kind of record a 404 or a stale version mentions in Russian too", () => {
    const notFound = occurrences(/new NotFoundError\(\s*"[^"]+"\s*\)/).map((o) => /"([^"]+)"/.exec(o)![1]!);
    // Versioned writes name the record by its model ("Budget") and, when stale, by its audit name ("budget").
    const written = occurrences(/\bentity: "[^"]+"/).flatMap((o) => {
      const name = /"([^"]+)"/.exec(o)![1]!;
      return [name, name.charAt(0).toLowerCase() + name.slice(1)];
    });
    expect(notFound.length).toBeGreaterThan(20);
    expect([...new Set([...notFound, ...written])].filter((name) => !ENTITY_NAMES_RU[name])).toEqual([]);
  });
});

describe("the domain's zod schemas carry catalogue messages", () => {
  const domainDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../packages/domain/src");
  const domainFiles = readdirSync(domainDir)
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts") && name !== "messages.ts")
    .map((file) => ({ file, text: readFileSync(path.join(domainDir, file), "utf8") }));
  const literal = String.raw`(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\x60[^\x60]*\x60)`;
  /** Plain string literals where zod takes a message: a `message:`/`error:` property, the 2nd argument of a
   * check (`.refine(fn, "…")`, `.regex(/…/, "…")`, `.min(12, "…")`), the only argument of a format (`z.iso.date("…")`). */
  const MESSAGE_LITERALS = [
    new RegExp(String.raw`\b(?:message|error)\s*:\s*` + literal),
    new RegExp(String.raw`\.(?:refine|regex|min|max|length|gt|gte|lt|lte|multipleOf|startsWith|endsWith|includes|size)\([^\n]*?,\s*` + literal + String.raw`\s*[),]`),
    new RegExp(String.raw`(?:\bz\.(?:iso\.)?(?:date|datetime|time|duration|email|url|uuid|string|number|int|boolean|array|object|strictObject)|\.(?:int|positive|nonnegative|negative|nonpositive|nonempty|finite))\(\s*` + literal),
  ];
  const literalsIn = (files: readonly { file: string; text: string }[]) => MESSAGE_LITERALS.flatMap((pattern) => matches(files, pattern));

  it("finds the schemas it checks, and would see a literal message", () => {
    expect(domainFiles.length).toBeGreaterThan(20);
    expect(domainFiles.map(({ text }) => (text.match(/\benglish\(/g) ?? []).length).reduce((a, b) => a + b, 0)).toBeGreaterThan(50);
    const written = [
      'z.array(id).max(20).refine(distinct, "an id is listed twice")',
      "z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as USD')",
      'z.string().min(12, "at least 12 characters").max(200)',
      '.refine((r) => r.a < r.b, { message: "The at-risk threshold must be below the on-track one", path: ["a"] })',
      'ctx.addIssue({ code: "custom", path: [i], message: \x60listed twice\x60 })',
      'z.iso.date("a date as YYYY-MM-DD")',
      'z.url({ protocol: /^https?$/, error: "an http(s) address" })',
    ];
    expect(literalsIn(written.map((text, i) => ({ file: `sample${i}.ts`, text })))).toHaveLength(written.length);
    const translated = ['z.array(id).max(20).refine(distinct, english("schema.idListedTwice"))', 'z.string().trim().max(5000).describe("Notes, such as the venue")', "{ message: english(\"results.periodEndsBeforeStart\"), path: [\"periodEnd\"] }"];
    expect(literalsIn(translated.map((text, i) => ({ file: `sample${i}.ts`, text })))).toEqual([]);
  });

  it("has no custom message written as an English literal: each is english(\"key\") with Russian in the catalogue", () => {
    expect(literalsIn(domainFiles)).toEqual([]);
  });
});

describe("the catalogue", () => {
  const en = CATALOGUES.en;
  const ru = CATALOGUES.ru;

  it("has Russian for every key, with the same parameters and no Latin words but codes", () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as MessageKey[]) {
      expect(ru[key], key).toBeTruthy();
      expect(templateParams(ru[key]), key).toEqual(templateParams(en[key]));
      // "(M or F)" and the like are codes; everything else must be Russian.
      expect(latinWords(ru[key].replace(/\{[^}]*\}/g, "")), key).toEqual([]);
    }
    for (const [entity, name] of Object.entries(ENTITY_NAMES_RU)) expect(latinWords(name), entity).toEqual([]);
  });

  it("renders plural forms for each language", () => {
    const rows = (n: number, language: "en" | "ru") => render(msg("import.rowsHaveProblems", { rows: n }), language).split(";")[0];
    expect([1, 2, 5].map((n) => rows(n, "en"))).toEqual(["1 row has problems", "2 rows have problems", "5 rows have problems"]);
    expect([1, 3, 5, 21, 112].map((n) => rows(n, "ru"))).toEqual(["1 строка содержит ошибки", "3 строки содержат ошибки", "5 строк содержат ошибки", "21 строка содержит ошибки", "112 строк содержат ошибки"]);
  });
});
