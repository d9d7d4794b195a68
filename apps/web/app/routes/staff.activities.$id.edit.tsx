import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound } from "../api.server";
import { ActivityForm, BLANK_PARTNER_ROWS } from "../components/activities/activity-form";
import { ConflictNotice } from "../components/activities/conflict-notice";
import { getFixedT, getAreaT, getLocale } from "../i18n.server";
import { localised } from "../lib/localised";
import {
  activityChanges,
  activityFormOptions,
  activityFormValues,
  activityToFormValues,
  apiFieldErrors,
  getActivity,
  parseActivityForm,
  partnerRowsFor,
  schemaFieldErrors,
  updateActivity,
  type ActivityFormErrors,
  type StaffActivity,
} from "../lib/activities.server";
import { requireUser } from "../lib/auth.server";

export const handle = { i18n: ["common", "staff"] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireUser(request, context, ["STAFF", "ADMIN"]);
  const id = params.id;
  if (!id) notFound("activity");
  const [t, tc, activity] = await Promise.all([getAreaT(request, "staff"), getFixedT(request), getActivity(api, id, request)]);
  const title = localised(activity, "title", await getLocale(request));
  const values = activityToFormValues(activity);
  const options = await activityFormOptions(api, values, request);
  return {
    title: tc("app.pageTitle", { page: t("activities.edit.title", { title }), app: tc("app.name") }),
    activity: { id: activity.id, title, version: activity.version },
    values,
    options,
    partnerRows: values.partners.length + BLANK_PARTNER_ROWS,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requireUser(request, context, ["STAFF", "ADMIN"]);
  const id = params.id;
  if (!id) notFound("activity");
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "save");
  const version = Number(form.get("version"));
  const values = activityFormValues(form);
  const partnerRows = partnerRowsFor(values, intent, BLANK_PARTNER_ROWS);
  const reply = async (errors: ActivityFormErrors, status = 400, conflict: StaffActivity | null = null) =>
    data(
      { values, errors, partnerRows, version: conflict?.version ?? version, conflict, options: await activityFormOptions(api, values, request) },
      { status },
    );

  if (intent !== "save") return reply({}, 200);
  if (!Number.isInteger(version) || version < 1) return reply({ form: "invalid" });
  const parsed = parseActivityForm(values);
  if (!parsed.ok) return reply(schemaFieldErrors(parsed.fieldErrors));
  const result = await updateActivity(api, id, version, activityChanges(parsed.input), request);
  if (result.ok) throw redirect(`/staff/activities/${encodeURIComponent(id)}?saved=1`);
  if (result.status === 400) return reply(apiFieldErrors(result.fieldErrors));
  if (result.status === 404) notFound("activity");
  // 409: someone else saved first (a newer version), or the reference code is taken.
  const current = await getActivity(api, id, request);
  if (current.version !== version) return reply({}, 409, current);
  return reply({ code: "rule" }, 409);
}

export default function EditActivity() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const errors = actionData?.errors ?? {};
  const { activity } = loaderData;

  return (
    <section aria-labelledby="edit-activity-title" className="staff-activities">
      <nav aria-label={t("activities.breadcrumb")} className="breadcrumb">
        <Link to={`/staff/activities/${encodeURIComponent(activity.id)}`}>{t("activities.backToActivity", { title: activity.title })}</Link>
      </nav>
      <h1 id="edit-activity-title">{t("activities.edit.heading")}</h1>
      <p className="lead">{activity.title}</p>
      {actionData?.conflict ? <ConflictNotice current={actionData.conflict} mine={actionData.values} /> : null}
      <ActivityForm
        values={actionData?.values ?? loaderData.values}
        options={actionData?.options ?? loaderData.options}
        errors={errors}
        partnerRows={actionData?.partnerRows ?? loaderData.partnerRows}
        version={actionData?.version ?? activity.version}
        submitLabel={t("activities.edit.submit")}
        submittingLabel={t("activities.edit.submitting")}
      />
    </section>
  );
}
