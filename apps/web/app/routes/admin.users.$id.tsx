import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { getAreaT, getLocale } from "../i18n.server";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PasswordResetSchema, ROLES, UserUpdateSchema } from "@vep/domain";
import { notFound } from "../api.server";
import { DateText } from "../components/date-range";
import { FormErrors, SavedMessage, SelectField, SubmitButton, TextField, useErrorText } from "../components/programme/fields";
import { ADMIN_ROLES, LANGUAGES, organisationOptions } from "../components/admin/options";
import { allOrganisations, getUser, resetPassword, updateUser } from "../lib/admin.server";
import { requireUser } from "../lib/auth.server";
import { failure, failureFor, formValues, issuesToErrors, optionalText, problemToErrors } from "../lib/programme-forms";
import { localised } from "../lib/localised";

export const handle = { i18n: ["common", "programme", "admin"] };

const FIELDS = ["displayName", "role", "organisationId", "language", "isActive"] as const;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const { api, user: me } = await requireUser(request, context, ADMIN_ROLES);
  const id = params.id;
  if (!id) notFound();
  const [t, user, organisations] = await Promise.all([getAreaT(request, "admin"), getUser(api, request, id), allOrganisations(api, request)]);
  return { title: t("user.title", { name: user.displayName }), user, isMe: me.id === user.id, organisations: organisationOptions(organisations, locale) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requireUser(request, context, ADMIN_ROLES);
  const id = params.id;
  if (!id) notFound();
  const values = formValues(await request.formData());
  const t = await getAreaT(request, "admin");
  const here = `/admin/users/${id}`;

  if (values.intent === "resetPassword") {
    const parsed = PasswordResetSchema.safeParse({ password: values.password ?? "" });
    if (!parsed.success) return data(failure("resetPassword", issuesToErrors(parsed.error.issues), [], {}), { status: 400 });
    const result = await resetPassword(api, request, id, parsed.data.password);
    if (!result.ok) {
      const { errors, unplaced } = problemToErrors(result.problem, ["password"]);
      return data(failure("resetPassword", errors, unplaced, {}), { status: result.status });
    }
    throw redirect(`${here}?saved=password`);
  }

  const parsed = UserUpdateSchema.safeParse({
    displayName: values.displayName ?? "",
    role: values.role || undefined,
    organisationId: optionalText(values.organisationId),
    language: values.language || undefined,
    isActive: values.isActive === "true",
    version: Number(values.version),
  });
  if (!parsed.success) return data({ ...failure("updateUser", issuesToErrors(parsed.error.issues), [], values), current: null }, { status: 400 });
  const result = await updateUser(api, request, id, parsed.data);
  if (!result.ok) {
    if (result.status === 409) {
      // Someone else saved first: show what is stored now, with its version, instead of overwriting it.
      const current = await getUser(api, request, id);
      return data({ ...failure("updateUser", {}, [t("conflict")], values), current }, { status: 409 });
    }
    const { errors, unplaced } = problemToErrors(result.problem, FIELDS);
    return data({ ...failure("updateUser", errors, unplaced, values), current: null }, { status: result.status });
  }
  throw redirect(`${here}?saved=user`);
}

