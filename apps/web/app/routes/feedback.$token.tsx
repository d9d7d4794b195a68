// The public feedback form, reached by the link staff hand out: no account, anonymous, in the
// participant's language (?lng= or the browser's), and usable without JavaScript.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState, type ChangeEvent } from "react";
import { useTranslation } from "react-i18next";
import { FEEDBACK_ANSWER_FIELDS, FEEDBACK_SCALE_FIELDS, FEEDBACK_TEXT_LIMITS, SexSchema, type PublicFeedbackForm } from "@vep/domain";
import { apiClient } from "../api.server";
import { formatDateTimeUtc } from "../components/activities/date-time";
import { languagesWith } from "../i18n";
import { getAreaT, getFixedT, getLocale } from "../i18n.server";
import { answerFormValues, getPublicFeedbackForm, parseAnswerForm, submitPublicFeedback, type AnswerFormValues, type Unavailable } from "../lib/feedback.server";
import { formatDate } from "../lib/format";

export const handle = { i18n: ["common", "feedback"] };

/** What the page shows: the form, the thanks after answering, or why the link cannot be answered. */
type View = { kind: "form"; form: PublicFeedbackForm } | { kind: "sent" } | { kind: Unavailable };
const STATUS: Record<Unavailable, number> = { notFound: 404, notOpen: 403, closed: 410 };

const pagePath = (token: string, locale: string, extra = "") => `/feedback/${encodeURIComponent(token)}?lng=${locale}${extra}`;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const [locale, t, tc] = await Promise.all([getLocale(request), getAreaT(request, "feedback"), getFixedT(request)]);
  const title = (page: string) => tc("app.pageTitle", { page, app: tc("app.name") });
  const page = (view: View, pageTitle: string = t("public.pageTitle")) => ({ locale, token, title: title(pageTitle), view });
  // After an answer was sent (post, then redirect): thanks, whatever the form's state is by now.
  if (new URL(request.url).searchParams.has("sent")) return page({ kind: "sent" });
  const found = await getPublicFeedbackForm(apiClient({ request, locale, clientAddress: context.clientAddress }), token, request);
  if (!found.ok) return data(page({ kind: found.reason }), { status: STATUS[found.reason] });
  return page({ kind: "form", form: found.form }, found.form.title);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : []);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const locale = await getLocale(request);
  const values = answerFormValues(await request.formData());
  const reply = (status: number, extra: { fieldErrors?: Record<string, string>; retryAfterMinutes?: number }) =>
    data({ values, fieldErrors: extra.fieldErrors ?? {}, retryAfterMinutes: extra.retryAfterMinutes ?? null }, { status });
  const parsed = parseAnswerForm(values, locale);
  if (!parsed.ok) return reply(400, { fieldErrors: parsed.fieldErrors });
  const result = await submitPublicFeedback(apiClient({ request, locale, clientAddress: context.clientAddress }), token, parsed.answer, request);
  if (result.ok) throw redirect(pagePath(token, locale, "&sent=1"));
  if ("fieldErrors" in result) return reply(400, { fieldErrors: result.fieldErrors });
  if ("retryAfterMinutes" in result) return reply(429, { retryAfterMinutes: result.retryAfterMinutes });
  // Closed (or gone) while it was being filled in: the page now says why.
  throw redirect(pagePath(token, locale));
}

/** True once React runs in the browser: controls that need script stay usable without it. */
function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

