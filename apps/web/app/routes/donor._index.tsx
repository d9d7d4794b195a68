// The donor progress dashboard: one programme's money, activities, reach, indicators and feedback,
// for its funders (and programme staff). Aggregates only; counts under 3 people read "<3".
import { getAreaT, getLocale } from "../i18n.server";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CellValue } from "../components/cell-value";
import { csvHref } from "../components/csv-link";
import { DateRange } from "../components/date-range";
import { Figures } from "../components/figures";
import { formatUsd } from "../components/progress/format";
import { filterFields } from "../components/progress/filter-fields";
import { PrintButton } from "../components/progress/print-button";
import {
  ActivitiesSection,
  FundingSection,
  IndicatorsSection,
  QuotesSection,
  SatisfactionSection,
  SpendingSection,
  TrainedByRegionSection,
  TrainedBySexSection,
} from "../components/progress/sections";
import { requireUser } from "../lib/auth.server";
import { formatDate, formatNumber } from "../lib/format";
import { getDonorProgress, getProgrammeCountries, parseProgressFilters, type ProgressFilterErrors } from "../lib/progress.server";
import { loadingNamespaces } from "../components/progress/namespaces";
import { localised } from "../lib/localised";

/** The dashboard's tables a donor can download, aggregates only. */
const PROGRESS_LISTS = ["progress-funding", "progress-reach-by-sex", "progress-reach-by-region", "progress-indicators"] as const;

export const handle = { i18n: ["common", "donor", "reports", "exports"] };

export const clientLoader = loadingNamespaces(handle.i18n);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const { api } = await requireUser(request, context, ["DONOR", "STAFF", "ADMIN"]);
  const { values, query, errors } = parseProgressFilters(new URL(request.url).searchParams);
  let progress = await getDonorProgress(api, query, request);
  if (!progress && query.programmeId) {
    // Not one of the caller's programmes (or gone): say so beside the field, show the first one.
    errors.programmeId = "unavailable";
    const { programmeId: _unavailable, countryId: _country, ...rest } = query;
    progress = await getDonorProgress(api, rest, request);
  }
  const [t, countries] = await Promise.all([
    getAreaT(request, "donor"),
    progress ? getProgrammeCountries(api, progress.programme.id, request) : Promise.resolve([]),
  ]);
  return {
    title: t("page.title"),
    programmeTitle: progress ? localised(progress.programme, "title", locale) : null,
    progress,
    countries: countries.map((c) => ({ id: c.id, name: localised(c, "name", locale) })),
    values: { ...values, programmeId: progress?.programme.id ?? values.programmeId },
    errors,
    /** The day the figures were read, printed on the report. */
    asOf: new Date().toISOString().slice(0, 10),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [];
  const root = matches.find((match) => match.id === "root")?.data as { appName?: string } | undefined;
  const page = data.programmeTitle ? `${data.title}: ${data.programmeTitle}` : data.title;
  return [{ title: root?.appName ? `${page} · ${root.appName}` : page }];
};

