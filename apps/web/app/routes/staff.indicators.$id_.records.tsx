// The records behind one computed figure, for staff: the people, activities or feedback answers the
// figure looked at, which of them it counted, and why (sessions attended, answers given).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localised, localisedField, localisedText } from "../lib/localised";
import { LocalText } from "../components/local-text";
import { notFound } from "../api.server";
import { DateRange, DateText } from "../components/date-range";
import { IndicatorDefinitionNote } from "../components/programme/indicator-definition";
import { useDimensionsText } from "../components/programme/indicator-value";
import { getAreaT } from "../i18n.server";
import { requireUser } from "../lib/auth.server";
import { STAFF_ROLES } from "../lib/programme-forms";
import { getComputedRecords, getIndicator } from "../lib/programme.server";

export const handle = { i18n: ["common", "programme"] };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireUser(request, context, STAFF_ROLES);
  const id = params.id;
  if (!id) notFound();
  const search = new URL(request.url).searchParams;
  const periodStart = search.get("periodStart") ?? "";
  const periodEnd = search.get("periodEnd") ?? "";
  if (!DAY.test(periodStart) || !DAY.test(periodEnd)) notFound();
  const counted = search.get("counted");
  const offset = Math.max(0, Number.parseInt(search.get("offset") ?? "0", 10) || 0);
  const query = {
    periodStart,
    periodEnd,
    dimensionKey: search.get("dimensionKey") ?? "",
    ...(counted === "true" || counted === "false" ? { counted: counted as "true" | "false" } : {}),
    offset: String(offset),
  };
  const [t, indicator, records] = await Promise.all([getAreaT(request, "programme"), getIndicator(api, request, id), getComputedRecords(api, request, id, query)]);
  const cell = indicator.periods.find((p) => p.periodStart === periodStart && p.periodEnd === periodEnd);
  const dimensions = cell?.breakdown.find((b) => b.dimensionKey === records.dimensionKey)?.dimensions ?? {};
  return { title: t("records.title", { code: indicator.code }), indicator, records, query, dimensions, offset };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

const PAGE = 200;

export default function ComputedRecordsPage() {
  const { indicator, records, query, dimensions, offset } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("programme");
  const dimensionsText = useDimensionsText();
  const filterLink = (counted: string | null) => {
    const next = new URLSearchParams({ periodStart: query.periodStart, periodEnd: query.periodEnd, dimensionKey: query.dimensionKey });
    if (counted) next.set("counted", counted);
    return `?${next}`;
  };
  const pageLink = (to: number) => {
    const next = new URLSearchParams({ ...query, offset: String(to) });
    return `?${next}`;
  };
  const shown = query.counted === "true" ? records.counted : query.counted === "false" ? records.total - records.counted : records.total;
  const kind = records.items[0]?.kind ?? (indicator.metric === "ACTIVITIES_DELIVERED" ? "activity" : indicator.metric?.endsWith("_SHARE") ? "response" : "participant");

  return (
    <>
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <Link to={`/staff/indicators/${indicator.id}`}>{t("records.back", { code: indicator.code })}</Link>
      </nav>
      <header className="intro">
        <p className="eyebrow">{t("indicator.eyebrow", { code: indicator.code })}</p>
        <h1>{t("records.heading", { name: localised(indicator, "name", i18n.language) })}</h1>
        <dl className="facts">
          <div>
            <dt>{t("indicators.period")}</dt>
            <dd>
              <DateRange start={query.periodStart} end={query.periodEnd} />
            </dd>
          </div>
          <div>
            <dt>{t("indicator.cell")}</dt>
            <dd>{dimensionsText(dimensions)}</dd>
          </div>
          <div>
            <dt>{t("records.countedOf")}</dt>
            <dd>{t("records.countedOfValue", { counted: records.counted, total: records.total })}</dd>
          </div>
        </dl>
        <IndicatorDefinitionNote metric={records.metric} definition={records.definition} definitionText={records.definitionText} />
      </header>

      <nav aria-label={t("records.filter")} className="record-filter">
        <Link to={filterLink(null)} aria-current={query.counted === undefined ? "page" : undefined}>
          {t("records.all")}
        </Link>
        <Link to={filterLink("true")} aria-current={query.counted === "true" ? "page" : undefined}>
          {t("records.countedOnly")}
        </Link>
        <Link to={filterLink("false")} aria-current={query.counted === "false" ? "page" : undefined}>
          {t("records.notCounted")}
        </Link>
      </nav>

      <section aria-labelledby="records-heading">
        <h2 id="records-heading">{t("records.listHeading", { count: shown })}</h2>
        {records.items.length === 0 ? (
          <p className="empty-state">{t("records.empty")}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="records-heading" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("records.caption")}</caption>
              <thead>
                <tr>
                  {kind === "participant" ? (
                    <>
                      <th scope="col">{t("records.person")}</th>
                      <th scope="col">{t("records.sexRegion")}</th>
                      <th scope="col">{t("records.organisation")}</th>
                    </>
                  ) : null}
                  <th scope="col">{t("records.activity")}</th>
                  {kind === "participant" ? (
                    <th scope="col" className="num">
                      {t("records.sessions")}
                    </th>
                  ) : null}
                  {kind === "response" ? <th scope="col">{t("records.answers")}</th> : null}
                  <th scope="col">{t("records.counts")}</th>
                </tr>
              </thead>
              <tbody>
                {records.items.map((record) => (
                  <tr key={`${record.activity.id}/${record.id}`}>
                    {kind === "participant" ? (
                      <>
                        <th scope="row">{record.person?.fullName ?? record.id}</th>
                        <td>
                          {record.person ? t(`personSex.${record.person.sex as "FEMALE"}`) : null}
                          {record.person?.region ? (
                            <span className="block muted small">
                              <LocalText {...localisedText(record.person.region, record.person.regionTranslations, i18n.language)} />
                            </span>
                          ) : null}
                        </td>
                        <td>
                          {record.person?.organisation ? (
                            <LocalText {...localisedText(record.person.organisation, record.person.organisationTranslations, i18n.language)} />
                          ) : (
                            <span className="muted">{t("none")}</span>
                          )}
                        </td>
                      </>
                    ) : null}
                    <td>
                      <Link to={`/staff/activities/${record.activity.id}`}>
                        <LocalText {...localisedField(record.activity, "title", i18n.language)} />
                      </Link>
                      <span className="block muted small">
                        <DateText iso={record.activity.startDate} />
                      </span>
                    </td>
                    {kind === "participant" ? (
                      <td className="num">{t("records.sessionsValue", { attended: record.sessionsAttended ?? 0, held: record.sessionsHeld ?? 0 })}</td>
                    ) : null}
                    {kind === "response" ? (
                      <td>
                        {Object.entries(record.answers ?? {})
                          .filter(([, v]) => v !== null)
                          .map(([question, v]) => t(`records.answer.${question as "relevance"}`, { value: v }))
                          .join(" · ")}
                      </td>
                    ) : null}
                    <td>{record.counted ? <span className="badge badge--open">{t("records.yes")}</span> : <span className="badge badge--superseded">{t("records.no")}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {shown > PAGE ? (
          <nav aria-label={t("records.pages")} className="pager">
            {offset > 0 ? <Link to={pageLink(Math.max(0, offset - PAGE))}>{t("records.previous")}</Link> : null}
            {offset + PAGE < shown ? <Link to={pageLink(offset + PAGE)}>{t("records.next")}</Link> : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}
