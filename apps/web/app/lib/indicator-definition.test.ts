import { describeDefinition, IndicatorMetricSchema, type IndicatorMetric } from "@vep/domain";
import i18next, { type TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import en from "../locales/en/common.json";
import ru from "../locales/ru/common.json";
import { indicatorDefinitionText } from "./indicator-definition";

/** Parameters each metric is defined with: none (the defaults), some, and all of them. */
const DEFINITIONS: Record<IndicatorMetric, Record<string, unknown>[]> = {
  PEOPLE_TRAINED: [
    {},
    { completionShare: 0.7 },
    { completionShare: 0.755, activityTypes: ["WEBINAR", "TRAINING", "WORKSHOP"] },
    { activityTypes: ["STUDY_VISIT", "TECHNICAL_ASSISTANCE"] },
  ],
  REGIONS_COVERED: [{}, { country: "KZ" }, { country: "KZ", activityTypes: ["WEBINAR"] }, { activityTypes: ["CONFERENCE", "ASSESSMENT", "OTHER"] }],
  ACTIVITIES_DELIVERED: [
    {},
    { activityTypes: ["TRAINING"] },
    { modalities: ["ONLINE"] },
    { activityTypes: ["STUDY_VISIT", "WORKSHOP"], modalities: ["ONLINE", "IN_PERSON", "HYBRID"] },
  ],
  KNOWLEDGE_IMPROVED_SHARE: [{}, { minimumGain: 1 }, { minimumGain: 2, scale: [0, 10] }, { minimumGain: 5 }],
  SATISFIED_SHARE: [{}, { minimumRating: 5 }, { ratings: ["trainers"], minimumRating: 3 }, { ratings: ["relevance", "usefulness", "organisation"] }],
};

const translators: Record<string, TFunction<"common">> = {};
beforeAll(async () => {
  for (const [lng, common] of [["en", en], ["ru", ru]] as const) {
    const instance = i18next.createInstance();
    await instance.init({ lng, fallbackLng: false, ns: ["common"], defaultNS: "common", resources: { [lng]: { common } }, interpolation: { escapeValue: false } });
    translators[lng] = instance.getFixedT(lng, "common");
  }
});
const word = (lng: "en" | "ru", metric: string | null, definition: Record<string, unknown>) => indicatorDefinitionText(translators[lng]!, lng, metric, definition);

describe("a computed indicator's definition in words", () => {
  it("covers every metric", () => {
    expect(Object.keys(DEFINITIONS).sort()).toEqual([...IndicatorMetricSchema.options].sort());
  });

  describe.each(IndicatorMetricSchema.options)("%s", (metric) => {
    it.each(DEFINITIONS[metric].map((definition) => [JSON.stringify(definition), definition] as const))("in English is what the API writes: %s", (_, definition) => {
      expect(word("en", metric, definition)).toBe(describeDefinition(metric, definition));
    });

    it.each(DEFINITIONS[metric].map((definition) => [JSON.stringify(definition), definition] as const))("in Russian has no English word and no placeholder left: %s", (_, definition) => {
      const text = word("ru", metric, definition);
      expect(text).toMatch(/\p{Script=Cyrillic}{3,}/u);
      // Codes (KZ) are allowed; no Latin word of three letters or more, as the crawl counts them.
      expect(text!.match(/\p{Script=Latin}{3,}/gu)).toBeNull();
      expect(text).not.toMatch(/\{\{|\}\}/);
    });
  });

  it("words the parameters in Russian: shares, types, modalities, the scale and the questions", () => {
    expect(word("ru", "PEOPLE_TRAINED", { completionShare: 0.7, activityTypes: ["WEBINAR", "STUDY_VISIT"] })).toBe(
      "Уникальные участники, посетившие в мероприятии (тип: вебинар, ознакомительный визит), проведённом в период, не менее 70% занятий, — каждый учитывается один раз; учитываются только утверждённые списки участников.",
    );
    expect(word("ru", "PEOPLE_TRAINED", {})).toContain("не менее установленной для него доли занятий");
    expect(word("ru", "REGIONS_COVERED", { country: "KZ" })).toBe("Уникальные регионы страны KZ, из которых приехали учитываемые участники мероприятий, проведённых в период.");
    expect(word("ru", "ACTIVITIES_DELIVERED", { modalities: ["ONLINE", "IN_PERSON", "HYBRID"] })).toBe("Мероприятия (формат: онлайн или очно или смешанный формат), проведённые в период.");
    expect(word("ru", "SATISFIED_SHARE", { ratings: ["relevance", "trainers"], minimumRating: 4 })).toContain("(актуальность, тренеры; 1–5) — 4 или выше");
  });

  it("says points in Russian's plural forms", () => {
    expect(word("ru", "KNOWLEDGE_IMPROVED_SHARE", { minimumGain: 1 })).toContain("не менее чем на 1 балл,");
    expect(word("ru", "KNOWLEDGE_IMPROVED_SHARE", { minimumGain: 2, scale: [0, 10] })).toContain("(0–10) выросла не менее чем на 2 балла,");
    expect(word("ru", "KNOWLEDGE_IMPROVED_SHARE", { minimumGain: 5 })).toContain("не менее чем на 5 баллов,");
    expect(word("en", "KNOWLEDGE_IMPROVED_SHARE", { minimumGain: 1 })).toContain("by at least 1 point,");
  });

  it("gives up, for the API's own words, on an unknown metric or parameters that are not the metric's", () => {
    expect(word("ru", null, {})).toBeNull();
    expect(word("ru", "UNKNOWN_METRIC", {})).toBeNull();
    expect(word("ru", "PEOPLE_TRAINED", { completionShare: 2 })).toBeNull();
    expect(word("en", "SATISFIED_SHARE", { minimumRating: 4, colour: "blue" })).toBeNull();
  });
});
