import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { getAreaT, getLocale } from "../i18n.server";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RegionUpdateSchema } from "@vep/domain";
import { notFound } from "../api.server";
import { ADMIN_ROLES, REGION_FIELDS, regionFields } from "../components/admin/options";
import { RegionForm } from "../components/admin/region-form";
import { SavedMessage } from "../components/programme/fields";
import { getRegion, listRegions, updateRegion } from "../lib/admin.server";
import { requireUser } from "../lib/auth.server";
import { failure, failureFor, formValues, issuesToErrors, problemToErrors } from "../lib/programme-forms";
import { localised } from "../lib/localised";

export const handle = { i18n: ["common", "programme", "admin"] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const { api } = await requireUser(request, context, ADMIN_ROLES);
  const id = params.id;
  if (!id) notFound();
  const [t, region] = await Promise.all([getAreaT(request, "admin"), getRegion(api, request, id)]);
  const siblings = await listRegions(api, request, region.countryId);
  return {
    title: t("region.title", { name: localised(region, "name", locale) }),
    region,
    predecessors: siblings.filter((r) => r.id !== id).map((r) => ({ value: r.id, label: `${localised(r, "name", locale)} (${r.code})` })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requireUser(request, context, ADMIN_ROLES);
  const id = params.id;
  if (!id) notFound();
  const values = formValues(await request.formData());
  const parsed = RegionUpdateSchema.safeParse({ ...regionFields(values), version: Number(values.version) });
  if (!parsed.success) return data({ ...failure("updateRegion", issuesToErrors(parsed.error.issues), [], values), current: null }, { status: 400 });
  const result = await updateRegion(api, request, id, parsed.data);
  if (!result.ok) {
    if (result.status === 409 && /changed by someone else/i.test(result.problem.detail ?? "")) {
      const t = await getAreaT(request, "admin");
      const current = await getRegion(api, request, id);
      return data({ ...failure("updateRegion", {}, [t("conflict")], values), current }, { status: 409 });
    }
    const { errors, unplaced } = problemToErrors(result.problem, REGION_FIELDS);
    return data({ ...failure("updateRegion", errors, unplaced, values), current: null }, { status: result.status });
  }
  throw redirect(`/admin/regions/${id}?saved=1`);
}

export default function RegionPage() {
  const { region, predecessors } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("admin");
  const [params] = useSearchParams();
  const actionData = useActionData<typeof action>();
  const edit = failureFor(actionData, "updateRegion");
  const current = actionData && "current" in actionData ? actionData.current : null;

  return (
    <>
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <Link to={`/admin/regions?countryId=${region.countryId}`}>{t("region.back")}</Link>
      </nav>
      <header className="intro">
        <p className="eyebrow">{t(`regionKind.${region.kind}`)}</p>
        <h1>{localised(region, "name", i18n.language)}</h1>
      </header>
      <SavedMessage message={params.get("saved") ? t("region.saved") : null} />
      <section aria-labelledby="edit-region" className="form-panel">
        <h2 id="edit-region">{t("region.edit")}</h2>
        <p className="note">{t("region.editNote")}</p>
        <RegionForm
          intent="updateRegion"
          countryId={region.countryId}
          stored={current ?? region}
          values={current ? undefined : edit?.values}
          errors={edit?.errors}
          formErrors={edit?.formErrors}
          predecessors={predecessors}
          submitLabel={t("save")}
        />
      </section>
    </>
  );
}
