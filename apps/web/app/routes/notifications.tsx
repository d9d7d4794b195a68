// The signed-in user's in-app notices (a list submitted, returned or approved), newest first, each
// linking to the list it is about; marked read one by one or all at once.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadingNamespaces } from "../components/progress/namespaces";
import { getAreaT } from "../i18n.server";
import { requireUser } from "../lib/auth.server";
import { formatDateTimeUtc } from "../components/activities/date-time";
import { submissionPath } from "../lib/submissions";
import { listNotifications, markAllNotificationsRead, markNotificationRead } from "../lib/submissions.server";

export const handle = { i18n: ["common", "submissions"] };

export const clientLoader = loadingNamespaces(handle.i18n);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, user } = await requireUser(request, context);
  const cursor = new URL(request.url).searchParams.get("cursor") ?? undefined;
  const [t, page] = await Promise.all([getAreaT(request, "submissions"), listNotifications(api, cursor, request)]);
  return {
    title: t("notifications.title"),
    notifications: page.items.map((n) => ({ ...n, href: n.submissionId ? submissionPath(user.role, n.submissionId) : null })),
    nextCursor: page.nextCursor,
    isFirstPage: cursor === undefined,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requireUser(request, context);
  const form = await request.formData();
  const id = form.get("id");
  if (form.get("intent") === "read-all") await markAllNotificationsRead(api, request);
  else if (typeof id === "string" && id !== "") await markNotificationRead(api, id, request);
  else return data({ ok: false }, { status: 400 });
  // A fresh page: the list and the header's count as they are now.
  return redirect(new URL(request.url).pathname);
}

export default function Notifications() {
  const { notifications, nextCursor, isFirstPage } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation("submissions");
  const unread = notifications.some((n) => n.readAt === null);
  return (
    <section aria-labelledby="notifications-title">
      <div className="page-heading">
        <h1 id="notifications-title">{t("notifications.title")}</h1>
        {unread ? (
          <Form method="post">
            <input type="hidden" name="intent" value="read-all" />
            <button type="submit" className="button button--secondary" disabled={navigation.state === "submitting"}>
              {t("notifications.readAll")}
            </button>
          </Form>
        ) : null}
      </div>
      <p className="lead">{t("notifications.lead")}</p>
      {notifications.length === 0 ? (
        <p className="empty-state">{t("notifications.empty")}</p>
      ) : (
        <ul className="record-list notifications">
          {notifications.map((n) => (
            <li key={n.id} className={n.readAt === null ? "notification notification--unread" : "notification"}>
              <p>
                {n.readAt === null ? <span className="badge badge--open">{t("notifications.new")}</span> : null}{" "}
                <span className="strong">{t(`notifications.kinds.${n.kind}`, { organisation: n.organisation ?? "", activity: n.activity ?? "", revision: n.revision ?? 1 })}</span>
              </p>
              {n.comment ? <p className="prose">{t("notifications.comment", { comment: n.comment })}</p> : null}
              <p className="small muted">
                <time dateTime={n.createdAt}>{t("time", { time: formatDateTimeUtc(i18n.language, n.createdAt) })}</time>
              </p>
              <div className="inline-list">
                {n.href ? <Link to={n.href}>{t("notifications.open", { activity: n.activity ?? "" })}</Link> : null}
                {n.readAt === null ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="id" value={n.id} />
                    <button type="submit" className="link-button" disabled={navigation.state === "submitting"}>
                      {t("notifications.markRead")}
                    </button>
                  </Form>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      <p>
        {nextCursor ? <Link to={`?${new URLSearchParams({ cursor: nextCursor })}`}>{t("notifications.next")}</Link> : null}{" "}
        {!isFirstPage ? <Link to="?">{t("notifications.first")}</Link> : null}
      </p>
    </section>
  );
}
