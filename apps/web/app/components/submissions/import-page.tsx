// The frame of an import page (a participant list or paper feedback), the same for a partner and for staff importing on a partner's behalf:
// the way back to the activity, the heading and what the page is for; the form goes inside.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { SheetKind } from "../../lib/submissions";

export function ImportPage({ activity, activityPath, sheet, lead, children }: { activity: { title: string }; activityPath: string; sheet: SheetKind; lead: string; children: ReactNode }) {
  const { t } = useTranslation("submissions");
  return (
    <article aria-labelledby="import-title">
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <Link to={activityPath}>{activity.title}</Link>
      </nav>
      <header className="intro">
        <p className="eyebrow">{activity.title}</p>
        <h1 id="import-title">{t(sheet === "feedback" ? "import.feedbackHeading" : "import.heading")}</h1>
        <p className="lead">{lead}</p>
      </header>
      {children}
    </article>
  );
}
