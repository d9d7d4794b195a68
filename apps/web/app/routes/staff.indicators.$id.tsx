import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { getAreaT, getLocale } from "../i18n.server";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { IndicatorValueInputSchema, SexSchema, ActivityTypeSchema, ModalitySchema } from "@vep/domain";
import { notFound } from "../api.server";
import { DateRange, DateText } from "../components/date-range";
import { FormErrors, SavedMessage, SelectField, SubmitButton, TextAreaField, TextField, useErrorText } from "../components/programme/fields";
import { IndicatorDefinitionNote } from "../components/programme/indicator-definition";
import { IndicatorValue, useDimensionsText } from "../components/programme/indicator-value";
import { requireUser } from "../lib/auth.server";
import { failure, failureFor, formatPercent, formValues, issuesToErrors, optionalText, parseDecimal, problemToErrors, STAFF_ROLES, type FieldErrors } from "../lib/programme-forms";
import { createIndicatorValue, getIndicator, lockIndicatorValue, recordComputedValues } from "../lib/programme.server";
import { ComputedMark, ProgressRuleNote, StatusBadge } from "../components/progress/status-badge";
import { localised } from "../lib/localised";

export const handle = { i18n: ["common", "programme"] };

const VALUE_FIELDS = ["periodStart", "periodEnd", "value", "dimensions", "evidenceUrl", "evidenceNote", "reason", "supersedesId"] as const;
/** Breakdowns the form offers as a choice; the others (organisation) are entered by the API's clients. */
const DIMENSION_CHOICES = {
  sex: SexSchema.options,
  activityType: ActivityTypeSchema.options,
  modality: ModalitySchema.options,
} as const;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const { api } = await requireUser(request, context, STAFF_ROLES);
  const id = params.id;
  if (!id) notFound();
  const [t, indicator] = await Promise.all([getAreaT(request, "programme"), getIndicator(api, request, id)]);
  const correctId = new URL(request.url).searchParams.get("correct");
  const correcting = indicator.values.find((v) => v.id === correctId && v.lockedAt !== null && v.supersededById === null) ?? null;
  return { title: t("indicator.title", { code: indicator.code, name: localised(indicator, "name", locale) }), indicator, correcting };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requireUser(request, context, STAFF_ROLES);
  const id = params.id;
  if (!id) notFound();
  const values = formValues(await request.formData());
  const here = `/staff/indicators/${id}`;

  if (values.intent === "recordComputed") {
    const result = await recordComputedValues(api, request, id, { periodStart: values.periodStart ?? "", periodEnd: values.periodEnd ?? "" });
    if (!result.ok) return data(failure("recordComputed", {}, [result.problem.detail ?? result.problem.title ?? ""], values), { status: result.status });
    throw redirect(`${here}?saved=recorded#values-heading`);
  }

  if (values.intent === "lock") {
    const result = await lockIndicatorValue(api, request, values.target ?? "", Number(values.version));
    if (!result.ok) return data(failure("lock", {}, [result.problem.detail ?? result.problem.title ?? ""], values, values.target), { status: result.status });
    throw redirect(`${here}?saved=locked#values-heading`);
  }

  const dimensions: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (name.startsWith("dim.") && value.trim() !== "") dimensions[name.slice(4)] = value.trim();
  }
  const amount = parseDecimal(values.value);
  const supersedesId = optionalText(values.supersedesId);
  const parsed = IndicatorValueInputSchema.safeParse({
    periodStart: values.periodStart ?? "",
    periodEnd: values.periodEnd ?? "",
    value: amount ?? undefined,
    dimensions,
    evidenceUrl: optionalText(values.evidenceUrl),
    evidenceNote: optionalText(values.evidenceNote),
    reason: optionalText(values.reason),
    supersedesId,
  });
  const intent = "addValue";
  if (!parsed.success || amount === null) {
    const errors: FieldErrors = parsed.success ? {} : issuesToErrors(parsed.error.issues);
    if (amount === null) errors.value = { code: values.value?.trim() ? "invalid" : "required" };
    return data(failure(intent, errors, [], values), { status: 400 });
  }
  const result = await createIndicatorValue(api, request, id, parsed.data);
  if (!result.ok) {
    const { errors, unplaced } = problemToErrors(result.problem, VALUE_FIELDS);
    const formErrors = result.status === 409 ? [result.problem.detail ?? result.problem.title ?? "", ...unplaced] : unplaced;
    return data(failure(intent, errors, formErrors.filter(Boolean), values), { status: result.status });
  }
  throw redirect(`${here}?saved=${supersedesId ? "corrected" : "value"}#values-heading`);
}

