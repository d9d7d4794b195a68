// Paper feedback typed into a spreadsheet by a partner: one row per questionnaire, read through the same
// header finding and value reading as participant lists, and checked by the same schema as the public
// form's answers (PublicFeedbackAnswerSchema), so that a batch and a web answer obey one rule.
import { z } from "zod";
import { PublicFeedbackAnswerSchema, type PublicFeedbackAnswer } from "./feedback.js";
import { msg, type MessageText } from "./messages.js";
import { parseSex } from "./participant-import.js";
import { cellOf, columnDictionary, isBlankRow, isTotalRow, valueKey, type FieldProblem, type Mapping, type ReadRow } from "./sheet-columns.js";

export const FEEDBACK_IMPORT_FIELDS = [
  "number",
  "sex",
  "region",
  "relevance",
  "usefulness",
  "trainers",
  "organisation",
  "knowledgeBefore",
  "knowledgeAfter",
  "willApply",
  "comments",
  "consentToQuote",
  "consentToAttribution",
] as const;
export type FeedbackImportField = (typeof FEEDBACK_IMPORT_FIELDS)[number];
export const FeedbackImportFieldSchema = z.enum(FEEDBACK_IMPORT_FIELDS);
export type FeedbackMapping = Mapping<FeedbackImportField>;

const WORDS: Record<FeedbackImportField, string[]> = {
  number: ["№", "#", "no", "number", "№пп", "пп", "номер", "анкета", "№анкеты"],
  sex: ["пол", "sex", "gender", "жынысы"],
  region: ["регион", "область", "region", "oblast", "облыс", "облысы"],
  relevance: ["актуальность", "relevance", "актуальностьтемы", "өзектілігі"],
  usefulness: ["полезность", "usefulness", "useful", "пайдалылығы"],
  trainers: ["тренеры", "trainers", "оценкатренеров", "работатренеров", "тренер", "trainer"],
  organisation: ["организация", "organisation", "organization", "организацияобучения", "ұйымдастыру"],
  knowledgeBefore: ["знаниядо", "уровеньзнанийдо", "knowledgebefore", "before", "дообучения", "до"],
  knowledgeAfter: ["знанияпосле", "уровеньзнанийпосле", "knowledgeafter", "after", "послеобучения", "после"],
  willApply: ["чтопримените", "чтовыпримените", "чтобудетеприменять", "willapply", "применение", "whatwillyouapply"],
  comments: ["комментарии", "комментарий", "comments", "comment", "отзыв", "пожелания", "пікірлер"],
  consentToQuote: ["согласиенацитирование", "consenttoquote", "можноцитировать", "цитирование"],
  consentToAttribution: ["согласиенауказаниеимени", "consenttobenamed", "consenttoattribution", "можноуказатьимя", "указаниеимени"],
};

const ANSWERS: FeedbackImportField[] = ["relevance", "usefulness", "trainers", "organisation", "knowledgeBefore", "knowledgeAfter", "willApply", "comments"];

/** A feedback sheet's header row names at least two questions. */
export const feedbackColumns = columnDictionary(WORDS, (fields) => ANSWERS.filter((f) => fields.has(f)).length >= 2);

export function feedbackMappingProblems(mapping: FeedbackMapping): Partial<Record<FeedbackImportField, MessageText>> {
  return ANSWERS.some((f) => mapping.includes(f)) ? {} : { relevance: msg("import.noAnswerColumn") };
}

const YES = new Set(["да", "yes", "y", "д", "+", "1", "x", "х", "✓", "✔", "иә", "true"]);
const NO = new Set(["нет", "no", "n", "н", "-", "0", "жоқ", "false"]);

/** The 1–5 answers: each sheet field and the response column it is stored in, in questionnaire order. */
export const FEEDBACK_SCORE_COLUMNS = { relevance: "ratingRelevance", usefulness: "ratingUsefulness", trainers: "ratingTrainers", organisation: "ratingOrganisation", knowledgeBefore: "knowledgeBefore", knowledgeAfter: "knowledgeAfter" } as const;

export type FeedbackRow = Omit<PublicFeedbackAnswer, "language" | "respondentRegionId"> & { respondentRegionId?: string | undefined };

/** One questionnaire typed into a row: skipped, a response, or its problems by field. */
export function readFeedbackRow(cells: readonly string[], mapping: FeedbackMapping, findRegion: (text: string) => string | null): ReadRow<FeedbackImportField, FeedbackRow> {
  const value = (field: FeedbackImportField) => cellOf(cells, mapping, field);
  if (isBlankRow(cells, mapping, "number")) return { kind: "blank" };
  if (isTotalRow(cells)) return { kind: "total" };

  const problems: FieldProblem<FeedbackImportField>[] = [];
  const answer: Record<string, unknown> = { language: "ru" };
  for (const [field, column] of Object.entries(FEEDBACK_SCORE_COLUMNS) as [keyof typeof FEEDBACK_SCORE_COLUMNS, string][]) {
    const text = value(field).replace(",", ".");
    if (text === "") continue;
    const score = Number(text);
    if (Number.isInteger(score) && score >= 1 && score <= 5) answer[column] = score;
    else problems.push({ field, message: msg("import.scoreInvalid", { value: value(field) }) });
  }
  for (const field of ["willApply", "comments"] as const) if (value(field) !== "") answer[field] = value(field);
  for (const field of ["consentToQuote", "consentToAttribution"] as const) {
    const text = valueKey(value(field));
    if (text === "" || NO.has(text)) answer[field] = false;
    else if (YES.has(text)) answer[field] = true;
    else problems.push({ field, message: msg("import.yesNoInvalid", { value: value(field) }) });
  }
  const sexText = value("sex");
  if (sexText !== "") {
    const sex = parseSex(sexText);
    if (sex) answer.respondentSex = sex;
    else problems.push({ field: "sex", message: msg("import.feedbackSexInvalid", { value: sexText }) });
  }
  const regionText = value("region");
  if (regionText !== "") {
    const regionId = findRegion(regionText);
    if (regionId) answer.respondentRegionId = regionId;
    else problems.push({ field: "region", message: msg("import.regionInvalid", { value: regionText }) });
  }
  if (!ANSWERS.some((f) => value(f) !== "")) problems.push({ field: "relevance", message: msg("import.noAnswer") });
  if (problems.length > 0) return { kind: "invalid", problems };

  // The public form's rules (text limits, consent to be named only with consent to be quoted).
  const { respondentRegionId, ...checkable } = answer;
  const checked = PublicFeedbackAnswerSchema.safeParse(checkable);
  if (!checked.success) {
    const fieldOf = (path: PropertyKey | undefined): FeedbackImportField => (Object.entries(FEEDBACK_SCORE_COLUMNS).find(([, c]) => c === path)?.[0] as FeedbackImportField | undefined) ?? (FEEDBACK_IMPORT_FIELDS.includes(path as FeedbackImportField) ? (path as FeedbackImportField) : "comments");
    return { kind: "invalid", problems: checked.error.issues.map((issue) => ({ field: fieldOf(issue.path[0]), message: issue.message })) };
  }
  const { language: _language, ...row } = checked.data;
  return { kind: "row", row: { ...row, respondentRegionId: respondentRegionId as string | undefined } };
}
