import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActivityForm, BLANK_PARTNER_ROWS } from "../components/activities/activity-form";
import { getFixedT, getAreaT } from "../i18n.server";
import {
  activityFormOptions,
  activityFormValues,
  apiFieldErrors,
  createActivity,
  newActivityValues,
  parseActivityForm,
  partnerRowsFor,
  schemaFieldErrors,
  type ActivityFormErrors,
} from "../lib/activities.server";
import { requireUser } from "../lib/auth.server";

export const handle = { i18n: ["common", "staff"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api } = await requireUser(request, context, ["STAFF", "ADMIN"]);
  const [t, tc] = await Promise.all([getAreaT(request, "staff"), getFixedT(request)]);
  const values = await newActivityValues(api, request);
  const options = await activityFormOptions(api, values, request);
  return {
    title: tc("app.pageTitle", { page: t("activities.new.title"), app: tc("app.name") }),
    values,
    options,
    partnerRows: BLANK_PARTNER_ROWS,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requireUser(request, context, ["STAFF", "ADMIN"]);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "save");
  const values = activityFormValues(form);
  const partnerRows = partnerRowsFor(values, intent, BLANK_PARTNER_ROWS);
  const reply = async (errors: ActivityFormErrors, status = 400) =>
    data({ values, errors, partnerRows, options: await activityFormOptions(api, values, request) }, { status });

  // "Update the lists" and "Add a partner row" re-show the form with the choices for what is typed.
  if (intent !== "save") return reply({}, 200);
  const parsed = parseActivityForm(values);
  if (!parsed.ok) return reply(schemaFieldErrors(parsed.fieldErrors));
  const result = await createActivity(api, parsed.input, request);
  if (result.ok) throw redirect(`/staff/activities/${encodeURIComponent(result.data.id)}?created=1`);
  if (result.status === 400) return reply(apiFieldErrors(result.fieldErrors));
  // 409 on create: the reference code is taken.
  if (result.status === 409) return reply({ code: "rule" }, 409);
  return reply({ form: "rule" });
}

export default function NewActivity() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const errors = actionData?.errors ?? {};

  return (
    <section aria-labelledby="new-activity-title" className="staff-activities">
      <nav aria-label={t("activities.breadcrumb")} className="breadcrumb">
        <Link to="/staff/activities">{t("activities.backToList")}</Link>
      </nav>
      <h1 id="new-activity-title">{t("activities.new.title")}</h1>
      <p className="lead">{t("activities.new.lead")}</p>
      <ActivityForm
        values={actionData?.values ?? loaderData.values}
        options={actionData?.options ?? loaderData.options}
        errors={errors}
        partnerRows={actionData?.partnerRows ?? loaderData.partnerRows}
        submitLabel={t("activities.new.submit")}
        submittingLabel={t("activities.new.submitting")}
      />
    </section>
  );
}
