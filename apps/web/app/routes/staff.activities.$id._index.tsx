import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isTrained, sessionsNeededToBeTrained } from "@vep/domain";
import { notFound } from "../api.server";
import { CellValue } from "../components/cell-value";
import { DateRange } from "../components/date-range";
import { Figures } from "../components/figures";
import { DateTimeUtc } from "../components/activities/date-time";
import type { FormErrors } from "../components/activities/fields";
import { SessionForm } from "../components/activities/session-form";
import { getFixedT, getLocale } from "../i18n.server";
import { localised } from "../lib/localised";
import {
  createSession,
  getActivity,
  listEnrolments,
  listTrainers,
  parseSessionForm,
  sessionFormValues,
  setSessionTrainers,
  type SessionFormValues,
} from "../lib/activities.server";
import { requireUser } from "../lib/auth.server";
import { formatNumber } from "../lib/format";

export const handle = { i18n: ["common", "staff", "feedback"] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireUser(request, context, ["STAFF", "ADMIN"]);
  const id = params.id;
  if (!id) notFound("activity");
  const [tc, activity] = await Promise.all([getFixedT(request), getActivity(api, id, request)]);
  const title = localised(activity, "title", await getLocale(request));
  const [enrolments, trainers] = await Promise.all([listEnrolments(api, id, request), listTrainers(api, request)]);
  const sessionCount = activity.sessions.length;
  return {
    title: tc("app.pageTitle", { page: title, app: tc("app.name") }),
    activity,
    needed: sessionsNeededToBeTrained(sessionCount, activity.completionSharePercent),
    enrolments: enrolments
      .map((e) => ({
        id: e.id,
        personId: e.personId,
        fullName: e.person.fullName,
        sex: e.person.sex,
        role: e.role,
        fromSubmission: e.submissionId !== null,
        sessionsAttended: e.sessionsAttended,
        trained: isTrained(e.sessionsAttended, sessionCount, activity.completionSharePercent),
      }))
      .sort((a, b) => a.fullName.localeCompare(b.fullName)),
    trainers: trainers.map((tr) => ({ id: tr.id, fullName: tr.fullName, note: tr.expertise.length > 0 ? tr.expertise.join(", ") : tr.position })),
    nextSequence: Math.max(0, ...activity.sessions.map((s) => s.sequence)) + 1,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requireUser(request, context, ["STAFF", "ADMIN"]);
  const id = params.id;
  if (!id) notFound("activity");
  const form = await request.formData();
  if (form.get("intent") !== "add-session") return data({ session: null }, { status: 400 });
  const values = sessionFormValues(form);
  const reply = (errors: FormErrors, status = 400) => data({ session: { values, errors } }, { status });
  const parsed = parseSessionForm(values);
  if (!parsed.ok) return reply(Object.fromEntries(Object.keys(parsed.fieldErrors).map((k) => [k, "invalid" as const])));
  const created = await createSession(api, id, parsed.input, request);
  if (!created.ok) {
    if (created.status === 400) return reply(Object.fromEntries(Object.keys(created.fieldErrors).map((k) => [k, "rule" as const])));
    if (created.status === 409) return reply({ sequence: "rule" }, 409);
    notFound("activity");
  }
  if (parsed.trainerIds.length > 0) {
    const trainers = await setSessionTrainers(api, created.data.id, parsed.trainerIds, request);
    // The session is saved; only its trainers were refused.
    if (!trainers.ok) throw redirect(`/staff/activities/${encodeURIComponent(id)}?sessionAdded=${created.data.sequence}&trainersFailed=1#sessions`);
  }
  throw redirect(`/staff/activities/${encodeURIComponent(id)}?sessionAdded=${created.data.sequence}#sessions`);
}

function Prose({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <div className="prose">
      {paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </div>
  );
}

export default function StaffActivity() {
  const { activity, enrolments, trainers, nextSequence, needed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation("staff");
  const { t: tc, i18n } = useTranslation();
  const { t: tf } = useTranslation("feedback");
  const locale = i18n.language;
  const base = `/staff/activities/${encodeURIComponent(activity.id)}`;
  const sessionCount = activity.sessions.length;

  const notice = params.get("created")
    ? t("activities.detail.created")
    : params.get("saved")
      ? t("activities.detail.saved")
      : params.get("sessionAdded")
        ? params.get("trainersFailed")
          ? t("activities.detail.sessionAddedTrainersFailed", { sequence: params.get("sessionAdded") })
          : t("activities.detail.sessionAdded", { sequence: params.get("sessionAdded") })
        : params.get("enrolled")
          ? t("activities.detail.enrolled", { name: params.get("enrolled") })
          : params.get("attendanceSaved")
            ? t("activities.detail.attendanceSaved", { sequence: params.get("attendanceSaved") })
            : null;

  const sessionValues: SessionFormValues = actionData?.session?.values ?? {
    sequence: String(nextSequence),
    startsAt: "",
    endsAt: "",
    timeZone: "+00:00",
    topic: "",
    trainerIds: [],
  };

  return (
    <article aria-labelledby="activity-title" className="staff-activities">
      <nav aria-label={t("activities.breadcrumb")} className="breadcrumb">
        <Link to="/staff/activities">{t("activities.backToList")}</Link>
      </nav>

      {notice ? (
        <p className="form-success" role="status">
          {notice}
        </p>
      ) : null}

      <header className="intro">
        <div className="page-heading">
          <div>
            <p className="eyebrow">
              {t("activities.detail.eyebrow", { type: tc(`activityType.${activity.type}`), modality: tc(`modality.${activity.modality}`) })}
            </p>
            <h1 id="activity-title">{localised(activity, "title", locale)}</h1>
          </div>
          <Link to={`${base}/edit`} className="button">
            {t("activities.detail.edit")}
          </Link>
          <Link to={`${base}/feedback`} className="button button--secondary">
            {tf("staff.link")}
          </Link>
        </div>
        <dl className="facts">
          <div>
            <dt>{t("activities.detail.status")}</dt>
            <dd>
              <span className={`badge badge--${activity.status.toLowerCase()}`}>{tc(`activityStatus.${activity.status}`)}</span>
            </dd>
          </div>
          <div>
            <dt>{t("activities.detail.dates")}</dt>
            <dd>
              <DateRange start={activity.startDate} end={activity.endDate} />
            </dd>
          </div>
          <div>
            <dt>{t("activities.detail.programme")}</dt>
            <dd>{localised(activity.programme, "title", locale)}</dd>
          </div>
          <div>
            <dt>{t("activities.detail.country")}</dt>
            <dd>{localised(activity.country, "name", locale)}</dd>
          </div>
          <div>
            <dt>{t("activities.detail.code")}</dt>
            <dd>{activity.code ? <code>{activity.code}</code> : t("activities.detail.none")}</dd>
          </div>
          <div>
            <dt>{t("activities.detail.completionShare")}</dt>
            <dd>{t("activities.detail.completionShareValue", { percent: activity.completionSharePercent })}</dd>
          </div>
          <div>
            <dt>{t("activities.detail.donors")}</dt>
            <dd>{activity.donors.length > 0 ? activity.donors.map((d) => localised(d, "name", locale)).join(", ") : t("activities.detail.none")}</dd>
          </div>
          <div>
            <dt>{t("activities.detail.outputs")}</dt>
            <dd>{activity.outputs.length > 0 ? activity.outputs.map((o) => `${o.code} ${localised(o, "title", locale)}`).join("; ") : t("activities.detail.none")}</dd>
          </div>
          <div>
            <dt>{t("activities.detail.partners")}</dt>
            <dd>
              {activity.partners.length > 0
                ? activity.partners.map((p) => t("activities.detail.partner", { name: p.acronym ?? localised(p, "name", locale), role: tc(`partnerRole.${p.role}`) })).join("; ")
                : t("activities.detail.none")}
            </dd>
          </div>
          <div>
            <dt>{t("activities.detail.regions", { count: activity.regions.length })}</dt>
            <dd>{activity.regions.length > 0 ? activity.regions.map((r) => localised(r, "name", locale)).join(", ") : t("activities.detail.none")}</dd>
          </div>
        </dl>
      </header>

      <section aria-labelledby="activity-figures">
        <h2 id="activity-figures">{t("activities.detail.figures")}</h2>
        <Figures
          labelledBy="activity-figures"
          figures={[
            { id: "participants", label: t("activities.detail.participants"), value: <CellValue cell={activity.participants} /> },
            { id: "trained", label: t("activities.detail.trained"), value: <CellValue cell={activity.trained} /> },
            { id: "sessions", label: t("activities.detail.sessions"), value: formatNumber(locale, sessionCount) },
          ]}
        />
        <p className="note">{t("activities.detail.trainedRule", { percent: activity.completionSharePercent, needed, count: sessionCount })}</p>
      </section>

      {activity.description || activity.objectives || activity.topics.length > 0 ? (
        <div className="split">
          <section aria-labelledby="activity-about">
            <h2 id="activity-about">{t("activities.detail.about")}</h2>
            {activity.description ? <Prose text={localised(activity, "description", locale)} /> : <p className="muted">{t("activities.detail.noDescription")}</p>}
            {activity.objectives ? (
              <>
                <h3>{t("activities.detail.objectives")}</h3>
                <Prose text={localised(activity, "objectives", locale)} />
              </>
            ) : null}
          </section>
          <section aria-labelledby="activity-topics">
            <h2 id="activity-topics">{t("activities.detail.topics")}</h2>
            {activity.topics.length > 0 ? (
              <ul className="tags">
                {activity.topics.map((topic) => (
                  <li key={topic}>{topic}</li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t("activities.detail.noTopics")}</p>
            )}
          </section>
        </div>
      ) : null}

      <section aria-labelledby="sessions" id="sessions-section">
        <h2 id="sessions">{t("activities.sessions.heading")}</h2>
        {sessionCount === 0 ? (
          <p className="empty-state">{t("activities.sessions.empty")}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="sessions" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("activities.sessions.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t("activities.sessions.sequence")}
                  </th>
                  <th scope="col">{t("activities.sessions.when")}</th>
                  <th scope="col">{t("activities.sessions.topic")}</th>
                  <th scope="col">{t("activities.sessions.trainers")}</th>
                  <th scope="col">{t("activities.sessions.attendance")}</th>
                </tr>
              </thead>
              <tbody>
                {activity.sessions.map((session) => (
                  <tr key={session.id}>
                    <td className="num">{formatNumber(locale, session.sequence)}</td>
                    <td className="nowrap">
                      <DateTimeUtc iso={session.startsAt} />
                      {session.endsAt ? (
                        <span className="block muted">
                          {t("activities.sessions.until")} <DateTimeUtc iso={session.endsAt} />
                        </span>
                      ) : null}
                    </td>
                    <th scope="row">{localised(session, "topic", locale)}</th>
                    <td>
                      {session.trainers && session.trainers.length > 0 ? (
                        session.trainers.map((tr) => tr.fullName).join(", ")
                      ) : (
                        <span className="muted">{t("activities.sessions.noTrainers")}</span>
                      )}
                    </td>
                    <td>
                      <Link to={`${base}/sessions/${encodeURIComponent(session.id)}/attendance`} aria-label={t("activities.sessions.markAttendanceFor", { sequence: session.sequence })}>
                        {t("activities.sessions.markAttendance")}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <SessionForm key={sessionCount} values={sessionValues} errors={actionData?.session?.errors ?? {}} trainers={trainers} />
      </section>

      <section aria-labelledby="participants">
        <div className="section-heading">
          <h2 id="participants">{t("activities.participants.heading", { count: enrolments.length })}</h2>
          <span className="inline-list">
            <Link to={`${base}/participants`} className="button">
              {t("activities.participants.add")}
            </Link>
            <Link to={`${base}/import`} className="button button--secondary">
              {t("activities.participants.importList")}
            </Link>
            <Link to={`${base}/import?kind=feedback`} className="button button--secondary">
              {t("activities.participants.importFeedback")}
            </Link>
          </span>
        </div>
        {enrolments.length === 0 ? (
          <p className="empty-state">{t("activities.participants.empty")}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="participants" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("activities.participants.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("activities.participants.name")}</th>
                  <th scope="col">{t("activities.participants.sex")}</th>
                  <th scope="col">{t("activities.participants.role")}</th>
                  <th scope="col" className="num">
                    {t("activities.participants.attended")}
                  </th>
                  <th scope="col">{t("activities.participants.trained")}</th>
                </tr>
              </thead>
              <tbody>
                {enrolments.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">
                      {e.fullName}
                      {e.fromSubmission ? <span className="block muted small">{t("activities.participants.fromSubmission")}</span> : null}
                    </th>
                    <td>{t(`activities.participants.sexValue.${e.sex}`)}</td>
                    <td>{t(`activities.participants.roleValue.${e.role}`)}</td>
                    <td className="num">{t("activities.participants.attendedValue", { attended: e.sessionsAttended, total: sessionCount })}</td>
                    <td>{e.trained ? <span className="badge badge--delivered">{t("activities.participants.yes")}</span> : t("activities.participants.no")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </article>
  );
}
