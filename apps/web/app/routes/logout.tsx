import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { apiClient } from "../api.server";
import { clearSessionToken, getSessionToken } from "../session.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const token = await getSessionToken(request);
  if (token) {
    // Ending the API session matters more than its answer: the cookie goes either way.
    await apiClient({ request, token, clientAddress: context.clientAddress })
      .api.v1.auth.logout.$post()
      .catch((error: unknown) => console.error("Sign-out at the API failed:", error instanceof Error ? error.message : error));
  }
  throw redirect("/", { headers: { "Set-Cookie": await clearSessionToken() } });
}

/** Signing out is a POST (a link or prefetch must not sign anyone out). */
export function loader() {
  throw redirect("/");
}
