import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getAreaT } from "../i18n.server";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "../lib/auth.server";
import { formatMoney, formatPercent, STAFF_ROLES } from "../lib/programme-forms";
import { listDonors } from "../lib/programme.server";
import { CsvLink } from "../components/csv-link";
import { localised } from "../lib/localised";

export const handle = { i18n: ["common", "programme", "exports"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api } = await requireUser(request, context, STAFF_ROLES);
  const [t, donors] = await Promise.all([getAreaT(request, "programme"), listDonors(api, request)]);
  return { title: t("donors.title"), donors: donors.items };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function DonorsPage() {
  const { donors } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("programme");
  const locale = i18n.language;

  return (
    <>
      <header className="intro">
        <p className="eyebrow">{t("staffEyebrow")}</p>
        <h1>{t("donors.title")}</h1>
        <p className="lead">{t("donors.lead")}</p>
      </header>

      <section aria-labelledby="donors-heading">
        <h2 id="donors-heading">{t("donors.heading")}</h2>
        <p className="page-actions">
          <CsvLink list="donors" />
          <CsvLink list="contributions" />
        </p>
        {donors.length === 0 ? (
          <p className="empty-state">{t("donors.empty")}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="donors-heading" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("donors.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("donors.donor")}</th>
                  <th scope="col">{t("donors.currency")}</th>
                  <th scope="col" className="num">
                    {t("donors.pledged")}
                  </th>
                  <th scope="col" className="num">
                    {t("donors.received")}
                  </th>
                  <th scope="col" className="num">
                    {t("donors.receivedShare")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {donors.map((donor) => {
                  const totals = donor.totals.length > 0 ? donor.totals : [null];
                  return totals.map((total, index) => (
                    <tr key={`${donor.id}-${total?.currency ?? "none"}`}>
                      {index === 0 ? (
                        <th scope="row" rowSpan={totals.length}>
                          <Link to={`/staff/donors/${donor.id}`}>{localised(donor.organisation, "name", i18n.language)}</Link>
                          <span className="muted block small">{t("donors.code", { code: donor.code })}</span>
                        </th>
                      ) : null}
                      {total ? (
                        <>
                          <td>{total.currency}</td>
                          <td className="num">{formatMoney(locale, total.pledgedMinor, total.currency)}</td>
                          <td className="num">{formatMoney(locale, total.receivedMinor, total.currency)}</td>
                          <td className="num">{total.pledgedMinor > 0 ? formatPercent(locale, (total.receivedMinor / total.pledgedMinor) * 100) : t("notApplicable")}</td>
                        </>
                      ) : (
                        <td colSpan={4} className="muted">
                          {t("donors.noContributions")}
                        </td>
                      )}
                    </tr>
                  ));
                })}
              </tbody>
            </table>
          </div>
        )}
        <p className="note">{t("donors.totalsNote")}</p>
      </section>
    </>
  );
}
