// The sections of the donor progress dashboard. Each shows its figures in a table (the accessible,
// printable and no-JavaScript form) and, beside it, a chart drawn in the browser.
import type { DonorProgress, ProgressRule } from "@vep/domain";
import { useTranslation } from "react-i18next";
import { ComputedMark, ProgressRuleNote, StatusBadge } from "./status-badge";
import { CellValue } from "../cell-value";
import { DateRange } from "../date-range";
import { formatNumber, SUPPRESSION_THRESHOLD, type Cell } from "../../lib/format";
import { CHART_COLOURS, ChartFigure, Columns, HorizontalBars, type LabelledBar } from "./charts";
import { fillMonths, formatCompactUsd, formatMoney, formatMonth, formatPercent, formatUsd, shareOf } from "./format";
import { ProgressMeter } from "./progress-meter";
import { localised, localisedText } from "../../lib/localised";

type Money = DonorProgress["funding"]["byDonor"][number]["pledged"][number];

/** A section of the dashboard; in print each starts on a new page. */
function Section({ id, heading, children }: { id: string; heading: string; children: React.ReactNode }) {
  return (
    <section className="progress-section" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {children}
    </section>
  );
}

/** Bars of people counts: suppressed cells get no bar and read "<3". */
function useCellBars() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const threshold = formatNumber(locale, SUPPRESSION_THRESHOLD);
  return (rows: { key: string; label: string; cell: Cell }[]): LabelledBar[] =>
    rows.map(({ key, label, cell }) => ({
      key,
      label,
      value: cell.suppressed ? 0 : (cell.value ?? 0),
      display: cell.suppressed ? t("cell.suppressed", { threshold }) : formatNumber(locale, cell.value ?? 0),
    }));
}

function Usd({ value }: { value: number | null }) {
  const { t, i18n } = useTranslation("donor");
  return value === null ? <span className="muted">{t("funding.noRate")}</span> : <>{formatUsd(i18n.language, value)}</>;
}

function Share({ value }: { value: number | null }) {
  const { t, i18n } = useTranslation("donor");
  return value === null ? <span className="muted">{t("funding.nothing")}</span> : <>{formatPercent(i18n.language, value)}</>;
}

/** Amounts in their original currencies, one line each. */
function Amounts({ amounts }: { amounts: Money[] }) {
  const { t, i18n } = useTranslation("donor");
  if (amounts.length === 0) return <span className="muted">{t("funding.nothing")}</span>;
  return (
    <ul className="progress-amounts">
      {amounts.map((amount) => (
        <li key={amount.currency}>{formatMoney(i18n.language, amount.amountMinor, amount.currency)}</li>
      ))}
    </ul>
  );
}

// ───────────────────────────── money ─────────────────────────────