export default function FeedbackPage() {
  const { locale, token, view } = useLoaderData<typeof loader>();
  const { t } = useTranslation("feedback");

  return (
    <article aria-labelledby="feedback-title" className="staff-activities">
      <nav aria-label={t("public.language")}>
        <ul className="tags tags--small">
          {languagesWith("feedback").map((lng) => (
            <li key={lng}>
              {lng === locale ? (
                <span aria-current="true" lang={lng}>
                  {t(`public.languages.${lng as "en" | "ru"}`)}
                </span>
              ) : (
                <Link to={pagePath(token, lng, view.kind === "sent" ? "&sent=1" : "")} lang={lng} hrefLang={lng} reloadDocument>
                  {t(`public.languages.${lng as "en" | "ru"}`)}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {view.kind === "form" ? (
        <AnswerForm form={view.form} token={token} locale={locale} />
      ) : view.kind === "sent" ? (
        <Message heading={t("public.thanks.heading")} body={t("public.thanks.body")} />
      ) : (
        <Message heading={t(`public.unavailable.${view.kind}.heading`)} body={t(`public.unavailable.${view.kind}.body`)} />
      )}
    </article>
  );
}

function Message({ heading, body }: { heading: string; body: string }) {
  return (
    <section className="intro" role="status">
      <h1 id="feedback-title">{heading}</h1>
      <p className="lead">{body}</p>
    </section>
  );
}

const BLANK: AnswerFormValues = {
  ratingRelevance: "",
  ratingUsefulness: "",
  ratingTrainers: "",
  ratingOrganisation: "",
  knowledgeBefore: "",
  knowledgeAfter: "",
  willApply: "",
  comments: "",
  consentToQuote: false,
  consentToAttribution: false,
  respondentSex: "",
  respondentRegionId: "",
};

type Question = PublicFeedbackForm["questions"][number];
type ScaleField = (typeof FEEDBACK_SCALE_FIELDS)[number];
const fieldOf = (question: Question) => FEEDBACK_ANSWER_FIELDS[question.key].field;

function AnswerForm({ form, token, locale }: { form: PublicFeedbackForm; token: string; locale: string }) {
  const { t } = useTranslation("feedback");
  const { t: tc } = useTranslation();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const hydrated = useHydrated();
  const values = actionData?.values ?? BLANK;
  const errors = actionData?.fieldErrors ?? {};
  const [quoteConsent, setQuoteConsent] = useState(values.consentToQuote);
  const summary = useRef<HTMLDivElement>(null);
  const busy = navigation.state === "submitting";

  const errorKeys = Object.keys(errors);
  useEffect(() => {
    if (errorKeys.length > 0 || actionData?.retryAfterMinutes) summary.current?.focus();
  }, [actionData, errorKeys.length]);

  const message = (field: string): string | null => {
    if (!errors[field]) return null;
    if ((FEEDBACK_SCALE_FIELDS as readonly string[]).includes(field)) return t("public.errors.rating");
    const known = ["willApply", "comments", "consentToQuote", "consentToAttribution", "respondentSex", "respondentRegionId", "language"] as const;
    const key = known.find((k) => k === field);
    return key ? t(`public.errors.${key}`) : t("public.errors.generic");
  };
  const describedBy = (field: string, hint = false) => [hint ? `${field}-hint` : null, errors[field] ? `${field}-error` : null].filter(Boolean).join(" ") || undefined;
  const fieldError = (field: string) =>
    errors[field] ? (
      <p id={`${field}-error`} className="field-error">
        {message(field)}
      </p>
    ) : null;

  const localName = (item: { name?: string; title?: string; nameTranslations?: Record<string, string>; titleTranslations?: Record<string, string> }) =>
    (item.nameTranslations ?? item.titleTranslations)?.[locale] ?? item.name ?? item.title ?? "";
  const ofKind = (kind: Question["kind"]) => form.questions.filter((q) => q.kind === kind);
  const ratings = ofKind("RATING");
  const texts = ofKind("TEXT");
  const consents = ofKind("YES_NO");

  const scale = (question: Question) => {
    const field = fieldOf(question) as ScaleField;
    const labels = question.key.startsWith("knowledge_") ? "knowledge" : "rating";
    return (
      <fieldset key={question.key} id={field} className="checkbox-group" aria-describedby={describedBy(field)} aria-invalid={errors[field] ? true : undefined}>
        <legend>{t(`public.questions.${question.key}`)}</legend>
        {fieldError(field)}
        <ul className="checkbox-grid">
          {(["1", "2", "3", "4", "5"] as const).map((n) => (
            <li key={n}>
              <label>
                <input type="radio" name={field} value={n} defaultChecked={values[field] === n} />
                <span>{t(`public.scale.${labels}.${n}`)}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
    );
  };

  return (
    <>
      <header className="intro">
        <p className="eyebrow">{t("public.eyebrow")}</p>
        <h1 id="feedback-title">{form.title}</h1>
        <p className="lead">
          {t("public.activity", {
            title: localName(form.activity),
            dates: tc("date.range", { start: formatDate(locale, form.activity.startDate), end: formatDate(locale, form.activity.endDate) }),
          })}
        </p>
        <p>{t("public.intro")}</p>
        {form.closesAt ? <p className="note">{t("public.closesAt", { date: formatDateTimeUtc(locale, form.closesAt) })}</p> : null}
      </header>

      {errorKeys.length > 0 || actionData?.retryAfterMinutes ? (
        <div ref={summary} tabIndex={-1} className="error-summary" role="alert">
          {actionData?.retryAfterMinutes ? (
            <p className="form-error">{t("public.errors.throttled", { count: actionData.retryAfterMinutes })}</p>
          ) : (
            <>
              <p className="form-error">{t("public.errors.summary")}</p>
              <ul>
                {errorKeys.map((field) => (
                  <li key={field}>
                    <a href={`#${field}`}>{message(field)}</a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : null}

      <Form method="post" action={pagePath(token, locale)} className="form" noValidate aria-labelledby="feedback-title">
        {ratings.length > 0 ? (
          <fieldset className="form-section">
            <legend>{t("public.ratingsLegend")}</legend>
            {ratings.map(scale)}
          </fieldset>
        ) : null}

        {texts.length > 0 ? (
          <fieldset className="form-section">
            <legend>{t("public.textLegend")}</legend>
            {texts.map((question) => {
              const field = fieldOf(question) as "willApply" | "comments";
              const max = FEEDBACK_TEXT_LIMITS[field];
              return (
                <div key={question.key} className="field">
                  <label htmlFor={field}>{t(`public.questions.${question.key}`)}</label>
                  <p id={`${field}-hint`} className="field-hint">
                    {t("public.textHint", { max })}
                  </p>
                  <textarea id={field} name={field} rows={4} maxLength={max} defaultValue={values[field]} aria-invalid={errors[field] ? true : undefined} aria-describedby={describedBy(field, true)} />
                  {fieldError(field)}
                </div>
              );
            })}
          </fieldset>
        ) : null}

        <fieldset className="form-section">
          <legend>{t("public.aboutLegend")}</legend>
          <div className="form-grid">
            <div className="field">
              <label htmlFor="respondentSex">{t("public.sex")}</label>
              <select id="respondentSex" name="respondentSex" defaultValue={values.respondentSex} aria-invalid={errors.respondentSex ? true : undefined} aria-describedby={describedBy("respondentSex")}>
                <option value="">{t("public.sexValue.none")}</option>
                {SexSchema.options.map((sex) => (
                  <option key={sex} value={sex}>
                    {t(`public.sexValue.${sex}`)}
                  </option>
                ))}
              </select>
              {fieldError("respondentSex")}
            </div>
            {form.regions.length > 0 ? (
              <div className="field">
                <label htmlFor="respondentRegionId">{t("public.region")}</label>
                <select
                  id="respondentRegionId"
                  name="respondentRegionId"
                  defaultValue={values.respondentRegionId}
                  aria-invalid={errors.respondentRegionId ? true : undefined}
                  aria-describedby={describedBy("respondentRegionId")}
                >
                  <option value="">{t("public.regionNone")}</option>
                  {form.regions
                    .map((region) => ({ id: region.id, name: localName(region) }))
                    .sort((a, b) => a.name.localeCompare(b.name, locale))
                    .map((region) => (
                      <option key={region.id} value={region.id}>
                        {region.name}
                      </option>
                    ))}
                </select>
                {fieldError("respondentRegionId")}
              </div>
            ) : null}
          </div>
        </fieldset>

        {consents.length > 0 ? (
          <fieldset className="form-section">
            <legend>{t("public.consentLegend")}</legend>
            {consents.map((question) => {
              const field = fieldOf(question) as "consentToQuote" | "consentToAttribution";
              const isQuote = field === "consentToQuote";
              return (
                <div key={question.key} className="checkbox-field">
                  <label>
                    <input
                      id={field}
                      type="checkbox"
                      name={field}
                      defaultChecked={values[field]}
                      aria-invalid={errors[field] ? true : undefined}
                      aria-describedby={describedBy(field, !isQuote)}
                      // Without script the box stays enabled and the server checks the rule instead.
                      {...(isQuote ? { onChange: (e: ChangeEvent<HTMLInputElement>) => setQuoteConsent(e.currentTarget.checked) } : { disabled: hydrated && !quoteConsent })}
                    />
                    <span>{t(`public.questions.${question.key}`)}</span>
                  </label>
                  {isQuote ? null : (
                    <p id={`${field}-hint`} className="field-hint">
                      {t("public.attributionHint")}
                    </p>
                  )}
                  {fieldError(field)}
                </div>
              );
            })}
          </fieldset>
        ) : null}

        <button type="submit" className="button" disabled={busy}>
          {busy ? t("public.submitting") : t("public.submit")}
        </button>
      </Form>
    </>
  );
}
