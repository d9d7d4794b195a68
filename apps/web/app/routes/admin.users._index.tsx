import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { getAreaT, getLocale } from "../i18n.server";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ROLES, UserInputSchema } from "@vep/domain";
import { DateText } from "../components/date-range";
import { FormErrors, SavedMessage, SelectField, SubmitButton, TextField, useErrorText } from "../components/programme/fields";
import { ADMIN_ROLES, LANGUAGES, organisationOptions } from "../components/admin/options";
import { allOrganisations, createUser, listUsers, updateUser } from "../lib/admin.server";
import { requireUser } from "../lib/auth.server";
import { failure, failureFor, formValues, issuesToErrors, optionalText, problemToErrors } from "../lib/programme-forms";
import { localised } from "../lib/localised";

export const handle = { i18n: ["common", "programme", "admin"] };

const FIELDS = ["email", "displayName", "role", "organisationId", "language", "password"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const { api, user } = await requireUser(request, context, ADMIN_ROLES);
  const url = new URL(request.url);
  const cursor = url.searchParams.get("cursor");
  const q = url.searchParams.get("q")?.trim() || null;
  const [t, users, organisations] = await Promise.all([getAreaT(request, "admin"), listUsers(api, request, { cursor, q }), allOrganisations(api, request)]);
  return {
    title: t("users.title"),
    users: users.items,
    nextCursor: users.nextCursor,
    isFirstPage: cursor === null,
    q,
    me: user.id,
    organisations: organisationOptions(organisations, locale),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requireUser(request, context, ADMIN_ROLES);
  const values = formValues(await request.formData());
  const t = await getAreaT(request, "admin");

  if (values.intent === "setActive") {
    const id = values.target ?? "";
    const isActive = values.isActive === "true";
    const result = await updateUser(api, request, id, { isActive, version: Number(values.version) });
    if (!result.ok) {
      const message = result.status === 409 ? t("conflict") : (Object.values(result.problem.errors ?? {})[0] ?? result.problem.detail ?? t("failed"));
      return data(failure("setActive", {}, [message], values, id), { status: result.status });
    }
    throw redirect(`/admin/users?saved=${isActive ? "reactivated" : "deactivated"}&who=${encodeURIComponent(result.data.email)}`);
  }

  const parsed = UserInputSchema.safeParse({
    email: (values.email ?? "").trim(),
    displayName: values.displayName ?? "",
    role: values.role || undefined,
    organisationId: optionalText(values.organisationId),
    language: values.language || undefined,
    password: values.password ?? "",
  });
  // The password is never sent back to the page.
  const kept = { ...values, password: "" };
  if (!parsed.success) return data(failure("createUser", issuesToErrors(parsed.error.issues), [], kept), { status: 400 });
  const result = await createUser(api, request, parsed.data);
  if (!result.ok) {
    const { errors, unplaced } = problemToErrors(result.problem, FIELDS);
    if (result.status === 409) errors.email = { message: t("users.emailTaken") };
    return data(failure("createUser", errors, result.status === 409 ? [] : unplaced, kept), { status: result.status });
  }
  throw redirect(`/admin/users?saved=created&who=${encodeURIComponent(result.data.email)}`);
}

export default function UsersPage() {
  const { users, nextCursor, isFirstPage, q, me, organisations } = useLoaderData<typeof loader>();
  // Organisation names in the reader's language, from the options (the user list names them in the original).
  const organisationName = new Map(organisations.map((o) => [o.value, o.label]));
  const { t } = useTranslation("admin");
  const [params] = useSearchParams();
  const actionData = useActionData<typeof action>();
  const errorText = useErrorText();
  const created = failureFor(actionData, "createUser");
  const err = (f: string) => errorText(created?.errors[f]);
  const value = (f: string, fallback = "") => created?.values[f] ?? fallback;
  const saved = params.get("saved");
  const who = params.get("who") ?? "";

  return (
    <>
      <header className="intro">
        <p className="eyebrow">{t("eyebrow")}</p>
        <h1>{t("users.title")}</h1>
        <p className="lead">{t("users.lead")}</p>
        <p className="page-actions">
          <a href="#create-user" className="button button--secondary">
            {t("users.create")}
          </a>
        </p>
      </header>

      <SavedMessage message={saved === "created" || saved === "deactivated" || saved === "reactivated" ? t(`users.saved.${saved}`, { email: who }) : null} />

      <Form method="get" className="filter-form" role="search" aria-label={t("users.search")}>
        <TextField name="q" type="search" label={t("users.search")} defaultValue={q ?? ""} />
        <button type="submit" className="button button--secondary">
          {t("search")}
        </button>
      </Form>

      <section aria-labelledby="users-heading">
        <h2 id="users-heading">{t("users.heading")}</h2>
        {users.length === 0 ? (
          <p className="empty-state">{q ? t("users.noMatch", { q }) : t("users.empty")}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="users-heading" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("users.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("users.user")}</th>
                  <th scope="col">{t("users.role")}</th>
                  <th scope="col">{t("users.organisation")}</th>
                  <th scope="col">{t("users.language")}</th>
                  <th scope="col">{t("users.status")}</th>
                  <th scope="col">{t("users.lastSignIn")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {users.map((u) => {
                  const toggleFailure = failureFor(actionData, "setActive", u.id);
                  return (
                    <tr key={u.id} className={u.isActive ? undefined : "row--inactive"}>
                      <th scope="row">
                        <Link to={`/admin/users/${u.id}`}>{u.displayName}</Link>
                        <span className="muted block small">{u.email}</span>
                      </th>
                      <td>{t(`roles.${u.role}`)}</td>
                      <td>{u.organisation ? (organisationName.get(u.organisation.id) ?? u.organisation.name) : <span className="muted">{t("none")}</span>}</td>
                      <td>{t(`languages.${u.language as "en"}`)}</td>
                      <td>
                        <span className={u.isActive ? "badge badge--active" : "badge badge--inactive"}>{u.isActive ? t("users.active") : t("users.inactive")}</span>
                      </td>
                      <td className="nowrap">{u.lastLoginAt ? <DateText iso={u.lastLoginAt} /> : <span className="muted">{t("users.never")}</span>}</td>
                      <td className="row-actions">
                        <Link to={`/admin/users/${u.id}`} className="button button--small button--secondary" aria-label={t("users.editLabel", { name: u.displayName })}>
                          {t("edit")}
                        </Link>
                        {u.id !== me ? (
                          <Form method="post" className="inline-form">
                            <input type="hidden" name="intent" value="setActive" />
                            <input type="hidden" name="target" value={u.id} />
                            <input type="hidden" name="version" value={u.version} />
                            <input type="hidden" name="isActive" value={u.isActive ? "false" : "true"} />
                            <SubmitButton
                              intent="setActive"
                              target={u.id}
                              label={u.isActive ? t("users.deactivate") : t("users.reactivate")}
                              busyLabel={t("saving")}
                              className="button button--small button--secondary"
                              ariaLabel={t(u.isActive ? "users.deactivateLabel" : "users.reactivateLabel", { name: u.displayName })}
                            />
                          </Form>
                        ) : null}
                        {toggleFailure ? (
                          <p className="field-error" role="alert">
                            {toggleFailure.formErrors.join(" ")}
                          </p>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {nextCursor || !isFirstPage ? (
          <nav className="pager" aria-label={t("pager")}>
            {!isFirstPage ? <Link to={`/admin/users${q ? `?q=${encodeURIComponent(q)}` : ""}`}>{t("firstPage")}</Link> : null}
            {nextCursor ? <Link to={`/admin/users?cursor=${encodeURIComponent(nextCursor)}${q ? `&q=${encodeURIComponent(q)}` : ""}`}>{t("nextPage")}</Link> : null}
          </nav>
        ) : null}
      </section>

      <section aria-labelledby="create-user" className="form-panel">
        <h2 id="create-user">{t("users.create")}</h2>
        <p className="note">{t("users.createNote")}</p>
        <Form method="post" className="form form--grid" noValidate>
          <input type="hidden" name="intent" value="createUser" />
          <FormErrors messages={created?.formErrors} />
          <TextField name="displayName" label={t("users.fields.displayName")} defaultValue={value("displayName")} error={err("displayName")} required autoComplete="off" />
          <TextField name="email" type="email" label={t("users.fields.email")} defaultValue={value("email")} error={err("email")} required autoComplete="off" />
          <SelectField
            name="role"
            label={t("users.fields.role")}
            defaultValue={value("role")}
            error={err("role")}
            emptyLabel={t("choose")}
            options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            hint={t("users.fields.roleHint")}
            required
          />
          <SelectField
            name="organisationId"
            label={t("users.fields.organisation")}
            defaultValue={value("organisationId")}
            error={err("organisationId")}
            emptyLabel={t("none")}
            options={organisations}
            hint={t("users.fields.organisationHint")}
          />
          <SelectField
            name="language"
            label={t("users.fields.language")}
            defaultValue={value("language", "en")}
            error={err("language")}
            options={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
          />
          <TextField
            name="password"
            type="password"
            label={t("users.fields.password")}
            hint={t("users.fields.passwordHint")}
            error={err("password")}
            autoComplete="new-password"
            required
          />
          <div className="form-actions">
            <SubmitButton intent="createUser" label={t("users.create")} busyLabel={t("saving")} />
          </div>
        </Form>
      </section>
    </>
  );
}
