// The language switch: remembers the choice in a cookie and, for a signed-in user, with the account,
// then goes back to the page it came from. A plain form post, so it works without JavaScript.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { UserLanguageSchema } from "@vep/domain";
import { apiClient, callApi } from "../api.server";
import { dashboardLanguages } from "../i18n.server";
import { commitLanguage } from "../language.server";
import { getSessionToken, safeRedirectPath } from "../session.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const back = safeRedirectPath(form.get("redirectTo"));
  const language = UserLanguageSchema.safeParse(form.get("lng"));
  if (!language.success || !dashboardLanguages.includes(language.data)) throw redirect(back);
  const token = await getSessionToken(request);
  if (token) {
    const api = apiClient({ request, token, clientAddress: context.clientAddress });
    // The cookie alone keeps the choice on this browser if the account could not be updated.
    await callApi(request, () => api.api.v1.me.$patch({ json: { language: language.data } })).catch(() => undefined);
  }
  throw redirect(back, { headers: { "Set-Cookie": await commitLanguage(language.data) } });
}

export function loader() {
  return redirect("/");
}
