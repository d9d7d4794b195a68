// Feedback: the public form a participant answers by its link (no account), and the staff page that
// makes forms, lists the answers and turns consented comments into quotes. Every API call of the area
// and the parsing of its forms, with the schemas the API validates with.
import {
  FEEDBACK_SCALE_FIELDS,
  FeedbackFormInputSchema,
  PublicFeedbackAnswerSchema,
  type FeedbackForm,
  type FeedbackResponse,
  type PublicFeedbackAnswer,
  type PublicFeedbackForm,
  type Quote,
} from "@vep/domain";
import { callApi, unexpectedResponse, type ApiClient } from "../api.server";
import { fieldErrorsOf, withOffset, type FieldErrors } from "./activities.server";

// ───────────────────────────── the public form ─────────────────────────────

/** Why a form cannot be answered: unknown link (404), not open yet (403), closed (410). */
export type Unavailable = "notFound" | "notOpen" | "closed";

function unavailable(status: number): Unavailable | null {
  if (status === 404) return "notFound";
  if (status === 403) return "notOpen";
  if (status === 410) return "closed";
  return null;
}

export async function getPublicFeedbackForm(api: ApiClient, token: string, request: Request): Promise<{ ok: true; form: PublicFeedbackForm } | { ok: false; reason: Unavailable }> {
  const response = await callApi(request, () => api.api.v1.public["feedback-forms"][":token"].$get({ param: { token } }));
  if (response.ok) return { ok: true, form: (await response.json()) as PublicFeedbackForm };
  const reason = unavailable(response.status);
  return reason ? { ok: false, reason } : unexpectedResponse(response);
}

export type SubmitResult =
  | { ok: true }
  | { ok: false; fieldErrors: FieldErrors }
  | { ok: false; reason: Unavailable }
  | { ok: false; retryAfterMinutes: number };

export async function submitPublicFeedback(api: ApiClient, token: string, answer: PublicFeedbackAnswer, request: Request): Promise<SubmitResult> {
  const response = await callApi(request, () => api.api.v1.public["feedback-forms"][":token"].responses.$post({ param: { token }, json: answer }));
  if (response.ok) return { ok: true };
  if (response.status === 400) {
    const problem = (await response.json()) as { errors?: Record<string, string> };
    return { ok: false, fieldErrors: fieldErrorsOf(problem.errors) };
  }
  if (response.status === 429) {
    const seconds = Number(response.headers.get("retry-after"));
    return { ok: false, retryAfterMinutes: Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 1 };
  }
  const reason = unavailable(response.status);
  return reason ? { ok: false, reason } : unexpectedResponse(response);
}

/** What the public form sends, as typed (kept on error). Ratings are "" when not chosen. */
export interface AnswerFormValues {
  ratingRelevance: string;
  ratingUsefulness: string;
  ratingTrainers: string;
  ratingOrganisation: string;
  knowledgeBefore: string;
  knowledgeAfter: string;
  willApply: string;
  comments: string;
  consentToQuote: boolean;
  consentToAttribution: boolean;
  respondentSex: string;
  respondentRegionId: string;
}

export function answerFormValues(form: FormData): AnswerFormValues {
  const text = (name: string) => String(form.get(name) ?? "");
  return {
    ratingRelevance: text("ratingRelevance"),
    ratingUsefulness: text("ratingUsefulness"),
    ratingTrainers: text("ratingTrainers"),
    ratingOrganisation: text("ratingOrganisation"),
    knowledgeBefore: text("knowledgeBefore"),
    knowledgeAfter: text("knowledgeAfter"),
    willApply: text("willApply"),
    comments: text("comments"),
    consentToQuote: form.get("consentToQuote") === "on",
    consentToAttribution: form.get("consentToAttribution") === "on",
    respondentSex: text("respondentSex"),
    respondentRegionId: text("respondentRegionId"),
  };
}

