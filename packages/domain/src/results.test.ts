import { describe, expect, it } from "vitest";
import { achievedPercent, checkIndicatorRules, dimensionKey, undeclaredDimensions } from "./results.js";

describe("dimensionKey", () => {
  it("is empty for the total", () => {
    expect(dimensionKey({})).toBe("");
  });

  it("sorts the pairs by key, so that the same cell always gets the same key", () => {
    expect(dimensionKey({ sex: "FEMALE", region: "KZ-MAN" })).toBe("region=KZ-MAN;sex=FEMALE");
    expect(dimensionKey({ region: "KZ-MAN", sex: "FEMALE" })).toBe("region=KZ-MAN;sex=FEMALE");
    expect(dimensionKey({ sex: "MALE", activityType: "WEBINAR", modality: "ONLINE" })).toBe("activityType=WEBINAR;modality=ONLINE;sex=MALE");
  });

  it("leaves out dimensions without a value", () => {
    expect(dimensionKey({ sex: "FEMALE", region: undefined })).toBe("sex=FEMALE");
  });
});

it("names the dimensions an indicator is not broken down by", () => {
  expect(undeclaredDimensions({ sex: "FEMALE", region: "KZ-MAN" }, ["sex"])).toEqual({ "dimensions.region": "The indicator is not broken down by region." });
  expect(undeclaredDimensions({ sex: "FEMALE" }, ["sex", "region"])).toEqual({});
});

describe("achievedPercent", () => {
  it("measures progress from the baseline towards the target", () => {
    expect(achievedPercent({ baseline: 0, target: 25, actual: 27 })).toBe(108);
    expect(achievedPercent({ baseline: null, target: 17, actual: 17 })).toBe(100);
    expect(achievedPercent({ baseline: 10, target: 20, actual: 15 })).toBe(50);
  });

  it("works for indicators that should go down", () => {
    expect(achievedPercent({ baseline: 10, target: 5, actual: 7 })).toBe(60);
  });

  it("is null without a target or an actual, or when the target is the baseline", () => {
    expect(achievedPercent({ baseline: 0, target: null, actual: 3 })).toBeNull();
    expect(achievedPercent({ baseline: 0, target: 3, actual: null })).toBeNull();
    expect(achievedPercent({ baseline: 5, target: 5, actual: 6 })).toBeNull();
  });
});

describe("checkIndicatorRules", () => {
  const computed = { outcomeId: null, outputId: "00000000-0000-4000-8000-000000000001", source: "COMPUTED" as const };

  it("accepts a computed indicator with a valid definition and fills in its defaults", () => {
    expect(checkIndicatorRules({ ...computed, metric: "PEOPLE_TRAINED", definition: { completionShare: 0.7 } })).toEqual({ errors: {}, definition: { completionShare: 0.7 } });
    expect(checkIndicatorRules({ ...computed, metric: "KNOWLEDGE_IMPROVED_SHARE", definition: {} }).definition).toEqual({ minimumGain: 1 });
  });

  it("validates the definition for its metric", () => {
    expect(checkIndicatorRules({ ...computed, metric: "PEOPLE_TRAINED", definition: { completionShare: 1.5 } }).errors).toHaveProperty(["definition.completionShare"]);
    expect(checkIndicatorRules({ ...computed, metric: "KNOWLEDGE_IMPROVED_SHARE", definition: { minimumGain: 0 } }).errors).toHaveProperty(["definition.minimumGain"]);
    expect(checkIndicatorRules({ ...computed, metric: "REGIONS_COVERED", definition: { minimumGain: 1 } }).errors).toHaveProperty(["definition.minimumGain"]);
  });

  it("needs a metric for COMPUTED and refuses one for MANUAL", () => {
    expect(checkIndicatorRules({ ...computed, metric: null, definition: {} }).errors).toHaveProperty(["metric"]);
    expect(checkIndicatorRules({ ...computed, source: "MANUAL", metric: "PEOPLE_TRAINED", definition: {} }).errors).toHaveProperty(["metric"]);
    expect(checkIndicatorRules({ ...computed, source: "MANUAL", metric: null, definition: { completionShare: 0.7 } }).errors).toHaveProperty(["definition"]);
  });

  it("attaches to exactly one of an outcome or an output", () => {
    const manual = { source: "MANUAL" as const, metric: null, definition: {} };
    expect(checkIndicatorRules({ ...manual, outcomeId: null, outputId: null }).errors).toHaveProperty(["outcomeId"]);
    expect(checkIndicatorRules({ ...manual, outcomeId: "a", outputId: "b" }).errors).toHaveProperty(["outcomeId"]);
    expect(checkIndicatorRules({ ...manual, outcomeId: "a", outputId: null }).errors).toEqual({});
  });
});
