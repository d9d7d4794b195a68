// Partner submissions as their readers see them (staff: all; a partner: its own organisation's).
import type { RowEdit, Submission } from "@vep/domain";
import { callApi, notFound, unexpectedResponse, type ApiClient } from "../api.server";
import { writeResult } from "./activities.server";
import { ROWS_PER_PAGE, type ReturnInput } from "./submissions";

export interface SubmissionQuery {
  status?: "DRAFT" | "SUBMITTED" | "APPROVED" | "RETURNED" | undefined;
  activityId?: string | undefined;
  cursor?: string | undefined;
}

export async function listSubmissions(api: ApiClient, query: SubmissionQuery, request: Request) {
  const params = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== "")) as Record<string, string>;
  const response = await callApi(request, () => api.api.v1.submissions.$get({ query: { limit: "50", ...params } }));
  if (!response.ok) return unexpectedResponse(response);
  return response.json();
}

export type SubmissionRow = Awaited<ReturnType<typeof listSubmissions>>["items"][number];

// ───────────────────────────── one submission ─────────────────────────────

export async function getSubmission(api: ApiClient, id: string, request: Request) {
  const response = await callApi(request, () => api.api.v1.submissions[":id"].$get({ param: { id } }));
  // 400 = not a valid id; 404 = not in the reader's scope. Both: no such page.
  if (response.status === 404 || response.status === 400) notFound();
  if (!response.ok) return unexpectedResponse(response);
  return response.json();
}

export async function listSubmissionRows(api: ApiClient, id: string, query: { cursor?: string | undefined; revision?: number | undefined }, request: Request) {
  const response = await callApi(request, () =>
    api.api.v1.submissions[":id"].rows.$get({
      param: { id },
      query: { limit: String(ROWS_PER_PAGE), ...(query.cursor ? { cursor: query.cursor } : {}), ...(query.revision ? { revision: String(query.revision) } : {}) },
    }),
  );
  if (response.status === 404) notFound();
  // A cursor from an address that no longer fits: start again at the first page.
  if (response.status === 400 && query.cursor) return listSubmissionRows(api, id, { ...query, cursor: undefined }, request);
  if (!response.ok) return unexpectedResponse(response);
  return response.json();
}

export async function getSubmissionHistory(api: ApiClient, id: string, request: Request) {
  const response = await callApi(request, () => api.api.v1.submissions[":id"].history.$get({ param: { id }, query: {} }));
  if (response.status === 404) notFound();
  if (!response.ok) return unexpectedResponse(response);
  return response.json();
}

/** What changed since the previous revision; null for a first revision, which has nothing before it. */
export async function getSubmissionDiff(api: ApiClient, submission: { id: string; revision: number }, request: Request) {
  if (submission.revision < 2) return null;
  const response = await callApi(request, () => api.api.v1.submissions[":id"].diff.$get({ param: { id: submission.id }, query: {} }));
  if (response.status === 404) notFound();
  if (!response.ok) return unexpectedResponse(response);
  return response.json();
}

/** Everything a submission page shows: the list, one page of its rows, its history and its latest changes. */
export async function loadSubmissionPage(api: ApiClient, id: string, request: Request) {
  const cursor = new URL(request.url).searchParams.get("cursor") ?? undefined;
  const submission = await getSubmission(api, id, request);
  const [rows, history, diff] = await Promise.all([
    listSubmissionRows(api, id, { cursor }, request),
    getSubmissionHistory(api, id, request),
    getSubmissionDiff(api, submission, request),
  ]);
  return { submission, rows: rows.items, nextCursor: rows.nextCursor, isFirstPage: cursor === undefined, history, diff };
}

// ───────────────────────────── workflow ─────────────────────────────

export async function submitSubmission(api: ApiClient, id: string, json: { version: number; comment?: string }, request: Request) {
  const response = await callApi(request, () => api.api.v1.submissions[":id"].submit.$post({ param: { id }, json }));
  return writeResult(response, async () => (await response.json()) as Submission);
}

export async function approveSubmission(api: ApiClient, id: string, json: { version: number; comment?: string }, request: Request) {
  const response = await callApi(request, () => api.api.v1.submissions[":id"].approve.$post({ param: { id }, json }));
  return writeResult(response, async () => (await response.json()) as Submission);
}

export async function returnSubmission(api: ApiClient, id: string, json: ReturnInput, request: Request) {
  const response = await callApi(request, () => api.api.v1.submissions[":id"].return.$post({ param: { id }, json }));
  return writeResult(response, async () => (await response.json()) as Submission);
}

export async function editSubmissionRow(api: ApiClient, id: string, rowNumber: number, json: RowEdit, request: Request) {
  const response = await callApi(request, () => api.api.v1.submissions[":id"].rows[":rowNumber"].$patch({ param: { id, rowNumber: String(rowNumber) }, json }));
  return writeResult(response, async () => (await response.json()) as Submission);
}

export async function removeSubmissionRow(api: ApiClient, id: string, rowNumber: number, version: number, request: Request) {
  const response = await callApi(request, () =>
    api.api.v1.submissions[":id"].rows[":rowNumber"].$delete({ param: { id, rowNumber: String(rowNumber) } }, { headers: { "if-match": `"${version}"` } }),
  );
  return writeResult(response, async () => (await response.json()) as Submission);
}

// ───────────────────────────── notices ─────────────────────────────

export async function listNotifications(api: ApiClient, cursor: string | undefined, request: Request) {
  const response = await callApi(request, () => api.api.v1.notifications.$get({ query: { limit: "50", ...(cursor ? { cursor } : {}) } }));
  if (!response.ok) return unexpectedResponse(response);
  return response.json();
}

export async function markNotificationRead(api: ApiClient, id: string, request: Request) {
  const response = await callApi(request, () => api.api.v1.notifications[":id"].read.$post({ param: { id } }));
  // Already gone or someone else's: nothing to mark.
  if (!response.ok && response.status !== 404 && response.status !== 400) return unexpectedResponse(response);
}

export async function markAllNotificationsRead(api: ApiClient, request: Request) {
  const response = await callApi(request, () => api.api.v1.notifications["read-all"].$post());
  if (!response.ok) return unexpectedResponse(response);
}

/** The header's count of unread notices; 0 when it cannot be had (the page does not fail for it). */
export async function unreadNotificationCount(api: ApiClient, request: Request): Promise<number> {
  try {
    const response = await api.api.v1.notifications["unread-count"].$get();
    return response.ok ? (await response.json()).unread : 0;
  } catch {
    if (request.signal.aborted) throw request.signal.reason;
    return 0;
  }
}
