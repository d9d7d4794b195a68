// A partner's participant list: its status, its rows with the reviewer's comments on the rows they
// concern, a form to fix or remove each row while the list is open, submission for review, the
// changes since the previous revision and the full history.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import type { SubmissionRowItem } from "@vep/domain";
import { useTranslation } from "react-i18next";
import { notFound } from "../api.server";
import { loadingNamespaces } from "../components/progress/namespaces";
import { RowsPager, SubmissionDiffView, SubmissionFacts, SubmissionHistoryView, SubmissionRowsTable } from "../components/submissions/submission-parts";
import { getAreaT, getLocale } from "../i18n.server";
import { listRegions } from "../lib/activities.server";
import { requireUser } from "../lib/auth.server";
import { getAssignedActivity } from "../lib/partner.server";
import { changesByRow, importPath, invalidFields, parseRowEdit, ROW_EDIT_FIELDS, rowEditValues, type RowEditValues, sheetOf } from "../lib/submissions";
import { editSubmissionRow, loadSubmissionPage, removeSubmissionRow, submitSubmission } from "../lib/submissions.server";
import { localised } from "../lib/localised";

export const handle = { i18n: ["common", "partner", "submissions"] };

export const clientLoader = loadingNamespaces(handle.i18n);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const id = params.id;
  if (!id) notFound();
  const { api } = await requireUser(request, context, ["PARTNER"]);
  const [t, page, locale] = await Promise.all([getAreaT(request, "submissions"), loadSubmissionPage(api, id, request), getLocale(request)]);
  // The regions a fixed row may name: those of the activity's country in force on its date.
  let regions: { id: string; name: string }[] = [];
  if (page.submission.editable) {
    const activity = await getAssignedActivity(api, page.submission.activity.id, request);
    regions = (await listRegions(api, { countryId: activity.country.id, validOn: activity.startDate.slice(0, 10) }, request))
      .map((r) => ({ id: r.id, name: localised(r, "name", locale) }))
      .sort((a, b) => a.name.localeCompare(b.name, locale));
  }
  return { title: t("page.title", { activity: localised(page.submission.activity, "title", locale) }), ...page, regions };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

