// Staff: an activity's feedback forms (made from the default questionnaire, with a closing time), the
// public link shown once when a form is made, the answers received, and "Use as quote" for comments
// whose writers consented.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { notFound } from "../api.server";
import { DateTimeUtc, formatDateTimeUtc, UTC_OFFSETS } from "../components/activities/date-time";
import { getAreaT, getFixedT, getLocale } from "../i18n.server";
import { localised } from "../lib/localised";
import { getActivity } from "../lib/activities.server";
import { requireUser } from "../lib/auth.server";
import { createFeedbackForm, listFeedbackForms, listFeedbackResponses, listQuotes, newFormValues, parseNewForm, quoteResponse, type NewFormValues } from "../lib/feedback.server";

export const handle = { i18n: ["common", "staff", "feedback"] };

type FormStatus = "open" | "notOpen" | "closed";

function statusOf(form: { opensAt: string | null; closesAt: string | null }, now: Date): FormStatus {
  if (form.opensAt && new Date(form.opensAt) > now) return "notOpen";
  if (form.closesAt && new Date(form.closesAt) <= now) return "closed";
  return "open";
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireUser(request, context, ["STAFF", "ADMIN"]);
  const id = params.id;
  if (!id) notFound("activity");
  const [t, tc, activity] = await Promise.all([getAreaT(request, "feedback"), getFixedT(request), getActivity(api, id, request)]);
  const title = localised(activity, "title", await getLocale(request));
  const [forms, responses, quotes] = await Promise.all([listFeedbackForms(api, id, request), listFeedbackResponses(api, id, request), listQuotes(api, id, request)]);
  const quoted = new Set(quotes.map((q) => q.feedbackResponseId));
  const now = new Date();
  return {
    title: tc("app.pageTitle", { page: t("staff.pageTitle", { title }), app: tc("app.name") }),
    activity: { id: activity.id, title: title },
    forms: forms.map((f) => ({ id: f.id, title: f.title, closesAt: f.closesAt, responseCount: f.responseCount, status: statusOf(f, now) })),
    responses: responses.map((r) => ({
      id: r.id,
      submittedAt: r.submittedAt,
      ratings: [r.ratingRelevance, r.ratingUsefulness, r.ratingTrainers, r.ratingOrganisation],
      knowledge: [r.knowledgeBefore, r.knowledgeAfter],
      willApply: r.willApply,
      comments: r.comments,
      language: r.language,
      consentToQuote: r.consentToQuote,
      consentToAttribution: r.consentToAttribution,
      quoted: quoted.has(r.id),
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requireUser(request, context, ["STAFF", "ADMIN"]);
  const id = params.id;
  if (!id) notFound("activity");
  const form = await request.formData();

  if (form.get("intent") === "quote") {
    const responseId = String(form.get("responseId") ?? "");
    const result = await quoteResponse(api, responseId, request);
    if (result.ok) throw redirect(`/staff/activities/${encodeURIComponent(id)}/feedback?quoted=1#responses`);
    return data({ created: null, create: null, quoteError: { responseId, reason: result.reason } }, { status: result.reason === "conflict" ? 409 : 400 });
  }

  const values = newFormValues(form);
  const refuse = (fieldErrors: Record<string, string>) => data({ created: null, create: { values, fieldErrors }, quoteError: null }, { status: 400 });
  const parsed = parseNewForm(values, id);
  if (!parsed.ok) return refuse(parsed.fieldErrors);
  const created = await createFeedbackForm(api, parsed.input, request);
  if (!created.ok) return refuse(Object.keys(created.fieldErrors).length > 0 ? created.fieldErrors : { form: "rule" });
  // The token is in this answer only (the API keeps its hash): never in a URL, a log or a redirect.
  return { created: { url: `${new URL(request.url).origin}/feedback/${created.token}` }, create: null, quoteError: null };
}

/** The four ratings, in the order the API lists them in a response. */
const RATING_COLUMNS = ["relevance", "usefulness", "trainers", "organisation"] as const;

/** The form's fields in the order the page shows them, for the error messages. */
const NEW_FORM_FIELDS = ["title", "timeZone", "closesAt", "form"] as const;

function CopyLink({ url }: { url: string }) {
  const { t } = useTranslation("feedback");
  const [hydrated, setHydrated] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <div className="form-success" role="status">
      <p>{t("staff.created.notice")}</p>
      <div className="field">
        <label htmlFor="public-link">{t("staff.created.link")}</label>
        <input id="public-link" type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
      </div>
      {/* Copying needs script; without it the link is selected for copying by hand. */}
      {hydrated ? (
        <p>
          <button type="button" className="button button--secondary" onClick={() => void navigator.clipboard.writeText(url).then(() => setCopied(true))}>
            {t("staff.created.copy")}
          </button>{" "}
          {copied ? <span>{t("staff.created.copied")}</span> : null}
        </p>
      ) : null}
    </div>
  );
}

export default function StaffActivityFeedback() {
  const { activity, forms, responses } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const { t, i18n } = useTranslation("feedback");
  const { t: ts } = useTranslation("staff");
  const base = `/staff/activities/${encodeURIComponent(activity.id)}`;
  const create = actionData?.create ?? null;
  const values: NewFormValues = create?.values ?? { title: t("staff.create.titleDefault"), closesAt: "", timeZone: "+00:00" };
  const errors = create?.fieldErrors ?? {};
  const creating = navigation.state === "submitting" && navigation.formData?.get("intent") === "create-form";
  const quoting = navigation.state === "submitting" && navigation.formData?.get("intent") === "quote" ? navigation.formData.get("responseId") : null;
  const error = (field: (typeof NEW_FORM_FIELDS)[number]) =>
    errors[field] ? (
      <p id={`${field}-error`} className="field-error">
        {t(`staff.errors.${field}`)}
      </p>
    ) : null;
  const invalid = (field: (typeof NEW_FORM_FIELDS)[number]) => (errors[field] ? { "aria-invalid": true, "aria-describedby": `${field}-error` } : {});
  const score = (value: number | null | undefined) => (value === null || value === undefined ? t("staff.responses.notAnswered") : String(value));

  return (
    <article aria-labelledby="feedback-title" className="staff-activities">
      <nav aria-label={ts("activities.breadcrumb")} className="breadcrumb">
        <Link to={base}>{t("staff.backToActivity", { title: activity.title })}</Link>
      </nav>
      <header className="intro">
        <p className="eyebrow">{activity.title}</p>
        <h1 id="feedback-title">{t("staff.heading")}</h1>
        <p className="lead">{t("staff.lead")}</p>
      </header>

      {actionData?.created ? <CopyLink url={actionData.created.url} /> : null}
      {params.get("quoted") ? (
        <p className="form-success" role="status">
          {t("staff.responses.quotedNotice")}
        </p>
      ) : null}

      <section aria-labelledby="forms-heading">
        <h2 id="forms-heading">{t("staff.heading")}</h2>
        {forms.length === 0 ? (
          <p className="empty-state">{t("staff.forms.empty")}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="forms-heading" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("staff.forms.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("staff.forms.title")}</th>
                  <th scope="col">{t("staff.forms.status")}</th>
                  <th scope="col">{t("staff.forms.closesAt")}</th>
                  <th scope="col" className="num">
                    {t("staff.forms.responses")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {forms.map((form) => (
                  <tr key={form.id}>
                    <th scope="row">{form.title}</th>
                    <td>
                      <span className={`badge badge--${form.status === "open" ? "open" : "inactive"}`}>{t(`staff.forms.statusValue.${form.status}`)}</span>
                    </td>
                    <td>{form.closesAt ? <DateTimeUtc iso={form.closesAt} /> : t("staff.forms.noDeadline")}</td>
                    <td className="num">{form.responseCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}

        <Form method="post" className="form session-form" noValidate aria-labelledby="new-form-heading">
          <h3 id="new-form-heading">{t("staff.create.heading")}</h3>
          <p className="note">{t("staff.create.lead")}</p>
          <input type="hidden" name="intent" value="create-form" />
          {errors.form ? (
            <p className="form-error" role="alert">
              {t("staff.errors.form")}
            </p>
          ) : null}
          <div className="form-grid">
            <div className="field span-2">
              <label htmlFor="title">{t("staff.create.title")}</label>
              <input id="title" name="title" defaultValue={values.title} required maxLength={300} {...invalid("title")} />
              {error("title")}
            </div>
            <div className="field">
              <label htmlFor="timeZone">{t("staff.create.timeZone")}</label>
              <select id="timeZone" name="timeZone" defaultValue={values.timeZone} {...invalid("timeZone")}>
                {UTC_OFFSETS.map((offset) => (
                  <option key={offset} value={offset}>
                    {t("staff.create.offset", { offset })}
                  </option>
                ))}
              </select>
              {error("timeZone")}
            </div>
            <div className="field">
              <label htmlFor="closesAt">{t("staff.create.closesAt")}</label>
              <input id="closesAt" name="closesAt" type="datetime-local" defaultValue={values.closesAt} required {...invalid("closesAt")} />
              {error("closesAt")}
            </div>
          </div>
          <button type="submit" className="button" disabled={creating}>
            {creating ? t("staff.create.submitting") : t("staff.create.submit")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="responses" id="responses-section">
        <h2 id="responses">{t("staff.responses.heading", { count: responses.length })}</h2>
        <p className="note">{t("staff.responses.scales")}</p>
        {responses.length === 0 ? (
          <p className="empty-state">{t("staff.responses.empty")}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="responses" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("staff.responses.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("staff.responses.submittedAt")}</th>
                  {RATING_COLUMNS.map((column) => (
                    <th key={column} scope="col" className="num">
                      {t(`staff.responses.${column}`)}
                    </th>
                  ))}
                  <th scope="col">{t("staff.responses.knowledge")}</th>
                  <th scope="col">{t("staff.responses.comments")}</th>
                  <th scope="col">{t("staff.responses.quote")}</th>
                </tr>
              </thead>
              <tbody>
                {responses.map((r) => (
                  <tr key={r.id}>
                    <th scope="row" className="nowrap">
                      <DateTimeUtc iso={r.submittedAt} />
                    </th>
                    {r.ratings.map((rating, i) => (
                      <td key={RATING_COLUMNS[i]} className="num">
                        {score(rating)}
                      </td>
                    ))}
                    <td className="nowrap">{t("staff.responses.knowledgeValue", { before: score(r.knowledge[0]), after: score(r.knowledge[1]) })}</td>
                    <td className="prose-cell evidence">
                      {/* The respondent's own words, marked with the language they answered in. */}
                      {r.comments ? <span lang={r.language}>{r.comments}</span> : t("staff.responses.notAnswered")}
                      {r.willApply ? (
                        <span className="block muted small">{t("staff.responses.willApply", { text: r.willApply })}</span>
                      ) : null}
                    </td>
                    <td className="row-actions">
                      {r.quoted ? (
                        <span className="badge badge--delivered">{t("staff.responses.quoted")}</span>
                      ) : r.consentToQuote && r.comments ? (
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="quote" />
                          <input type="hidden" name="responseId" value={r.id} />
                          <button type="submit" className="button button--small" disabled={quoting === r.id} aria-label={t("staff.responses.useAsQuoteFor", { date: formatDateTimeUtc(i18n.language, r.submittedAt) })}>
                            {t("staff.responses.useAsQuote")}
                          </button>
                        </Form>
                      ) : (
                        <span className="muted small">{r.consentToQuote ? t("staff.responses.notAnswered") : t("staff.responses.noConsent")}</span>
                      )}
                      {r.consentToAttribution ? <span className="block muted small">{t("staff.responses.namedConsent")}</span> : null}
                      {actionData?.quoteError?.responseId === r.id ? (
                        <p className="field-error" role="alert">
                          {t(`staff.errors.quote.${actionData.quoteError.reason}`)}
                        </p>
                      ) : null}
                    </td>
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
