import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { getAreaT, getLocale } from "../i18n.server";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OrganisationUpdateSchema } from "@vep/domain";
import { notFound } from "../api.server";
import { ADMIN_ROLES, ORGANISATION_FIELDS, organisationFields, organisationOptions } from "../components/admin/options";
import { OrganisationForm } from "../components/admin/organisation-form";
import { SavedMessage } from "../components/programme/fields";
import { allOrganisations, getOrganisation, listCountries, updateOrganisation } from "../lib/admin.server";
import { requireUser } from "../lib/auth.server";
import { failure, failureFor, formValues, issuesToErrors, problemToErrors } from "../lib/programme-forms";
import { localised } from "../lib/localised";

export const handle = { i18n: ["common", "programme", "admin"] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const { api } = await requireUser(request, context, ADMIN_ROLES);
  const id = params.id;
  if (!id) notFound();
  const [t, organisation, all, countries] = await Promise.all([
    getAreaT(request, "admin"),
    getOrganisation(api, request, id),
    allOrganisations(api, request),
    listCountries(api, request),
  ]);
  return {
    title: t("organisation.title", { name: localised(organisation, "name", locale) }),
    organisation,
    parents: organisationOptions(all.filter((o) => o.id !== id), locale),
    countries: countries.items.map((c) => ({ value: c.id, label: localised(c, "name", locale) })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requireUser(request, context, ADMIN_ROLES);
  const id = params.id;
  if (!id) notFound();
  const values = formValues(await request.formData());
  const parsed = OrganisationUpdateSchema.safeParse({ ...organisationFields(values), version: Number(values.version) });
  if (!parsed.success) return data({ ...failure("updateOrganisation", issuesToErrors(parsed.error.issues), [], values), current: null }, { status: 400 });
  const result = await updateOrganisation(api, request, id, parsed.data);
  if (!result.ok) {
    if (result.status === 409 && /changed by someone else/i.test(result.problem.detail ?? "")) {
      const t = await getAreaT(request, "admin");
      const current = await getOrganisation(api, request, id);
      return data({ ...failure("updateOrganisation", {}, [t("conflict")], values), current }, { status: 409 });
    }
    const { errors, unplaced } = problemToErrors(result.problem, ORGANISATION_FIELDS);
    return data({ ...failure("updateOrganisation", errors, unplaced, values), current: null }, { status: result.status });
  }
  throw redirect(`/admin/organisations/${id}?saved=1`);
}

export default function OrganisationPage() {
  const { organisation, parents, countries } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("admin");
  const [params] = useSearchParams();
  const actionData = useActionData<typeof action>();
  const edit = failureFor(actionData, "updateOrganisation");
  const current = actionData && "current" in actionData ? actionData.current : null;

  return (
    <>
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <Link to="/admin/organisations">{t("organisation.back")}</Link>
      </nav>
      <header className="intro">
        <p className="eyebrow">{t(`organisationKind.${organisation.kind}`)}</p>
        <h1>{localised(organisation, "name", i18n.language)}</h1>
      </header>
      <SavedMessage message={params.get("saved") ? t("organisation.saved") : null} />
      <section aria-labelledby="edit-organisation" className="form-panel">
        <h2 id="edit-organisation">{t("organisation.edit")}</h2>
        <OrganisationForm
          intent="updateOrganisation"
          stored={current ?? organisation}
          values={current ? undefined : edit?.values}
          errors={edit?.errors}
          formErrors={edit?.formErrors}
          countries={countries}
          parents={parents}
          submitLabel={t("save")}
        />
      </section>
    </>
  );
}
