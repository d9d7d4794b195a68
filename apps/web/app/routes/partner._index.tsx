// The partner's home: the activities assigned to its organisation, and where its submissions will be.
import { getAreaT, getLocale } from "../i18n.server";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CellValue } from "../components/cell-value";
import { DateRange } from "../components/date-range";
import { SubmissionsEmpty } from "../components/progress/submissions-empty";
import { SubmissionsTable } from "../components/submissions-table";
import { listSubmissions } from "../lib/submissions.server";
import { requireUser } from "../lib/auth.server";
import { formatNumber } from "../lib/format";
import { getOwnOrganisationNames, listAssignedActivities } from "../lib/partner.server";
import { loadingNamespaces } from "../components/progress/namespaces";
import { localised } from "../lib/localised";

export const handle = { i18n: ["common", "partner"] };

export const clientLoader = loadingNamespaces(handle.i18n);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, api } = await requireUser(request, context, ["PARTNER"]);
  const cursor = new URL(request.url).searchParams.get("cursor") ?? undefined;
  const locale = await getLocale(request);
  const [t, page, submissions, organisations] = await Promise.all([
    getAreaT(request, "partner"),
    listAssignedActivities(api, cursor, request),
    listSubmissions(api, {}, request),
    getOwnOrganisationNames(api, request, locale),
  ]);
  return {
    title: t("home.title"),
    organisation: user.organisation ? (organisations.get(user.organisation.id) ?? user.organisation.name) : null,
    activities: page.items,
    submissions: submissions.items,
    nextCursor: page.nextCursor,
    isFirstPage: cursor === undefined,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [];
  const root = matches.find((match) => match.id === "root")?.data as { appName?: string } | undefined;
  return [{ title: root?.appName ? `${data.title} · ${root.appName}` : data.title }];
};

export default function PartnerHome() {
  const { organisation, activities, submissions, nextCursor, isFirstPage } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("partner");
  const { t: tc } = useTranslation();
  const locale = i18n.language;

  return (
    <>
      <section className="intro" aria-labelledby="partner-title">
        <p className="eyebrow">{t("home.eyebrow")}</p>
        <h1 id="partner-title">{organisation ? t("home.heading", { organisation }) : t("home.headingNoOrganisation")}</h1>
        <p className="lead">{t("home.lead")}</p>
      </section>

      <section aria-labelledby="assigned-activities">
        <h2 id="assigned-activities">{t("activities.heading")}</h2>
        {activities.length === 0 ? (
          <p className="progress-empty">{t("activities.empty")}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="assigned-activities" tabIndex={0}>
            <table className="activities-table">
              <caption className="visually-hidden">{t("activities.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("activities.activity")}</th>
                  <th scope="col">{t("activities.type")}</th>
                  <th scope="col">{t("activities.dates")}</th>
                  <th scope="col">{t("activities.status")}</th>
                  <th scope="col" className="num">{t("activities.sessions")}</th>
                  <th scope="col" className="num">{t("activities.participants")}</th>
                  <th scope="col" className="num">{t("activities.trained")}</th>
                </tr>
              </thead>
              <tbody>
                {activities.map((activity) => (
                  <tr key={activity.id}>
                    <th scope="row">
                      <Link to={`/partner/activities/${encodeURIComponent(activity.id)}`}>{localised(activity, "title", locale)}</Link>
                      <span className="muted block">{localised(activity.country, "name", locale)}</span>
                    </th>
                    <td>{tc(`activityType.${activity.type}`)}</td>
                    <td className="nowrap">
                      <DateRange start={activity.startDate} end={activity.endDate} />
                    </td>
                    <td>
                      <span className={`badge badge--${activity.status.toLowerCase()}`}>{tc(`activityStatus.${activity.status}`)}</span>
                    </td>
                    <td className="num">{formatNumber(locale, activity.sessionCount)}</td>
                    <td className="num">
                      <CellValue cell={activity.participants} />
                    </td>
                    <td className="num">
                      <CellValue cell={activity.trained} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {nextCursor || !isFirstPage ? (
          <nav className="pager" aria-label={t("activities.pagination")}>
            {!isFirstPage ? <Link to="/partner">{t("activities.firstPage")}</Link> : null}
            {nextCursor ? <Link to={`/partner?cursor=${encodeURIComponent(nextCursor)}`}>{t("activities.nextPage")}</Link> : null}
          </nav>
        ) : null}
      </section>

      <section aria-labelledby="submissions">
        <h2 id="submissions">{t("submissions.heading")}</h2>
        <p>{t("submissions.lead")}</p>
        {submissions.length > 0 ? <SubmissionsTable submissions={submissions} caption={t("submissions.caption")} readerRole="PARTNER" /> : <SubmissionsEmpty />}
      </section>
    </>
  );
}
