// Staff upload a participant list on a partner organisation's behalf: the same form as the partner's,
// with the organisation to choose among the activity's partners.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound } from "../api.server";
import { loadingNamespaces } from "../components/progress/namespaces";
import { ImportForm } from "../components/submissions/import-form";
import { ImportPage } from "../components/submissions/import-page";
import { getAreaT, getLocale } from "../i18n.server";
import { localised } from "../lib/localised";
import { getActivity } from "../lib/activities.server";
import { requireUser } from "../lib/auth.server";
import { importStatus, newIdempotencyKey, runImportForm } from "../lib/participant-import.server";
import { importPath, sheetKindOf, uploadUrl } from "../lib/submissions";
import { STAFF_ROLES } from "../lib/programme-forms";

export const handle = { i18n: ["common", "staff", "submissions"] };

export const clientLoader = loadingNamespaces(handle.i18n);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const id = params.id;
  if (!id) notFound("activity");
  const { api } = await requireUser(request, context, STAFF_ROLES);
  const sheet = sheetKindOf(request.url);
  const [t, activity] = await Promise.all([getAreaT(request, "submissions"), getActivity(api, id, request)]);
  const locale = await getLocale(request);
  const title = localised(activity, "title", locale);
  return {
    title: t(sheet === "feedback" ? "import.feedbackPageTitle" : "import.pageTitle", { activity: title }),
    sheet,
    activity: { id: activity.id, title },
    organisations: activity.partners.map((p) => ({ id: p.organisationId, name: localised(p, "name", locale) })),
    idempotencyKey: newIdempotencyKey(),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const id = params.id;
  if (!id) notFound("activity");
  const result = await runImportForm(request, context, id, STAFF_ROLES, sheetKindOf(request.url));
  if (result.kind === "imported") throw redirect(result.redirectTo);
  return data(result, { status: importStatus(result) });
}

export default function StaffImport() {
  const { activity, sheet, organisations, idempotencyKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("submissions");
  const path = `/staff/activities/${encodeURIComponent(activity.id)}`;
  return (
    <ImportPage activity={activity} activityPath={path} sheet={sheet} lead={t(sheet === "feedback" ? "import.feedbackStaffLead" : "import.staffLead")}>
      {organisations.length === 0 ? (
        <p className="empty-state">{t("import.noPartners")}</p>
      ) : (
        <ImportForm sheet={sheet} action={importPath(path, sheet)} uploadUrl={uploadUrl(activity.id, sheet)} result={result} idempotencyKey={idempotencyKey} organisations={organisations} />
      )}
    </ImportPage>
  );
}
