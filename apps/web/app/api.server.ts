import { data } from "@remix-run/node";
import type { AppType } from "@vep/api";
import type { FeedbackImportPreview, ImportPreview, ImportResult } from "@vep/domain";
import { hc } from "hono/client";
import { env } from "./env.server";
import { uploadContentType, type SheetKind } from "./lib/submissions";

/** How long a loader waits for the API before showing the "unavailable" page. */
const API_TIMEOUT_MS = 10_000;

export interface ApiClientOptions {
  /** The incoming request: its abort signal and Accept-Language are forwarded. */
  request?: Request;
  /** The locale the page is rendered in; the API returns texts in it when it has them. */
  locale?: string;
  /** The signed-in user's session token. */
  token?: string | null;
  /** The browser's address, forwarded so that the API throttles sign-ins per person, not per dashboard. */
  clientAddress?: string | undefined;
}

/** Who asks and in which language: the session, the browser's address, the user's language first. */
function callerHeaders({ request, locale, token, clientAddress }: ApiClientOptions): Record<string, string> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  if (clientAddress) headers["x-forwarded-for"] = clientAddress;
  const acceptLanguage = [locale, request?.headers.get("accept-language")].filter(Boolean).join(", ");
  if (acceptLanguage) headers["accept-language"] = acceptLanguage;
  return headers;
}

/**
 * The typed API client (`hono/client`), with the route types inferred from `@vep/api`'s `AppType`.
 * With `token`, requests carry the signed-in user's session.
 */
export function apiClient(options: ApiClientOptions = {}) {
  const { request } = options;
  const headers = callerHeaders(options);

  return hc<AppType>(env.API_URL, {
    headers,
    fetch: (input: RequestInfo | URL, init?: RequestInit) => {
      const signals = [AbortSignal.timeout(API_TIMEOUT_MS)];
      if (request) signals.push(request.signal);
      if (init?.signal) signals.push(init.signal);
      return fetch(input, { ...init, signal: AbortSignal.any(signals) });
    },
  });
}

export type ApiClient = ReturnType<typeof apiClient>;

/** How long an upload may take end to end: a 100,000-row list is read and written in seconds, not minutes. */
const UPLOAD_TIMEOUT_MS = 5 * 60_000;

/** What a preview shows, for either kind of sheet. */
export type AnyImportPreview = ImportPreview | FeedbackImportPreview;

/** The answer to a participant-list upload: the preview or import, or the problem the API names. */
export type ParticipantImportAnswer<T> =
  | { status: 200 | 201; body: T }
  | { status: 400; detail: string | null; errors: Record<string, string> }
  | { status: 404 | 409; detail: string | null };

/**
 * Sends an uploaded spreadsheet to the API's participant-list or paper-feedback import routes. The API reads the file from
 * the raw request body (which `hono/client` does not send), so this posts the bytes with fetch.
 */
export async function postSheetImport<K extends "preview" | "import">(
  options: ApiClientOptions & { idempotencyKey?: string | undefined },
  activityId: string,
  sheet: SheetKind,
  kind: K,
  file: Blob,
  query: Record<string, string>,
): Promise<ParticipantImportAnswer<K extends "preview" ? AnyImportPreview : ImportResult>> {
  const { request, idempotencyKey } = options;
  const route = sheet === "feedback" ? "feedback-imports" : "participant-imports";
  const path = `${env.API_URL}/api/v1/activities/${encodeURIComponent(activityId)}/${route}${kind === "preview" ? "/preview" : ""}`;
  const headers: Record<string, string> = { ...callerHeaders(options), "content-type": uploadContentType(query.fileName) };
  if (idempotencyKey) headers["idempotency-key"] = idempotencyKey;
  const signals = [AbortSignal.timeout(UPLOAD_TIMEOUT_MS), ...(request ? [request.signal] : [])];
  const response = await callApi(request, () =>
    fetch(`${path}?${new URLSearchParams(query)}`, { method: "POST", body: file, headers, signal: AbortSignal.any(signals) }),
  );
  if (response.status === 200 || response.status === 201) return { status: response.status, body: await response.json() };
  if (response.status === 400 || response.status === 404 || response.status === 409) {
    const problem = (await response.json().catch(() => ({}))) as { detail?: string; errors?: Record<string, string> };
    const detail = problem.detail ?? null;
    return response.status === 400 ? { status: 400, detail, errors: problem.errors ?? {} } : { status: response.status, detail };
  }
  return unexpectedResponse(response);
}

/** What the error boundary gets when a loader gives up on the API. */
export interface ApiErrorData {
  reason: "not-found" | "unavailable" | "api-error";
  resource?: "activity";
}

/**
 * Awaits an API call, turning a network failure or timeout into a 503 page (and leaving a
 * client abort alone, so Remix can cancel the render).
 */
export async function callApi<T>(request: Request | undefined, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (request?.signal.aborted) throw error;
    console.error("API unreachable:", error instanceof Error ? error.message : error);
    throw data<ApiErrorData>({ reason: "unavailable" }, { status: 503 });
  }
}

/** An unexpected API answer: logged with the problem detail, shown as a generic error page. */
export async function unexpectedResponse(response: Response): Promise<never> {
  let detail = "";
  try {
    detail = await response.text();
  } catch {
    // ignore: the status is what matters
  }
  console.error(`API answered ${response.status} ${response.url}: ${detail.slice(0, 500)}`);
  throw data<ApiErrorData>({ reason: "api-error" }, { status: 502 });
}

export function notFound(resource?: ApiErrorData["resource"]): never {
  throw data<ApiErrorData>(resource ? { reason: "not-found", resource } : { reason: "not-found" }, {
    status: 404,
  });
}

// ───────────────────────────── public endpoints ─────────────────────────────

export async function getPublicSummary(api: ApiClient, request?: Request) {
  const response = await callApi(request, () => api.api.v1.public.summary.$get({ query: {} }));
  if (!response.ok) return unexpectedResponse(response);
  return response.json();
}

export async function listPublicActivities(
  api: ApiClient,
  query: { limit: number; cursor?: string | undefined },
  request?: Request,
) {
  const response = await callApi(request, () =>
    api.api.v1.public.activities.$get({
      query: { limit: String(query.limit), ...(query.cursor ? { cursor: query.cursor } : {}) },
    }),
  );
  if (!response.ok) return unexpectedResponse(response);
  return response.json();
}

export async function getPublicActivity(api: ApiClient, id: string, request?: Request) {
  const response = await callApi(request, () => api.api.v1.public.activities[":id"].$get({ param: { id } }));
  // 400 = not a valid id: to a visitor that is the same as an unknown one.
  if (response.status === 404 || response.status === 400) notFound("activity");
  if (!response.ok) return unexpectedResponse(response);
  return response.json();
}

// ───────────────────────────── session ─────────────────────────────

/** The signed-in user, or null when the session is missing, expired or was ended. */
export async function getCurrentUser(api: ApiClient, request?: Request) {
  const response = await callApi(request, () => api.api.v1.me.$get());
  if (response.status === 401) return null;
  if (!response.ok) return unexpectedResponse(response);
  return response.json();
}

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>;
