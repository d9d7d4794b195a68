import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound } from "../api.server";
import { DateTimeUtc } from "../components/activities/date-time";
import { getFixedT, getAreaT, getLocale } from "../i18n.server";
import { localised } from "../lib/localised";
import { getActivity, getAttendance, listEnrolments, setAttendance } from "../lib/activities.server";
import { requireUser } from "../lib/auth.server";
import { formatNumber } from "../lib/format";

export const handle = { i18n: ["common", "staff"] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireUser(request, context, ["STAFF", "ADMIN"]);
  const { id, sessionId } = params;
  if (!id || !sessionId) notFound();
  const [t, tc, activity] = await Promise.all([getAreaT(request, "staff"), getFixedT(request), getActivity(api, id, request)]);
  const locale = await getLocale(request);
  const title = localised(activity, "title", locale);
  const index = activity.sessions.findIndex((s) => s.id === sessionId);
  const session = activity.sessions[index];
  if (!session) notFound();
  const [enrolments, attendance] = await Promise.all([listEnrolments(api, id, request), getAttendance(api, sessionId, request)]);
  const present = new Set(attendance.people.map((p) => p.id));
  const previous = activity.sessions[index - 1];
  const next = activity.sessions[index + 1];
  return {
    title: tc("app.pageTitle", { page: t("activities.attendance.title", { sequence: session.sequence, title: title }), app: tc("app.name") }),
    activity: { id: activity.id, title: title },
    session: { id: session.id, sequence: session.sequence, topic: localised(session, "topic", locale), startsAt: session.startsAt },
    previous: previous ? { id: previous.id, sequence: previous.sequence } : null,
    next: next ? { id: next.id, sequence: next.sequence } : null,
    people: enrolments
      .map((e) => ({ personId: e.personId, fullName: e.person.fullName, present: present.has(e.personId) }))
      .sort((a, b) => a.fullName.localeCompare(b.fullName)),
    count: attendance.count,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requireUser(request, context, ["STAFF", "ADMIN"]);
  const { id, sessionId } = params;
  if (!id || !sessionId) notFound();
  const form = await request.formData();
  const personIds = [...new Set(form.getAll("personId").map(String))];
  const result = await setAttendance(api, sessionId, personIds, request);
  if (result.ok) throw redirect(`/staff/activities/${encodeURIComponent(id)}/sessions/${encodeURIComponent(sessionId)}/attendance?saved=${result.data.count}`);
  if (result.status === 404) notFound();
  // 400: someone ticked is no longer enrolled (unenrolled meanwhile); the list below is reloaded.
  return data({ error: "notEnrolled" as const }, { status: 400 });
}

export default function SessionAttendance() {
  const { activity, session, people, count, previous, next } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const { t } = useTranslation("staff");
  const { i18n } = useTranslation();
  const locale = i18n.language;
  const base = `/staff/activities/${encodeURIComponent(activity.id)}`;
  const saving = navigation.state === "submitting";
  const saved = params.get("saved");

  return (
    <article aria-labelledby="attendance-title" className="staff-activities">
      <nav aria-label={t("activities.breadcrumb")} className="breadcrumb">
        <Link to={`${base}#sessions`}>{t("activities.backToActivity", { title: activity.title })}</Link>
      </nav>
      <p className="eyebrow">{activity.title}</p>
      <h1 id="attendance-title">{t("activities.attendance.heading", { sequence: session.sequence })}</h1>
      <p className="lead">
        {session.topic} · <DateTimeUtc iso={session.startsAt} />
      </p>

      {saved !== null ? (
        <p className="form-success" role="status">
          {t("activities.attendance.saved", { count: Number(saved), total: people.length })}
        </p>
      ) : null}
      {actionData?.error ? (
        <p className="form-error" role="alert">
          {t("activities.attendance.errors.notEnrolled")}
        </p>
      ) : null}

      {people.length === 0 ? (
        <div className="empty-state">
          <p>{t("activities.attendance.empty")}</p>
          <p>
            <Link to={`${base}/participants`} className="button">
              {t("activities.participants.add")}
            </Link>
          </p>
        </div>
      ) : (
        <Form method="post" className="form" key={saved ?? "form"}>
          <fieldset className="checkbox-group attendance">
            <legend>{t("activities.attendance.legend", { count: people.length })}</legend>
            <p className="field-hint">{t("activities.attendance.current", { count, total: people.length, countText: formatNumber(locale, count) })}</p>
            <ul className="checkbox-grid">
              {people.map((person) => (
                <li key={person.personId}>
                  <label>
                    <input type="checkbox" name="personId" value={person.personId} defaultChecked={person.present} />
                    <span>{person.fullName}</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="button" disabled={saving}>
              {saving ? t("activities.attendance.saving") : t("activities.attendance.save")}
            </button>
          </div>
        </Form>
      )}

      {previous || next ? (
        <nav className="pager" aria-label={t("activities.attendance.otherSessions")}>
          {previous ? (
            <Link to={`${base}/sessions/${encodeURIComponent(previous.id)}/attendance`}>{t("activities.attendance.previous", { sequence: previous.sequence })}</Link>
          ) : null}
          {next ? <Link to={`${base}/sessions/${encodeURIComponent(next.id)}/attendance`}>{t("activities.attendance.next", { sequence: next.sequence })}</Link> : null}
        </nav>
      ) : null}
    </article>
  );
}
