// Partner submissions for staff to review: every partner's, filterable by status.
import { getAreaT } from "../i18n.server";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmissionStatusSchema } from "@vep/domain";
import { SubmissionsTable } from "../components/submissions-table";
import { requireUser } from "../lib/auth.server";
import { listSubmissions } from "../lib/submissions.server";
import { CsvLink } from "../components/csv-link";

export const handle = { i18n: ["common", "staff", "exports"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api } = await requireUser(request, context, ["STAFF", "ADMIN"]);
  const url = new URL(request.url);
  // An unknown status in the address is ignored rather than an error page.
  const status = SubmissionStatusSchema.safeParse(url.searchParams.get("status")).data;
  const cursor = url.searchParams.get("cursor") ?? undefined;
  const [t, page] = await Promise.all([getAreaT(request, "staff"), listSubmissions(api, { status, cursor }, request)]);
  return { title: t("submissions.title"), status: status ?? "", submissions: page.items, nextCursor: page.nextCursor, isFirstPage: cursor === undefined };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function StaffSubmissions() {
  const { status, submissions, nextCursor, isFirstPage } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  const { t: tc } = useTranslation();
  return (
    <section aria-labelledby="submissions-title">
      <h1 id="submissions-title">{t("submissions.title")}</h1>
      <p className="lead">{t("submissions.lead")}</p>
      <p className="page-actions">
        <CsvLink list="submissions" query={{ status }} />
      </p>
      <Form method="get" className="form form--inline">
        <div className="field">
          <label htmlFor="status">{t("submissions.filterStatus")}</label>
          <select id="status" name="status" defaultValue={status}>
            <option value="">{t("submissions.allStatuses")}</option>
            {SubmissionStatusSchema.options.map((s) => (
              <option key={s} value={s}>
                {tc(`submissions.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("submissions.apply")}
        </button>
      </Form>
      {submissions.length > 0 ? (
        <SubmissionsTable submissions={submissions} showOrganisation caption={t("submissions.caption")} readerRole="STAFF" />
      ) : (
        <p className="empty-state">{t("submissions.empty")}</p>
      )}
      <p>
        {nextCursor ? <Link to={`?${new URLSearchParams({ ...(status ? { status } : {}), cursor: nextCursor })}`}>{t("submissions.next")}</Link> : null}{" "}
        {!isFirstPage ? <Link to={status ? `?status=${status}` : "?"}>{t("submissions.first")}</Link> : null}
      </p>
    </section>
  );
}
