// The printable donor report: one donor's funding of one programme in a period, laid out for A4 and
// printed to PDF by the browser. Aggregates only; counts under 3 people read "<3". A donor reads its
// own reports; staff choose the donor.
import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import type { DonorReport } from "@vep/domain";
import { useTranslation } from "react-i18next";
import { CellValue } from "../components/cell-value";
import { DateRange } from "../components/date-range";
import { Figures } from "../components/figures";
import { formatMoney, formatUsd } from "../components/progress/format";
import { loadingNamespaces } from "../components/progress/namespaces";
import { filterFields } from "../components/progress/filter-fields";
import { PrintButton } from "../components/progress/print-button";
import {
  FundingSection,
  IndicatorsSection,
  QuotesSection,
  SpendingSection,
  TrainedByRegionSection,
  TrainedBySexSection,
} from "../components/progress/sections";
import { getAreaT, getLocale } from "../i18n.server";
import { requireUser } from "../lib/auth.server";
import { formatDate, formatNumber } from "../lib/format";
import { listDonors } from "../lib/programme.server";
import { getDonorReport, parseReportFilters, type ReportFilterErrors, type ReportFilterValues } from "../lib/reports.server";
import reportStyles from "../styles/reports.css?url";
import { localised, localisedField } from "../lib/localised";
import { LocalText } from "../components/local-text";

export const handle = { i18n: ["common", "donor", "reports"] };

export const clientLoader = loadingNamespaces(handle.i18n);

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const { api, user } = await requireUser(request, context, ["DONOR", "STAFF", "ADMIN"]);
  const { values, query, errors } = parseReportFilters(new URL(request.url).searchParams);
  // Staff first choose the donor; a donor reads its own.
  const choosing = user.role !== "DONOR" && !query.donorId;
  const [t, donors, first] = await Promise.all([
    getAreaT(request, "reports"),
    user.role === "DONOR" ? null : listDonors(api, request),
    choosing ? null : getDonorReport(api, query, request),
  ]);
  let report = first;
  if (!report && !choosing && query.programmeId) {
    // A programme the donor does not fund (e.g. after switching donor): say so, show its first one.
    const { programmeId: _unavailable, ...rest } = query;
    report = await getDonorReport(api, rest, request);
    if (report) errors.programmeId = "unavailable";
  }
  const state = choosing ? "choose" : report ? "report" : "notFound";
  return data(
    {
      title: report ? `${t("page.title")}: ${localised(report.donor, "name", locale)}` : t("page.title"),
      state,
      report,
      donors: (donors?.items ?? []).map((d) => ({ id: d.id, name: localised(d.organisation, "name", locale) })),
      values: { ...values, donorId: report?.donor.id ?? values.donorId, programmeId: report?.programme.id ?? values.programmeId },
      errors,
    },
    { status: state === "notFound" ? 404 : 200 },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [];
  const root = matches.find((match) => match.id === "root")?.data as { appName?: string } | undefined;
  return [{ title: root?.appName ? `${data.title} · ${root.appName}` : data.title }];
};

export default function DonorReportPage() {
  const { state, report, donors, values, errors } = useLoaderData<typeof loader>();
  const { t } = useTranslation("reports");
  const navigation = useNavigation();
  const updating = navigation.state === "loading" && navigation.location.pathname === "/reports/donor";
  const filters = (
    <Filters
      key={JSON.stringify(values)}
      values={values}
      errors={errors}
      donors={donors}
      programmes={report?.programmes ?? []}
      updating={updating}
    />
  );

  if (!report) {
    const choose = state === "choose";
    return (
      <article className="report" aria-labelledby="report-title">
        <header className="intro">
          <p className="eyebrow">{t("page.eyebrow")}</p>
          <h1 id="report-title">{choose ? t("choose.heading") : t("notFound.heading")}</h1>
          <p>{choose ? t("choose.body") : t("notFound.body")}</p>
        </header>
        {filters}
      </article>
    );
  }
  return (
    <Report report={report} updating={updating}>
      {filters}
    </Report>
  );
}

