// Schema pieces every area's request and response bodies share: ids, the version an update was read at,
// calendar dates and their order, currency and language codes, translations.
import { z } from "zod";
import { english } from "./messages.js";

export const IdSchema = z.uuid();

/** The version an update or delete was read at (or sent as If-Match instead). */
export const VersionReadSchema = z.number().int().positive().optional();

/** A calendar date as stored in `@db.Date` columns; z.iso.date() also refuses 2023-02-30. */
export const CalendarDateSchema = z.iso.date(english("schema.dateFormat"));

export const CurrencyCodeSchema = z.string().regex(/^[A-Z]{3}$/, english("schema.currencyCode"));
export const LanguageCodeSchema = z.string().regex(/^[a-z]{2}$/, english("schema.languageCode"));

/** Translations of a text: { "ru": "…", "kk": "…" }, each of at most `text`; the original stays in the plain field. */
export function translations<T extends z.ZodType<string>>(text: T) {
  return z.record(LanguageCodeSchema, text).refine((t) => Object.keys(t).length <= 10, english("schema.atMostTenLanguages"));
}
export const TranslationsSchema = translations(z.string().trim().min(1).max(2000));

/** "Must not be before …", by the field that must come first. */
const NOT_BEFORE = {
  startDate: english("schema.notBeforeStartDate"),
  validFrom: english("schema.notBeforeValidFrom"),
  from: english("schema.notBeforeFrom"),
  periodStart: english("money.budgetPeriodOrder"),
} as const;

/**
 * For `superRefine`: an issue on `end` (or `path`) when it comes before `start`; both ISO dates, which
 * order as strings, and either may be absent (an update that names one end).
 */
export function datesInOrder(start: keyof typeof NOT_BEFORE, end: string, { path = end, message = NOT_BEFORE[start] }: { path?: string; message?: string } = {}) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const from = value[start];
    const to = value[end];
    if (typeof from === "string" && typeof to === "string" && to < from) ctx.addIssue({ code: "custom", path: [path], message });
  };
}