export default function DonorProgressPage() {
  const { progress, countries, values, errors, asOf } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("donor");
  const { t: tr } = useTranslation("reports");
  const { t: te } = useTranslation("exports");
  const locale = i18n.language;
  const navigation = useNavigation();
  const updating = navigation.state === "loading" && navigation.location.pathname === "/donor";

  if (!progress) {
    return (
      <section className="intro" aria-labelledby="progress-title">
        <p className="eyebrow">{t("page.eyebrow")}</p>
        <h1 id="progress-title">{t("empty.heading")}</h1>
        <p>{t("empty.body")}</p>
      </section>
    );
  }

  const { programme, period, funding, reach } = progress;
  const country = countries.find((c) => c.id === values.countryId);
  const reportQuery = new URLSearchParams({ programmeId: programme.id, ...(period.from ? { from: period.from } : {}), ...(period.to ? { to: period.to } : {}) });

  return (
    <article className="progress" aria-labelledby="progress-title" aria-busy={updating || undefined}>
      <header className="intro progress-intro">
        <div className="progress-intro__top">
          <p className="eyebrow">{t("page.eyebrow")}</p>
          <PrintButton label={t("page.print")} />
        </div>
        <h1 id="progress-title">{localised(programme, "title", locale)}</h1>
        <p className="lead">{t("page.lead")}</p>
        <dl className="facts">
          <div>
            <dt>{t("page.reportingPeriod")}</dt>
            <dd>
              {period.from && period.to ? (
                <DateRange start={period.from} end={period.to} />
              ) : period.from ? (
                t("page.from", { date: formatDate(locale, period.from) })
              ) : period.to ? (
                t("page.until", { date: formatDate(locale, period.to) })
              ) : (
                t("page.allDates")
              )}
            </dd>
          </div>
          <div>
            <dt>{t("page.country")}</dt>
            <dd>{country ? country.name : t("page.allCountries")}</dd>
          </div>
          <div>
            <dt>{t("page.programmePeriod")}</dt>
            <dd>
              <DateRange start={programme.startDate} end={programme.endDate} />
            </dd>
          </div>
          <div>
            <dt>{t("page.iatiIdentifier")}</dt>
            <dd>
              <code>{programme.iatiIdentifier}</code>
            </dd>
          </div>
        </dl>
        <p className="note progress-as-of">{t("page.generated", { date: formatDate(locale, asOf) })}</p>
        <p className="progress-print">
          <Link to={`/reports/donor?${reportQuery}`}>{tr("links.fromDashboard")}</Link>
        </p>
        <p className="progress-print csv-links">
          {te("download")}:{" "}
          {PROGRESS_LISTS.map((list, i) => (
            <span key={list}>
              {i > 0 ? " · " : null}
              <a href={csvHref(list, Object.fromEntries(reportQuery))} download>
                {te(`lists.${list}`)}
              </a>
            </span>
          ))}
        </p>
      </header>

      <Filters
        key={JSON.stringify(values)}
        values={values}
        errors={errors}
        programmes={progress.programmes}
        countries={countries}
        updating={updating}
      />

      <section className="progress-section progress-section--figures" aria-labelledby="key-figures">
        <h2 id="key-figures">{t("figures.heading")}</h2>
        <Figures
          labelledBy="key-figures"
          figures={[
            { id: "activities", label: t("figures.activitiesDelivered"), value: formatNumber(locale, progress.activities.delivered) },
            { id: "participants", label: t("figures.participants"), value: <CellValue cell={reach.participants} /> },
            { id: "trained", label: t("figures.trained"), value: <CellValue cell={reach.trained} /> },
            {
              id: "regions",
              label: t("figures.regionsCovered"),
              value: t("figures.regionsCoveredValue", { covered: reach.regionsCovered, total: reach.regionsTotal }),
            },
            {
              id: "pledged",
              label: t("figures.pledged"),
              value: funding.pledgedUsdMinor === null ? t("funding.noRate") : formatUsd(locale, funding.pledgedUsdMinor),
            },
            {
              id: "received",
              label: t("figures.received"),
              value: funding.receivedUsdMinor === null ? t("funding.noRate") : formatUsd(locale, funding.receivedUsdMinor),
            },
          ]}
        />
      </section>

      <FundingSection funding={funding} />
      <SpendingSection spending={progress.spending} />
      <ActivitiesSection activities={progress.activities} />
      <TrainedBySexSection reach={reach} />
      <TrainedByRegionSection reach={reach} />
      <IndicatorsSection indicators={progress.indicators} rule={progress.progressRule} />
      <SatisfactionSection satisfaction={progress.satisfaction} />
      <QuotesSection quotes={progress.quotes} />
    </article>
  );
}

type FilterValues = { programmeId: string; from: string; to: string; countryId: string };

/** The GET filter form: works as a plain form without JavaScript. */
function Filters({
  values,
  errors,
  programmes,
  countries,
  updating,
}: {
  values: FilterValues;
  errors: ProgressFilterErrors;
  programmes: { id: string; title: string }[];
  countries: { id: string; name: string }[];
  updating: boolean;
}) {
  const { t, i18n } = useTranslation("donor");
  const message = (field: keyof FilterValues): string | null => {
    const error = errors[field];
    if (!error) return null;
    if (field === "programmeId") return error === "unavailable" ? t("filters.errors.programmeUnavailable") : t("filters.errors.programmeId");
    if (field === "to" && error === "order") return t("filters.errors.toOrder");
    return t(`filters.errors.${field}`);
  };
  const { field, errorText } = filterFields<keyof FilterValues>(message);

  return (
    <section className="progress-filters" aria-labelledby="filters-heading">
      <h2 id="filters-heading" className="visually-hidden">
        {t("filters.heading")}
      </h2>
      <Form method="get" className="progress-filters__form">
        <div className="field progress-filters__programme">
          <label htmlFor="filter-programmeId">{t("filters.programme")}</label>
          <select {...field("programmeId")} defaultValue={values.programmeId}>
            {programmes.map((programme) => (
              <option key={programme.id} value={programme.id}>
                {localised(programme, "title", i18n.language)}
              </option>
            ))}
          </select>
          {errorText("programmeId")}
        </div>
        <div className="field">
          <label htmlFor="filter-from">{t("filters.from")}</label>
          <input {...field("from")} type="date" defaultValue={values.from} />
          {errorText("from")}
        </div>
        <div className="field">
          <label htmlFor="filter-to">{t("filters.to")}</label>
          <input {...field("to")} type="date" defaultValue={values.to} />
          {errorText("to")}
        </div>
        <div className="field">
          <label htmlFor="filter-countryId">{t("filters.country")}</label>
          <select {...field("countryId")} defaultValue={values.countryId}>
            <option value="">{t("filters.allCountries")}</option>
            {countries.map((country) => (
              <option key={country.id} value={country.id}>
                {country.name}
              </option>
            ))}
          </select>
          {errorText("countryId")}
        </div>
        <div className="progress-filters__actions">
          <button type="submit" className="button" disabled={updating}>
            {updating ? t("filters.applying") : t("filters.apply")}
          </button>
          <Link to="/donor" className="button button--secondary">
            {t("filters.reset")}
          </Link>
        </div>
      </Form>
      <p className="note">{t("filters.hint")}</p>
    </section>
  );
}