interface ActionResult {
  intent: "edit" | "remove" | "submit";
  rowNumber: number | null;
  values: Partial<RowEditValues> & { comment?: string };
  /** Fields the form's own check refused (worded from the catalogue). */
  invalid: Record<string, true>;
  /** Fields the API refused, with its message. */
  errors: Record<string, string>;
  conflict: boolean;
  detail: string | null;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const id = params.id;
  if (!id) notFound();
  const { api } = await requireUser(request, context, ["PARTNER"]);
  const form = await request.formData();
  const intent = form.get("intent");
  const version = Number(form.get("version"));
  const rowNumber = Number(form.get("rowNumber")) || null;
  const reply = (result: Partial<ActionResult> & Pick<ActionResult, "intent">, status: 400 | 409) =>
    data<ActionResult>({ rowNumber, values: {}, invalid: {}, errors: {}, conflict: false, detail: null, ...result }, { status });
  // After a write, a fresh page (and a reload does not post again), saying what was done.
  const done = (what: ActionResult["intent"]) => {
    const url = new URL(request.url);
    url.searchParams.set("done", what);
    if (rowNumber) url.searchParams.set("row", String(rowNumber));
    else url.searchParams.delete("row");
    return redirect(`${url.pathname}${url.search}${rowNumber ? `#row-${rowNumber}` : ""}`);
  };

  if (intent === "edit" && rowNumber) {
    const values = rowEditValues(form);
    const parsed = parseRowEdit(values, version);
    if (!parsed.success) return reply({ intent, values, invalid: invalidFields(parsed.error.issues) }, 400);
    const result = await editSubmissionRow(api, id, rowNumber, parsed.data, request);
    if (result.ok) return done(intent);
    if (result.status === 404) notFound();
    return result.status === 400 ? reply({ intent, values, errors: result.fieldErrors, detail: result.detail }, 400) : reply({ intent, values, conflict: true, detail: result.detail }, 409);
  }
  if (intent === "remove" && rowNumber) {
    const result = await removeSubmissionRow(api, id, rowNumber, version, request);
    if (result.ok) return done(intent);
    if (result.status === 404) notFound();
    return reply({ intent, conflict: result.status === 409, detail: result.detail }, result.status === 400 ? 400 : 409);
  }
  if (intent === "submit") {
    const comment = String(form.get("comment") ?? "").trim();
    const result = await submitSubmission(api, id, { version, ...(comment ? { comment } : {}) }, request);
    if (result.ok) return done(intent);
    if (result.status === 404) notFound();
    if (result.status === 400) return reply({ intent, values: { comment }, errors: result.fieldErrors, detail: result.detail }, 400);
    return reply({ intent, values: { comment }, conflict: true, detail: result.detail }, 409);
  }
  return reply({ intent: "edit" }, 400);
}

export default function PartnerSubmission() {
  const { submission, rows, nextCursor, isFirstPage, history, diff, regions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation("submissions");
  const busy = navigation.state === "submitting";
  const activityPath = `/partner/activities/${encodeURIComponent(submission.activity.id)}`;
  const submitFailed = result?.intent === "submit" ? result : null;
  const [params] = useSearchParams();
  const done = result ? null : params.get("done");

  return (
    <article aria-labelledby="submission-title">
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <Link to={activityPath}>{localised(submission.activity, "title", i18n.language)}</Link>
      </nav>
      {done === "edit" || done === "remove" || done === "submit" ? (
        <p className="form-success" role="status">
          {t(`page.done.${done}`, { row: params.get("row") })}
        </p>
      ) : null}
      {result?.conflict ? (
        <p className="form-error" role="alert">
          {t("page.conflict")}
        </p>
      ) : null}

      <header className="intro">
        <p className="eyebrow">{localised(submission.activity, "title", i18n.language)}</p>
        <h1 id="submission-title">{t(submission.kind === "FEEDBACK_BATCH" ? "page.feedbackHeading" : "page.heading")}</h1>
        <SubmissionFacts submission={submission} />
        <p>{t(`page.statusLead.${submission.status}`)}</p>
        {!submission.editable && submission.status !== "SUBMITTED" ? (
          <p>
            <Link to={importPath(activityPath, sheetOf(submission))} className="button button--secondary">
              {t("page.uploadNew")}
            </Link>
          </p>
        ) : null}
        {submission.editable ? (
          <p>
            <Link to={importPath(activityPath, sheetOf(submission))}>{t("page.uploadReplacement")}</Link>
          </p>
        ) : null}
      </header>

      {submission.editable && submission.rows > 0 ? (
        <section aria-labelledby="submit-heading" className="form-panel">
          <h2 id="submit-heading">{t("submit.heading")}</h2>
          <p>{t("submit.lead")}</p>
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="submit" />
            <input type="hidden" name="version" value={submission.version} />
            <div className="field">
              <label htmlFor="submit-comment">{t("submit.comment")}</label>
              <textarea id="submit-comment" name="comment" rows={2} maxLength={2000} defaultValue={submitFailed?.values.comment ?? ""} />
            </div>
            {submitFailed && !submitFailed.conflict ? (
              <p className="form-error" role="alert">
                {Object.values(submitFailed.errors)[0] ?? submitFailed.detail}
              </p>
            ) : null}
            <button type="submit" className="button" disabled={busy}>
              {t("submit.button")}
            </button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="rows">
        <h2 id="rows">{t("rows.heading", { count: submission.rows })}</h2>
        {rows.some((r) => r.comments.length > 0) ? <p>{t("rows.commentedLead")}</p> : null}
        {rows.length === 0 ? (
          <p className="empty-state">{t("rows.empty")}</p>
        ) : (
          <SubmissionRowsTable
            rows={rows}
            changes={changesByRow(diff)}
            caption={t("rows.caption")}
            labelledBy="rows"
            action={
              submission.editable
                ? { header: t("rows.fixHeader"), cell: (row) => <RowFix row={row} version={submission.version} regions={regions} result={result?.rowNumber === row.rowNumber ? result : undefined} busy={busy} /> }
                : undefined
            }
          />
        )}
        <RowsPager nextCursor={nextCursor} isFirstPage={isFirstPage} />
      </section>

      {diff ? <SubmissionDiffView diff={diff} /> : null}
      <SubmissionHistoryView history={history} />
    </article>
  );
}

/** Fix or remove one row: open on the rows a reviewer commented on, and after a refused save. */
function RowFix({
  row,
  version,
  regions,
  result,
  busy,
}: {
  row: SubmissionRowItem;
  version: number;
  regions: { id: string; name: string }[];
  result: ActionResult | undefined;
  busy: boolean;
}) {
  const { t } = useTranslation("submissions");
  const failed = result?.intent === "edit" ? result : null;
  const values: RowEditValues = {
    fullName: row.fullName,
    sex: row.sex,
    regionId: row.region?.id ?? "",
    position: row.position ?? "",
    email: row.email ?? "",
    phone: row.phone ?? "",
    role: row.role,
    ...failed?.values,
  };
  const id = (field: string) => `row-${row.rowNumber}-${field}`;
  const errorOf = (field: string) => failed?.errors[field] ?? (failed?.invalid[field] ? t(`rows.errors.${field as (typeof ROW_EDIT_FIELDS)[number]}`) : null);
  const described = (field: string) => (errorOf(field) ? { "aria-invalid": true, "aria-describedby": `${id(field)}-error` } : {});
  const fieldError = (field: string) => {
    const message = errorOf(field);
    return message ? (
      <p id={`${id(field)}-error`} className="field-error">
        {message}
      </p>
    ) : null;
  };
  const known: readonly string[] = ROW_EDIT_FIELDS;
  const unplaced = failed ? Object.entries(failed.errors).filter(([field]) => !known.includes(field)).map(([, message]) => message) : [];
  return (
    <details className="row-fix" open={row.comments.length > 0 || failed !== null}>
      <summary>{t("rows.fix", { row: row.rowNumber })}</summary>
      <Form method="post" className="form row-fix__form" preventScrollReset>
        <input type="hidden" name="intent" value="edit" />
        <input type="hidden" name="rowNumber" value={row.rowNumber} />
        <input type="hidden" name="version" value={version} />
        <div className="field">
          <label htmlFor={id("fullName")}>{t("fields.fullName")}</label>
          <input id={id("fullName")} name="fullName" defaultValue={values.fullName} required minLength={2} maxLength={200} {...described("fullName")} />
          {fieldError("fullName")}
        </div>
        <div className="field">
          <label htmlFor={id("sex")}>{t("fields.sex")}</label>
          <select id={id("sex")} name="sex" defaultValue={values.sex} {...described("sex")}>
            {(["FEMALE", "MALE", "UNDISCLOSED"] as const).map((sex) => (
              <option key={sex} value={sex}>
                {t(`sex.${sex}`)}
              </option>
            ))}
          </select>
          {fieldError("sex")}
        </div>
        <div className="field">
          <label htmlFor={id("regionId")}>{t("fields.region")}</label>
          <select id={id("regionId")} name="regionId" defaultValue={values.regionId} {...described("regionId")}>
            {regions.map((region) => (
              <option key={region.id} value={region.id}>
                {region.name}
              </option>
            ))}
          </select>
          {fieldError("regionId")}
        </div>
        <div className="field">
          <label htmlFor={id("position")}>{t("fields.position")}</label>
          <input id={id("position")} name="position" defaultValue={values.position} maxLength={200} {...described("position")} />
          {fieldError("position")}
        </div>
        <div className="field">
          <label htmlFor={id("email")}>{t("fields.email")}</label>
          <input id={id("email")} name="email" type="email" defaultValue={values.email} maxLength={254} {...described("email")} />
          {fieldError("email")}
        </div>
        <div className="field">
          <label htmlFor={id("phone")}>{t("fields.phone")}</label>
          <input id={id("phone")} name="phone" type="tel" defaultValue={values.phone} maxLength={40} {...described("phone")} />
          {fieldError("phone")}
        </div>
        <div className="field">
          <label htmlFor={id("role")}>{t("fields.role")}</label>
          <select id={id("role")} name="role" defaultValue={values.role} {...described("role")}>
            {(["PARTICIPANT", "OBSERVER"] as const).map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
          {fieldError("role")}
        </div>
        {unplaced.length > 0 ? (
          <p className="form-error" role="alert">
            {unplaced.join(" ")}
          </p>
        ) : null}
        <button type="submit" className="button button--small" disabled={busy}>
          {t("rows.save", { row: row.rowNumber })}
        </button>
      </Form>
      <Form method="post" preventScrollReset className="row-fix__remove">
        <input type="hidden" name="intent" value="remove" />
        <input type="hidden" name="rowNumber" value={row.rowNumber} />
        <input type="hidden" name="version" value={version} />
        <button type="submit" className="button button--small button--secondary" disabled={busy}>
          {t("rows.remove", { row: row.rowNumber })}
        </button>
      </Form>
    </details>
  );
}
