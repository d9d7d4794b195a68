import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { getAreaT, getLocale } from "../i18n.server";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OrganisationInputSchema } from "@vep/domain";
import { ADMIN_ROLES, ORGANISATION_FIELDS, organisationFields, organisationOptions } from "../components/admin/options";
import { OrganisationForm } from "../components/admin/organisation-form";
import { SavedMessage, TextField } from "../components/programme/fields";
import { allOrganisations, createOrganisation, listCountries, listOrganisations } from "../lib/admin.server";
import { requireUser } from "../lib/auth.server";
import { failure, failureFor, formValues, issuesToErrors, problemToErrors } from "../lib/programme-forms";
import { localised } from "../lib/localised";

export const handle = { i18n: ["common", "programme", "admin"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const { api } = await requireUser(request, context, ADMIN_ROLES);
  const url = new URL(request.url);
  const cursor = url.searchParams.get("cursor");
  const q = url.searchParams.get("q")?.trim() || null;
  const [t, list, all, countries] = await Promise.all([
    getAreaT(request, "admin"),
    listOrganisations(api, request, { cursor, q }),
    allOrganisations(api, request),
    listCountries(api, request),
  ]);
  return {
    title: t("organisations.title"),
    organisations: list.items,
    nextCursor: list.nextCursor,
    isFirstPage: cursor === null,
    q,
    names: Object.fromEntries(all.map((o) => [o.id, o.acronym ?? localised(o, "name", locale)])),
    parents: organisationOptions(all, locale),
    countries: countries.items.map((c) => ({ value: c.id, label: localised(c, "name", locale) })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requireUser(request, context, ADMIN_ROLES);
  const values = formValues(await request.formData());
  const parsed = OrganisationInputSchema.safeParse(organisationFields(values));
  if (!parsed.success) return data(failure("createOrganisation", issuesToErrors(parsed.error.issues), [], values), { status: 400 });
  const result = await createOrganisation(api, request, parsed.data);
  if (!result.ok) {
    const { errors, unplaced } = problemToErrors(result.problem, ORGANISATION_FIELDS);
    return data(failure("createOrganisation", errors, unplaced, values), { status: result.status });
  }
  throw redirect(`/admin/organisations?q=${encodeURIComponent(result.data.name)}&saved=created`);
}

export default function OrganisationsPage() {
  const { organisations, nextCursor, isFirstPage, q, names, parents, countries } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("admin");
  const [params] = useSearchParams();
  const created = failureFor(useActionData<typeof action>(), "createOrganisation");
  const countryName = new Map(countries.map((c) => [c.value, c.label]));

  return (
    <>
      <header className="intro">
        <p className="eyebrow">{t("eyebrow")}</p>
        <h1>{t("organisations.title")}</h1>
        <p className="lead">{t("organisations.lead")}</p>
        <p className="page-actions">
          <a href="#create-organisation" className="button button--secondary">
            {t("organisations.create")}
          </a>
        </p>
      </header>

      <SavedMessage message={params.get("saved") === "created" ? t("organisations.created") : null} />

      <Form method="get" className="filter-form" role="search" aria-label={t("organisations.search")}>
        <TextField name="q" type="search" label={t("organisations.search")} defaultValue={q ?? ""} />
        <button type="submit" className="button button--secondary">
          {t("search")}
        </button>
        {q ? <Link to="/admin/organisations">{t("clearSearch")}</Link> : null}
      </Form>

      <section aria-labelledby="organisations-heading">
        <h2 id="organisations-heading">{t("organisations.heading")}</h2>
        {organisations.length === 0 ? (
          <p className="empty-state">{q ? t("organisations.noMatch", { q }) : t("organisations.empty")}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="organisations-heading" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("organisations.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("organisations.fields.name")}</th>
                  <th scope="col">{t("organisations.fields.kind")}</th>
                  <th scope="col">{t("organisations.fields.country")}</th>
                  <th scope="col">{t("organisations.fields.parent")}</th>
                  <th scope="col">{t("organisations.fields.iatiRef")}</th>
                </tr>
              </thead>
              <tbody>
                {organisations.map((o) => (
                  <tr key={o.id}>
                    <th scope="row">
                      <Link to={`/admin/organisations/${o.id}`}>{localised(o, "name", i18n.language)}</Link>
                      {o.acronym ? <span className="muted block small">{o.acronym}</span> : null}
                    </th>
                    <td>{t(`organisationKind.${o.kind}`)}</td>
                    <td>{o.countryId ? (countryName.get(o.countryId) ?? t("none")) : <span className="muted">{t("organisations.international")}</span>}</td>
                    <td>{o.parentId ? (names[o.parentId] ?? t("none")) : <span className="muted">{t("none")}</span>}</td>
                    <td>{o.iatiRef ? <code>{o.iatiRef}</code> : <span className="muted">{t("none")}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {nextCursor || !isFirstPage ? (
          <nav className="pager" aria-label={t("pager")}>
            {!isFirstPage ? <Link to={`/admin/organisations${q ? `?q=${encodeURIComponent(q)}` : ""}`}>{t("firstPage")}</Link> : null}
            {nextCursor ? <Link to={`/admin/organisations?cursor=${encodeURIComponent(nextCursor)}${q ? `&q=${encodeURIComponent(q)}` : ""}`}>{t("nextPage")}</Link> : null}
          </nav>
        ) : null}
      </section>

      <section aria-labelledby="create-organisation" className="form-panel">
        <h2 id="create-organisation">{t("organisations.create")}</h2>
        <OrganisationForm
          intent="createOrganisation"
          values={created?.values}
          errors={created?.errors}
          formErrors={created?.formErrors}
          countries={countries}
          parents={parents}
          submitLabel={t("organisations.create")}
        />
      </section>
    </>
  );
}