/** The form's values as the API's answer, or the fields that are not valid. Blank answers are left out. */
export function parseAnswerForm(values: AnswerFormValues, language: string) {
  const given = (value: string) => (value.trim() === "" ? undefined : value);
  const candidate: Record<string, unknown> = {
    willApply: given(values.willApply),
    comments: given(values.comments),
    consentToQuote: values.consentToQuote,
    consentToAttribution: values.consentToAttribution,
    respondentSex: given(values.respondentSex),
    respondentRegionId: given(values.respondentRegionId),
    language,
  };
  for (const field of FEEDBACK_SCALE_FIELDS) candidate[field] = values[field] === "" ? undefined : Number(values[field]);
  const parsed = PublicFeedbackAnswerSchema.safeParse(candidate);
  if (parsed.success) return { ok: true as const, answer: parsed.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
  return { ok: false as const, fieldErrors };
}

// ───────────────────────────── staff ─────────────────────────────

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Every page of a list (at most `maxPages` of 100). */
async function allPages<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>, maxPages = 20): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await fetchPage(cursor);
    items.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return items;
}

export function listFeedbackForms(api: ApiClient, activityId: string, request: Request) {
  return allPages(async (cursor) => {
    const response = await callApi(request, () => api.api.v1["feedback-forms"].$get({ query: { limit: "100", activityId, ...(cursor ? { cursor } : {}) } }));
    if (!response.ok) return unexpectedResponse(response);
    return (await response.json()) as Page<FeedbackForm>;
  });
}

/** The activity's answers, newest first. */
export function listFeedbackResponses(api: ApiClient, activityId: string, request: Request) {
  return allPages(async (cursor) => {
    const response = await callApi(request, () =>
      api.api.v1["feedback-responses"].$get({ query: { limit: "100", activityId, sort: "-submittedAt", ...(cursor ? { cursor } : {}) } }),
    );
    if (!response.ok) return unexpectedResponse(response);
    return (await response.json()) as Page<FeedbackResponse>;
  });
}

export function listQuotes(api: ApiClient, activityId: string, request: Request) {
  return allPages(async (cursor) => {
    const response = await callApi(request, () => api.api.v1.quotes.$get({ query: { limit: "100", activityId, ...(cursor ? { cursor } : {}) } }));
    if (!response.ok) return unexpectedResponse(response);
    return (await response.json()) as Page<Quote>;
  });
}

/** What the "new form" form sends, as typed (kept on error). */
export interface NewFormValues {
  title: string;
  closesAt: string;
  timeZone: string;
}

export function newFormValues(form: FormData): NewFormValues {
  const text = (name: string) => String(form.get(name) ?? "");
  return { title: text("title"), closesAt: text("closesAt"), timeZone: text("timeZone") || "+00:00" };
}

/** A new form with the default questions, closing at the time given (which must be in the future). */
export function parseNewForm(values: NewFormValues, activityId: string, now = new Date()) {
  const fieldErrors: FieldErrors = {};
  if (!/^[+-]\d{2}:\d{2}$/.test(values.timeZone)) fieldErrors.timeZone = "invalid";
  const parsed = FeedbackFormInputSchema.safeParse({ activityId, title: values.title, closesAt: withOffset(values.closesAt, values.timeZone) });
  if (!parsed.success) for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
  else if (parsed.data.closesAt === null || new Date(parsed.data.closesAt) <= now) fieldErrors.closesAt = "past";
  if (!parsed.success || Object.keys(fieldErrors).length > 0) return { ok: false as const, fieldErrors };
  return { ok: true as const, input: parsed.data };
}

export async function createFeedbackForm(api: ApiClient, input: ReturnType<typeof FeedbackFormInputSchema.parse>, request: Request) {
  const response = await callApi(request, () => api.api.v1["feedback-forms"].$post({ json: input }));
  if (response.status === 400) {
    const problem = (await response.json()) as { errors?: Record<string, string> };
    return { ok: false as const, fieldErrors: fieldErrorsOf(problem.errors) };
  }
  if (!response.ok) return unexpectedResponse(response);
  const created = await response.json();
  return { ok: true as const, token: created.token };
}

/** Turns an answer's comment into a quote: ok, or why not (409 quoted already, 400 no comment or consent, 404 gone). */
export async function quoteResponse(api: ApiClient, responseId: string, request: Request) {
  const response = await callApi(request, () => api.api.v1["feedback-responses"][":id"].quote.$post({ param: { id: responseId }, json: { attribution: null } }));
  if (response.ok) return { ok: true as const };
  if (response.status === 409) return { ok: false as const, reason: "conflict" as const };
  if (response.status === 400) return { ok: false as const, reason: "refused" as const };
  if (response.status === 404) return { ok: false as const, reason: "notFound" as const };
  return unexpectedResponse(response);
}
