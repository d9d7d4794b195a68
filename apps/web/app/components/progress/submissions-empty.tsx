import { useTranslation } from "react-i18next";

/** Where a partner's submissions will be listed: the workflow is not built yet, so it says so. */
export function SubmissionsEmpty() {
  const { t } = useTranslation("partner");
  return (
    <div className="empty-state">
      <p className="strong">{t("submissions.emptyTitle")}</p>
      <p>{t("submissions.empty")}</p>
    </div>
  );
}
