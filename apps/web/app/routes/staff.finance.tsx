import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { getAreaT, getLocale } from "../i18n.server";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BudgetInputSchema, ExpenditureInputSchema } from "@vep/domain";
import { DateRange, DateText } from "../components/date-range";
import { FormErrors, SavedMessage, SelectField, SubmitButton, TextAreaField, TextField, useErrorText } from "../components/programme/fields";
import { requireUser } from "../lib/auth.server";
import {
  failure,
  failureFor,
  formatMoney,
  formatPercent,
  formValues,
  issuesToErrors,
  optionalText,
  problemToErrors,
  STAFF_ROLES,
  toMinorUnits,
  type FieldErrors,
  type FormValues,
} from "../lib/programme-forms";
import { createBudget, createExpenditure, listActivities, listBudgets, listExpenditures, listOutputs, listProgrammes, pickProgramme } from "../lib/programme.server";
import { CsvLink } from "../components/csv-link";
import { localised } from "../lib/localised";

export const handle = { i18n: ["common", "programme", "exports"] };

const BUDGET_FIELDS = ["periodStart", "periodEnd", "amount", "currency", "outputId", "status", "type"] as const;
const EXPENDITURE_FIELDS = ["spentOn", "amount", "currency", "activityId", "description"] as const;
const MONEY_RENAME = { amountMinor: "amount" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const { api } = await requireUser(request, context, STAFF_ROLES);
  const [t, programmes] = await Promise.all([getAreaT(request, "programme"), listProgrammes(api, request)]);
  const programme = pickProgramme(programmes.items, new URL(request.url).searchParams.get("programmeId"));
  const [budgets, expenditures, outputs, activities] = programme
    ? await Promise.all([
        listBudgets(api, request, programme.id),
        listExpenditures(api, request, programme.id),
        listOutputs(api, request, programme.id),
        listActivities(api, request, programme.id),
      ])
    : [null, null, null, null];
  return {
    title: t("finance.title"),
    programmes: programmes.items.map((p) => ({ value: p.id, label: localised(p, "title", locale) })),
    programme: programme ? { id: programme.id, title: localised(programme, "title", locale), defaultCurrency: programme.defaultCurrency } : null,
    budgets: budgets?.items ?? [],
    expenditures: expenditures?.items ?? [],
    outputs: (outputs?.items ?? []).map((o) => ({ value: o.id, label: `${o.code} ${localised(o, "title", locale)}` })),
    activities: (activities?.items ?? []).map((a) => ({ value: a.id, label: a.code ? `${a.code} ${localised(a, "title", locale)}` : localised(a, "title", locale) })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

function amountError(values: FormValues, errors: FieldErrors) {
  errors.amount = { code: values.amount?.trim() ? "amount" : "required" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requireUser(request, context, STAFF_ROLES);
  const values = formValues(await request.formData());
  const programmeId = values.programmeId ?? "";
  const here = `/staff/finance?programmeId=${encodeURIComponent(programmeId)}`;
  const currency = (values.currency ?? "").trim().toUpperCase();
  const amountMinor = toMinorUnits(values.amount, currency);

  if (values.intent === "addExpenditure") {
    const parsed = ExpenditureInputSchema.safeParse({
      programmeId,
      activityId: optionalText(values.activityId),
      spentOn: values.spentOn ?? "",
      amountMinor: amountMinor ?? undefined,
      currency,
      description: values.description ?? "",
    });
    if (!parsed.success || amountMinor === null) {
      const errors: FieldErrors = parsed.success ? {} : issuesToErrors(parsed.error.issues, MONEY_RENAME);
      if (amountMinor === null) amountError(values, errors);
      return data(failure("addExpenditure", errors, [], values), { status: 400 });
    }
    const result = await createExpenditure(api, request, parsed.data);
    if (!result.ok) {
      const { errors, unplaced } = problemToErrors(result.problem, EXPENDITURE_FIELDS, MONEY_RENAME);
      return data(failure("addExpenditure", errors, unplaced, values), { status: result.status });
    }
    throw redirect(`${here}&saved=expenditure#expenditure-heading`);
  }

  const parsed = BudgetInputSchema.safeParse({
    programmeId,
    outputId: optionalText(values.outputId),
    periodStart: values.periodStart ?? "",
    periodEnd: values.periodEnd ?? "",
    amountMinor: amountMinor ?? undefined,
    currency,
    status: values.status || undefined,
    type: values.type || undefined,
  });
  if (!parsed.success || amountMinor === null) {
    const errors: FieldErrors = parsed.success ? {} : issuesToErrors(parsed.error.issues, MONEY_RENAME);
    if (amountMinor === null) amountError(values, errors);
    return data(failure("addBudget", errors, [], values), { status: 400 });
  }
  const result = await createBudget(api, request, parsed.data);
  if (!result.ok) {
    const { errors, unplaced } = problemToErrors(result.problem, BUDGET_FIELDS, MONEY_RENAME);
    return data(failure("addBudget", errors, unplaced, values), { status: result.status });
  }
  throw redirect(`${here}&saved=budget#budgets-heading`);
}

interface YearRow {
  year: number;
  currency: string;
  budgetMinor: number;
  spentMinor: number;
}

/**
 * Budget and expenditure per calendar year and currency (a budget counts in the year its period starts).
 * Only whole-programme lines count: an output's line is a share of the programme's, not an addition.
 */
function byYear(budgets: { periodStart: string; amountMinor: number; currency: string; outputId: string | null }[], expenditures: { spentOn: string; amountMinor: number; currency: string }[]): YearRow[] {
  const rows = new Map<string, YearRow>();
  const row = (year: number, currency: string) => {
    const key = `${year}|${currency}`;
    let found = rows.get(key);
    if (!found) rows.set(key, (found = { year, currency, budgetMinor: 0, spentMinor: 0 }));
    return found;
  };
  for (const b of budgets.filter((line) => line.outputId === null)) row(Number(b.periodStart.slice(0, 4)), b.currency).budgetMinor += b.amountMinor;
  for (const e of expenditures) row(Number(e.spentOn.slice(0, 4)), e.currency).spentMinor += e.amountMinor;
  return [...rows.values()].sort((a, b) => a.year - b.year || a.currency.localeCompare(b.currency));
}

export default function FinancePage() {
  const { programmes, programme, budgets, expenditures, outputs, activities } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("programme");
  const locale = i18n.language;
  const [params] = useSearchParams();
  const actionData = useActionData<typeof action>();
  const errorText = useErrorText();
  const budgetFailure = failureFor(actionData, "addBudget");
  const spendFailure = failureFor(actionData, "addExpenditure");
  const bErr = (f: string) => errorText(budgetFailure?.errors[f]);
  const bVal = (f: string, fallback = "") => budgetFailure?.values[f] ?? fallback;
  const sErr = (f: string) => errorText(spendFailure?.errors[f]);
  const sVal = (f: string, fallback = "") => spendFailure?.values[f] ?? fallback;
  const outputTitle = new Map(outputs.map((o) => [o.value, o.label]));
  const activityTitle = new Map(activities.map((a) => [a.value, a.label]));
  const years = byYear(budgets, expenditures);
  const saved = params.get("saved");
  const currency = programme?.defaultCurrency ?? "";

  return (
    <>
      <header className="intro">
        <p className="eyebrow">{t("staffEyebrow")}</p>
        <h1>{t("finance.title")}</h1>
        <p className="lead">{t("finance.lead")}</p>
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

      <SavedMessage message={saved === "budget" ? t("finance.budgetSaved") : saved === "expenditure" ? t("finance.expenditureSaved") : null} />

      {!programme ? (
        <p className="empty-state">{t("noProgrammes")}</p>
      ) : (
        <>
          <section aria-labelledby="years-heading">
            <h2 id="years-heading">{t("finance.byYear")}</h2>
            {years.length === 0 ? (
              <p className="empty-state">{t("finance.noMoney")}</p>
            ) : (
              <div className="table-scroll" role="region" aria-labelledby="years-heading" tabIndex={0}>
                <table>
                  <caption className="visually-hidden">{t("finance.byYearCaption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("finance.year")}</th>
                      <th scope="col">{t("finance.currency")}</th>
                      <th scope="col" className="num">
                        {t("finance.budget")}
                      </th>
                      <th scope="col" className="num">
                        {t("finance.spent")}
                      </th>
                      <th scope="col" className="num">
                        {t("finance.spentShare")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {years.map((row) => (
                      <tr key={`${row.year}-${row.currency}`}>
                        <th scope="row">{row.year}</th>
                        <td>{row.currency}</td>
                        <td className="num">{formatMoney(locale, row.budgetMinor, row.currency)}</td>
                        <td className="num">{formatMoney(locale, row.spentMinor, row.currency)}</td>
                        <td className="num">{row.budgetMinor > 0 ? formatPercent(locale, (row.spentMinor / row.budgetMinor) * 100) : <span className="muted">{t("notApplicable")}</span>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <p className="note">{t("finance.byYearNote")}</p>
          </section>

          <div className="split split--even">
            <section aria-labelledby="budgets-heading">
              <h2 id="budgets-heading">{t("finance.budgets")}</h2>
              <p className="page-actions">
                <CsvLink list="budgets" query={{ programmeId: programme.id }} />
              </p>
              {budgets.length === 0 ? (
                <p className="empty-state">{t("finance.noBudgets")}</p>
              ) : (
                <div className="table-scroll" role="region" aria-labelledby="budgets-heading" tabIndex={0}>
                  <table>
                    <caption className="visually-hidden">{t("finance.budgetsCaption")}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("finance.period")}</th>
                        <th scope="col">{t("finance.for")}</th>
                        <th scope="col" className="num">
                          {t("finance.amount")}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {budgets.map((b) => (
                        <tr key={b.id}>
                          <td className="nowrap">
                            <DateRange start={b.periodStart} end={b.periodEnd} />
                          </td>
                          <td>
                            {b.outputId ? (outputTitle.get(b.outputId) ?? t("finance.output")) : t("finance.wholeProgramme")}
                            <span className="muted block small">
                              {t(`budgetStatus.${b.status}`)} · {t(`budgetType.${b.type}`)}
                            </span>
                          </td>
                          <td className="num">{formatMoney(locale, b.amountMinor, b.currency)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>

            <section aria-labelledby="expenditure-heading">
              <h2 id="expenditure-heading">{t("finance.expenditure")}</h2>
              <p className="page-actions">
                <CsvLink list="expenditures" query={{ programmeId: programme.id }} />
              </p>
              {expenditures.length === 0 ? (
                <p className="empty-state">{t("finance.noExpenditure")}</p>
              ) : (
                <div className="table-scroll" role="region" aria-labelledby="expenditure-heading" tabIndex={0}>
                  <table>
                    <caption className="visually-hidden">{t("finance.expenditureCaption")}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("finance.spentOn")}</th>
                        <th scope="col">{t("finance.description")}</th>
                        <th scope="col" className="num">
                          {t("finance.amount")}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {expenditures.map((e) => (
                        <tr key={e.id}>
                          <td className="nowrap">
                            <DateText iso={e.spentOn} />
                          </td>
                          <td>
                            {e.description || <span className="muted">{t("none")}</span>}
                            {e.activityId ? <span className="muted block small">{activityTitle.get(e.activityId) ?? t("finance.activity")}</span> : null}
                          </td>
                          <td className="num">{formatMoney(locale, e.amountMinor, e.currency)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          </div>

          <div className="split split--even">
            <section aria-labelledby="add-budget" className="form-panel">
              <h2 id="add-budget">{t("finance.addBudget")}</h2>
              <p className="note">{t("finance.budgetRule")}</p>
              <Form method="post" className="form" noValidate>
                <input type="hidden" name="intent" value="addBudget" />
                <input type="hidden" name="programmeId" value={programme.id} />
                <FormErrors messages={budgetFailure?.formErrors} />
                <TextField idPrefix="budget-" name="periodStart" type="date" label={t("finance.periodStart")} defaultValue={bVal("periodStart")} error={bErr("periodStart")} required />
                <TextField idPrefix="budget-" name="periodEnd" type="date" label={t("finance.periodEnd")} defaultValue={bVal("periodEnd")} error={bErr("periodEnd")} required />
                <TextField idPrefix="budget-" name="amount" inputMode="decimal" label={t("finance.amount")} hint={t("finance.amountHint")} defaultValue={bVal("amount")} error={bErr("amount")} required />
                <TextField idPrefix="budget-" name="currency" label={t("finance.currency")} defaultValue={bVal("currency", currency)} error={bErr("currency")} maxLength={3} required />
                <SelectField idPrefix="budget-" name="outputId" label={t("finance.for")} defaultValue={bVal("outputId")} error={bErr("outputId")} emptyLabel={t("finance.wholeProgramme")} options={outputs} />
                <SelectField
                  idPrefix="budget-"
                  name="status"
                  label={t("finance.status")}
                  defaultValue={bVal("status", "COMMITTED")}
                  error={bErr("status")}
                  options={(["COMMITTED", "INDICATIVE"] as const).map((s) => ({ value: s, label: t(`budgetStatus.${s}`) }))}
                />
                <SelectField
                  idPrefix="budget-"
                  name="type"
                  label={t("finance.type")}
                  defaultValue={bVal("type", "ORIGINAL")}
                  error={bErr("type")}
                  options={(["ORIGINAL", "REVISED"] as const).map((s) => ({ value: s, label: t(`budgetType.${s}`) }))}
                />
                <div className="form-actions">
                  <SubmitButton intent="addBudget" label={t("finance.addBudget")} busyLabel={t("saving")} />
                </div>
              </Form>
            </section>

            <section aria-labelledby="add-expenditure" className="form-panel">
              <h2 id="add-expenditure">{t("finance.addExpenditure")}</h2>
              <p className="note">{t("finance.expenditureRule")}</p>
              <Form method="post" className="form" noValidate>
                <input type="hidden" name="intent" value="addExpenditure" />
                <input type="hidden" name="programmeId" value={programme.id} />
                <FormErrors messages={spendFailure?.formErrors} />
                <TextField idPrefix="spend-" name="spentOn" type="date" label={t("finance.spentOn")} defaultValue={sVal("spentOn")} error={sErr("spentOn")} required />
                <TextField idPrefix="spend-" name="amount" inputMode="decimal" label={t("finance.amount")} hint={t("finance.amountHint")} defaultValue={sVal("amount")} error={sErr("amount")} required />
                <TextField idPrefix="spend-" name="currency" label={t("finance.currency")} defaultValue={sVal("currency", currency)} error={sErr("currency")} maxLength={3} required />
                <SelectField idPrefix="spend-" name="activityId" label={t("finance.activity")} defaultValue={sVal("activityId")} error={sErr("activityId")} emptyLabel={t("finance.noActivity")} options={activities} />
                <TextAreaField idPrefix="spend-" name="description" label={t("finance.description")} defaultValue={sVal("description")} error={sErr("description")} />
                <div className="form-actions">
                  <SubmitButton intent="addExpenditure" label={t("finance.addExpenditure")} busyLabel={t("saving")} />
                </div>
              </Form>
            </section>
          </div>
        </>
      )}
    </>
  );
}
