import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { IdSchema } from "@vep/domain";
import { DateText } from "../components/date-range";
import { SelectField, SubmitButton } from "../components/programme/fields";
import { getAreaT, getLocale } from "../i18n.server";
import { requireUser } from "../lib/auth.server";
import { createIatiExport, listIatiExports } from "../lib/iati.server";
import { STAFF_ROLES } from "../lib/programme-forms";
import { listProgrammes, pickProgramme } from "../lib/programme.server";
import { localised } from "../lib/localised";

export const handle = { i18n: ["common", "iati"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const { api } = await requireUser(request, context, STAFF_ROLES);
  const [t, programmes] = await Promise.all([getAreaT(request, "iati"), listProgrammes(api, request)]);
  const programme = pickProgramme(programmes.items, new URL(request.url).searchParams.get("programmeId"));
  const exports = programme ? (await listIatiExports(api, request, programme.id)).items : [];
  return {
    title: t("title"),
    programmes: programmes.items.map((p) => ({ value: p.id, label: localised(p, "title", locale) })),
    programme: programme ? { id: programme.id, title: localised(programme, "title", locale) } : null,
    exports,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requireUser(request, context, STAFF_ROLES);
  const programmeId = IdSchema.safeParse((await request.formData()).get("programmeId"));
  if (!programmeId.success) throw data({ reason: "not-found" }, { status: 404 });
  const result = await createIatiExport(api, request, programmeId.data);
  return data(result, { status: result.outcome === "stored" ? 201 : 422 });
}

export default function IatiPage() {
  const { programmes, programme, exports } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("iati");

  return (
    <>
      <header className="intro">
        <p className="eyebrow">{t("eyebrow")}</p>
        <h1>{t("title")}</h1>
        <p className="lead">{t("lead")}</p>
      </header>

      {programmes.length > 1 ? (
        <Form method="get" className="filter-form" aria-label={t("programmeFilter")}>
          <SelectField name="programmeId" label={t("programme")} defaultValue={programme?.id ?? ""} options={programmes} />
          <button type="submit" className="button button--secondary">
            {t("show")}
          </button>
        </Form>
      ) : programme ? (
        <p className="muted">{t("programmeIs", { title: programme.title })}</p>
      ) : null}

      {!programme ? (
        <p className="empty-state">{t("noProgrammes")}</p>
      ) : (
        <>
          <section aria-labelledby="current-heading" className="form-panel">
            <h2 id="current-heading">{t("current.heading")}</h2>
            <p className="note">{t("current.body")}</p>
            <p>
              <a href={`/iati/${programme.id}.xml`} download>
                {t("current.download")}
              </a>
            </p>
            <Form method="post">
              <input type="hidden" name="programmeId" value={programme.id} />
              <input type="hidden" name="intent" value="generate" />
              <SubmitButton intent="generate" label={t("current.generate")} busyLabel={t("current.generating")} />
            </Form>
          </section>

          {result ? (
            <section aria-labelledby="result-heading">
              <h2 id="result-heading">{t("result.heading")}</h2>
              {result.outcome === "stored" ? (
                <>
                  <p className="form-success" role="status">
                    <strong className="badge badge--active">{t("result.valid")}</strong> {t("result.validBody")}{" "}
                    <a href={`/iati-exports/${result.stored.id}.xml`} download>
                      {t("result.download")}
                    </a>
                  </p>
                  <h3 id="changes-heading">{t("result.changes")}</h3>
                  {result.stored.changes.length === 0 ? (
                    <p className="empty-state">{t("result.noChanges")}</p>
                  ) : (
                    <div className="table-scroll" role="region" aria-labelledby="changes-heading" tabIndex={0}>
                      <table>
                        <caption className="visually-hidden">{t("result.changesCaption")}</caption>
                        <thead>
                          <tr>
                            <th scope="col">{t("result.change")}</th>
                            <th scope="col">{t("result.path")}</th>
                            <th scope="col">{t("result.before")}</th>
                            <th scope="col">{t("result.after")}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {result.stored.changes.map((change) => (
                            <tr key={`${change.change} ${change.path}`}>
                              <td>{t(`result.kind.${change.change}`)}</td>
                              <td>
                                <code>{change.path}</code>
                              </td>
                              <td>{change.before ?? ""}</td>
                              <td>{change.after ?? ""}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  )}
                </>
              ) : (
                <div className="form-error" role="alert">
                  <p>
                    <strong>{t("result.invalid")}</strong> {t("result.invalidBody")}
                  </p>
                  <ul>
                    {result.problems.map((problem, index) => (
                      <li key={index}>
                        {t(`result.source.${problem.source}`)}: {problem.message}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </section>
          ) : null}

          <section aria-labelledby="history-heading">
            <h2 id="history-heading">{t("history.heading")}</h2>
            {exports.length === 0 ? (
              <p className="empty-state">{t("history.empty")}</p>
            ) : (
              <div className="table-scroll" role="region" aria-labelledby="history-heading" tabIndex={0}>
                <table>
                  <caption className="visually-hidden">{t("history.caption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("history.created")}</th>
                      <th scope="col">{t("history.sha256")}</th>
                      <th scope="col" className="num">
                        {t("history.changes")}
                      </th>
                      <th scope="col">{t("history.file")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {exports.map((e) => (
                      <tr key={e.id}>
                        <td className="nowrap">
                          {/* The time in UTC, so that the server's and the browser's renderings agree. */}
                          <DateText iso={e.createdAt} /> {t("history.time", { time: e.createdAt.slice(11, 16) })}
                        </td>
                        <td>
                          <code title={e.sha256}>{e.sha256.slice(0, 12)}…</code>
                        </td>
                        <td className="num">{e.changeCount}</td>
                        <td>
                          <a href={`/iati-exports/${e.id}.xml`} download aria-label={t("history.downloadLabel", { date: e.createdAt.slice(0, 16).replace("T", " ") })}>
                            {t("history.download")}
                          </a>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </>
  );
}
