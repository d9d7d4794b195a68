// API calls of the staff pages for trainers, donors and contributions, indicators and finance. Each
// read throws the error page on an unexpected answer; each write returns the API's refusal (400, 404,
// 409) as data, so that the form can show it beside its fields.
import type { ApiClient } from "../api.server";
import { callApi, notFound, unexpectedResponse } from "../api.server";
import type { ActivitySummary, Trainer, TrainerDetail, TrainerInput } from "@vep/domain";
import type { Problem } from "./programme-forms";


/** Lists on these pages are short (a programme's trainers, donors, indicators): one page of 100. */
export const LIST_LIMIT = "100";

/** What a write returned: the record, or the API's refusal to show on the form. */
export type WriteResult<T> = { ok: true; data: T } | { ok: false; status: 400 | 404 | 409; problem: Problem };

interface AnyResponse {
  status: number;
  json(): Promise<unknown>;
}

/** The refusal a form can show (400, 404, 409) as data; anything else is the error page. */
export async function refusal(response: AnyResponse): Promise<{ ok: false; status: 400 | 404 | 409; problem: Problem }> {
  if (response.status === 400 || response.status === 404 || response.status === 409) {
    let problem: Problem = {};
    try {
      problem = (await response.json()) as Problem;
    } catch {
      // no body: the status says enough
    }
    return { ok: false, status: response.status, problem };
  }
  return unexpectedResponse(response as unknown as Response);
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}


const page = (cursor?: string | null) => ({ limit: LIST_LIMIT, ...(cursor ? { cursor } : {}) });

// ───────────────────────────── reference lists ─────────────────────────────

export async function listProgrammes(api: ApiClient, request: Request) {
  const response = await callApi(request, () => api.api.v1.programmes.$get({ query: page() }));
  if (!response.ok) return unexpectedResponse(response);
  return response.json();
}

/** The programme a page is about: the one asked for, else the first one. */
export function pickProgramme<T extends { id: string }>(programmes: readonly T[], asked: string | null): T | undefined {
  return programmes.find((p) => p.id === asked) ?? programmes[0];
}

export async function listOrganisationOptions(api: ApiClient, request: Request) {
  const response = await callApi(request, () => api.api.v1.organisations.$get({ query: page() }));
  if (!response.ok) return unexpectedResponse(response);
  return response.json();
}

export async function listOutputs(api: ApiClient, request: Request, programmeId: string) {
  const response = await callApi(request, () => api.api.v1.outputs.$get({ query: { ...page(), programmeId } }));
  if (!response.ok) return unexpectedResponse(response);
  return response.json();
}

export async function listActivities(api: ApiClient, request: Request, programmeId: string) {
  const response = await callApi(request, () => api.api.v1.activities.$get({ query: { ...page(), programmeId } }));
  if (!response.ok) return unexpectedResponse(response);
  return (await response.json()) as Page<ActivitySummary>;
}

// ───────────────────────────── trainers ─────────────────────────────

export async function listTrainers(api: ApiClient, request: Request, cursor?: string | null) {
  const response = await callApi(request, () => api.api.v1.trainers.$get({ query: page(cursor) }));
  if (!response.ok) return unexpectedResponse(response);
  return (await response.json()) as Page<Trainer>;
}

export async function createTrainer(api: ApiClient, request: Request, json: TrainerInput): Promise<WriteResult<TrainerDetail>> {
  const response = await callApi(request, () => api.api.v1.trainers.$post({ json }));
  if (response.status === 201) return { ok: true, data: (await response.json()) as TrainerDetail };
  return refusal(response);
}

// ───────────────────────────── donors and contributions ─────────────────────────────

export async function listDonors(api: ApiClient, request: Request) {
  const response = await callApi(request, () => api.api.v1.donors.$get({ query: page() }));
  if (!response.ok) return unexpectedResponse(response);
  return response.json();
}

export async function getDonor(api: ApiClient, request: Request, id: string) {
  const response = await callApi(request, () => api.api.v1.donors[":id"].$get({ param: { id } }));
  if (response.status === 404 || response.status === 400) notFound();
  if (!response.ok) return unexpectedResponse(response);
  return response.json();
}

export async function listDonorContributions(api: ApiClient, request: Request, donorId: string) {
  const response = await callApi(request, () => api.api.v1.contributions.$get({ query: { ...page(), donorId } }));
  if (!response.ok) return unexpectedResponse(response);
  const list = await response.json();
  // Each with its payments: a donor has a handful of contributions.
  return Promise.all(list.items.map((c) => getContribution(api, request, c.id)));
}

export async function getContribution(api: ApiClient, request: Request, id: string) {
  const response = await callApi(request, () => api.api.v1.contributions[":id"].$get({ param: { id } }));
  if (response.status === 404 || response.status === 400) notFound();
  if (!response.ok) return unexpectedResponse(response);
  return response.json();
}

