// Staff review of a partner's participant list: its rows with what changed since the previous revision,
// its history, and the review itself: approve, or return it with a comment on the list and on rows.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import type { SubmissionRowItem } from "@vep/domain";
import { useTranslation } from "react-i18next";
import { notFound } from "../api.server";
import { loadingNamespaces } from "../components/progress/namespaces";
import { RowsPager, SubmissionDiffView, SubmissionFacts, SubmissionHistoryView, SubmissionRowsTable } from "../components/submissions/submission-parts";
import { getAreaT, getLocale } from "../i18n.server";
import { requireUser } from "../lib/auth.server";
import { STAFF_ROLES } from "../lib/programme-forms";
import { changesByRow, parseReturn, reviewFormValues, ROW_COMMENT_PREFIX, ROW_FIELD_PREFIX, type ReviewFormValues } from "../lib/submissions";
import { approveSubmission, loadSubmissionPage, returnSubmission } from "../lib/submissions.server";
import { localised } from "../lib/localised";

export const handle = { i18n: ["common", "staff", "submissions"] };

export const clientLoader = loadingNamespaces(handle.i18n);

/** The fields a reviewer can point a row comment at (the rest of a row is its number and key). */
const COMMENT_FIELDS = ["fullName", "sex", "region", "position", "email", "phone", "role"] as const;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const id = params.id;
  if (!id) notFound();
  const { api } = await requireUser(request, context, STAFF_ROLES);
  const [t, page, locale] = await Promise.all([getAreaT(request, "submissions"), loadSubmissionPage(api, id, request), getLocale(request)]);
  return {
    title: t("review.title", { organisation: localised(page.submission.organisation, "name", locale), activity: localised(page.submission.activity, "title", locale) }),
    ...page,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

interface ActionResult {
  intent: "approve" | "return";
  values: ReviewFormValues;
  /** The form's own check: say what to fix (a comment on the list or a row). */
  invalid: boolean;
  /** The API's refusal, field by field. */
  errors: Record<string, string>;
  conflict: boolean;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const id = params.id;
  if (!id) notFound();
  const { api } = await requireUser(request, context, STAFF_ROLES);
  const form = await request.formData();
  const intent = form.get("intent") === "approve" ? "approve" : "return";
  const version = Number(form.get("version"));
  const values = reviewFormValues(form);
  const reply = (result: Partial<ActionResult>, status: 400 | 409) => data<ActionResult>({ intent, values, invalid: false, errors: {}, conflict: false, ...result }, { status });

  let result;
  if (intent === "approve") {
    result = await approveSubmission(api, id, { version, ...(values.comment ? { comment: values.comment } : {}) }, request);
  } else {
    const parsed = parseReturn(values, version);
    if (!parsed.success) return reply({ invalid: true }, 400);
    result = await returnSubmission(api, id, parsed.data, request);
  }
  // A fresh page after the review (and a reload does not post it again).
  if (result.ok) return redirect(`${new URL(request.url).pathname}?done=${intent}`);
  if (result.status === 400) return reply({ errors: { ...result.fieldErrors, ...(result.detail ? { form: result.detail } : {}) } }, 400);
  if (result.status === 404) notFound();
  // Someone else reviewed it, or it changed since it was read; the page reloads what it is now.
  return reply({ conflict: true }, 409);
}

export default function StaffSubmissionReview() {
  const { submission, rows, nextCursor, isFirstPage, history, diff } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation("submissions");
  const reviewing = submission.status === "SUBMITTED";
  const failed = result ?? null;
  const [params] = useSearchParams();
  const done = result ? null : params.get("done");
  const values = failed?.values;

  return (
    <article aria-labelledby="submission-title">
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <Link to="/staff/submissions">{t("review.back")}</Link>
      </nav>
      {done === "approve" || done === "return" ? (
        <p className="form-success" role="status">
          {t(`review.done.${done}`)}
        </p>
      ) : null}
      {failed?.conflict ? (
        <p className="form-error" role="alert">
          {t("review.conflict")}
        </p>
      ) : null}

      <header className="intro">
        <p className="eyebrow">{localised(submission.activity, "title", i18n.language)}</p>
        <h1 id="submission-title">{t(submission.kind === "FEEDBACK_BATCH" ? "review.feedbackHeading" : "review.heading", { organisation: localised(submission.organisation, "name", i18n.language) })}</h1>
        <SubmissionFacts submission={submission} />
        <p>{t(`review.statusLead.${submission.status}`)}</p>
      </header>

      {diff ? <SubmissionDiffView diff={diff} /> : null}

      <section aria-labelledby="rows">
        <h2 id="rows">{t("rows.heading", { count: submission.rows })}</h2>
        {reviewing ? <p>{t("review.rowsLead")}</p> : null}
        {rows.length === 0 ? (
          <p className="empty-state">{t("rows.empty")}</p>
        ) : (
          <SubmissionRowsTable
            rows={rows}
            changes={changesByRow(diff)}
            caption={t("rows.caption")}
            labelledBy="rows"
            action={reviewing ? { header: t("review.rowCommentHeader"), cell: (row) => <RowComment row={row} value={values?.rows[String(row.rowNumber)]} /> } : undefined}
          />
        )}
        <RowsPager nextCursor={nextCursor} isFirstPage={isFirstPage} />
      </section>

      {reviewing ? (
        <section aria-labelledby="review-heading" className="form-panel">
          <h2 id="review-heading">{t("review.formHeading")}</h2>
          <p>{t("review.formLead")}</p>
          <Form method="post" id="review" className="form">
            <input type="hidden" name="version" value={submission.version} />
            <div className="field">
              <label htmlFor="review-comment">{t("review.comment")}</label>
              <p id="review-comment-hint" className="field-hint">
                {t("review.commentHint")}
              </p>
              <textarea
                id="review-comment"
                name="comment"
                rows={3}
                maxLength={2000}
                defaultValue={values?.comment ?? ""}
                aria-describedby={failed?.invalid ? "review-comment-hint review-comment-error" : "review-comment-hint"}
                aria-invalid={failed?.invalid ? true : undefined}
              />
              {failed?.invalid ? (
                <p id="review-comment-error" className="field-error">
                  {t("review.sayWhatToFix")}
                </p>
              ) : null}
            </div>
            {failed && Object.keys(failed.errors).length > 0 ? (
              <ul className="form-error" role="alert">
                {Object.entries(failed.errors).map(([field, message]) => (
                  <li key={field}>{message}</li>
                ))}
              </ul>
            ) : null}
            <div className="form-actions">
              <button type="submit" name="intent" value="approve" className="button" disabled={navigation.state === "submitting"}>
                {t("review.approve")}
              </button>
              <button type="submit" name="intent" value="return" className="button button--secondary" disabled={navigation.state === "submitting"}>
                {t("review.return")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      <SubmissionHistoryView history={history} />
    </article>
  );
}

/** A reviewer's comment on one row, sent with the review form when the list is returned. */
function RowComment({ row, value }: { row: SubmissionRowItem; value: { comment: string; field: string } | undefined }) {
  const { t } = useTranslation("submissions");
  const id = `row-${row.rowNumber}`;
  return (
    <div className="row-comment">
      <label htmlFor={`${id}-comment`} className="small">
        {t("review.rowComment", { row: row.rowNumber })}
      </label>
      <textarea id={`${id}-comment`} name={`${ROW_COMMENT_PREFIX}${row.rowNumber}`} form="review" rows={1} maxLength={1000} defaultValue={value?.comment ?? ""} />
      <label htmlFor={`${id}-field`} className="small">
        {t("review.rowField", { row: row.rowNumber })}
      </label>
      <select id={`${id}-field`} name={`${ROW_FIELD_PREFIX}${row.rowNumber}`} form="review" defaultValue={value?.field ?? ""}>
        <option value="">{t("rows.wholeRow")}</option>
        {COMMENT_FIELDS.map((field) => (
          <option key={field} value={field}>
            {t(`fields.${field}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
