// Pages behind sign-in: the signed-in user and an API client acting for them, or a redirect to the
// login page (no session) or a 403 page (a role the page is not for).
import { data } from "@remix-run/node";
import type { Role } from "@vep/domain";
import { apiClient, getCurrentUser, type ApiClient, type CurrentUser } from "../api.server";
import { getLocale } from "../i18n.server";
import { requireSessionToken } from "../session.server";

export interface SignedIn {
  user: CurrentUser;
  api: ApiClient;
  locale: string;
}

export async function requireUser(request: Request, context: { clientAddress?: string | undefined }, roles?: readonly Role[]): Promise<SignedIn> {
  const [token, locale] = await Promise.all([requireSessionToken(request), getLocale(request)]);
  const api = apiClient({ request, locale, token, clientAddress: context.clientAddress });
  const user = await getCurrentUser(api, request);
  if (!user) {
    // The session ended (expired, or signed out elsewhere): sign in again and come back.
    const url = new URL(request.url);
    throw new Response(null, { status: 302, headers: { Location: `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}` } });
  }
  if (roles && !roles.includes(user.role)) throw data({ reason: "forbidden" }, { status: 403 });
  return { user, api, locale };
}
