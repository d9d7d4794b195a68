import { describe, expect, it } from "vitest";
import { feedbackColumns, feedbackMappingProblems, readFeedbackRow } from "./feedback-import.js";

const findRegion = (text: string) => (text.startsWith("Акмолин") ? "akm" : null);
const header = ["№ анкеты", "Пол", "Область", "Актуальность", "Полезность", "Тренеры", "Организация", "Знания до", "Знания после", "Что примените", "Комментарии", "Согласие на цитирование", "Согласие на указание имени"];
const mapping = feedbackColumns.mapColumns(header);

describe("paper feedback", () => {
  it("finds the header under a title and maps Russian question headers", () => {
    expect(feedbackColumns.findHeaderRow([["Анкеты участников вебинара"], [], header])).toBe(2);
    expect(mapping).toEqual(["number", "sex", "region", "relevance", "usefulness", "trainers", "organisation", "knowledgeBefore", "knowledgeAfter", "willApply", "comments", "consentToQuote", "consentToAttribution"]);
    expect(feedbackMappingProblems(["number", "sex"])).toHaveProperty("relevance");
  });

  it("reads a questionnaire", () => {
    const read = readFeedbackRow(["1", "Ж", "Акмолинская обл.", "5", "4", "5", "5", "2", "4", "Антикризисные сообщения", "Спасибо", "да", "нет"], mapping, findRegion);
    expect(read).toEqual({
      kind: "row",
      row: { respondentSex: "FEMALE", respondentRegionId: "akm", ratingRelevance: 5, ratingUsefulness: 4, ratingTrainers: 5, ratingOrganisation: 5, knowledgeBefore: 2, knowledgeAfter: 4, willApply: "Антикризисные сообщения", comments: "Спасибо", consentToQuote: true, consentToAttribution: false },
    });
  });

  it("names bad scores, unknown consents and attribution without consent to quote", () => {
    const bad = readFeedbackRow(["2", "", "", "6", "", "", "", "", "", "", "", "может быть", ""], mapping, findRegion);
    expect(bad.kind === "invalid" && bad.problems.map((p) => p.field)).toEqual(["relevance", "consentToQuote"]);
    const consent = readFeedbackRow(["3", "", "", "4", "", "", "", "", "", "", "Хорошо", "нет", "да"], mapping, findRegion);
    expect(consent).toEqual({ kind: "invalid", problems: [{ field: "consentToAttribution", message: "Attribution needs consent to quote as well." }] });
  });

  it("skips blank and total rows and refuses a row that answers nothing", () => {
    expect(readFeedbackRow(["4"], mapping, findRegion).kind).toBe("blank");
    expect(readFeedbackRow(["Итого", "", "", "4.6"], mapping, findRegion).kind).toBe("total");
    const nothing = readFeedbackRow(["5", "М", "", "", "", "", "", "", "", "", "", "да", ""], mapping, findRegion);
    expect(nothing.kind === "invalid" && String(nothing.problems[0]?.message)).toBe("The row answers no question.");
  });
});
