import { Link } from "@remix-run/react";
import type { Role } from "@vep/domain";
import { useTranslation } from "react-i18next";
import { formatDate, formatNumber } from "../lib/format";
import { submissionPath } from "../lib/submissions";
import type { SubmissionRow } from "../lib/submissions.server";
import { localised } from "../lib/localised";

/**
 * Submissions with their status; `showOrganisation` for staff, who see every partner's. A participant
 * list links to its page for the reader's role.
 */
export function SubmissionsTable({ submissions, showOrganisation = false, caption, readerRole }: { submissions: SubmissionRow[]; showOrganisation?: boolean; caption: string; readerRole: Role }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("submissions.activity")}</th>
            {showOrganisation ? <th scope="col">{t("submissions.organisation")}</th> : null}
            <th scope="col">{t("submissions.kind")}</th>
            <th scope="col">{t("submissions.status")}</th>
            <th scope="col" className="num">
              {t("submissions.rows")}
            </th>
            <th scope="col">{t("submissions.submittedAt")}</th>
            <th scope="col">{t("submissions.reviewerComment")}</th>
          </tr>
        </thead>
        <tbody>
          {submissions.map((s) => (
            <tr key={s.id}>
              <td>{localised(s.activity, "title", locale)}</td>
              {showOrganisation ? <td>{localised(s.organisation, "name", locale)}</td> : null}
              <td>{s.kind === "PARTICIPANT_LIST" ? <Link to={submissionPath(readerRole, s.id)}>{t(`submissions.kinds.${s.kind}`)}</Link> : t(`submissions.kinds.${s.kind}`)}</td>
              <td>
                <span className={`badge badge--${s.status.toLowerCase()}`}>{t(`submissions.statuses.${s.status}`)}</span>
              </td>
              <td className="num">{formatNumber(locale, s.rows)}</td>
              <td className="nowrap">{s.submittedAt ? formatDate(locale, s.submittedAt) : t("submissions.notSubmitted")}</td>
              <td>{s.reviewerComment ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
