// Partner submissions as their readers see them (staff: all; a partner: its own organisation's).
import { callApi, unexpectedResponse, type ApiClient } from "../api.server";

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
