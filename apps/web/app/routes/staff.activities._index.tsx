import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActivityStatusSchema, ActivityTypeSchema, ModalitySchema } from "@vep/domain";
import { CellValue } from "../components/cell-value";
import { DateRange } from "../components/date-range";
import { describe, Field } from "../components/activities/fields";
import { ACTIVITY_SORTS } from "../components/activities/sorts";
import { getFixedT, getAreaT, getLocale } from "../i18n.server";
import { listActivities, listCountries, listDonors, listProgrammes, listRegions } from "../lib/activities.server";
import { requireUser } from "../lib/auth.server";
import { formatNumber } from "../lib/format";
import { CsvLink } from "../components/csv-link";
import { localised } from "../lib/localised";

export const handle = { i18n: ["common", "staff", "exports"] };

const PAGE_SIZE = 25;
const FILTERS = ["q", "programmeId", "countryId", "regionId", "donorId", "type", "modality", "status", "from", "to", "sort"] as const;
type FilterName = (typeof FILTERS)[number];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api } = await requireUser(request, context, ["STAFF", "ADMIN"]);
  const url = new URL(request.url);
  const filters = Object.fromEntries(FILTERS.map((name) => [name, url.searchParams.get(name)?.trim() ?? ""])) as Record<FilterName, string>;
  const cursor = url.searchParams.get("cursor") ?? "";
  const [locale, t, tc, programmes, countries, regions, donors, result] = await Promise.all([
    getLocale(request),
    getAreaT(request, "staff"),
    getFixedT(request),
    listProgrammes(api, request),
    listCountries(api, request),
    listRegions(api, { countryId: /^[0-9a-f-]{36}$/i.test(filters.countryId) ? filters.countryId : undefined }, request),
    listDonors(api, request),
    listActivities(api, { ...filters, ...(cursor ? { cursor } : {}), limit: PAGE_SIZE }, request),
  ]);
  return {
    title: tc("app.pageTitle", { page: t("activities.list.title"), app: tc("app.name") }),
    filters,
    filtered: FILTERS.some((name) => name !== "sort" && filters[name] !== ""),
    isFirstPage: cursor === "",
    options: {
      programmes: programmes.map((p) => ({ id: p.id, label: localised(p, "title", locale) })),
      countries: countries.map((c) => ({ id: c.id, label: localised(c, "name", locale) })),
      regions: regions.map((r) => ({ id: r.id, label: localised(r, "name", locale), validTo: r.validTo })),
      donors: donors.map((d) => ({ id: d.id, label: localised(d.organisation, "name", locale) })),
      types: ActivityTypeSchema.options,
      modalities: ModalitySchema.options,
      statuses: ActivityStatusSchema.options,
    },
    activities: result.ok ? result.page.items : [],
    nextCursor: result.ok ? result.page.nextCursor : null,
    filterErrors: result.ok ? {} : result.fieldErrors,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function StaffActivities() {
  const { filters, filtered, isFirstPage, options, activities, nextCursor, filterErrors } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  const { t: tc, i18n } = useTranslation();
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === "/staff/activities";
  const locale = i18n.language;
  const filterError = (name: string) => (name in filterErrors ? t("activities.list.filterInvalid") : null);

  const keep = new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== ""));
  const nextHref = nextCursor ? `?${new URLSearchParams([...keep, ["cursor", nextCursor]])}` : null;
  const firstHref = `?${keep}`;

  const select = (name: FilterName, label: string, choices: readonly { id: string; label: string }[]) => (
    <Field id={`filter-${name}`} label={label} error={filterError(name)}>
      <select name={name} defaultValue={filters[name]} {...describe(`filter-${name}`, { error: filterError(name) })}>
        <option value="">{t("activities.list.filters.any")}</option>
        {choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.label}
          </option>
        ))}
      </select>
    </Field>
  );

  return (
    <section aria-labelledby="staff-activities-title" className="staff-activities">
      <div className="page-heading">
        <div>
          <h1 id="staff-activities-title">{t("activities.list.title")}</h1>
          <p className="lead">{t("activities.list.lead")}</p>
        </div>
        <p className="page-actions">
          <Link to="/staff/activities/new" className="button">
            {t("activities.list.newActivity")}
          </Link>
          <CsvLink list="activities" query={filters} />
        </p>
      </div>

      <Form method="get" className="filters" aria-labelledby="filters-heading">
        <h2 id="filters-heading" className="visually-hidden">
          {t("activities.list.filters.heading")}
        </h2>
        <div className="filters__grid">
          <Field id="filter-q" label={t("activities.list.filters.q")} hint={t("activities.list.filters.qHint")} error={filterError("q")} className="span-2">
            <input type="search" name="q" defaultValue={filters.q} maxLength={100} {...describe("filter-q", { error: filterError("q"), hint: true })} />
          </Field>
          {select("programmeId", t("activities.list.filters.programme"), options.programmes)}
          {select("countryId", t("activities.list.filters.country"), options.countries)}
          {select("regionId", t("activities.list.filters.region"), options.regions)}
          {select("donorId", t("activities.list.filters.donor"), options.donors)}
          {select("type", t("activities.list.filters.type"), options.types.map((v) => ({ id: v, label: tc(`activityType.${v}`) })))}
          {select("modality", t("activities.list.filters.modality"), options.modalities.map((v) => ({ id: v, label: tc(`modality.${v}`) })))}
          {select("status", t("activities.list.filters.status"), options.statuses.map((v) => ({ id: v, label: tc(`activityStatus.${v}`) })))}
          <Field id="filter-from" label={t("activities.list.filters.from")} error={filterError("from")}>
            <input type="date" name="from" defaultValue={filters.from} {...describe("filter-from", { error: filterError("from") })} />
          </Field>
          <Field id="filter-to" label={t("activities.list.filters.to")} error={filterError("to")}>
            <input type="date" name="to" defaultValue={filters.to} {...describe("filter-to", { error: filterError("to") })} />
          </Field>
          <Field id="filter-sort" label={t("activities.list.filters.sort")} error={filterError("sort")}>
            <select name="sort" defaultValue={filters.sort || "-startDate"} {...describe("filter-sort", { error: filterError("sort") })}>
              {ACTIVITY_SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {t(`activities.list.sort.${sort}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="filters__actions">
          <button type="submit" className="button">
            {t("activities.list.filters.apply")}
          </button>
          {filtered ? (
            <Link to="/staff/activities" className="button button--secondary">
              {t("activities.list.filters.clear")}
            </Link>
          ) : null}
        </div>
      </Form>

      <div aria-live="polite" aria-busy={loading} className={loading ? "is-loading" : undefined}>
        {Object.keys(filterErrors).length > 0 ? (
          <p className="form-error" role="alert">
            {t("activities.list.filtersRefused")}
          </p>
        ) : activities.length === 0 ? (
          <div className="empty-state">
            <h2>{filtered ? t("activities.list.empty.filteredHeading") : t("activities.list.empty.heading")}</h2>
            <p>{filtered ? t("activities.list.empty.filteredBody") : t("activities.list.empty.body")}</p>
            <p>
              {filtered ? (
                <Link to="/staff/activities" className="button button--secondary">
                  {t("activities.list.filters.clear")}
                </Link>
              ) : (
                <Link to="/staff/activities/new" className="button">
                  {t("activities.list.newActivity")}
                </Link>
              )}
            </p>
          </div>
        ) : (
          <>
            <div className="table-scroll" role="region" aria-labelledby="activities-caption" tabIndex={0}>
              <table className="activities-table">
                <caption id="activities-caption" className="visually-hidden">
                  {t("activities.list.table.caption")}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("activities.list.table.title")}</th>
                    <th scope="col">{t("activities.list.table.type")}</th>
                    <th scope="col">{t("activities.list.table.modality")}</th>
                    <th scope="col">{t("activities.list.table.dates")}</th>
                    <th scope="col">{t("activities.list.table.status")}</th>
                    <th scope="col" className="num">
                      {t("activities.list.table.sessions")}
                    </th>
                    <th scope="col" className="num">
                      {t("activities.list.table.participants")}
                    </th>
                    <th scope="col" className="num">
                      {t("activities.list.table.trained")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {activities.map((activity) => (
                    <tr key={activity.id}>
                      <th scope="row">
                        <Link to={`/staff/activities/${encodeURIComponent(activity.id)}`}>{localised(activity, "title", locale)}</Link>
                        <span className="muted block">
                          {activity.code ? t("activities.list.table.codeAndCountry", { code: activity.code, country: localised(activity.country, "name", locale) }) : localised(activity.country, "name", locale)}
                        </span>
                      </th>
                      <td>{tc(`activityType.${activity.type}`)}</td>
                      <td>{tc(`modality.${activity.modality}`)}</td>
                      <td className="nowrap">
                        <DateRange start={activity.startDate} end={activity.endDate} />
                      </td>
                      <td>
                        <span className={`badge badge--${activity.status.toLowerCase()}`}>{tc(`activityStatus.${activity.status}`)}</span>
                      </td>
                      <td className="num">{formatNumber(locale, activity.sessionCount)}</td>
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
            {nextHref || !isFirstPage ? (
              <nav className="pager" aria-label={t("activities.list.pager")}>
                {!isFirstPage ? <Link to={firstHref}>{t("activities.list.firstPage")}</Link> : null}
                {nextHref ? <Link to={nextHref}>{t("activities.list.nextPage")}</Link> : null}
              </nav>
            ) : null}
          </>
        )}
      </div>
    </section>
  );
}
