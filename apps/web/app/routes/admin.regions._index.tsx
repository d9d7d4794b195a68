import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { getAreaT, getLocale } from "../i18n.server";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RegionInputSchema } from "@vep/domain";
import { DateText } from "../components/date-range";
import { ADMIN_ROLES, REGION_FIELDS, regionFields } from "../components/admin/options";
import { RegionForm } from "../components/admin/region-form";
import { SavedMessage, SelectField } from "../components/programme/fields";
import { createRegion, listCountries, listRegions } from "../lib/admin.server";
import { requireUser } from "../lib/auth.server";
import { failure, failureFor, formValues, issuesToErrors, problemToErrors } from "../lib/programme-forms";
import { pickProgramme } from "../lib/programme.server";
import { localised } from "../lib/localised";

export const handle = { i18n: ["common", "programme", "admin"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api } = await requireUser(request, context, ADMIN_ROLES);
  const [t, locale, countries] = await Promise.all([getAreaT(request, "admin"), getLocale(request), listCountries(api, request)]);
  const country = pickProgramme(countries.items, new URL(request.url).searchParams.get("countryId"));
  const regions = country ? await listRegions(api, request, country.id) : [];
  return {
    title: t("regions.title"),
    countries: countries.items.map((c) => ({ value: c.id, label: localised(c, "name", locale) })),
    country: country ? { id: country.id, name: localised(country, "name", locale), code: country.code } : null,
    regions,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requireUser(request, context, ADMIN_ROLES);
  const values = formValues(await request.formData());
  const countryId = values.countryId ?? "";
  const parsed = RegionInputSchema.safeParse({ ...regionFields(values), countryId });
  if (!parsed.success) return data(failure("createRegion", issuesToErrors(parsed.error.issues), [], values), { status: 400 });
  const result = await createRegion(api, request, parsed.data);
  if (!result.ok) {
    const { errors, unplaced } = problemToErrors(result.problem, REGION_FIELDS);
    return data(failure("createRegion", errors, unplaced, values), { status: result.status });
  }
  throw redirect(`/admin/regions?countryId=${encodeURIComponent(countryId)}&saved=created#region-${result.data.id}`);
}

export default function RegionsPage() {
  const { countries, country, regions } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("admin");
  const [params] = useSearchParams();
  const created = failureFor(useActionData<typeof action>(), "createRegion");
  const names = new Map(regions.map((r) => [r.id, localised(r, "name", i18n.language)]));
  const sorted = [...regions].sort((a, b) => Number(a.validTo !== null) - Number(b.validTo !== null) || names.get(a.id)!.localeCompare(names.get(b.id)!, i18n.language));
  const inForce = regions.filter((r) => r.validTo === null).length;

  return (
    <>
      <header className="intro">
        <p className="eyebrow">{t("eyebrow")}</p>
        <h1>{t("regions.title")}</h1>
        <p className="lead">{t("regions.lead")}</p>
      </header>

      {countries.length > 1 ? (
        <Form method="get" className="filter-form" aria-label={t("regions.chooseCountry")}>
          <SelectField name="countryId" label={t("regions.country")} defaultValue={country?.id ?? ""} options={countries} />
          <button type="submit" className="button button--secondary">
            {t("show")}
          </button>
        </Form>
      ) : null}

      <SavedMessage message={params.get("saved") === "created" ? t("regions.created") : null} />

      {!country ? (
        <p className="empty-state">{t("regions.noCountries")}</p>
      ) : (
        <>
          <section aria-labelledby="regions-heading">
            <h2 id="regions-heading">{t("regions.heading", { country: country.name })}</h2>
            <p className="muted">{t("regions.count", { inForce, total: regions.length })}</p>
            {regions.length === 0 ? (
              <p className="empty-state">{t("regions.empty")}</p>
            ) : (
              <div className="table-scroll" role="region" aria-labelledby="regions-heading" tabIndex={0}>
                <table>
                  <caption className="visually-hidden">{t("regions.caption", { country: country.name })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("regions.fields.name")}</th>
                      <th scope="col">{t("regions.fields.code")}</th>
                      <th scope="col">{t("regions.fields.kind")}</th>
                      <th scope="col">{t("regions.validity")}</th>
                      <th scope="col">{t("regions.fields.predecessor")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {sorted.map((r) => (
                      <tr key={r.id} id={`region-${r.id}`} className={r.validTo ? "row--inactive" : undefined}>
                        <th scope="row">
                          <Link to={`/admin/regions/${r.id}`}>{localised(r, "name", i18n.language)}</Link>
                          {r.aliases.length > 0 ? <span className="muted block small">{t("regions.alsoKnownAs", { aliases: r.aliases.slice(0, 3).join(", ") })}</span> : null}
                        </th>
                        <td>
                          <code>{r.code}</code>
                        </td>
                        <td>{t(`regionKind.${r.kind}`)}</td>
                        <td className="nowrap">
                          {t("regions.from")} <DateText iso={r.validFrom} />
                          <span className="block">
                            {r.validTo ? (
                              <>
                                {t("regions.to")} <DateText iso={r.validTo} />
                              </>
                            ) : (
                              <span className="badge badge--active">{t("regions.inForce")}</span>
                            )}
                          </span>
                        </td>
                        <td>{r.predecessorId ? (names.get(r.predecessorId) ?? t("none")) : <span className="muted">{t("none")}</span>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section aria-labelledby="create-region" className="form-panel">
            <h2 id="create-region">{t("regions.create", { country: country.name })}</h2>
            <p className="note">{t("regions.createNote")}</p>
            <RegionForm
              intent="createRegion"
              countryId={country.id}
              values={created?.values}
              errors={created?.errors}
              formErrors={created?.formErrors}
              predecessors={regions.map((r) => ({ value: r.id, label: `${localised(r, "name", i18n.language)} (${r.code})` }))}
              submitLabel={t("regions.add")}
            />
          </section>
        </>
      )}
    </>
  );
}
