import { describe, expect, it } from "vitest";
import { computeIndicator, describeDefinition, type Evidence, type EvidenceResponse } from "./indicator-computation.js";
import { describeProgressRule, elapsedShare, progressStatus } from "./indicator-status.js";

const webinar = { id: "a1", type: "WEBINAR", modality: "ONLINE", completionSharePercent: 70 } as const;
const training = { id: "a2", type: "TRAINING", modality: "IN_PERSON", completionSharePercent: 50 } as const;
const person = (personId: string, activityId: string, attended: number, sessions: number, sex: "FEMALE" | "MALE" = "FEMALE", regionCode: string | null = "KZ-MAN") =>
  ({ activityId, personId, sex, regionCode, organisationId: "org", attended, sessions });
const response = (id: string, before: number | null, after: number | null, ratings: Partial<EvidenceResponse["ratings"]> = {}): EvidenceResponse => ({
  id,
  activityId: "a1",
  sex: null,
  regionCode: null,
  ratings: { relevance: null, usefulness: null, trainers: null, organisation: null, ...ratings },
  knowledgeBefore: before,
  knowledgeAfter: after,
});

const evidence: Evidence = {
  activities: [webinar, training],
  participants: [
    person("p1", "a1", 7, 9), // trained: 7 of 9 at 70%
    person("p2", "a1", 6, 9, "MALE"), // not: 6 of 9
    person("p2", "a2", 2, 4, "MALE", "KZ-AKM"), // trained at 50%, so p2 counts once
    person("p3", "a1", 9, 9, "MALE", null),
    person("p4", "a2", 1, 4, "FEMALE", "UZ-TO"),
  ],
  responses: [response("r1", 2, 4, { relevance: 5, usefulness: 4 }), response("r2", 3, 3, { relevance: 2 }), response("r3", null, 5, { trainers: 4 }), response("r4", 4, null), response("r5", 1, 2)],
};

describe("computed indicators", () => {
  it("counts people trained once each, by the activity's completion share or the definition's", () => {
    const own = computeIndicator({ metric: "PEOPLE_TRAINED", definition: {}, disaggregations: ["sex", "activityType"] }, evidence);
    expect(own.total).toMatchObject({ value: 3, base: 4 });
    expect(own.breakdown.map((c) => [c.dimensionKey, c.value])).toEqual([
      ["activityType=TRAINING", 1],
      ["activityType=WEBINAR", 2],
      ["sex=FEMALE", 1],
      ["sex=MALE", 2],
    ]);
    const strict = computeIndicator({ metric: "PEOPLE_TRAINED", definition: { completionShare: 0.8 }, disaggregations: [] }, evidence);
    expect(strict.total.value).toBe(1); // p1 attended 7 of 9 (78%): only p3 reaches 80%
    const webinarsOnly = computeIndicator({ metric: "PEOPLE_TRAINED", definition: { activityTypes: ["WEBINAR"] }, disaggregations: [] }, evidence);
    expect(webinarsOnly.total.value).toBe(2);
  });

  it("traces a figure to its records, counted or not", () => {
    const c = computeIndicator({ metric: "PEOPLE_TRAINED", definition: {}, disaggregations: ["sex"] }, evidence);
    expect(c.recordsOf({ sex: "MALE" }).map((r) => [r.id, r.activityId, r.counted])).toEqual([
      ["p2", "a1", false],
      ["p3", "a1", true],
      ["p2", "a2", true],
    ]);
  });

  it("answers cells asked for that no record falls in with zero", () => {
    const c = computeIndicator({ metric: "PEOPLE_TRAINED", definition: {}, disaggregations: ["sex", "region"] }, evidence, [{ sex: "FEMALE", region: "KZ-AKM" }]);
    expect(c.breakdown.find((b) => b.dimensionKey === "region=KZ-AKM;sex=FEMALE")).toMatchObject({ value: 0, base: 0 });
  });

  it("covers regions of the country named", () => {
    expect(computeIndicator({ metric: "REGIONS_COVERED", definition: { country: "KZ" }, disaggregations: [] }, evidence).total.value).toBe(2);
    expect(computeIndicator({ metric: "REGIONS_COVERED", definition: {}, disaggregations: [] }, evidence).total.value).toBe(3);
  });

  it("counts activities by type and modality", () => {
    const c = computeIndicator({ metric: "ACTIVITIES_DELIVERED", definition: { modalities: ["ONLINE"] }, disaggregations: ["modality"] }, evidence);
    expect(c.total).toMatchObject({ value: 1, base: null });
  });

  it("takes the knowledge share over matched before/after pairs only", () => {
    const c = computeIndicator({ metric: "KNOWLEDGE_IMPROVED_SHARE", definition: { minimumGain: 1 }, disaggregations: [] }, evidence);
    // r3 and r4 answered one of the two questions: out of the base. r1 and r5 rose, r2 did not.
    expect(c.total).toMatchObject({ value: 66.7, base: 3 });
    expect(c.recordsOf({}).map((r) => r.id)).toEqual(["r1", "r2", "r5"]);
  });

  it("takes the satisfied share over respondents who rated", () => {
    const c = computeIndicator({ metric: "SATISFIED_SHARE", definition: {}, disaggregations: [] }, evidence);
    expect(c.total).toMatchObject({ value: 66.7, base: 3 }); // r1 avg 4.5, r3 4 → satisfied; r2 avg 2 → not
    expect(computeIndicator({ metric: "SATISFIED_SHARE", definition: { ratings: ["relevance"], minimumRating: 5 }, disaggregations: [] }, evidence).total).toMatchObject({ value: 50, base: 2 });
  });

  it("states each definition in words", () => {
    expect(describeDefinition("PEOPLE_TRAINED", { completionShare: 0.7, activityTypes: ["WEBINAR"] })).toContain("at least 70% of its sessions in an activity of type webinar");
    expect(describeDefinition("KNOWLEDGE_IMPROVED_SHARE", { minimumGain: 1 })).toContain("answered both the before and the after question");
  });
});