function Report({ report, updating, children }: { report: DonorReport; updating: boolean; children: React.ReactNode }) {
  const { t, i18n } = useTranslation("reports");
  const { t: tc } = useTranslation();
  const { t: td } = useTranslation("donor");
  const locale = i18n.language;
  const { donor, programme, period, reach } = report;
  const donorName = localised(donor, "name", locale);
  const asOf = formatDate(locale, report.generatedAt);
  const periodText = period.from && period.to
    ? tc("date.range", { start: formatDate(locale, period.from), end: formatDate(locale, period.to) })
    : period.from
      ? t("page.from", { date: formatDate(locale, period.from) })
      : period.to
        ? t("page.until", { date: formatDate(locale, period.to) })
        : t("page.allDates");
  const own = report.funding.byDonor.find((row) => row.donor.code === donor.code);

  return (
    <article className="report progress" aria-labelledby="report-title" aria-busy={updating || undefined}>
      {/* In print, the table's footer repeats on every page and keeps room for the fixed footer line. */}
      <table className="report-frame" role="presentation">
        <tfoot aria-hidden="true">
          <tr>
            <td>
              <div className="report-frame__space" />
            </td>
          </tr>
        </tfoot>
        <tbody>
          <tr>
            <td>
              <header className="intro progress-intro report-intro">
                <div className="progress-intro__top">
                  <p className="eyebrow">{t("page.eyebrow")}</p>
                  <div className="report-actions">
                    <PrintButton label={t("page.print")} />
                    <a href={`/iati/${programme.id}.xml`} className="button button--secondary" download>
                      {t("page.iati")}
                    </a>
                  </div>
                </div>
                <h1 id="report-title">{t("page.heading", { donor: donorName })}</h1>
                <p className="lead">{t("page.lead")}</p>
                <dl className="facts">
                  <div>
                    <dt>{t("page.programme")}</dt>
                    <dd>{localised(programme, "title", i18n.language)}</dd>
                  </div>
                  <div>
                    <dt>{t("page.iatiIdentifier")}</dt>
                    <dd>
                      <code>{programme.iatiIdentifier}</code>
                    </dd>
                  </div>
                  <div>
                    <dt>{t("page.programmePeriod")}</dt>
                    <dd>
                      <DateRange start={programme.startDate} end={programme.endDate} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t("page.reportingPeriod")}</dt>
                    <dd>{periodText}</dd>
                  </div>
                  <div>
                    <dt>{t("page.asOf")}</dt>
                    <dd>
                      <time dateTime={report.generatedAt}>{asOf}</time>
                    </dd>
                  </div>
                </dl>
              </header>

              {children}

              <section className="progress-section progress-section--figures" aria-labelledby="key-figures">
                <h2 id="key-figures">{t("figures.heading")}</h2>
                <Figures
                  labelledBy="key-figures"
                  figures={[
                    { id: "pledged", label: t("figures.pledged", { donor: donor.code }), value: own?.pledgedUsdMinor == null ? td("funding.noRate") : formatUsd(locale, own.pledgedUsdMinor) },
                    { id: "received", label: t("figures.received", { donor: donor.code }), value: own?.receivedUsdMinor == null ? td("funding.noRate") : formatUsd(locale, own.receivedUsdMinor) },
                    { id: "activities", label: t("figures.activitiesDelivered"), value: formatNumber(locale, report.activities.length) },
                    { id: "participants", label: t("figures.participants"), value: <CellValue cell={reach.participants} /> },
                    { id: "trained", label: t("figures.trained"), value: <CellValue cell={reach.trained} /> },
                  ]}
                />
              </section>

              <ContributionsSection report={report} />
              <FundingSection funding={report.funding} />
              <SpendingSection spending={report.spending} />
              <ActivitiesSection activities={report.activities} />
              <TrainedBySexSection reach={reach} />
              <TrainedByRegionSection reach={reach} />
              <IndicatorsSection indicators={report.indicators} rule={report.progressRule} />
              <QuotesSection quotes={report.quotes} />
            </td>
          </tr>
        </tbody>
      </table>
      <p className="report-print-footer" aria-hidden="true">
        {t("page.footer", { donor: donorName, programme: programme.iatiIdentifier, period: periodText, date: asOf })}
      </p>
    </article>
  );
}

