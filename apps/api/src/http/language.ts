// The language a request is answered in: the first language of Accept-Language that the API speaks
// (English or Russian; Kazakh reads Russian until it has its own catalogue), English otherwise. Set on
// the context like the request id, so problems and messages are rendered for the person who will read them.
import { createMiddleware } from "hono/factory";
import type { Context } from "hono";
import { z } from "zod";
import { messageKeyOf, msg, render, type Language } from "@vep/domain";

declare module "hono" {
  interface ContextVariableMap {
    /** The language problem texts and messages are rendered in. */
    language: Language;
  }
}

/** Languages the API has no catalogue for, answered in one it has. */
const FALLBACK: Record<string, Language> = { en: "en", ru: "ru", kk: "ru" };

/** "kk-KZ, ru;q=0.8, en;q=0.5" → "ru": the best-weighted tag we can answer in; "en" when none. */
export function languageOf(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return "en";
  const tags = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
      return { primary: tag.trim().toLowerCase().split("-")[0] ?? "", q: q === undefined ? 1 : Number(q), index };
    })
    .filter((t) => t.primary !== "" && t.q > 0 && Number.isFinite(t.q))
    // Highest weight first; equal weights keep the order they were sent in.
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const tag of tags) {
    const language = FALLBACK[tag.primary];
    if (language) return language;
  }
  return "en";
}

/** The request's language, also where the middleware has not run yet (an early 413, a route miss). */
export function requestLanguage(c: Context): Language {
  return (c.get("language") as Language | undefined) ?? languageOf(c.req.header("accept-language"));
}

/** Puts the language on the context and tells caches that answers vary with it. */
export const language = createMiddleware(async (c, next) => {
  c.set("language", languageOf(c.req.header("accept-language")));
  await next();
  c.header("Vary", "Accept-Language", { append: true });
});

// ── zod's messages ──
// zod renders an issue's message when it parses, in English (its global locale, which stays as it is:
// a global switch would leak one request's language into another's). A Russian answer re-renders each
// issue here: a message the catalogue knows (custom messages written in domain schemas) by its key,
// zod's own messages through zod's Russian locale, with our wording for the common cases, where zod's
// names the JavaScript type ("ожидалось string, получено undefined").
const zodRussian = z.locales.ru().localeError;

const TYPE_RU: Record<string, string> = {
  string: "строка",
  number: "число",
  int: "целое число",
  bigint: "целое число",
  nan: "число",
  boolean: "логическое значение (да или нет)",
  date: "дата",
  array: "список",
  tuple: "список",
  set: "набор значений",
  object: "объект",
  record: "объект",
  map: "объект",
  null: "пустое значение",
  file: "файл",
};

const FORMAT_RU: Record<string, string> = {
  email: "Неверный адрес электронной почты",
  url: "Неверная ссылка",
  uuid: "Неверный идентификатор",
  uuidv4: "Неверный идентификатор",
  guid: "Неверный идентификатор",
  datetime: "Неверные дата и время",
  date: "Неверная дата",
  time: "Неверное время",
  regex: "Неверный формат",
  starts_with: "Неверный формат",
  ends_with: "Неверный формат",
  includes: "Неверный формат",
};

const pluralRu = new Intl.PluralRules("ru");
/** "не короче 1 символа / 2 символов / 5 символов": after a comparative, one and the rest. */
const genitive = (n: number, one: string, rest: string) => (pluralRu.select(n) === "one" ? one : rest);

type SizedIssue = { origin?: string; inclusive?: boolean };
function sizeRu(issue: SizedIssue, bound: number | bigint, direction: "min" | "max"): string {
  const n = Number(bound);
  const { origin, inclusive = true } = issue;
  if (origin === "string") {
    if (direction === "min" && n <= 1) return "Не может быть пустым";
    return `${direction === "min" ? "Не короче" : "Не длиннее"} ${n} ${genitive(n, "символа", "символов")}`;
  }
  if (origin === "array" || origin === "set" || origin === "map" || origin === "file") {
    if (direction === "min" && n === 1) return "Нужен хотя бы один элемент";
    return `${direction === "min" ? "Не меньше" : "Не больше"} ${n} ${genitive(n, "элемента", "элементов")}`;
  }
  if (origin === "date") return direction === "min" ? `Не раньше ${String(bound)}` : `Не позже ${String(bound)}`;
  if (direction === "min") return inclusive ? `Не меньше ${String(bound)}` : `Больше ${String(bound)}`;
  return inclusive ? `Не больше ${String(bound)}` : `Меньше ${String(bound)}`;
}

function zodRu(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case "invalid_type":
      if (input === undefined) return "Обязательное поле";
      return `Неверный тип значения: нужно ${TYPE_RU[issue.expected] ?? "другое значение"}`;
    case "too_small":
      return sizeRu(issue, issue.minimum, "min");
    case "too_big":
      return sizeRu(issue, issue.maximum, "max");
    case "invalid_format":
      return FORMAT_RU[issue.format] ?? zodRu({ ...issue, code: "custom" } as never, input);
    case "invalid_value":
      return issue.values.length === 1 ? `Должно быть ${String(issue.values[0])}` : `Допустимые значения: ${issue.values.map(String).join(", ")}`;
    case "invalid_union":
      return "Неверное значение";
    case "unrecognized_keys":
      return render(msg("http.unknownField"), "ru");
    default: {
      const russian = zodRussian({ ...issue, input } as never);
      return typeof russian === "string" ? russian : (russian?.message ?? issue.message);
    }
  }
}

/** The value an issue is about, found in the parsed input by the issue's path (zod keeps no copy). */
function inputAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * An issue's message in `language`: a catalogue message (found by its English text) in that language;
 * zod's own messages in Russian for Russian; otherwise as zod wrote it.
 */
export function zodIssueMessage(issue: z.core.$ZodIssue, language: Language, input?: unknown): string {
  if (messageKeyOf(issue.message)) return render(issue.message, language);
  if (language === "en" || issue.code === "custom") return issue.message;
  // Without the parsed input, a missing value is recognised by zod's English wording.
  const value = input === undefined && issue.code === "invalid_type" && !/received undefined$/.test(issue.message) ? null : inputAt(input, issue.path);
  return zodRu(issue, value);
}
