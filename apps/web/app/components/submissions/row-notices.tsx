import { useTranslation } from "react-i18next";
import { formatNumber } from "../../lib/format";
import type { RowNotice } from "../../lib/submissions";

/** Problems or warnings by sheet row and field, as the spreadsheet numbers its rows. */
export function RowNoticesTable({ notices, caption, labelledBy }: { notices: RowNotice[]; caption: string; labelledBy: string }) {
  const { t, i18n } = useTranslation("submissions");
  const fieldLabel = t as unknown as (key: string, options: { defaultValue: string }) => string;
  return (
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      <table className="row-notices">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t("rows.row")}
            </th>
            <th scope="col">{t("rows.field")}</th>
            <th scope="col">{t("rows.message")}</th>
          </tr>
        </thead>
        <tbody>
          {notices.map((notice, i) => (
            <tr key={`${notice.row}:${notice.field ?? ""}:${i}`}>
              <td className="num">{notice.row === 0 ? t("rows.wholeFile") : formatNumber(i18n.language, notice.row)}</td>
              <td>{notice.field ? fieldLabel(`fields.${notice.field}`, { defaultValue: notice.field }) : t("rows.wholeRow")}</td>
              <td>{notice.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
