// A computed indicator's definition in the reader's language. The API sends the definition as data (the
// metric and its parameters) besides its English words (`definitionText`, for API users and exports); a
// page words it from the catalogue (common:indicatorDefinition), as the progress rule is. In English the
// words are exactly those of @vep/domain's describeDefinition (indicator-definition.test.ts checks it).
import { METRIC_DEFINITIONS, type IndicatorMetric } from "@vep/domain";
import type { TFunction } from "i18next";

type Rating = "relevance" | "usefulness" | "trainers" | "organisation";
const ALL_RATINGS: readonly Rating[] = ["relevance", "usefulness", "trainers", "organisation"];

/**
 * The definition of a computed indicator in words, in the language of `t`; null when the metric is
 * unknown or the parameters are not the metric's (the caller then shows the API's `definitionText`).
 */
export function indicatorDefinitionText(t: TFunction<"common">, locale: string, metric: string | null, definition: Record<string, unknown>): string | null {
  const lower = (text: string) => text.toLocaleLowerCase(locale);
  const list = (items: readonly string[]) => items.join(", ");
  const either = (items: readonly string[]) => items.reduce((first, second) => t("indicatorDefinition.either", { first, second }));
  const ofTypes = (types: readonly (keyof typeof activityTypes)[] | undefined) =>
    types ? t("indicatorDefinition.ofTypes", { types: list(types.map((type) => lower(activityTypes[type]))) }) : "";
  const activityTypes = {
    TRAINING: t("activityType.TRAINING"),
    WEBINAR: t("activityType.WEBINAR"),
    WORKSHOP: t("activityType.WORKSHOP"),
    STUDY_VISIT: t("activityType.STUDY_VISIT"),
    TECHNICAL_ASSISTANCE: t("activityType.TECHNICAL_ASSISTANCE"),
    CONFERENCE: t("activityType.CONFERENCE"),
    ASSESSMENT: t("activityType.ASSESSMENT"),
    OTHER: t("activityType.OTHER"),
  };
  const modalities = { ONLINE: t("modality.ONLINE"), IN_PERSON: t("modality.IN_PERSON"), HYBRID: t("modality.HYBRID") };
  const ratings: Record<Rating, string> = {
    relevance: t("indicatorDefinition.rating.relevance"),
    usefulness: t("indicatorDefinition.rating.usefulness"),
    trainers: t("indicatorDefinition.rating.trainers"),
    organisation: t("indicatorDefinition.rating.organisation"),
  };

  switch (metric as IndicatorMetric | null) {
    case "PEOPLE_TRAINED": {
      const parsed = METRIC_DEFINITIONS.PEOPLE_TRAINED.safeParse(definition);
      if (!parsed.success) return null;
      const d = parsed.data;
      const share =
        d.completionShare !== undefined
          ? t("indicatorDefinition.sessionsShare", { percent: Math.round(d.completionShare * 100) })
          : t("indicatorDefinition.activityShare");
      return t("indicatorDefinition.peopleTrained", { share, types: ofTypes(d.activityTypes) });
    }
    case "REGIONS_COVERED": {
      const parsed = METRIC_DEFINITIONS.REGIONS_COVERED.safeParse(definition);
      if (!parsed.success) return null;
      const d = parsed.data;
      const country = d.country ? t("indicatorDefinition.ofCountry", { country: d.country }) : "";
      return t("indicatorDefinition.regionsCovered", { country, types: ofTypes(d.activityTypes) });
    }
    case "ACTIVITIES_DELIVERED": {
      const parsed = METRIC_DEFINITIONS.ACTIVITIES_DELIVERED.safeParse(definition);
      if (!parsed.success) return null;
      const d = parsed.data;
      const inModalities = d.modalities ? t("indicatorDefinition.inModalities", { modalities: either(d.modalities.map((m) => lower(modalities[m]))) }) : "";
      return t("indicatorDefinition.activitiesDelivered", { types: ofTypes(d.activityTypes), modalities: inModalities });
    }
    case "KNOWLEDGE_IMPROVED_SHARE": {
      const parsed = METRIC_DEFINITIONS.KNOWLEDGE_IMPROVED_SHARE.safeParse(definition);
      if (!parsed.success) return null;
      const [low, high] = parsed.data.scale ?? [1, 5];
      return t("indicatorDefinition.knowledgeImproved", { count: parsed.data.minimumGain, low, high });
    }
    case "SATISFIED_SHARE": {
      const parsed = METRIC_DEFINITIONS.SATISFIED_SHARE.safeParse(definition);
      if (!parsed.success) return null;
      const questions = list((parsed.data.ratings ?? ALL_RATINGS).map((q) => ratings[q]));
      return t("indicatorDefinition.satisfied", { questions, minimum: parsed.data.minimumRating });
    }
    default:
      return null;
  }
}
