// A list as CSV for the signed-in user: the API's export with the user's session, streamed through as
// it arrives (never held whole in the dashboard's memory). The API decides what the user may export.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { ExportListSchema, PAGING_PARAMS, exportPath } from "@vep/domain";
import { callApi } from "../api.server";
import { env } from "../env.server";
import { requireSessionToken } from "../session.server";

const paging = new Set<string>(PAGING_PARAMS);
/** What the browser needs of the API's answer: the CSV, or the problem when it was refused. */
const PASSED_HEADERS = ["content-type", "content-disposition", "cache-control"];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const list = ExportListSchema.safeParse(params.list);
  if (!list.success) throw new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const token = await requireSessionToken(request);
  const url = new URL(request.url);
  const query = new URLSearchParams([...url.searchParams].filter(([name]) => !paging.has(name)));
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: "text/csv, application/problem+json" };
  if (context.clientAddress) headers["x-forwarded-for"] = context.clientAddress;

  const search = query.toString();
  const response = await callApi(request, () => fetch(`${env.API_URL}${exportPath(list.data)}${search ? `?${search}` : ""}`, { headers, signal: request.signal }));
  // The session ended since the page was shown: sign in again and come back to the download.
  if (response.status === 401) throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  const passed = new Headers();
  for (const name of PASSED_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) passed.set(name, value);
  }
  return new Response(response.body, { status: response.status, headers: passed });
}
