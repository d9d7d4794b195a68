// API calls of the admin pages: user accounts, organisations, countries and regions. Reads throw the
// error page on an unexpected answer; writes return the API's refusal (400, 404, 409) as data.
import type { ApiClient } from "../api.server";
import { callApi, notFound, unexpectedResponse } from "../api.server";
import { LIST_LIMIT, refusal } from "./programme.server";

const page = (cursor?: string | null) => ({ limit: LIST_LIMIT, ...(cursor ? { cursor } : {}) });

type Json<F extends (...args: never[]) => unknown> = Parameters<F>[0] extends { json: infer J } ? J : never;

// ───────────────────────────── users ─────────────────────────────

export async function listUsers(api: ApiClient, request: Request, query: { cursor?: string | null; q?: string | null }) {
  const response = await callApi(request, () => api.api.v1.users.$get({ query: { ...page(query.cursor), ...(query.q ? { q: query.q } : {}) } }));
  if (!response.ok) return unexpectedResponse(response);
  return response.json();
}

export async function getUser(api: ApiClient, request: Request, id: string) {
  const response = await callApi(request, () => api.api.v1.users[":id"].$get({ param: { id } }));
  if (response.status === 404 || response.status === 400) notFound();
  if (!response.ok) return unexpectedResponse(response);
  return response.json();
}

export async function createUser(api: ApiClient, request: Request, json: Json<ApiClient["api"]["v1"]["users"]["$post"]>) {
  const response = await callApi(request, () => api.api.v1.users.$post({ json }));
  if (response.status === 201) return { ok: true as const, data: await response.json() };
  return refusal(response);
}

export async function updateUser(api: ApiClient, request: Request, id: string, json: Json<ApiClient["api"]["v1"]["users"][":id"]["$patch"]>) {
  const response = await callApi(request, () => api.api.v1.users[":id"].$patch({ param: { id }, json }));
  if (response.status === 200) return { ok: true as const, data: await response.json() };
  return refusal(response);
}

export async function resetPassword(api: ApiClient, request: Request, id: string, password: string) {
  const response = await callApi(request, () => api.api.v1.users[":id"].password.$post({ param: { id }, json: { password } }));
  if (response.status === 204) return { ok: true as const, data: null };
  return refusal(response);
}

// ───────────────────────────── organisations ─────────────────────────────

export async function listOrganisations(api: ApiClient, request: Request, query: { cursor?: string | null; q?: string | null }) {
  const response = await callApi(request, () => api.api.v1.organisations.$get({ query: { ...page(query.cursor), ...(query.q ? { q: query.q } : {}) } }));
  if (!response.ok) return unexpectedResponse(response);
  return response.json();
}

/** Every organisation, for choosing one (a few hundred at most: pages of 100). */
export async function allOrganisations(api: ApiClient, request: Request) {
  const items: Awaited<ReturnType<typeof listOrganisations>>["items"] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 10; i++) {
    const result: Awaited<ReturnType<typeof listOrganisations>> = await listOrganisations(api, request, { cursor });
    items.push(...result.items);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return items;
}

export async function getOrganisation(api: ApiClient, request: Request, id: string) {
  const response = await callApi(request, () => api.api.v1.organisations[":id"].$get({ param: { id } }));
  if (response.status === 404 || response.status === 400) notFound();
  if (!response.ok) return unexpectedResponse(response);
  return response.json();
}

export async function createOrganisation(api: ApiClient, request: Request, json: Json<ApiClient["api"]["v1"]["organisations"]["$post"]>) {
  const response = await callApi(request, () => api.api.v1.organisations.$post({ json }));
  if (response.status === 201) return { ok: true as const, data: await response.json() };
  return refusal(response);
}

export async function updateOrganisation(api: ApiClient, request: Request, id: string, json: Json<ApiClient["api"]["v1"]["organisations"][":id"]["$patch"]>) {
  const response = await callApi(request, () => api.api.v1.organisations[":id"].$patch({ param: { id }, json }));
  if (response.status === 200) return { ok: true as const, data: await response.json() };
  return refusal(response);
}

// ───────────────────────────── countries and regions ─────────────────────────────

export async function listCountries(api: ApiClient, request: Request) {
  const response = await callApi(request, () => api.api.v1.countries.$get({ query: page() }));
  if (!response.ok) return unexpectedResponse(response);
  return response.json();
}

async function regionPage(api: ApiClient, request: Request, countryId: string, cursor: string | null) {
  const response = await callApi(request, () => api.api.v1.regions.$get({ query: { ...page(cursor), countryId, sort: "code" } }));
  if (!response.ok) return unexpectedResponse(response);
  return response.json();
}

export type RegionItem = Awaited<ReturnType<typeof regionPage>>["items"][number];

/** All regions of a country, past and present (pages of 100). */
export async function listRegions(api: ApiClient, request: Request, countryId: string): Promise<RegionItem[]> {
  const items: RegionItem[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 10; i++) {
    const result: Awaited<ReturnType<typeof regionPage>> = await regionPage(api, request, countryId, cursor);
    items.push(...result.items);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return items;
}

export async function getRegion(api: ApiClient, request: Request, id: string) {
  const response = await callApi(request, () => api.api.v1.regions[":id"].$get({ param: { id } }));
  if (response.status === 404 || response.status === 400) notFound();
  if (!response.ok) return unexpectedResponse(response);
  return response.json();
}

export async function createRegion(api: ApiClient, request: Request, json: Json<ApiClient["api"]["v1"]["regions"]["$post"]>) {
  const response = await callApi(request, () => api.api.v1.regions.$post({ json }));
  if (response.status === 201) return { ok: true as const, data: await response.json() };
  return refusal(response);
}

export async function updateRegion(api: ApiClient, request: Request, id: string, json: Json<ApiClient["api"]["v1"]["regions"][":id"]["$patch"]>) {
  const response = await callApi(request, () => api.api.v1.regions[":id"].$patch({ param: { id }, json }));
  if (response.status === 200) return { ok: true as const, data: await response.json() };
  return refusal(response);
}
