// API calls of the printable donor report (/reports/donor): aggregates only, never a person's data.
import { DonorReportQuerySchema, type DonorReportQuery } from "@vep/domain";
import { callApi, unexpectedResponse, type ApiClient } from "../api.server";
import { parseProgressFilters, type ProgressFilterErrors } from "./progress.server";

export interface ReportFilterValues {
  donorId: string;
  programmeId: string;
  from: string;
  to: string;
}

export type ReportFilterErrors = Omit<ProgressFilterErrors, "countryId"> & { donorId?: "invalid" };

/**
 * Reads the GET filter form: programme and period as the progress dashboard reads them (same schema
 * fields), plus the donor. Invalid fields are reported beside the field and left out of the query.
 */
export function parseReportFilters(params: URLSearchParams): { values: ReportFilterValues; query: DonorReportQuery; errors: ReportFilterErrors } {
  const {
    values: { programmeId, from, to },
    query: { countryId: _country, ...query },
    errors: { countryId: _countryError, ...errors },
  } = parseProgressFilters(params);
  const donorId = (params.get("donorId") ?? "").trim();
  const report: DonorReportQuery = query;
  const reportErrors: ReportFilterErrors = errors;
  if (donorId) {
    const parsed = DonorReportQuerySchema.shape.donorId.safeParse(donorId);
    if (parsed.success && parsed.data) report.donorId = parsed.data;
    else reportErrors.donorId = "invalid";
  }
  return { values: { donorId, programmeId, from, to }, query: report, errors: reportErrors };
}

/** The report, or null when the donor or programme is not among those the caller may report on. */
export async function getDonorReport(api: ApiClient, query: DonorReportQuery, request?: Request) {
  const response = await callApi(request, () => api.api.v1.reports.donor.$get({ query }));
  if (response.status === 404) return null;
  if (!response.ok) return unexpectedResponse(response);
  return response.json();
}