type ContributionBody = Parameters<ApiClient["api"]["v1"]["contributions"]["$post"]>[0]["json"];
export async function createContribution(api: ApiClient, request: Request, json: ContributionBody) {
  const response = await callApi(request, () => api.api.v1.contributions.$post({ json }));
  if (response.status === 201) return { ok: true as const, data: await response.json() };
  return refusal(response);
}

type PaymentBody = Parameters<ApiClient["api"]["v1"]["contributions"][":id"]["payments"]["$post"]>[0]["json"];
export async function addPayment(api: ApiClient, request: Request, contributionId: string, json: PaymentBody) {
  const response = await callApi(request, () => api.api.v1.contributions[":id"].payments.$post({ param: { id: contributionId }, json }));
  if (response.status === 201) return { ok: true as const, data: await response.json() };
  return refusal(response);
}

// ───────────────────────────── indicators ─────────────────────────────

export async function listIndicators(api: ApiClient, request: Request, programmeId: string) {
  const response = await callApi(request, () => api.api.v1.indicators.$get({ query: { ...page(), programmeId } }));
  if (!response.ok) return unexpectedResponse(response);
  return response.json();
}

export async function getIndicator(api: ApiClient, request: Request, id: string) {
  const response = await callApi(request, () => api.api.v1.indicators[":id"].$get({ param: { id } }));
  if (response.status === 404 || response.status === 400) notFound();
  if (!response.ok) return unexpectedResponse(response);
  return response.json();
}

export type IndicatorDetail = Awaited<ReturnType<typeof getIndicator>>;

type ValueBody = Parameters<ApiClient["api"]["v1"]["indicators"][":id"]["values"]["$post"]>[0]["json"];
export async function createIndicatorValue(api: ApiClient, request: Request, indicatorId: string, json: ValueBody) {
  const response = await callApi(request, () => api.api.v1.indicators[":id"].values.$post({ param: { id: indicatorId }, json }));
  if (response.status === 201) return { ok: true as const, data: await response.json() };
  return refusal(response);
}

export async function lockIndicatorValue(api: ApiClient, request: Request, valueId: string, version: number) {
  const response = await callApi(request, () => api.api.v1["indicator-values"][":id"].lock.$post({ param: { id: valueId }, json: { version } }));
  if (response.status === 200) return { ok: true as const, data: await response.json() };
  return refusal(response);
}

/** The records behind one computed figure (staff): a page of them with who or what each is. */
export async function getComputedRecords(api: ApiClient, request: Request, indicatorId: string, query: { periodStart: string; periodEnd: string; dimensionKey: string; counted?: "true" | "false"; offset: string }) {
  const response = await callApi(request, () => api.api.v1.indicators[":id"].computation.records.$get({ param: { id: indicatorId }, query: { ...query, limit: "200" } }));
  if (response.status === 404 || response.status === 400) notFound();
  if (!response.ok) return unexpectedResponse(response);
  return response.json();
}

/** Closes a period: the computed figures become locked values. */
export async function recordComputedValues(api: ApiClient, request: Request, indicatorId: string, period: { periodStart: string; periodEnd: string }) {
  const response = await callApi(request, () => api.api.v1.indicators[":id"].computation.values.$post({ param: { id: indicatorId }, json: period }));
  if (response.status === 201) return { ok: true as const, data: await response.json() };
  return refusal(response);
}

// ───────────────────────────── budgets and expenditure ─────────────────────────────

export async function listBudgets(api: ApiClient, request: Request, programmeId: string) {
  const response = await callApi(request, () => api.api.v1.budgets.$get({ query: { ...page(), programmeId } }));
  if (!response.ok) return unexpectedResponse(response);
  return response.json();
}

export async function listExpenditures(api: ApiClient, request: Request, programmeId: string) {
  const response = await callApi(request, () => api.api.v1.expenditures.$get({ query: { ...page(), programmeId } }));
  if (!response.ok) return unexpectedResponse(response);
  return response.json();
}

type BudgetBody = Parameters<ApiClient["api"]["v1"]["budgets"]["$post"]>[0]["json"];
export async function createBudget(api: ApiClient, request: Request, json: BudgetBody) {
  const response = await callApi(request, () => api.api.v1.budgets.$post({ json }));
  if (response.status === 201) return { ok: true as const, data: await response.json() };
  return refusal(response);
}

type ExpenditureBody = Parameters<ApiClient["api"]["v1"]["expenditures"]["$post"]>[0]["json"];
export async function createExpenditure(api: ApiClient, request: Request, json: ExpenditureBody) {
  const response = await callApi(request, () => api.api.v1.expenditures.$post({ json }));
  if (response.status === 201) return { ok: true as const, data: await response.json() };
  return refusal(response);
}