export default function IndicatorPage() {
  const { indicator, correcting } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("programme");
  const locale = i18n.language;
  const [params] = useSearchParams();
  const actionData = useActionData<typeof action>();
  const errorText = useErrorText();
  const dimensionsText = useDimensionsText();
  const valueFailure = failureFor(actionData, "addValue");
  const lockFailure = failureFor(actionData, "lock");
  const recordFailure = failureFor(actionData, "recordComputed");
  const err = (field: string) => errorText(valueFailure?.errors[field]);
  const value = (field: string, fallback = "") => valueFailure?.values[field] ?? fallback;
  const saved = params.get("saved");
  const savedMessage = saved === "value" ? t("indicator.valueSaved") : saved === "corrected" ? t("indicator.correctionSaved") : saved === "locked" ? t("indicator.lockedSaved") : saved === "recorded" ? t("indicator.recordedSaved") : null;
  const valuesById = new Map(indicator.values.map((v) => [v.id, v]));
  const sortedValues = [...indicator.values].sort((a, b) => (a.periodStart + a.dimensionKey + a.createdAt < b.periodStart + b.dimensionKey + b.createdAt ? 1 : -1));
  const breakdowns = indicator.disaggregations.filter((d) => d !== "organisation");
  const computedIndicator = indicator.source === "COMPUTED";
  /** Where staff see the records a computed figure counted. */
  const recordsLink = (period: { periodStart: string; periodEnd: string }, dimensionKey: string) =>
    computedIndicator ? `/staff/indicators/${indicator.id}/records?${new URLSearchParams({ periodStart: period.periodStart, periodEnd: period.periodEnd, dimensionKey })}` : null;
  // A period whose total is still computed live can be closed: its figures recorded and locked.
  const openComputedPeriods = indicator.periods.filter((p) => p.actualSource === "COMPUTED");

  return (
    <>
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <Link to={`/staff/indicators?programmeId=${indicator.programmeId}`}>{t("indicator.back")}</Link>
      </nav>
      <header className="intro">
        <p className="eyebrow">{t("indicator.eyebrow", { code: indicator.code })}</p>
        <h1>{localised(indicator, "name", i18n.language)}</h1>
        {indicator.description ? <p className="lead">{localised(indicator, "description", i18n.language)}</p> : null}
        <dl className="facts">
          <div>
            <dt>{t("indicators.source")}</dt>
            <dd>
              <span className={`badge badge--${indicator.source.toLowerCase()}`}>{t(`indicatorSource.${indicator.source}`)}</span>
            </dd>
          </div>
          <div>
            <dt>{t("indicator.measure")}</dt>
            <dd>{t(`measure.${indicator.measure}`)}</dd>
          </div>
          <div>
            <dt>{t("indicator.direction")}</dt>
            <dd>{t(`direction.${indicator.direction}`)}</dd>
          </div>
          <div>
            <dt>{t("indicators.baseline")}</dt>
            <dd>
              <IndicatorValue value={indicator.baselineValue} unit={indicator.unit} />
              {indicator.baselineDate ? (
                <span className="muted block small">
                  {t("indicator.baselineOn")} <DateText iso={indicator.baselineDate} />
                </span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>{t("indicator.breakdowns")}</dt>
            <dd>{indicator.disaggregations.length > 0 ? indicator.disaggregations.map((d) => t(`disaggregation.${d as "sex"}`)).join(", ") : t("none")}</dd>
          </div>
        </dl>
        {indicator.definitionText ? <IndicatorDefinitionNote metric={indicator.metric} definition={indicator.definition} definitionText={indicator.definitionText} /> : null}
        {indicator.source === "COMPUTED" ? <p className="note">{t("indicator.computedNote")}</p> : null}
      </header>

      <SavedMessage message={savedMessage} />

      <section aria-labelledby="periods-heading">
        <h2 id="periods-heading">{t("indicator.progress")}</h2>
        {indicator.periods.length === 0 ? (
          <p className="empty-state">{t("indicator.noPeriods")}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="periods-heading" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("indicator.progressCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("indicators.period")}</th>
                  <th scope="col">{t("indicator.cell")}</th>
                  <th scope="col" className="num">
                    {t("indicators.target")}
                  </th>
                  <th scope="col" className="num">
                    {t("indicators.actual")}
                  </th>
                  <th scope="col" className="num">
                    {t("indicators.achieved")}
                  </th>
                  <th scope="col">{t("indicator.status")}</th>
                </tr>
              </thead>
              <tbody>
                {indicator.periods.flatMap((period) => [
                  <tr key={`${period.periodStart}/${period.periodEnd}`} className="row--total">
                    <th scope="row" rowSpan={period.breakdown.length + 1}>
                      <DateRange start={period.periodStart} end={period.periodEnd} />
                    </th>
                    <td>{t("indicators.total")}</td>
                    <td className="num">
                      <IndicatorValue value={period.target} unit={indicator.unit} />
                    </td>
                    <td className="num">
                      <Actual cell={period} unit={indicator.unit} records={recordsLink(period, "")} context={`${t("indicators.total")}, ${period.periodStart} – ${period.periodEnd}`} />
                    </td>
                    <td className="num">{period.achievedPercent === null ? <span className="muted">{t("notApplicable")}</span> : formatPercent(locale, period.achievedPercent)}</td>
                    <td>
                      <StatusBadge status={period.status} />
                    </td>
                  </tr>,
                  ...period.breakdown.map((cell) => (
                    <tr key={`${period.periodStart}/${period.periodEnd}/${cell.dimensionKey}`}>
                      <td>{dimensionsText(cell.dimensions)}</td>
                      <td className="num">
                        <IndicatorValue value={cell.target} unit={indicator.unit} />
                      </td>
                      <td className="num">
                        <Actual cell={cell} unit={indicator.unit} records={recordsLink(period, cell.dimensionKey)} context={`${dimensionsText(cell.dimensions)}, ${period.periodStart} – ${period.periodEnd}`} />
                      </td>
                      <td className="num">{cell.achievedPercent === null ? <span className="muted">{t("notApplicable")}</span> : formatPercent(locale, cell.achievedPercent)}</td>
                      <td>{cell.target === null ? null : <StatusBadge status={cell.status} />}</td>
                    </tr>
                  )),
                ])}
              </tbody>
            </table>
          </div>
        )}
        <ProgressRuleNote rule={indicator.progressRule} />
        <FormErrors messages={recordFailure?.formErrors} />
        {openComputedPeriods.map((period) => (
          <Form method="post" className="inline-form" key={`${period.periodStart}/${period.periodEnd}`}>
            <input type="hidden" name="intent" value="recordComputed" />
            <input type="hidden" name="periodStart" value={period.periodStart} />
            <input type="hidden" name="periodEnd" value={period.periodEnd} />
            <SubmitButton
              intent="recordComputed"
              target={period.periodStart}
              label={t("indicator.recordComputed", { period: `${period.periodStart} – ${period.periodEnd}` })}
              busyLabel={t("saving")}
              className="button button--secondary"
            />
          </Form>
        ))}
      </section>

      <section aria-labelledby="targets-heading">
        <h2 id="targets-heading">{t("indicator.targets")}</h2>
        {indicator.targets.length === 0 ? (
          <p className="empty-state">{t("indicator.noTargets")}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="targets-heading" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t("indicator.targetsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("indicators.period")}</th>
                  <th scope="col">{t("indicator.cell")}</th>
                  <th scope="col" className="num">
                    {t("indicators.target")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {indicator.targets.map((target) => (
                  <tr key={target.id}>
                    <td className="nowrap">
                      <DateRange start={target.periodStart} end={target.periodEnd} />
                    </td>
                    <td>{dimensionsText(target.dimensions)}</td>
                    <td className="num">
                      <IndicatorValue value={target.value} unit={indicator.unit} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="values-heading">
        <h2 id="values-heading">{t("indicator.values")}</h2>
        <FormErrors messages={lockFailure?.formErrors} />
        {sortedValues.length === 0 ? (
          <p className="empty-state">{t("indicator.noValues")}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="values-heading" tabIndex={0}>
            <table className="values-table">
              <caption className="visually-hidden">{t("indicator.valuesCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("indicators.period")}</th>
                  <th scope="col">{t("indicator.cell")}</th>
                  <th scope="col" className="num">
                    {t("indicator.value")}
                  </th>
                  <th scope="col">{t("indicator.evidence")}</th>
                  <th scope="col">{t("indicator.status")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {sortedValues.map((v) => {
                  const superseded = v.supersededById !== null;
                  const replaces = v.supersedesId ? valuesById.get(v.supersedesId) : undefined;
                  return (
                    <tr key={v.id} className={superseded ? "row--superseded" : undefined}>
                      <td className="nowrap">
                        <DateRange start={v.periodStart} end={v.periodEnd} />
                      </td>
                      <td>{dimensionsText(v.dimensions)}</td>
                      <td className="num">{superseded ? <s>{<IndicatorValue value={v.value} unit={indicator.unit} />}</s> : <IndicatorValue value={v.value} unit={indicator.unit} />}</td>
                      <td className="evidence">
                        {v.evidenceUrl ? (
                          <a href={v.evidenceUrl} rel="noreferrer noopener" target="_blank">
                            {t("indicator.evidenceLink")}
                            <span className="visually-hidden"> {t("indicator.opensNewTab")}</span>
                          </a>
                        ) : null}
                        {v.evidenceNote ? <span className="block">{v.evidenceNote}</span> : null}
                        {!v.evidenceUrl && !v.evidenceNote ? <span className="muted">{t("none")}</span> : null}
                        {v.reason ? <span className="block muted small">{t("indicator.reasonShown", { reason: v.reason })}</span> : null}
                        {replaces ? (
                          <span className="block muted small">
                            {t("indicator.replaces", { value: replaces.value ?? "" })}
                          </span>
                        ) : null}
                      </td>
                      <td>
                        {superseded ? (
                          <span className="badge badge--superseded">{t("indicator.superseded")}</span>
                        ) : v.lockedAt ? (
                          <span className="badge badge--locked">
                            <span aria-hidden="true">🔒 </span>
                            {t("indicator.locked")}
                          </span>
                        ) : (
                          <span className="badge badge--open">{t("indicator.open")}</span>
                        )}
                        <span className="block muted small">
                          {v.lockedAt ? (
                            <>
                              {t("indicator.lockedOn")} <DateText iso={v.lockedAt} />
                            </>
                          ) : (
                            <>
                              {t("indicator.enteredOn")} <DateText iso={v.createdAt} />
                            </>
                          )}
                        </span>
                      </td>
                      <td className="row-actions">
                        {!superseded && v.lockedAt ? (
                          <Link to={`?correct=${v.id}#value-form-heading`} className="button button--small button--secondary" aria-label={t("indicator.correctLabel", { period: v.periodStart })}>
                            {t("indicator.correct")}
                          </Link>
                        ) : null}
                        {!superseded && !v.lockedAt ? (
                          <Form method="post" className="inline-form">
                            <input type="hidden" name="intent" value="lock" />
                            <input type="hidden" name="target" value={v.id} />
                            <input type="hidden" name="version" value={v.version} />
                            <SubmitButton intent="lock" target={v.id} label={t("indicator.lock")} busyLabel={t("saving")} className="button button--small button--secondary" />
                          </Form>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <p className="note">{t("indicator.lockNote")}</p>
      </section>

      <section aria-labelledby="value-form-heading" className="form-panel" id="value-form">
        <h2 id="value-form-heading">{correcting ? t("indicator.correctHeading") : t("indicator.addValue")}</h2>
        {correcting ? (
          <p>
            {t("indicator.correctingLead", { value: correcting.value ?? "" })} <DateRange start={correcting.periodStart} end={correcting.periodEnd} />
            {Object.keys(correcting.dimensions).length > 0 ? ` · ${dimensionsText(correcting.dimensions)}` : null}.{" "}
            <Link to="?#value-form-heading">{t("indicator.cancelCorrection")}</Link>
          </p>
        ) : (
          <p className="note">{indicator.source === "MANUAL" ? t("indicator.evidenceRequired") : t("indicator.evidenceAdvised")}</p>
        )}
        <Form method="post" className="form form--grid" noValidate key={correcting?.id ?? "new"}>
          <input type="hidden" name="intent" value="addValue" />
          <FormErrors messages={valueFailure?.formErrors} />
          {correcting ? (
            <>
              <input type="hidden" name="supersedesId" value={correcting.id} />
              <input type="hidden" name="periodStart" value={correcting.periodStart} />
              <input type="hidden" name="periodEnd" value={correcting.periodEnd} />
              {Object.entries(correcting.dimensions).map(([key, v]) => (
                <input key={key} type="hidden" name={`dim.${key}`} value={v} />
              ))}
            </>
          ) : (
            <>
              <TextField name="periodStart" type="date" label={t("indicator.periodStart")} defaultValue={value("periodStart")} error={err("periodStart")} required />
              <TextField name="periodEnd" type="date" label={t("indicator.periodEnd")} defaultValue={value("periodEnd")} error={err("periodEnd")} required />
              {breakdowns.map((dimension) => {
                const choices = DIMENSION_CHOICES[dimension as keyof typeof DIMENSION_CHOICES] as readonly string[] | undefined;
                const label = t("indicator.breakdownBy", { dimension: t(`disaggregation.${dimension as "sex"}`) });
                const dimError = errorText(valueFailure?.errors.dimensions);
                return choices ? (
                  <SelectField
                    key={dimension}
                    name={`dim.${dimension}`}
                    label={label}
                    defaultValue={value(`dim.${dimension}`)}
                    error={dimError}
                    emptyLabel={t("indicators.total")}
                    options={choices.map((c) => ({ value: c, label: dimension === "sex" ? t(`personSex.${c as "FEMALE"}`) : c }))}
                  />
                ) : (
                  <TextField key={dimension} name={`dim.${dimension}`} label={label} hint={t("indicator.regionHint")} defaultValue={value(`dim.${dimension}`)} error={dimError} />
                );
              })}
            </>
          )}
          <TextField
            name="value"
            inputMode="decimal"
            label={indicator.unit ? t("indicator.valueIn", { unit: indicator.unit }) : t("indicator.value")}
            defaultValue={value("value")}
            error={err("value")}
            required
          />
          <TextField name="evidenceUrl" type="url" label={t("indicator.evidenceUrl")} hint={t("indicator.evidenceUrlHint")} defaultValue={value("evidenceUrl")} error={err("evidenceUrl")} wide />
          <TextAreaField name="evidenceNote" label={t("indicator.evidenceNote")} hint={t("indicator.evidenceNoteHint")} defaultValue={value("evidenceNote")} error={err("evidenceNote")} wide />
          <TextAreaField
            name="reason"
            label={correcting ? t("indicator.reasonRequired") : t("indicator.reason")}
            defaultValue={value("reason")}
            error={err("reason") ?? err("supersedesId")}
            required={correcting !== null}
            wide
          />
          <div className="form-actions">
            <SubmitButton intent="addValue" label={correcting ? t("indicator.saveCorrection") : t("indicator.saveValue")} busyLabel={t("saving")} />
          </div>
        </Form>
      </section>
    </>
  );
}

/** An actual with where it comes from: a computed figure says so and links to the records it counted. */
function Actual({ cell, unit, records, context }: { cell: { actual: number | null; actualSource: "RECORDED" | "COMPUTED" | null }; unit: string; records: string | null; context: string }) {
  const { t } = useTranslation("programme");
  return (
    <>
      <IndicatorValue value={cell.actual} unit={unit} />
      {cell.actualSource === "COMPUTED" ? <ComputedMark /> : null}
      {records && cell.actualSource !== null ? (
        <Link to={records} className="block small">
          {t("indicator.records")}
          <span className="visually-hidden"> ({context})</span>
        </Link>
      ) : null}
    </>
  );
}
