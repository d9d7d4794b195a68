// API calls of the donor progress dashboard (/donor): aggregates only, never a person's data.
import { ProgressQuerySchema, type ProgressQuery } from "@vep/domain";
import { callApi, unexpectedResponse, type ApiClient } from "../api.server";

/** The filter form's fields, as typed (kept to refill the form). */
export interface ProgressFilterValues {
  programmeId: string;
  from: string;
  to: string;
  countryId: string;
}

export type ProgressFilterErrors = Partial<Record<keyof ProgressFilterValues, "invalid" | "order" | "unavailable">>;

const FIELDS = ["programmeId", "from", "to", "countryId"] as const;

/**
 * Reads the GET filter form with the API's own schema. Invalid fields are reported beside the field
 * and left out of the query, so the page still shows the rest.
 */
export function parseProgressFilters(params: URLSearchParams): {
  values: ProgressFilterValues;
  query: ProgressQuery;
  errors: ProgressFilterErrors;
} {
  const values: ProgressFilterValues = { programmeId: "", from: "", to: "", countryId: "" };
  for (const field of FIELDS) values[field] = (params.get(field) ?? "").trim();
  const query: ProgressQuery = {};
  const errors: ProgressFilterErrors = {};
  for (const field of FIELDS) {
    if (values[field] === "") continue;
    const parsed = ProgressQuerySchema.shape[field].safeParse(values[field]);
    if (parsed.success && parsed.data !== undefined) query[field] = parsed.data;
    else errors[field] = "invalid";
  }
  if (query.from && query.to && query.from > query.to) {
    errors.to = "order";
    delete query.to;
  }
  return { values, query, errors };
}

/** The dashboard's figures, or null when the programme is not among those the caller may see. */
export async function getDonorProgress(api: ApiClient, query: ProgressQuery, request?: Request) {
  const response = await callApi(request, () => api.api.v1["donor-progress"].$get({ query }));
  if (response.status === 404) return null;
  if (!response.ok) return unexpectedResponse(response);
  return response.json();
}

/** The programme's recipient countries with their names' translations, for the country filter (empty if the API refuses). */
export async function getProgrammeCountries(api: ApiClient, programmeId: string, request?: Request) {
  const response = await callApi(request, () => api.api.v1.programmes[":id"]!.$get({ param: { id: programmeId } }));
  if (response.status === 404 || response.status === 403) return [];
  if (!response.ok) return unexpectedResponse(response);
  const programme = await response.json();
  return programme.countries.map((country) => ({ id: country.countryId, name: country.name, nameTranslations: country.nameTranslations }));
}

