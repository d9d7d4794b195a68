// A partner's view of one of its activities: the sessions, and the people of its own organisation
// enrolled (personal data, shown to that organisation only; the API scopes the list).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { sessionsNeededToBeTrained } from "@vep/domain";
import { useTranslation } from "react-i18next";
import { importPath } from "../lib/submissions";
import { notFound } from "../api.server";
import { CellValue } from "../components/cell-value";
import { DateRange, DateText } from "../components/date-range";
import { Figures } from "../components/figures";
import { SubmissionsEmpty } from "../components/progress/submissions-empty";
import { SubmissionsTable } from "../components/submissions-table";
import { listSubmissions } from "../lib/submissions.server";
import { requireUser } from "../lib/auth.server";
import { formatNumber } from "../lib/format";
import { enrolmentRows, getAssignedActivity, getOwnOrganisationNames, listOwnEnrolments } from "../lib/partner.server";
import { loadingNamespaces } from "../components/progress/namespaces";
import { CsvLink } from "../components/csv-link";
import { getLocale } from "../i18n.server";
import { localised } from "../lib/localised";

export const handle = { i18n: ["common", "partner", "submissions", "exports"] };

export const clientLoader = loadingNamespaces(handle.i18n);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const id = params.id;
  if (!id) notFound("activity");
  const { user, api } = await requireUser(request, context, ["PARTNER"]);
  const locale = await getLocale(request);
  const [activity, enrolments, organisations, submissions] = await Promise.all([
    getAssignedActivity(api, id, request),
    listOwnEnrolments(api, id, request),
    getOwnOrganisationNames(api, request, locale),
    listSubmissions(api, { activityId: id }, request),
  ]);
  const ownRole = activity.partners.find((partner) => partner.organisationId === user.organisation?.id)?.role ?? null;
  const title = localised(activity, "title", locale);
  const sessions = [...activity.sessions]
    .sort((a, b) => a.sequence - b.sequence)
    .map((session) => ({ id: session.id, sequence: session.sequence, startsAt: session.startsAt, topic: localised(session, "topic", locale), trainerCount: session.trainerCount }));
  return {
    title,
    activity: {
      id: activity.id,
      code: activity.code,
      title,
      type: activity.type,
      modality: activity.modality,
      status: activity.status,
      startDate: activity.startDate,
      endDate: activity.endDate,
      country: localised(activity.country, "name", locale),
      sessionCount: activity.sessionCount,
      completionSharePercent: activity.completionSharePercent,
      participants: activity.participants,
      trained: activity.trained,
    },
    ownRole,
    sessions,
    people: enrolmentRows(enrolments, activity, organisations, locale),
    submissions: submissions.items,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [];
  const root = matches.find((match) => match.id === "root")?.data as { appName?: string } | undefined;
  return [{ title: root?.appName ? `${data.title} · ${root.appName}` : data.title }];
};

