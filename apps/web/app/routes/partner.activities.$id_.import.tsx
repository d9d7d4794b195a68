// A partner uploads a participant list for one of its activities: preview, correct, import.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound } from "../api.server";
import { loadingNamespaces } from "../components/progress/namespaces";
import { ImportForm } from "../components/submissions/import-form";
import { ImportPage } from "../components/submissions/import-page";
import { getAreaT, getLocale } from "../i18n.server";
import { localised } from "../lib/localised";
import { requireUser } from "../lib/auth.server";
import { importStatus, newIdempotencyKey, runImportForm } from "../lib/participant-import.server";
import { importPath, sheetKindOf, uploadUrl } from "../lib/submissions";
import { getAssignedActivity } from "../lib/partner.server";

export const handle = { i18n: ["common", "partner", "submissions"] };

export const clientLoader = loadingNamespaces(handle.i18n);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const id = params.id;
  if (!id) notFound("activity");
  const { api } = await requireUser(request, context, ["PARTNER"]);
  const sheet = sheetKindOf(request.url);
  const [t, activity] = await Promise.all([getAreaT(request, "submissions"), getAssignedActivity(api, id, request)]);
  const title = localised(activity, "title", await getLocale(request));
  return { title: t(sheet === "feedback" ? "import.feedbackPageTitle" : "import.pageTitle", { activity: title }),
    sheet, activity: { id: activity.id, title }, idempotencyKey: newIdempotencyKey() };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const id = params.id;
  if (!id) notFound("activity");
  const result = await runImportForm(request, context, id, ["PARTNER"], sheetKindOf(request.url));
  if (result.kind === "imported") throw redirect(result.redirectTo);
  return data(result, { status: importStatus(result) });
}

export default function PartnerImport() {
  const { activity, sheet, idempotencyKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("submissions");
  const path = `/partner/activities/${encodeURIComponent(activity.id)}`;
  return (
    <ImportPage activity={activity} activityPath={path} sheet={sheet} lead={t(sheet === "feedback" ? "import.feedbackLead" : "import.lead")}>
      <ImportForm sheet={sheet} action={importPath(path, sheet)} uploadUrl={uploadUrl(activity.id, sheet)} result={result} idempotencyKey={idempotencyKey} />
    </ImportPage>
  );
}
