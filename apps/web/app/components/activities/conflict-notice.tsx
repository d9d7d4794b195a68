import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ActivityFormValues, StaffActivity } from "../../lib/activities.server";
import { localised } from "../../lib/localised";
import { DateRange } from "../date-range";

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n");
const topicsOf = (text: string) => [...new Set(text.split(/[,\n]/).map((t) => t.trim()).filter(Boolean))];

/**
 * Someone else saved the activity while this user was editing it: what it holds now, field by field
 * where it differs from what the user typed. Their input stays in the form below.
 */
export function ConflictNotice({ current, mine }: { current: StaffActivity; mine: ActivityFormValues }) {
  const { t } = useTranslation("staff");
  const { t: tc, i18n } = useTranslation();
  // Names in the reader's language, as the rest of the page shows them.
  const locale = i18n.language;
  const ref = useRef<HTMLElement>(null);
  // Without a reload the notice would sit above the user's scroll position: bring it into view.
  useEffect(() => {
    ref.current?.focus();
  }, [current.version]);

  const rows: { key: string; label: string; value: ReactNode }[] = [];
  const add = (differs: boolean, key: string, label: string, value: ReactNode) => {
    if (differs) rows.push({ key, label, value });
  };
  const none = t("activities.conflict.none");
  add(current.programmeId !== mine.programmeId, "programme", t("activities.form.programme"), localised(current.programme, "title", locale));
  add(current.title !== mine.title.trim(), "title", t("activities.form.title"), current.title);
  add((current.code ?? "") !== mine.code.trim(), "code", t("activities.form.code"), current.code ?? none);
  add(current.type !== mine.type, "type", t("activities.form.type"), tc(`activityType.${current.type}`));
  add(current.modality !== mine.modality, "modality", t("activities.form.modality"), tc(`modality.${current.modality}`));
  add(current.status !== mine.status, "status", t("activities.form.status"), tc(`activityStatus.${current.status}`));
  add(current.description !== mine.description.trim(), "description", t("activities.form.description"), current.description || none);
  add(current.objectives !== mine.objectives.trim(), "objectives", t("activities.form.objectives"), current.objectives || none);
  add(!same(current.topics, topicsOf(mine.topics)), "topics", t("activities.form.topics"), current.topics.join(", ") || none);
  add(current.country.id !== mine.countryId, "country", t("activities.form.country"), localised(current.country, "name", locale));
  add(current.startDate !== mine.startDate || current.endDate !== mine.endDate, "dates", t("activities.conflict.dates"), <DateRange start={current.startDate} end={current.endDate} />);
  add(String(current.completionSharePercent) !== mine.completionSharePercent.trim(), "share", t("activities.form.completionShare"), `${current.completionSharePercent}%`);
  add(!same(current.regions.map((r) => r.id), mine.regionIds), "regions", t("activities.form.regions"), current.regions.map((r) => localised(r, "name", locale)).join(", ") || none);
  add(!same(current.outputs.map((o) => o.id), mine.outputIds), "outputs", t("activities.form.outputs"), current.outputs.map((o) => o.code).join(", ") || none);
  add(!same(current.donors.map((d) => d.id), mine.donorIds), "donors", t("activities.form.donors"), current.donors.map((d) => localised(d, "name", locale)).join(", ") || none);
  const minePartners = mine.partners.filter((p) => p.organisationId !== "").map((p) => `${p.organisationId}:${p.role}`);
  add(
    !same(current.partners.map((p) => `${p.organisationId}:${p.role}`), minePartners),
    "partners",
    t("activities.form.sections.partners"),
    current.partners.map((p) => t("activities.conflict.partner", { name: localised(p, "name", locale), role: tc(`partnerRole.${p.role}`) })).join("; ") || none,
  );

  return (
    <section className="conflict" role="alert" aria-labelledby="conflict-heading" tabIndex={-1} ref={ref}>
      <h2 id="conflict-heading">{t("activities.conflict.heading")}</h2>
      <p>{t("activities.conflict.body")}</p>
      {rows.length > 0 ? (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t("activities.conflict.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("activities.conflict.field")}</th>
                <th scope="col">{t("activities.conflict.current")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  <td className="prose-cell">{row.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("activities.conflict.sameValues")}</p>
      )}
      <p className="conflict__actions">
        {/* A plain link: a full reload, so that the form starts again from the current version. */}
        <a href="" className="button button--secondary">
          {t("activities.conflict.reload")}
        </a>
      </p>
      <p className="note">{t("activities.conflict.saveAgain")}</p>
    </section>
  );
}
