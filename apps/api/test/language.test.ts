// The API answers in the caller's language (issue 8): the same bad requests sent in English and in
// Russian give the same statuses and fields, with English texts as before and Russian texts a partner
// can read: no Latin word outside codes. Plus the catalogue's own check: every key has Russian text with
// the same parameters.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
