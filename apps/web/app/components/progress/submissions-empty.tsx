import { useTranslation } from "react-i18next";

/** What a partner sees before its organisation has sent any submission: where to start. */
export function SubmissionsEmpty() {
  const { t } = useTranslation("partner");
  return (
    <div className="empty-state">
      <p className="strong">{t("submissions.emptyTitle")}</p>
      <p>{t("submissions.empty")}</p>
    </div>
  );
}
