// The parts both submission pages show (the partner's and the staff's review): the list's facts, its
// rows with reviewer comments and changes, the changes since the previous revision, and its history.
import { Link } from "@remix-run/react";
import type { Submission, SubmissionDiff, SubmissionHistory, SubmissionRowItem } from "@vep/domain";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, formatNumber } from "../../lib/format";
import type { RowChange } from "../../lib/submissions";
import { formatDateTimeUtc } from "../activities/date-time";
import { localised } from "../../lib/localised";

type Lookup = (key: string, options?: Record<string, unknown>) => string;

/** A diff field's value as a reader says it: sex and role in words, nothing as a dash. */
function useFieldValue() {
  const { t } = useTranslation("submissions");
  const lookup = t as unknown as Lookup;
  return (field: string, value: string | null): string => {
    if (value === null || value === "") return t("none");
    if (field === "sex" || field === "role") return lookup(`${field}.${value}`, { defaultValue: value });
    return value;
  };
}

export function SubmissionFacts({ submission }: { submission: Submission }) {
  const { t, i18n } = useTranslation("submissions");
  const { t: tc } = useTranslation();
  const locale = i18n.language;
  return (
    <dl className="facts">
      <div>
        <dt>{t("facts.status")}</dt>
        <dd>
          <span className={`badge badge--${submission.status.toLowerCase()}`}>{tc(`submissions.statuses.${submission.status}`)}</span>
        </dd>
      </div>
      <div>
        <dt>{t("facts.organisation")}</dt>
        <dd>{localised(submission.organisation, "name", locale)}</dd>
      </div>
      <div>
        <dt>{t("facts.revision")}</dt>
        <dd>{formatNumber(locale, submission.revision)}</dd>
      </div>
      <div>
        <dt>{t("facts.rows")}</dt>
        <dd>{formatNumber(locale, submission.rows)}</dd>
      </div>
      {submission.fileName ? (
        <div>
          <dt>{t("facts.file")}</dt>
          <dd>{submission.fileName}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t("facts.submittedAt")}</dt>
        <dd>{submission.submittedAt ? formatDate(locale, submission.submittedAt) : tc("submissions.notSubmitted")}</dd>
      </div>
      {submission.reviewerComment ? (
        <div>
          <dt>{t("facts.reviewerComment")}</dt>
          <dd>{submission.reviewerComment}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/**
 * The rows of the current revision. Rows a reviewer commented on are highlighted with the comments;
 * rows added or changed since the previous revision show what changed (before → after).
 */
export function SubmissionRowsTable({
  rows,
  changes,
  caption,
  labelledBy,
  action,
}: {
  rows: SubmissionRowItem[];
  changes: Map<number, RowChange>;
  caption: string;
  labelledBy: string;
  /** A last column per row (fix or comment on the row), with its header. */
  action?: { header: string; cell: (row: SubmissionRowItem) => ReactNode };
}) {
  const { t, i18n } = useTranslation("submissions");
  const fieldValue = useFieldValue();
  const lookup = t as unknown as Lookup;
  const cell = (row: SubmissionRowItem, field: "fullName" | "sex" | "region" | "position" | "email" | "phone" | "role", value: string | null) => {
    const change = changes.get(row.rowNumber);
    const changed = change?.kind === "changed" ? change.fields.find((f) => f.field === field) : undefined;
    if (!changed) return fieldValue(field, value);
    return (
      <span className="diff-value">
        <span className="visually-hidden">{t("diff.changedFrom")}</span>
        <del>{fieldValue(field, changed.before)}</del> <span aria-hidden="true">→</span>
        <span className="visually-hidden">{t("diff.changedTo")}</span> <ins>{fieldValue(field, changed.after)}</ins>
      </span>
    );
  };
  return (
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      <table className="submission-rows">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t("rows.row")}
            </th>
            <th scope="col">{t("fields.fullName")}</th>
            <th scope="col">{t("fields.sex")}</th>
            <th scope="col">{t("fields.region")}</th>
            <th scope="col">{t("fields.position")}</th>
            <th scope="col">{t("fields.email")}</th>
            <th scope="col">{t("fields.phone")}</th>
            <th scope="col">{t("fields.role")}</th>
            {action ? <th scope="col">{action.header}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const change = changes.get(row.rowNumber);
            const classes = [row.comments.length > 0 ? "row--commented" : "", change ? `row--${change.kind}` : ""].filter(Boolean).join(" ");
            return (
              <tr key={row.rowNumber} id={`row-${row.rowNumber}`} className={classes || undefined}>
                <td className="num">{formatNumber(i18n.language, row.rowNumber)}</td>
                <th scope="row">
                  {cell(row, "fullName", row.fullName)}
                  {change?.kind === "added" ? <span className="badge badge--open block-badge">{t("diff.added")}</span> : null}
                  {row.comments.length > 0 ? (
                    <ul className="row-comments">
                      {row.comments.map((comment, i) => (
                        <li key={i}>
                          <span className="strong">{comment.field ? t("rows.commentOnField", { field: lookup(`fields.${comment.field}`, { defaultValue: comment.field }) }) : t("rows.commentOnRow")}</span>{" "}
                          {comment.comment}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </th>
                <td>{cell(row, "sex", row.sex)}</td>
                <td>{cell(row, "region", row.region ? localised(row.region, "name", i18n.language) : null)}</td>
                <td>{cell(row, "position", row.position)}</td>
                <td>{cell(row, "email", row.email)}</td>
                <td>{cell(row, "phone", row.phone)}</td>
                <td>{cell(row, "role", row.role)}</td>
                {action ? <td>{action.cell(row)}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Next page / first page of a submission's rows. */
export function RowsPager({ nextCursor, isFirstPage }: { nextCursor: string | null; isFirstPage: boolean }) {
  const { t } = useTranslation("submissions");
  if (!nextCursor && isFirstPage) return null;
  return (
    <nav aria-label={t("rows.pagination")} className="pager">
      {nextCursor ? <Link to={`?${new URLSearchParams({ cursor: nextCursor })}#rows`}>{t("rows.next")}</Link> : null}{" "}
      {!isFirstPage ? <Link to="?#rows">{t("rows.first")}</Link> : null}
    </nav>
  );
}

/** What changed from the previous revision to this one: changed fields, added and removed rows. */
export function SubmissionDiffView({ diff }: { diff: SubmissionDiff }) {
  const { t, i18n } = useTranslation("submissions");
  const fieldValue = useFieldValue();
  const lookup = t as unknown as Lookup;
  const n = (value: number) => formatNumber(i18n.language, value);
  const nothing = diff.counts.added + diff.counts.removed + diff.counts.changed === 0;
  return (
    <section aria-labelledby="diff-heading">
      <h2 id="diff-heading">{t("diff.heading", { from: diff.from, to: diff.to })}</h2>
      <p>{t("diff.summary", { changed: n(diff.counts.changed), added: n(diff.counts.added), removed: n(diff.counts.removed), unchanged: n(diff.counts.unchanged) })}</p>
      {nothing ? null : (
        <div className="table-scroll" role="region" aria-labelledby="diff-heading" tabIndex={0}>
          <table className="submission-diff">
            <caption className="visually-hidden">{t("diff.caption", { from: diff.from, to: diff.to })}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t("rows.row")}
                </th>
                <th scope="col">{t("fields.fullName")}</th>
                <th scope="col">{t("diff.change")}</th>
              </tr>
            </thead>
            <tbody>
              {diff.changed.map((row) => (
                <tr key={`c${row.rowNumber}`} className="row--changed">
                  <td className="num">{n(row.rowNumber)}</td>
                  <th scope="row">{row.fullName}</th>
                  <td>
                    <ul className="plain-list">
                      {row.fields.map((f) => (
                        <li key={f.field}>
                          {t("diff.fieldChange", { field: lookup(`fields.${f.field}`, { defaultValue: f.field }) })} <del>{fieldValue(f.field, f.before)}</del> <span aria-hidden="true">→</span>{" "}
                          <span className="visually-hidden">{t("diff.changedTo")}</span> <ins>{fieldValue(f.field, f.after)}</ins>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
              {diff.added.map((row) => (
                <tr key={`a${row.rowNumber}`} className="row--added">
                  <td className="num">{n(row.rowNumber)}</td>
                  <th scope="row">{row.fullName}</th>
                  <td>{t("diff.added")}</td>
                </tr>
              ))}
              {diff.removed.map((row) => (
                <tr key={`r${row.rowNumber}`} className="row--removed">
                  <td className="num">{n(row.rowNumber)}</td>
                  <th scope="row">
                    <del>{row.fullName}</del>
                  </th>
                  <td>{t("diff.removed")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Every step of the list (imported, edited, submitted, returned, approved) and every reviewer comment. */
export function SubmissionHistoryView({ history }: { history: SubmissionHistory }) {
  const { t, i18n } = useTranslation("submissions");
  const locale = i18n.language;
  const lookup = t as unknown as Lookup;
  const when = (iso: string) => (
    <time dateTime={iso} className="nowrap">
      {t("time", { time: formatDateTimeUtc(locale, iso) })}
    </time>
  );
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t("history.heading")}</h2>
      <div className="table-scroll" role="region" aria-labelledby="history-heading" tabIndex={0}>
        <table>
          <caption className="visually-hidden">{t("history.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("history.when")}</th>
              <th scope="col">{t("history.step")}</th>
              <th scope="col" className="num">
                {t("history.revision")}
              </th>
              <th scope="col">{t("history.who")}</th>
              <th scope="col">{t("history.comment")}</th>
            </tr>
          </thead>
          <tbody>
            {history.events.map((event, i) => (
              <tr key={i}>
                <td>{when(event.at)}</td>
                <th scope="row">{t(`history.actions.${event.action}`)}</th>
                <td className="num">{formatNumber(locale, event.revision)}</td>
                <td>{event.actor ?? t("none")}</td>
                <td>{event.comment ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {history.comments.some((c) => c.rowNumber !== null) ? (
        <>
          <h3 id="history-comments">{t("history.commentsHeading")}</h3>
          <div className="table-scroll" role="region" aria-labelledby="history-comments" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("history.commentsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t("history.revision")}
                  </th>
                  <th scope="col" className="num">
                    {t("rows.row")}
                  </th>
                  <th scope="col">{t("rows.field")}</th>
                  <th scope="col">{t("history.comment")}</th>
                  <th scope="col">{t("history.who")}</th>
                  <th scope="col">{t("history.when")}</th>
                </tr>
              </thead>
              <tbody>
                {history.comments
                  .filter((c) => c.rowNumber !== null)
                  .map((c, i) => (
                    <tr key={i}>
                      <td className="num">{formatNumber(locale, c.revision)}</td>
                      <td className="num">{formatNumber(locale, c.rowNumber!)}</td>
                      <td>{c.field ? lookup(`fields.${c.field}`, { defaultValue: c.field }) : t("rows.wholeRow")}</td>
                      <td>{c.comment}</td>
                      <td>{c.author}</td>
                      <td>{when(c.at)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
