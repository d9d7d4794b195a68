import { describe, expect, it } from "vitest";
import { localised, localisedField } from "./localised";

const activity = { title: "Effective communications", titleTranslations: { ru: "Эффективные коммуникации" }, originalLanguage: "en" };

describe("localised", () => {
  it("shows the translation in the reader's language", () => {
    expect(localised(activity, "title", "ru")).toBe("Эффективные коммуникации");
    expect(localisedField(activity, "title", "ru-RU")).toEqual({ text: "Эффективные коммуникации", lang: "ru" });
  });

  it("shows the original in its own language, and when no translation exists", () => {
    expect(localised(activity, "title", "en")).toBe("Effective communications");
    expect(localisedField({ name: "Almaty", nameTranslations: {} }, "name", "ru")).toEqual({ text: "Almaty", lang: "en" });
    expect(localisedField({ name: "Almaty", nameTranslations: { ru: "  " } }, "name", "ru")).toEqual({ text: "Almaty", lang: "en" });
  });

  it("falls back from Kazakh to Russian, as the catalogues do", () => {
    expect(localisedField(activity, "title", "kk")).toEqual({ text: "Эффективные коммуникации", lang: "ru" });
    expect(localised({ ...activity, titleTranslations: { ru: "Рус", kk: "Қаз" } }, "title", "kk")).toBe("Қаз");
  });

  it("keeps a Russian original for a Russian reader even when an English translation exists", () => {
    const quote = { text: "Теперь я понимаю", textTranslations: { en: "Now I understand" }, originalLanguage: "ru" };
    expect(localisedField(quote, "text", "ru")).toEqual({ text: "Теперь я понимаю", lang: "ru" });
    expect(localisedField(quote, "text", "en")).toEqual({ text: "Now I understand", lang: "en" });
  });
});
