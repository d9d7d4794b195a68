// API calls of the IATI export page (/staff/iati) and the file downloads, made with the user's session.
import type { IatiExport, IatiProblem } from "@vep/domain";
import { callApi, notFound, unexpectedResponse, type ApiClient } from "../api.server";

export async function listIatiExports(api: ApiClient, request: Request, programmeId: string) {
  const response = await callApi(request, () => api.api.v1.programmes[":id"]["iati-exports"].$get({ param: { id: programmeId }, query: { limit: "20" } }));
  if (!response.ok) return unexpectedResponse(response);
  return response.json();
}

/** Generates and stores an export: the stored export, or the problems that kept it from being stored. */
export async function createIatiExport(api: ApiClient, request: Request, programmeId: string): Promise<{ outcome: "stored"; stored: IatiExport } | { outcome: "invalid"; problems: IatiProblem[] }> {
  const response = await callApi(request, () => api.api.v1.programmes[":id"]["iati-exports"].$post({ param: { id: programmeId } }));
  if (response.status === 201) return { outcome: "stored", stored: (await response.json()) as IatiExport };
  if (response.status === 422) return { outcome: "invalid", problems: ((await response.json()) as { problems: IatiProblem[] }).problems };
  if (response.status === 404) notFound();
  return unexpectedResponse(response);
}

/**
 * Passes an XML file from the API through to the browser as the download the API named; 404 when the
 * programme or export is not the user's to see; 422 with `invalidMessage` when the current file fails validation.
 */
export async function passThroughXml(request: Request, call: () => Promise<Response>, invalidMessage?: string): Promise<Response> {
  const response = await callApi(request, call);
  if (response.status === 404 || response.status === 400) notFound();
  if (response.status === 422 && invalidMessage !== undefined) return new Response(invalidMessage, { status: 422, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (!response.ok) return unexpectedResponse(response);
  const headers = new Headers({ "Content-Type": response.headers.get("content-type") ?? "application/xml; charset=utf-8", "Cache-Control": "private, no-store" });
  const disposition = response.headers.get("content-disposition");
  if (disposition) headers.set("Content-Disposition", disposition);
  return new Response(response.body, { status: 200, headers });
}
