import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LoginInputSchema, UserLanguageSchema } from "@vep/domain";
import { apiClient, callApi, unexpectedResponse } from "../api.server";
import { dashboardLanguages, getFixedT } from "../i18n.server";
import { commitLanguage, languageCookie } from "../language.server";
import { commitSessionToken, getSessionToken, safeRedirectPath } from "../session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request);
  // Already signed in: nothing to do here.
  if (await getSessionToken(request)) throw redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")));
  return { title: t("app.pageTitle", { page: t("auth.signInTitle"), app: t("app.name") }) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

type LoginErrors = { email?: "invalid"; password?: "required"; form?: "incorrect" | "throttled" };

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const values = { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
  const redirectTo = safeRedirectPath(form.get("redirectTo"));
  const parsed = LoginInputSchema.safeParse(values);
  if (!parsed.success) {
    const errors: LoginErrors = {};
    for (const issue of parsed.error.issues) {
      if (issue.path[0] === "email") errors.email = "invalid";
      if (issue.path[0] === "password") errors.password = "required";
    }
    return data({ errors, email: values.email }, { status: 400 });
  }
  const api = apiClient({ request, clientAddress: context.clientAddress });
  const response = await callApi(request, () => api.api.v1.auth.login.$post({ json: parsed.data }));
  if (response.status === 401) return data({ errors: { form: "incorrect" } as LoginErrors, email: values.email }, { status: 401 });
  if (response.status === 429) return data({ errors: { form: "throttled" } as LoginErrors, email: values.email }, { status: 429 });
  if (!response.ok) return unexpectedResponse(response);
  const { token, user } = await response.json();
  const headers = new Headers({ "Set-Cookie": await commitSessionToken(token) });
  const chosenHere: unknown = await languageCookie.parse(request.headers.get("cookie"));
  const chosen = UserLanguageSchema.safeParse(chosenHere);
  if (chosen.success && dashboardLanguages.includes(chosen.data)) {
    // A language picked on this browser before signing in becomes the account's.
    if (chosen.data !== user.language) {
      const signedIn = apiClient({ request, token, clientAddress: context.clientAddress });
      await callApi(request, () => signedIn.api.v1.me.$patch({ json: { language: chosen.data } })).catch(() => undefined);
    }
  } else if (dashboardLanguages.includes(user.language)) {
    // Otherwise the account's language comes with the sign-in, for this browser from now on.
    headers.append("Set-Cookie", await commitLanguage(user.language));
  }
  throw redirect(redirectTo, { headers });
}

export default function Login() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const errors: LoginErrors = result?.errors ?? {};
  const busy = navigation.state === "submitting";

  return (
    <section className="auth" aria-labelledby="login-title">
      <h1 id="login-title">{t("auth.signInTitle")}</h1>
      <p className="lead">{t("auth.signInLead")}</p>
      {errors.form ? (
        <p className="form-error" role="alert">
          {t(`auth.errors.${errors.form}`)}
        </p>
      ) : null}
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <div className="field">
          <label htmlFor="email">{t("auth.email")}</label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={result?.email ?? ""}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? "email-error" : undefined}
          />
          {errors.email ? (
            <p id="email-error" className="field-error">
              {t("auth.errors.email")}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="password">{t("auth.password")}</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={errors.password ? "password-error" : undefined}
          />
          {errors.password ? (
            <p id="password-error" className="field-error">
              {t("auth.errors.password")}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t("auth.signingIn") : t("auth.signIn")}
        </button>
      </Form>
    </section>
  );
}