export function FundingSection({ funding }: { funding: DonorProgress["funding"] }) {
  const { t, i18n } = useTranslation("donor");
  const locale = i18n.language;
  const missingRate = funding.pledgedUsdMinor === null || funding.receivedUsdMinor === null;
  const data = funding.byDonor.map((row) => ({
    label: row.donor.code,
    pledged: row.pledgedUsdMinor === null ? null : row.pledgedUsdMinor / 100,
    received: row.receivedUsdMinor === null ? null : row.receivedUsdMinor / 100,
  }));
  return (
    <Section id="funding" heading={t("funding.heading")}>
      <p>{t("funding.intro")}</p>
      {funding.byDonor.length === 0 ? (
        <p className="progress-empty">{t("funding.empty")}</p>
      ) : (
        <>
          <div className="table-scroll" role="region" aria-labelledby="funding" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("funding.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("funding.donor")}</th>
                  <th scope="col" className="num">{t("funding.pledged")}</th>
                  <th scope="col" className="num">{t("funding.pledgedUsd")}</th>
                  <th scope="col" className="num">{t("funding.received")}</th>
                  <th scope="col" className="num">{t("funding.receivedUsd")}</th>
                  <th scope="col" className="num">{t("funding.shareReceived")}</th>
                </tr>
              </thead>
              <tbody>
                {funding.byDonor.map((row) => (
                  <tr key={row.donor.code}>
                    <th scope="row">{localised(row.donor, "name", locale)}</th>
                    <td className="num"><Amounts amounts={row.pledged} /></td>
                    <td className="num"><Usd value={row.pledgedUsdMinor} /></td>
                    <td className="num"><Amounts amounts={row.received} /></td>
                    <td className="num"><Usd value={row.receivedUsdMinor} /></td>
                    <td className="num"><Share value={shareOf(row.receivedUsdMinor, row.pledgedUsdMinor)} /></td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t("funding.total")}</th>
                  <td />
                  <td className="num"><Usd value={funding.pledgedUsdMinor} /></td>
                  <td />
                  <td className="num"><Usd value={funding.receivedUsdMinor} /></td>
                  <td className="num"><Share value={shareOf(funding.receivedUsdMinor, funding.pledgedUsdMinor)} /></td>
                </tr>
              </tfoot>
            </table>
          </div>
          {missingRate ? <p className="note">{t("funding.noRateNote")}</p> : null}
          <ChartFigure label={t("funding.chartLabel")}>
            <Columns
              data={data}
              series={[
                { key: "pledged", label: t("funding.pledgedUsd"), colour: CHART_COLOURS.first },
                { key: "received", label: t("funding.receivedUsd"), colour: CHART_COLOURS.second },
              ]}
              formatTick={(value) => formatCompactUsd(locale, value)}
            />
          </ChartFigure>
        </>
      )}
    </Section>
  );
}

export function SpendingSection({ spending }: { spending: DonorProgress["spending"] }) {
  const { t, i18n } = useTranslation("donor");
  const locale = i18n.language;
  const data = spending.map((row) => ({
    label: String(row.year),
    budget: row.budgetUsdMinor === null ? null : row.budgetUsdMinor / 100,
    expenditure: row.expenditureUsdMinor === null ? null : row.expenditureUsdMinor / 100,
  }));
  return (
    <Section id="spending" heading={t("spending.heading")}>
      {spending.length === 0 ? (
        <p className="progress-empty">{t("spending.empty")}</p>
      ) : (
        <div className="split progress-split">
          <div className="table-scroll" role="region" aria-labelledby="spending" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("spending.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("spending.year")}</th>
                  <th scope="col" className="num">{t("spending.budget")}</th>
                  <th scope="col" className="num">{t("spending.expenditure")}</th>
                  <th scope="col" className="num">{t("spending.shareSpent")}</th>
                </tr>
              </thead>
              <tbody>
                {spending.map((row) => (
                  <tr key={row.year}>
                    <th scope="row">{row.year}</th>
                    <td className="num"><Usd value={row.budgetUsdMinor} /></td>
                    <td className="num"><Usd value={row.expenditureUsdMinor} /></td>
                    <td className="num"><Share value={shareOf(row.expenditureUsdMinor, row.budgetUsdMinor)} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ChartFigure label={t("spending.chartLabel")}>
            <Columns
              data={data}
              series={[
                { key: "budget", label: t("spending.budget"), colour: CHART_COLOURS.first },
                { key: "expenditure", label: t("spending.expenditure"), colour: CHART_COLOURS.second },
              ]}
              formatTick={(value) => formatCompactUsd(locale, value)}
            />
          </ChartFigure>
        </div>
      )}
    </Section>
  );
}

// ───────────────────────────── activities ─────────────────────────────

export function ActivitiesSection({ activities }: { activities: DonorProgress["activities"] }) {
  const { t, i18n } = useTranslation("donor");
  const { t: tc } = useTranslation();
  const locale = i18n.language;
  const months = fillMonths(activities.byMonth);
  return (
    <Section id="activities" heading={t("activities.heading")}>
      {activities.delivered === 0 ? (
        <p className="progress-empty">{t("activities.empty")}</p>
      ) : (
        <>
          <h3 id="activities-month">{t("activities.overTime")}</h3>
          <div className="split progress-split">
            <div className="table-scroll" role="region" aria-labelledby="activities-month" tabIndex={0}>
              <table>
                <caption className="visually-hidden">{t("activities.monthCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("activities.month")}</th>
                    <th scope="col" className="num">{t("activities.count")}</th>
                  </tr>
                </thead>
                <tbody>
                  {months.map((row) => (
                    <tr key={row.month}>
                      <th scope="row"><time dateTime={row.month}>{formatMonth(locale, row.month)}</time></th>
                      <td className="num">{formatNumber(locale, row.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <ChartFigure label={t("activities.monthChartLabel")}>
              <Columns
                data={months.map((row) => ({ label: formatMonth(locale, row.month), count: row.count }))}
                series={[{ key: "count", label: t("activities.count"), colour: CHART_COLOURS.first }]}
                height={220}
              />
            </ChartFigure>
          </div>

          <h3 id="activities-type">{t("activities.byType")}</h3>
          <div className="split progress-split">
            <div className="table-scroll" role="region" aria-labelledby="activities-type" tabIndex={0}>
              <table>
                <caption className="visually-hidden">{t("activities.typeCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("activities.type")}</th>
                    <th scope="col" className="num">{t("activities.count")}</th>
                  </tr>
                </thead>
                <tbody>
                  {activities.byType.map((row) => (
                    <tr key={row.type}>
                      <th scope="row">{tc(`activityType.${row.type}` as "activityType.OTHER", { defaultValue: row.type })}</th>
                      <td className="num">{formatNumber(locale, row.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <ChartFigure label={t("activities.typeChartLabel")}>
              <HorizontalBars
                labelWidth={150}
                bars={activities.byType.map((row) => ({
                  key: row.type,
                  label: tc(`activityType.${row.type}` as "activityType.OTHER", { defaultValue: row.type }),
                  value: row.count,
                  display: formatNumber(locale, row.count),
                }))}
              />
            </ChartFigure>
          </div>
        </>
      )}
    </Section>
  );
}

// ───────────────────────────── reach ─────────────────────────────

export function TrainedBySexSection({ reach }: { reach: DonorProgress["reach"] }) {
  const { t } = useTranslation("donor");
  const { t: tc } = useTranslation();
  const toBars = useCellBars();
  const anyone = reach.trainedBySex.some((row) => row.count.suppressed || (row.count.value ?? 0) > 0);
  return (
    <Section id="trained-by-sex" heading={t("reach.bySexHeading")}>
      {!anyone ? (
        <p className="progress-empty">{t("reach.empty")}</p>
      ) : (
        <div className="split progress-split">
          <div className="table-scroll" role="region" aria-labelledby="trained-by-sex" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("reach.bySexCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("reach.sex")}</th>
                  <th scope="col" className="num">{t("reach.trained")}</th>
                </tr>
              </thead>
              <tbody>
                {reach.trainedBySex.map((row) => (
                  <tr key={row.sex}>
                    <th scope="row">{tc(`sex.${row.sex}`)}</th>
                    <td className="num"><CellValue cell={row.count} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ChartFigure label={t("reach.bySexChartLabel")}>
            <HorizontalBars bars={toBars(reach.trainedBySex.map((row) => ({ key: row.sex, label: tc(`sex.${row.sex}`), cell: row.count })))} />
          </ChartFigure>
        </div>
      )}
      <p className="note">{t("reach.trainedDefinition")}</p>
    </Section>
  );
}

export function TrainedByRegionSection({ reach }: { reach: DonorProgress["reach"] }) {
  const { t, i18n } = useTranslation("donor");
  const locale = i18n.language;
  const toBars = useCellBars();
  return (
    <Section id="trained-by-region" heading={t("reach.byRegionHeading")}>
      <p>
        {t("reach.byRegionIntro")}{" "}
        <strong>{t("reach.regionsCovered", { covered: reach.regionsCovered, total: reach.regionsTotal })}</strong>
      </p>
      <div className="split progress-split">
        <div className="table-scroll" role="region" aria-labelledby="trained-by-region" tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t("reach.byRegionCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("reach.region")}</th>
                <th scope="col" className="num">{t("reach.trained")}</th>
              </tr>
            </thead>
            <tbody>
              {reach.trainedByRegion.map((row) => (
                <tr key={row.code}>
                  <th scope="row">{localised(row, "name", locale)}</th>
                  <td className="num"><CellValue cell={row.count} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {reach.trainedByRegion.length > 0 ? (
          <ChartFigure label={t("reach.byRegionChartLabel")}>
            <HorizontalBars labelWidth={170} bars={toBars(reach.trainedByRegion.map((row) => ({ key: row.code, label: localised(row, "name", locale), cell: row.count })))} />
          </ChartFigure>
        ) : null}
      </div>
      <p className="note">{t("reach.suppressedNote")}</p>
    </Section>
  );
}

// ───────────────────────────── indicators ─────────────────────────────

function IndicatorValue({ value, measure }: { value: number | null; measure: string }) {
  const { t, i18n } = useTranslation("donor");
  if (value === null) return <span className="muted">{t("indicators.notMeasured")}</span>;
  return <>{measure === "PERCENTAGE" ? formatPercent(i18n.language, value) : formatNumber(i18n.language, value)}</>;
}

export function IndicatorsSection({ indicators, rule }: { indicators: DonorProgress["indicators"]; rule: ProgressRule }) {
  const { t, i18n } = useTranslation("donor");
  return (
    <Section id="indicators" heading={t("indicators.heading")}>
      {indicators.length === 0 ? (
        <p className="progress-empty">{t("indicators.empty")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="indicators" tabIndex={0}>
          <table className="progress-indicators">
            <caption className="visually-hidden">{t("indicators.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("indicators.indicator")}</th>
                <th scope="col">{t("indicators.period")}</th>
                <th scope="col" className="num">{t("indicators.baseline")}</th>
                <th scope="col" className="num">{t("indicators.target")}</th>
                <th scope="col" className="num">{t("indicators.actual")}</th>
                <th scope="col">{t("indicators.achieved")}</th>
                <th scope="col">{t("indicators.status")}</th>
              </tr>
            </thead>
            <tbody>
              {indicators.map((indicator) => (
                <tr key={indicator.id}>
                  <th scope="row">
                    <span className="block muted progress-code">{indicator.code}</span>
                    {localised(indicator, "name", i18n.language)}
                    <span className="block muted progress-unit">{t("indicators.unit", { unit: indicator.unit })}</span>
                  </th>
                  <td className="nowrap">
                    {indicator.periodStart && indicator.periodEnd ? (
                      <DateRange start={indicator.periodStart} end={indicator.periodEnd} />
                    ) : (
                      t("indicators.noPeriod")
                    )}
                  </td>
                  <td className="num"><IndicatorValue value={indicator.baseline} measure={indicator.measure} /></td>
                  <td className="num"><IndicatorValue value={indicator.target} measure={indicator.measure} /></td>
                  <td className="num">
                    {indicator.suppressed ? (
                      <CellValue cell={{ value: null, suppressed: true }} />
                    ) : (
                      <IndicatorValue value={indicator.actual} measure={indicator.measure} />
                    )}
                  </td>
                  <td>
                    {indicator.achievedPercent === null ? (
                      <span className="muted">{t("indicators.notMeasured")}</span>
                    ) : (
                      <ProgressMeter
                        percent={indicator.achievedPercent}
                        text={t("indicators.achievedText", { percent: formatPercent(i18n.language, indicator.achievedPercent) })}
                      />
                    )}
                  </td>
                  <td>
                    <StatusBadge status={indicator.status} />
                    {indicator.actualSource === "COMPUTED" ? <ComputedMark /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {indicators.length > 0 ? <ProgressRuleNote rule={rule} /> : null}
    </Section>
  );
}

// ───────────────────────────── feedback ─────────────────────────────

export function SatisfactionSection({ satisfaction }: { satisfaction: DonorProgress["satisfaction"] }) {
  const { t, i18n } = useTranslation("donor");
  const locale = i18n.language;
  const toBars = useCellBars();
  const answered = satisfaction.respondents.suppressed || (satisfaction.respondents.value ?? 0) > 0;
  const share = (value: number | null) => (value === null ? <span className="progress-na">{t("satisfaction.notEnough")}</span> : formatPercent(locale, value));
  const ratings = [...satisfaction.ratings].sort((a, b) => b.rating - a.rating);
  return (
    <Section id="satisfaction" heading={t("satisfaction.heading")}>
      {!answered ? (
        <p className="progress-empty">{t("satisfaction.empty")}</p>
      ) : (
        <>
          <dl className="figures" aria-labelledby="satisfaction">
            <div className="figure">
              <dt>{t("satisfaction.respondents")}</dt>
              <dd><CellValue cell={satisfaction.respondents} /></dd>
            </div>
            <div className="figure">
              <dt>{t("satisfaction.satisfied")}</dt>
              <dd>{share(satisfaction.satisfiedPercent)}</dd>
            </div>
            <div className="figure">
              <dt>{t("satisfaction.knowledgeImproved")}</dt>
              <dd>{share(satisfaction.knowledgeImprovedPercent)}</dd>
            </div>
          </dl>
          <p className="note">{t("satisfaction.sharesNote")}</p>

          <h3 id="ratings">{t("satisfaction.ratingsHeading")}</h3>
          <p>{t("satisfaction.ratingsIntro")}</p>
          <div className="split progress-split">
            <div className="table-scroll" role="region" aria-labelledby="ratings" tabIndex={0}>
              <table>
                <caption className="visually-hidden">{t("satisfaction.ratingsCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("satisfaction.rating")}</th>
                    <th scope="col" className="num">{t("satisfaction.times")}</th>
                  </tr>
                </thead>
                <tbody>
                  {ratings.map((row) => (
                    <tr key={row.rating}>
                      <th scope="row">{t("satisfaction.ratingValue", { rating: row.rating })}</th>
                      <td className="num"><CellValue cell={row.count} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <ChartFigure label={t("satisfaction.ratingsChartLabel")}>
              <HorizontalBars
                labelWidth={70}
                bars={toBars(ratings.map((row) => ({ key: String(row.rating), label: t("satisfaction.ratingValue", { rating: row.rating }), cell: row.count })))}
              />
            </ChartFigure>
          </div>
        </>
      )}
    </Section>
  );
}

export function QuotesSection({ quotes }: { quotes: DonorProgress["quotes"] }) {
  const { t, i18n } = useTranslation("donor");
  const locale = i18n.language;
  return (
    <Section id="quotes" heading={t("quotes.heading")}>
      {quotes.length === 0 ? (
        <p className="progress-empty">{t("quotes.empty")}</p>
      ) : (
        <>
          <p>{t("quotes.intro")}</p>
          <ul className="quotes">
            {quotes.map((quote, index) => (
              <li key={index}>
                <figure>
                  <blockquote lang={localisedText(quote.text, quote.textTranslations, locale, quote.language).lang}>
                    <p>{localisedText(quote.text, quote.textTranslations, locale, quote.language).text}</p>
                  </blockquote>
                  <figcaption>
                    {quote.attribution ?? t("quotes.anonymous")}
                    <span className="block progress-quote-source">{t("quotes.from", { activity: localisedText(quote.activityTitle, quote.activityTitleTranslations, locale).text })}</span>
                  </figcaption>
                </figure>
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