describe("progress status", () => {
  const year = { periodStart: "2020-01-01", periodEnd: "2020-12-31" };
  it("pro-rates the target to the day", () => {
    expect(elapsedShare(year.periodStart, year.periodEnd, "2019-12-31")).toBe(0);
    expect(elapsedShare(year.periodStart, year.periodEnd, "2020-07-01")).toBeCloseTo(183 / 366);
    expect(elapsedShare(year.periodStart, year.periodEnd, "2021-03-01")).toBe(1);
  });

  it("is on track from 90%, at risk from 60% and off track below, from the baseline", () => {
    const at = (actual: number) => progressStatus({ baseline: 10, target: 110, actual, ...year, asOf: "2021-01-01" });
    expect(at(100)).toMatchObject({ status: "ON_TRACK", percentOfExpected: 90 });
    expect(at(99)).toMatchObject({ status: "AT_RISK", percentOfExpected: 89 });
    expect(at(70)).toMatchObject({ status: "AT_RISK", percentOfExpected: 60 });
    expect(at(69)).toMatchObject({ status: "OFF_TRACK" });
    // Half-way through the year, half the target is due.
    expect(progressStatus({ baseline: 0, target: 100, actual: 45, ...year, asOf: "2020-07-01" }).status).toBe("ON_TRACK");
  });

  it("follows a programme's own rule and indicators that should fall", () => {
    expect(progressStatus({ baseline: 0, target: 100, actual: 85, ...year, asOf: "2021-01-01" }, { onTrackPercent: 80, atRiskPercent: 50 }).status).toBe("ON_TRACK");
    expect(progressStatus({ baseline: 50, target: 10, actual: 14, ...year, asOf: "2021-01-01", direction: "DECREASE" })).toMatchObject({ status: "ON_TRACK", percentOfExpected: 90 });
    expect(progressStatus({ baseline: 50, target: 10, actual: 60, ...year, asOf: "2021-01-01", direction: "DECREASE" }).status).toBe("OFF_TRACK");
  });

  it("says when there is nothing to judge yet", () => {
    expect(progressStatus({ baseline: 0, target: null, actual: 5, ...year, asOf: "2020-06-01" }).status).toBe("NO_TARGET");
    expect(progressStatus({ baseline: 0, target: 10, actual: 5, ...year, asOf: "2019-06-01" }).status).toBe("NOT_STARTED");
    expect(progressStatus({ baseline: 0, target: 10, actual: null, ...year, asOf: "2020-06-01" }).status).toBe("NO_DATA");
    expect(describeProgressRule({ onTrackPercent: 90, atRiskPercent: 60 })).toContain("at least 90% of the target pro-rated to date");
  });
});
