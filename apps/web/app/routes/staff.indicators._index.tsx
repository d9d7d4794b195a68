import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getAreaT, getLocale } from "../i18n.server";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { IndicatorValue } from "../components/programme/indicator-value";
import { SelectField } from "../components/programme/fields";
import { requireUser } from "../lib/auth.server";
import { formatPercent, STAFF_ROLES } from "../lib/programme-forms";
import { getIndicator, listIndicators, listProgrammes, pickProgramme } from "../lib/programme.server";
import { DateRange } from "../components/date-range";
import { CsvLink } from "../components/csv-link";
import { localised } from "../lib/localised";

export const handle = { i18n: ["common", "programme", "exports"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const { api } = await requireUser(request, context, STAFF_ROLES);
  const [t, programmes] = await Promise.all([getAreaT(request, "programme"), listProgrammes(api, request)]);
  const programme = pickProgramme(programmes.items, new URL(request.url).searchParams.get("programmeId"));
  const indicators = programme ? (await listIndicators(api, request, programme.id)).items : [];
  // Each indicator's progress per period comes with its detail; a programme has a handful of indicators.
  const details = await Promise.all(indicators.map((indicator) => getIndicator(api, request, indicator.id)));
  const rows = details.map((detail) => {
    const withTarget = detail.periods.filter((p) => p.target !== null);
    const latest = (withTarget.length > 0 ? withTarget : detail.periods).at(-1) ?? null;
    return {
      id: detail.id,
      code: detail.code,
      name: detail.name,
      nameTranslations: detail.nameTranslations,
      originalLanguage: detail.originalLanguage,
      unit: detail.unit,
      measure: detail.measure,
      source: detail.source,
      baseline: detail.baselineValue,
      latest: latest && { periodStart: latest.periodStart, periodEnd: latest.periodEnd, target: latest.target, actual: latest.actual, achievedPercent: latest.achievedPercent },
      lockedValues: detail.values.filter((v) => v.lockedAt !== null && v.supersededById === null).length,
    };
  });
  return {
    title: t("indicators.title"),
    programmes: programmes.items.map((p) => ({ value: p.id, label: localised(p, "title", locale) })),
    programmeId: programme?.id ?? null,
    rows,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function IndicatorsPage() {
  const { programmes, programmeId, rows } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("programme");
  const locale = i18n.language;

  return (
    <>
      <header className="intro">
        <p className="eyebrow">{t("staffEyebrow")}</p>
        <h1>{t("indicators.title")}</h1>
        <p className="lead">{t("indicators.lead")}</p>
      </header>

      {programmes.length > 1 ? (
        <Form method="get" className="filter-form" aria-label={t("programmeFilter")}>
          <SelectField name="programmeId" label={t("programme")} defaultValue={programmeId ?? ""} options={programmes} />
          <button type="submit" className="button button--secondary">
            {t("show")}
          </button>
        </Form>
      ) : programmes[0] ? (
        <p className="muted">{t("programmeIs", { title: programmes[0].label })}</p>
      ) : null}

      <section aria-labelledby="indicators-heading">
        <h2 id="indicators-heading">{t("indicators.heading")}</h2>
        {programmeId ? (
          <p className="page-actions">
            <CsvLink list="indicators" query={{ programmeId }} />
          </p>
        ) : null}
        {!programmeId ? (
          <p className="empty-state">{t("noProgrammes")}</p>
        ) : rows.length === 0 ? (
          <p className="empty-state">{t("indicators.empty")}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="indicators-heading" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("indicators.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("indicators.indicator")}</th>
                  <th scope="col">{t("indicators.source")}</th>
                  <th scope="col" className="num">
                    {t("indicators.baseline")}
                  </th>
                  <th scope="col">{t("indicators.period")}</th>
                  <th scope="col" className="num">
                    {t("indicators.target")}
                  </th>
                  <th scope="col" className="num">
                    {t("indicators.actual")}
                  </th>
                  <th scope="col" className="num">
                    {t("indicators.achieved")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">
                      <Link to={`/staff/indicators/${row.id}`}>
                        <span className="code-label">{row.code}</span> {localised(row, "name", i18n.language)}
                      </Link>
                    </th>
                    <td>
                      <span className={`badge badge--${row.source.toLowerCase()}`}>{t(`indicatorSource.${row.source}`)}</span>
                    </td>
                    <td className="num">
                      <IndicatorValue value={row.baseline} unit={row.unit} />
                    </td>
                    <td className="nowrap">{row.latest ? <DateRange start={row.latest.periodStart} end={row.latest.periodEnd} /> : <span className="muted">{t("indicators.noPeriod")}</span>}</td>
                    <td className="num">
                      <IndicatorValue value={row.latest?.target ?? null} unit={row.unit} />
                    </td>
                    <td className="num">
                      <IndicatorValue value={row.latest?.actual ?? null} unit={row.unit} />
                    </td>
                    <td className="num">
                      {row.latest?.achievedPercent != null ? (
                        <span className={row.latest.achievedPercent >= 100 ? "achieved achieved--met" : "achieved"}>{formatPercent(locale, row.latest.achievedPercent)}</span>
                      ) : (
                        <span className="muted">{t("notApplicable")}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="note">{t("indicators.achievedNote")}</p>
      </section>
    </>
  );
}
