// Content entered in more than one language (activity title and description, indicator and region names)
// comes from the API as the original text plus `{ ru: "…", kk: "…" }` translations. A page shows the
// text in the reader's language when there is one, else falls back as the catalogues do (kk → ru), else
// shows the original; `lang` says which language the shown text is in, for `<span lang>` (WCAG 3.1.2).

/** Languages staff can enter content in: the original in one, translations in the others (activity form). */
export const CONTENT_LANGUAGES = ["en", "ru"] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

/** Languages to try for a locale, best first: Kazakh readers also read Russian (as in app/i18n.ts). */
const FALLBACKS: Record<string, string[]> = { kk: ["ru"] };

type Translations = Readonly<Record<string, string>> | null | undefined;

function chain(locale: string): string[] {
  const base = locale.toLowerCase().split(/[-_]/)[0] ?? locale;
  return [base, ...(FALLBACKS[base] ?? [])];
}

/** The text of `original` in `locale`, and the language it is in (`originalLanguage` when no translation fits). */
export function localisedText(original: string, translations: Translations, locale: string, originalLanguage = "en"): { text: string; lang: string } {
  for (const lng of chain(locale)) {
    if (lng === originalLanguage) return { text: original, lang: originalLanguage };
    const translated = translations?.[lng]?.trim();
    if (translated) return { text: translated, lang: lng };
  }
  return { text: original, lang: originalLanguage };
}

type WithTranslations<F extends string> = { [K in F]: string } & { [K in `${F}Translations`]?: Translations } & { originalLanguage?: string };

/** `localised(activity, "title", locale)`: the record's `title` in `locale`, falling back to the original. */
export function localised<F extends string>(record: WithTranslations<F>, field: F, locale: string): string {
  return localisedField(record, field, locale).text;
}

/** As localised(), with the language of the text shown. */
export function localisedField<F extends string>(record: WithTranslations<F>, field: F, locale: string): { text: string; lang: string } {
  const translations = (record as Record<string, unknown>)[`${field}Translations`] as Translations;
  return localisedText(record[field], translations, locale, record.originalLanguage ?? "en");
}
