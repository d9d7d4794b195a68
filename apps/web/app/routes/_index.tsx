import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { apiClient, getPublicSummary, listPublicActivities } from "../api.server";
import { CellValue } from "../components/cell-value";
import { DateRange } from "../components/date-range";
import { Figures } from "../components/figures";
import { TrainedBySexChart, type SexBar } from "../components/trained-by-sex-chart";
import { getFixedT, getLocale } from "../i18n.server";
import { formatNumber, SUPPRESSION_THRESHOLD } from "../lib/format";
import { LocalText } from "../components/local-text";
import { localised, localisedField } from "../lib/localised";

const PAGE_SIZE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  const [locale, t] = await Promise.all([getLocale(request), getFixedT(request)]);
  const api = apiClient({ request, locale });
  const cursor = new URL(request.url).searchParams.get("cursor") ?? undefined;
  const [summary, activities] = await Promise.all([
    getPublicSummary(api, request),
    listPublicActivities(api, { limit: PAGE_SIZE, cursor }, request),
  ]);
  return {
    title: t("app.pageTitle", { page: localised(summary.programme, "title", locale), app: t("app.name") }),
    description: localised(summary.programme, "description", locale),
    summary,
    // The public endpoint lists delivered activities only, newest first.
    activities: activities.items,
    nextCursor: activities.nextCursor,
    isFirstPage: cursor === undefined,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [];
  return [{ title: data.title }, { name: "description", content: data.description.slice(0, 300) }];
};

export default function Home() {
  const { summary, activities, nextCursor, isFirstPage } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const { programme, totals, trainedBySex } = summary;
  const locale = i18n.language;

  const bars: SexBar[] = trainedBySex.map((row) => ({
    key: row.sex,
    label: t(`sex.${row.sex}`),
    value: row.count.suppressed ? 0 : (row.count.value ?? 0),
    display: row.count.suppressed
      ? t("cell.suppressed", { threshold: formatNumber(locale, SUPPRESSION_THRESHOLD) })
      : formatNumber(locale, row.count.value ?? 0),
  }));
  const anyoneTrained = trainedBySex.some((row) => row.count.suppressed || (row.count.value ?? 0) > 0);

  return (
    <>
      <section className="intro" aria-labelledby="programme-title">
        <p className="eyebrow">{t("home.eyebrow")}</p>
        <h1 id="programme-title">
          <LocalText {...localisedField(programme, "title", locale)} />
        </h1>
        <p className="lead">
          <LocalText {...localisedField(programme, "description", locale)} />
        </p>
        <dl className="facts">
          <div>
            <dt>{t("home.status")}</dt>
            <dd>
              <span className={`badge badge--${programme.status.toLowerCase()}`}>
                {t(`programmeStatus.${programme.status}`)}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t("home.period")}</dt>
            <dd>
              <DateRange start={programme.startDate} end={programme.endDate} />
            </dd>
          </div>
          <div>
            <dt>{t("home.fundedBy")}</dt>
            <dd>
              {programme.donors.length > 0 ? (
                <ul className="inline-list">
                  {programme.donors.map((donor) => (
                    <li key={donor.code}>{localised(donor, "name", locale)}</li>
                  ))}
                </ul>
              ) : (
                t("home.noDonors")
              )}
            </dd>
          </div>
          <div>
            <dt>{t("home.iatiIdentifier")}</dt>
            <dd>
              <code>{programme.iatiIdentifier}</code>
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="key-figures">
        <h2 id="key-figures">{t("home.keyFigures")}</h2>
        <Figures
          labelledBy="key-figures"
          figures={[
            {
              id: "activities",
              label: t("home.figures.activitiesDelivered"),
              value: formatNumber(locale, totals.activitiesDelivered),
            },
            { id: "sessions", label: t("home.figures.sessions"), value: formatNumber(locale, totals.sessions) },
            { id: "participants", label: t("home.figures.participants"), value: <CellValue cell={totals.participants} /> },
            { id: "trained", label: t("home.figures.trained"), value: <CellValue cell={totals.trained} /> },
            {
              id: "regions",
              label: t("home.figures.regionsCovered"),
              value: t("home.figures.regionsCoveredValue", {
                covered: totals.regionsCovered,
                total: totals.regionsTotal,
              }),
            },
          ]}
        />
        <p className="note">{t("home.trainedDefinition")}</p>
      </section>

      <section aria-labelledby="trained-by-sex">
        <h2 id="trained-by-sex">{t("home.trainedBySex.heading")}</h2>
        {anyoneTrained ? (
          <div className="split">
            <div className="table-scroll">
              <table>
                <caption className="visually-hidden">{t("home.trainedBySex.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("home.trainedBySex.sex")}</th>
                    <th scope="col" className="num">
                      {t("home.trainedBySex.count")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {trainedBySex.map((row) => (
                    <tr key={row.sex}>
                      <th scope="row">{t(`sex.${row.sex}`)}</th>
                      <td className="num">
                        <CellValue cell={row.count} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <figure className="chart-figure">
              <TrainedBySexChart bars={bars} />
              <figcaption className="visually-hidden">{t("home.trainedBySex.chartLabel")}</figcaption>
            </figure>
          </div>
        ) : (
          <p>{t("home.trainedBySex.empty")}</p>
        )}
      </section>

      <section aria-labelledby="activities">
        <h2 id="activities">{t("home.activities.heading")}</h2>
        {activities.length === 0 ? (
          <p>{t("home.activities.empty")}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="activities" tabIndex={0}>
            <table className="activities-table">
              <caption className="visually-hidden">{t("home.activities.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("home.activities.title")}</th>
                  <th scope="col">{t("home.activities.type")}</th>
                  <th scope="col">{t("home.activities.modality")}</th>
                  <th scope="col">{t("home.activities.dates")}</th>
                  <th scope="col" className="num">
                    {t("home.activities.participants")}
                  </th>
                  <th scope="col" className="num">
                    {t("home.activities.trained")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {activities.map((activity) => (
                  <tr key={activity.id}>
                    <th scope="row">
                      <Link to={`/activities/${encodeURIComponent(activity.id)}`}>{localised(activity, "title", locale)}</Link>
                      <span className="muted block">{localised(activity.country, "name", locale)}</span>
                    </th>
                    <td>{t(`activityType.${activity.type}`)}</td>
                    <td>{t(`modality.${activity.modality}`)}</td>
                    <td className="nowrap">
                      <DateRange start={activity.startDate} end={activity.endDate} />
                    </td>
                    <td className="num">
                      <CellValue cell={activity.participants} />
                    </td>
                    <td className="num">
                      <CellValue cell={activity.trained} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {nextCursor || !isFirstPage ? (
          <nav className="pager" aria-label={t("home.activities.heading")}>
            {!isFirstPage ? <Link to="/#activities">{t("home.activities.firstPage")}</Link> : null}
            {nextCursor ? (
              <Link to={`/?cursor=${encodeURIComponent(nextCursor)}#activities`}>{t("home.activities.nextPage")}</Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}
