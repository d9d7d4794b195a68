import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { apiClient, getPublicActivity, notFound } from "../api.server";
import { CellValue } from "../components/cell-value";
import { DateRange, DateText } from "../components/date-range";
import { Figures } from "../components/figures";
import { getFixedT, getLocale } from "../i18n.server";
import { formatNumber } from "../lib/format";
import { LocalText } from "../components/local-text";
import { localised, localisedField, localisedText } from "../lib/localised";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = params.id;
  if (!id) notFound("activity");
  const [locale, t] = await Promise.all([getLocale(request), getFixedT(request)]);
  const activity = await getPublicActivity(apiClient({ request, locale }), id, request);
  return {
    activity,
    title: t("app.pageTitle", { page: localised(activity, "title", locale), app: t("app.name") }),
    description: localised(activity, "description", locale),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [];
  return [{ title: data.title }, { name: "description", content: data.description.slice(0, 300) }];
};

export default function ActivityPage() {
  const { activity } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const sessions = [...activity.sessions].sort((a, b) => a.sequence - b.sequence);

  return (
    <article aria-labelledby="activity-title">
      <nav aria-label={t("activity.breadcrumb")} className="breadcrumb">
        <Link to="/">{t("activity.back")}</Link>
      </nav>

      <header className="intro">
        <p className="eyebrow">
          {t("activity.eyebrow", {
            type: t(`activityType.${activity.type}`),
            modality: t(`modality.${activity.modality}`),
          })}
        </p>
        <h1 id="activity-title">
          <LocalText {...localisedField(activity, "title", locale)} />
        </h1>
        <dl className="facts">
          <div>
            <dt>{t("activity.status")}</dt>
            <dd>
              <span className={`badge badge--${activity.status.toLowerCase()}`}>
                {t(`activityStatus.${activity.status}`)}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t("activity.dates")}</dt>
            <dd>
              <DateRange start={activity.startDate} end={activity.endDate} />
            </dd>
          </div>
          <div>
            <dt>{t("activity.country")}</dt>
            <dd>{localised(activity.country, "name", locale)}</dd>
          </div>
          <div>
            <dt>{t("activity.type")}</dt>
            <dd>{t(`activityType.${activity.type}`)}</dd>
          </div>
          <div>
            <dt>{t("activity.modality")}</dt>
            <dd>{t(`modality.${activity.modality}`)}</dd>
          </div>
          {activity.code ? (
            <div>
              <dt>{t("activity.code")}</dt>
              <dd>
                <code>{activity.code}</code>
              </dd>
            </div>
          ) : null}
        </dl>
      </header>

      <section aria-labelledby="activity-figures">
        <h2 id="activity-figures">{t("activity.keyFigures")}</h2>
        <Figures
          labelledBy="activity-figures"
          figures={[
            { id: "sessions", label: t("activity.figures.sessions"), value: formatNumber(locale, activity.sessionCount) },
            { id: "participants", label: t("activity.figures.participants"), value: <CellValue cell={activity.participants} /> },
            { id: "trained", label: t("activity.figures.trained"), value: <CellValue cell={activity.trained} /> },
            { id: "regions", label: t("activity.figures.regions"), value: formatNumber(locale, activity.regionCount) },
          ]}
        />
        <p className="note">{t("activity.trainedRule", { percent: activity.completionSharePercent })}</p>
      </section>

      {activity.description ? (
        <section aria-labelledby="activity-description">
          <h2 id="activity-description">{t("activity.description")}</h2>
          <Prose {...proseOf(localisedField(activity, "description", locale), locale)} />
        </section>
      ) : null}

      {activity.objectives ? (
        <section aria-labelledby="activity-objectives">
          <h2 id="activity-objectives">{t("activity.objectives")}</h2>
          <Prose {...proseOf(localisedField(activity, "objectives", locale), locale)} />
        </section>
      ) : null}

      {activity.topics.length > 0 ? (
        <section aria-labelledby="activity-topics">
          <h2 id="activity-topics">{t("activity.topics")}</h2>
          <ul className="tags">
            {activity.topics.map((topic) => (
              <li key={topic}>{topic}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="activity-sessions">
        <h2 id="activity-sessions">{t("activity.sessions.heading")}</h2>
        {sessions.length === 0 ? (
          <p>{t("activity.sessions.empty")}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="activity-sessions" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("activity.sessions.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t("activity.sessions.number")}
                  </th>
                  <th scope="col">{t("activity.sessions.date")}</th>
                  <th scope="col">{t("activity.sessions.topic")}</th>
                </tr>
              </thead>
              <tbody>
                {sessions.map((session) => (
                  <tr key={session.sequence}>
                    <td className="num">{formatNumber(locale, session.sequence)}</td>
                    <td className="nowrap">
                      <DateText iso={session.startsAt} />
                    </td>
                    <td>
                      <LocalText {...localisedField(session, "topic", locale)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="activity-regions">
        <h2 id="activity-regions">{t("activity.regions.heading")}</h2>
        {activity.regions.length === 0 ? (
          <p>{t("activity.regions.empty")}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="activity-regions" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("activity.regions.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("activity.regions.region")}</th>
                  <th scope="col" className="num">
                    {t("activity.regions.participants")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {activity.regions.map((region) => (
                  <tr key={region.code}>
                    <th scope="row">{localised(region, "name", locale)}</th>
                    <td className="num">
                      <CellValue cell={region.participants} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <div className="split">
        <section aria-labelledby="activity-partners">
          <h2 id="activity-partners">{t("activity.partners.heading")}</h2>
          {activity.partners.length === 0 ? (
            <p>{t("activity.partners.empty")}</p>
          ) : (
            <ul className="plain-list">
              {activity.partners.map((partner) => (
                <li key={`${partner.name}-${partner.role}`}>
                  <span className="strong">{localised(partner, "name", locale)}</span>
                  {partner.acronym ? (
                    <>
                      {" "}
                      <span className="muted">{t("activity.partners.acronym", { acronym: partner.acronym })}</span>
                    </>
                  ) : null}
                  <span className="block muted">{t(`partnerRole.${partner.role}`)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="activity-donors">
          <h2 id="activity-donors">{t("activity.donors.heading")}</h2>
          {activity.donors.length === 0 ? (
            <p>{t("activity.donors.empty")}</p>
          ) : (
            <ul className="plain-list">
              {activity.donors.map((donor) => (
                <li key={donor.code}>{localised(donor, "name", locale)}</li>
              ))}
            </ul>
          )}
        </section>
      </div>

      {activity.quotes.length > 0 ? (
        <section aria-labelledby="activity-quotes">
          <h2 id="activity-quotes">{t("activity.quotes.heading")}</h2>
          <ul className="quotes">
            {activity.quotes.map((quote, index) => (
              <li key={index}>
                <figure>
                  <blockquote lang={localisedText(quote.text, quote.textTranslations, locale, quote.language).lang}>
                    <p>{localisedText(quote.text, quote.textTranslations, locale, quote.language).text}</p>
                  </blockquote>
                  {quote.attribution ? <figcaption>{quote.attribution}</figcaption> : null}
                </figure>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

/** Prose props for a localised text: `lang` only when it differs from the page's. */
function proseOf({ text, lang }: { text: string; lang: string }, locale: string) {
  return { text, lang: lang === locale ? undefined : lang };
}

/** Plain text from the API, paragraphs split on blank lines (never rendered as HTML), in language `lang`. */
function Prose({ text, lang }: { text: string; lang?: string | undefined }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  return (
    <div className="prose" lang={lang}>
      {paragraphs.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </div>
  );
}
