import { describe, expect, it } from "vitest";
import { DEFAULT_FEEDBACK_QUESTIONS, FEEDBACK_ANSWER_FIELDS, PublicFeedbackAnswerSchema } from "./feedback.js";

describe("the default questionnaire", () => {
  it("asks every question the response has a column for, each once, with the column's kind", () => {
    expect(DEFAULT_FEEDBACK_QUESTIONS.map((q) => q.key).sort()).toEqual(Object.keys(FEEDBACK_ANSWER_FIELDS).sort());
    for (const q of DEFAULT_FEEDBACK_QUESTIONS) expect(q.kind).toBe(FEEDBACK_ANSWER_FIELDS[q.key].kind);
  });
});

describe("a public answer", () => {
  const issues = (answer: unknown) => {
    const result = PublicFeedbackAnswerSchema.safeParse(answer);
    return result.success ? [] : result.error.issues.map((i) => i.path.join("."));
  };

  it("needs only the language; consents default to no", () => {
    expect(PublicFeedbackAnswerSchema.parse({ language: "kk" })).toEqual({ language: "kk", consentToQuote: false, consentToAttribution: false });
  });

  it("refuses consent to be named without consent to be quoted", () => {
    expect(issues({ language: "ru", consentToAttribution: true })).toEqual(["consentToAttribution"]);
    expect(issues({ language: "ru", consentToQuote: true, consentToAttribution: true })).toEqual([]);
  });

  it("has no field for who answered", () => {
    const result = PublicFeedbackAnswerSchema.safeParse({ language: "ru", name: "Дина", personId: "00000000-0000-4000-8000-000000000000" });
    expect(result.error?.issues).toMatchObject([{ code: "unrecognized_keys", keys: ["name", "personId"] }]);
  });
});