function ContributionsSection({ report }: { report: DonorReport }) {
  const { t, i18n } = useTranslation("reports");
  const locale = i18n.language;
  const donorName = localised(report.donor, "name", locale);
  const heading = t("contributions.heading", { donor: donorName });
  return (
    <section className="progress-section report-section" aria-labelledby="contributions">
      <h2 id="contributions">{heading}</h2>
      {report.contributions.length === 0 ? (
        <p className="progress-empty">{t("contributions.empty")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="contributions" tabIndex={0}>
          <table className="report-long-table">
            <caption className="visually-hidden">{t("contributions.caption", { donor: donorName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("contributions.pledgedOn")}</th>
                <th scope="col" className="num">{t("contributions.amount")}</th>
                <th scope="col">{t("contributions.earmarking")}</th>
                <th scope="col">{t("contributions.reference")}</th>
                <th scope="col">{t("contributions.payments")}</th>
              </tr>
            </thead>
            <tbody>
              {report.contributions.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <time dateTime={c.pledgedOn}>{formatDate(locale, c.pledgedOn)}</time>
                  </th>
                  <td className="num">{formatMoney(locale, c.amountMinor, c.currency)}</td>
                  <td>{t(`contributions.earmarkingValue.${c.earmarking}`)}</td>
                  <td>{c.reference ? <code>{c.reference}</code> : t("contributions.noReference")}</td>
                  <td>
                    {c.payments.length === 0 ? (
                      <span className="muted">{t("contributions.noPayments")}</span>
                    ) : (
                      <ul className="progress-amounts">
                        {c.payments.map((p, index) => (
                          <li key={index}>{t("contributions.payment", { amount: formatMoney(locale, p.amountMinor, p.currency), date: formatDate(locale, p.receivedOn) })}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ActivitiesSection({ activities }: { activities: DonorReport["activities"] }) {
  const { t } = useTranslation("reports");
  const { t: tc, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <section className="progress-section report-section" aria-labelledby="report-activities">
      <h2 id="report-activities">{t("activities.heading")}</h2>
      {activities.length === 0 ? (
        <p className="progress-empty">{t("activities.empty")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="report-activities" tabIndex={0}>
          <table className="report-long-table">
            <caption className="visually-hidden">{t("activities.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("activities.title")}</th>
                <th scope="col">{t("activities.type")}</th>
                <th scope="col">{t("activities.modality")}</th>
                <th scope="col">{t("activities.dates")}</th>
                <th scope="col" className="num">{t("activities.sessions")}</th>
                <th scope="col" className="num">{t("activities.participants")}</th>
                <th scope="col" className="num">{t("activities.trained")}</th>
              </tr>
            </thead>
            <tbody>
              {activities.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <LocalText {...localisedField(a, "title", locale)} />
                  </th>
                  <td>{tc(`activityType.${a.type}`)}</td>
                  <td>{tc(`modality.${a.modality}`)}</td>
                  <td className="nowrap">
                    <DateRange start={a.startDate} end={a.endDate} />
                  </td>
                  <td className="num">{formatNumber(locale, a.sessions)}</td>
                  <td className="num"><CellValue cell={a.participants} /></td>
                  <td className="num"><CellValue cell={a.trained} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The GET filter form: works as a plain form without JavaScript; staff also choose the donor. */
function Filters({
  values,
  errors,
  donors,
  programmes,
  updating,
}: {
  values: ReportFilterValues;
  errors: ReportFilterErrors;
  donors: { id: string; name: string }[];
  programmes: { id: string; title: string }[];
  updating: boolean;
}) {
  const { t, i18n } = useTranslation("reports");
  const message = (field: keyof ReportFilterValues): string | null => {
    const error = errors[field];
    if (!error) return null;
    if (field === "programmeId" && error === "unavailable") return t("filters.errors.programmeUnavailable");
    if (field === "to" && error === "order") return t("filters.errors.toOrder");
    return t(`filters.errors.${field}`);
  };
  const { field, errorText } = filterFields<keyof ReportFilterValues>(message);

  return (
    <section className="progress-filters" aria-labelledby="filters-heading">
      <h2 id="filters-heading" className="visually-hidden">
        {t("filters.heading")}
      </h2>
      <Form method="get" className="progress-filters__form">
        {donors.length > 0 ? (
          <div className="field">
            <label htmlFor="filter-donorId">{t("filters.donor")}</label>
            <select {...field("donorId")} defaultValue={values.donorId}>
              <option value="">{t("filters.chooseDonor")}</option>
              {donors.map((donor) => (
                <option key={donor.id} value={donor.id}>
                  {donor.name}
                </option>
              ))}
            </select>
            {errorText("donorId")}
          </div>
        ) : null}
        {programmes.length > 0 ? (
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
        ) : null}
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
        <div className="progress-filters__actions">
          <button type="submit" className="button" disabled={updating}>
            {updating ? t("filters.applying") : t("filters.apply")}
          </button>
        </div>
      </Form>
      <p className="note">{t("filters.hint")}</p>
    </section>
  );
}