export default function UserPage() {
  const loaded = useLoaderData<typeof loader>();
  const { isMe, organisations } = loaded;
  const { t } = useTranslation("admin");
  const [params] = useSearchParams();
  const actionData = useActionData<typeof action>();
  const errorText = useErrorText();
  const edit = failureFor(actionData, "updateUser");
  const conflict = actionData && "current" in actionData ? actionData.current : null;
  // After a conflict the form shows the stored record (and its version), not what was typed.
  const user = (conflict as typeof loaded.user | null) ?? loaded.user;
  const values = conflict ? undefined : edit?.values;
  const err = (f: string) => errorText(edit?.errors[f]);
  const passwordFailure = failureFor(actionData, "resetPassword");
  const saved = params.get("saved");

  return (
    <>
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <Link to="/admin/users">{t("user.back")}</Link>
      </nav>
      <header className="intro">
        <p className="eyebrow">{t("user.eyebrow")}</p>
        <h1>{loaded.user.displayName}</h1>
        <dl className="facts">
          <div>
            <dt>{t("users.fields.email")}</dt>
            <dd>{loaded.user.email}</dd>
          </div>
          <div>
            <dt>{t("users.status")}</dt>
            <dd>
              <span className={loaded.user.isActive ? "badge badge--active" : "badge badge--inactive"}>{loaded.user.isActive ? t("users.active") : t("users.inactive")}</span>
            </dd>
          </div>
          <div>
            <dt>{t("users.lastSignIn")}</dt>
            <dd>{loaded.user.lastLoginAt ? <DateText iso={loaded.user.lastLoginAt} /> : t("users.never")}</dd>
          </div>
          <div>
            <dt>{t("user.createdOn")}</dt>
            <dd>
              <DateText iso={loaded.user.createdAt} />
            </dd>
          </div>
        </dl>
      </header>

      <SavedMessage message={saved === "user" ? t("user.saved") : saved === "password" ? t("user.passwordSaved") : null} />

      <div className="split split--even">
        <section aria-labelledby="edit-user" className="form-panel">
          <h2 id="edit-user">{t("user.edit")}</h2>
          <Form method="post" className="form" noValidate key={`${user.id}-${user.version}`}>
            <input type="hidden" name="intent" value="updateUser" />
            <input type="hidden" name="version" value={user.version} />
            <FormErrors messages={edit?.formErrors} />
            <TextField name="displayName" label={t("users.fields.displayName")} defaultValue={values?.displayName ?? user.displayName} error={err("displayName")} required />
            <SelectField
              name="role"
              label={t("users.fields.role")}
              defaultValue={values?.role ?? user.role}
              error={err("role")}
              options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
              hint={t("users.fields.roleHint")}
              disabled={isMe}
            />
            {isMe ? <input type="hidden" name="role" value={user.role} /> : null}
            <SelectField
              name="organisationId"
              label={t("users.fields.organisation")}
              defaultValue={values?.organisationId ?? user.organisation?.id ?? ""}
              error={err("organisationId")}
              emptyLabel={t("none")}
              options={organisations}
            />
            <SelectField
              name="language"
              label={t("users.fields.language")}
              defaultValue={values?.language ?? user.language}
              error={err("language")}
              options={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
            />
            {isMe ? (
              <>
                <input type="hidden" name="isActive" value="true" />
                <p className="note">{t("user.selfNote")}</p>
              </>
            ) : (
              <SelectField
                name="isActive"
                label={t("users.status")}
                defaultValue={values?.isActive ?? String(user.isActive)}
                error={err("isActive")}
                options={[
                  { value: "true", label: t("users.active") },
                  { value: "false", label: t("users.inactive") },
                ]}
                hint={t("user.statusHint")}
              />
            )}
            <div className="form-actions">
              <SubmitButton intent="updateUser" label={t("save")} busyLabel={t("saving")} />
            </div>
          </Form>
        </section>

        <section aria-labelledby="reset-password" className="form-panel">
          <h2 id="reset-password">{t("user.resetPassword")}</h2>
          <p className="note">{t("user.resetPasswordNote")}</p>
          <Form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="resetPassword" />
            <FormErrors messages={passwordFailure?.formErrors} />
            <TextField
              name="password"
              type="password"
              label={t("user.newPassword")}
              hint={t("users.fields.passwordHint")}
              error={errorText(passwordFailure?.errors.password)}
              autoComplete="new-password"
              required
            />
            <div className="form-actions">
              <SubmitButton intent="resetPassword" label={t("user.setPassword")} busyLabel={t("saving")} />
            </div>
          </Form>
        </section>
      </div>
    </>
  );
}