export default function PartnerActivity() {
  const { activity, ownRole, sessions, people, submissions } = useLoaderData<typeof loader>();
  // The newest participant list: the one being prepared or reviewed, or else the last approved.
  const list = submissions.find((s) => s.kind === "PARTICIPANT_LIST") ?? null;
  const { t, i18n } = useTranslation("partner");
  const { t: tc } = useTranslation();
  const locale = i18n.language;

  return (
    <article aria-labelledby="activity-title">
      <nav aria-label={t("activity.breadcrumb")} className="breadcrumb">
        <Link to="/partner">{t("activity.back")}</Link>
      </nav>

      <header className="intro">
        <p className="eyebrow">
          {t("activity.eyebrow", { type: tc(`activityType.${activity.type}`), modality: tc(`modality.${activity.modality}`) })}
        </p>
        <h1 id="activity-title">{activity.title}</h1>
        <dl className="facts">
          <div>
            <dt>{t("activity.status")}</dt>
            <dd>
              <span className={`badge badge--${activity.status.toLowerCase()}`}>{tc(`activityStatus.${activity.status}`)}</span>
            </dd>
          </div>
          <div>
            <dt>{t("activity.dates")}</dt>
            <dd>
              <DateRange start={activity.startDate} end={activity.endDate} />
            </dd>
          </div>
          <div>
            <dt>{t("activity.country")}</dt>
            <dd>{activity.country}</dd>
          </div>
          {ownRole ? (
            <div>
              <dt>{t("activity.yourRole")}</dt>
              <dd>{tc(`partnerRole.${ownRole}`)}</dd>
            </div>
          ) : null}
          {activity.code ? (
            <div>
              <dt>{t("activity.reference")}</dt>
              <dd>
                <code>{activity.code}</code>
              </dd>
            </div>
          ) : null}
        </dl>
      </header>

      <section aria-labelledby="activity-figures">
        <h2 id="activity-figures">{t("activity.figuresHeading")}</h2>
        <Figures
          labelledBy="activity-figures"
          figures={[
            { id: "sessions", label: t("activity.figures.sessions"), value: formatNumber(locale, activity.sessionCount) },
            { id: "participants", label: t("activity.figures.participants"), value: <CellValue cell={activity.participants} /> },
            { id: "trained", label: t("activity.figures.trained"), value: <CellValue cell={activity.trained} /> },
            { id: "own", label: t("activity.figures.yourPeople"), value: formatNumber(locale, people.length) },
          ]}
        />
        <p className="note">
          {t("activity.trainedRule", {
            percent: activity.completionSharePercent,
            needed: sessionsNeededToBeTrained(activity.sessionCount, activity.completionSharePercent),
            total: activity.sessionCount,
          })}
        </p>
      </section>

      <section aria-labelledby="activity-sessions">
        <h2 id="activity-sessions">{t("activity.sessions.heading")}</h2>
        {sessions.length === 0 ? (
          <p className="progress-empty">{t("activity.sessions.empty")}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="activity-sessions" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("activity.sessions.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">{t("activity.sessions.number")}</th>
                  <th scope="col">{t("activity.sessions.date")}</th>
                  <th scope="col">{t("activity.sessions.topic")}</th>
                  <th scope="col" className="num">{t("activity.sessions.trainers")}</th>
                </tr>
              </thead>
              <tbody>
                {sessions.map((session) => (
                  <tr key={session.id}>
                    <td className="num">{formatNumber(locale, session.sequence)}</td>
                    <td className="nowrap">
                      <DateText iso={session.startsAt} />
                    </td>
                    <td>{session.topic}</td>
                    <td className="num">{formatNumber(locale, session.trainerCount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="activity-people">
        <h2 id="activity-people">{t("activity.people.heading")}</h2>
        <p>{t("activity.people.lead")}</p>
        {people.length > 0 ? (
          <p className="page-actions">
            <CsvLink list="participants" query={{ activityId: activity.id }} />
            <CsvLink list="enrolments" query={{ activityId: activity.id }} />
          </p>
        ) : null}
        {people.length === 0 ? (
          <p className="progress-empty">{t("activity.people.empty")}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="activity-people" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("activity.people.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("activity.people.name")}</th>
                  <th scope="col">{t("activity.people.sex")}</th>
                  <th scope="col">{t("activity.people.department")}</th>
                  <th scope="col">{t("activity.people.region")}</th>
                  <th scope="col">{t("activity.people.role")}</th>
                  <th scope="col" className="num">{t("activity.people.attended")}</th>
                  <th scope="col">{t("activity.people.trained")}</th>
                </tr>
              </thead>
              <tbody>
                {people.map((person) => (
                  <tr key={person.id}>
                    <th scope="row">{person.fullName}</th>
                    <td>{tc(`sex.${person.sex}`)}</td>
                    <td>{person.organisation ?? t("activity.people.unknown")}</td>
                    <td>{person.region ?? t("activity.people.unknown")}</td>
                    <td>{t(`activity.enrolmentRole.${person.role}`)}</td>
                    <td className="num">
                      {t("activity.people.attendedValue", { attended: person.sessionsAttended, total: activity.sessionCount })}
                    </td>
                    <td>
                      {person.role !== "PARTICIPANT"
                        ? t("activity.people.notApplicable")
                        : person.trained
                          ? t("activity.people.yes")
                          : t("activity.people.no")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="activity-list">
        <div className="section-heading">
          <h2 id="activity-list">{t("list.heading")}</h2>
          <span className="inline-list">
            <Link to={`/partner/activities/${encodeURIComponent(activity.id)}/import`} className="button">
              {list?.status === "APPROVED" ? t("list.uploadNew") : list ? t("list.uploadAgain") : t("list.upload")}
            </Link>
            <Link to={importPath(`/partner/activities/${encodeURIComponent(activity.id)}`, "feedback")} className="button button--secondary">
              {t("list.uploadFeedback")}
            </Link>
          </span>
        </div>
        {list ? (
          <>
            <dl className="facts facts--compact">
              <div>
                <dt>{t("list.status")}</dt>
                <dd>
                  <span className={`badge badge--${list.status.toLowerCase()}`}>{tc(`submissions.statuses.${list.status}`)}</span>
                </dd>
              </div>
              <div>
                <dt>{t("list.revision")}</dt>
                <dd>{formatNumber(locale, list.revision)}</dd>
              </div>
              <div>
                <dt>{t("list.rows")}</dt>
                <dd>{formatNumber(locale, list.rows)}</dd>
              </div>
            </dl>
            <p>
              <Link to={`/partner/submissions/${encodeURIComponent(list.id)}`}>{t("list.open")}</Link>
            </p>
          </>
        ) : (
          <p className="progress-empty">{t("list.empty")}</p>
        )}
      </section>

      <section aria-labelledby="activity-submissions">
        <h2 id="activity-submissions">{t("submissions.heading")}</h2>
        <p>{t("submissions.activityLead")}</p>
        {submissions.length > 0 ? <SubmissionsTable submissions={submissions} caption={t("submissions.caption")} readerRole="PARTNER" /> : <SubmissionsEmpty />}
      </section>
    </article>
  );
}
