import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { getAreaT, getLocale } from "../i18n.server";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ContributionInputSchema, ContributionPaymentInputSchema } from "@vep/domain";
import { notFound } from "../api.server";
import { DateText } from "../components/date-range";
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
} from "../lib/programme-forms";
import { addPayment, createContribution, getDonor, listDonorContributions, listProgrammes } from "../lib/programme.server";
import { localised } from "../lib/localised";

export const handle = { i18n: ["common", "programme", "reports"] };

const EARMARKINGS = ["EARMARKED", "SOFTLY_EARMARKED", "UNEARMARKED"] as const;
const CONTRIBUTION_FIELDS = ["programmeId", "amount", "currency", "pledgedOn", "earmarking", "reference", "note"] as const;
const PAYMENT_FIELDS = ["receivedOn", "amount", "currency"] as const;
const MONEY_RENAME = { amountMinor: "amount" };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const { api } = await requireUser(request, context, STAFF_ROLES);
  const id = params.id;
  if (!id) notFound();
  const [t, donor, contributions, programmes] = await Promise.all([
    getAreaT(request, "programme"),
    getDonor(api, request, id),
    listDonorContributions(api, request, id),
    listProgrammes(api, request),
  ]);
  return {
    title: t("donor.title", { name: localised(donor.organisation, "name", locale) }),
    donor,
    contributions,
    programmes: programmes.items.map((p) => ({ id: p.id, title: localised(p, "title", locale), defaultCurrency: p.defaultCurrency })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requireUser(request, context, STAFF_ROLES);
  const donorId = params.id;
  if (!donorId) notFound();
  const values = formValues(await request.formData());
  const here = `/staff/donors/${donorId}`;

  if (values.intent === "addPayment") {
    const contributionId = values.target ?? "";
    const currency = values.currency ?? "";
    const amountMinor = toMinorUnits(values.amount, currency);
    const parsed = ContributionPaymentInputSchema.safeParse({ receivedOn: values.receivedOn ?? "", amountMinor: amountMinor ?? undefined, currency });
    if (!parsed.success || amountMinor === null) {
      const errors: FieldErrors = parsed.success ? {} : issuesToErrors(parsed.error.issues, MONEY_RENAME);
      if (amountMinor === null) errors.amount = { code: values.amount?.trim() ? "amount" : "required" };
      return data(failure("addPayment", errors, [], values, contributionId), { status: 400 });
    }
    const result = await addPayment(api, request, contributionId, parsed.data);
    if (!result.ok) {
      const { errors, unplaced } = problemToErrors(result.problem, PAYMENT_FIELDS, MONEY_RENAME);
      return data(failure("addPayment", errors, unplaced, values, contributionId), { status: result.status });
    }
    throw redirect(`${here}?saved=payment#contribution-${contributionId}`);
  }

  const currency = (values.currency ?? "").trim().toUpperCase();
  const amountMinor = toMinorUnits(values.amount, currency);
  const parsed = ContributionInputSchema.safeParse({
    programmeId: values.programmeId ?? "",
    donorId,
    amountMinor: amountMinor ?? undefined,
    currency,
    pledgedOn: values.pledgedOn ?? "",
    earmarking: values.earmarking || undefined,
    reference: optionalText(values.reference),
    note: optionalText(values.note),
  });
  if (!parsed.success || amountMinor === null) {
    const errors: FieldErrors = parsed.success ? {} : issuesToErrors(parsed.error.issues, MONEY_RENAME);
    if (amountMinor === null) errors.amount = { code: values.amount?.trim() ? "amount" : "required" };
    return data(failure("addContribution", errors, [], values), { status: 400 });
  }
  const result = await createContribution(api, request, parsed.data);
  if (!result.ok) {
    const { errors, unplaced } = problemToErrors(result.problem, CONTRIBUTION_FIELDS, MONEY_RENAME);
    return data(failure("addContribution", errors, unplaced, values), { status: result.status });
  }
  throw redirect(`${here}?saved=contribution#contribution-${result.data.id}`);
}

export default function DonorPage() {
  const { donor, contributions, programmes } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("programme");
  const { t: tr } = useTranslation("reports");
  const locale = i18n.language;
  const [params] = useSearchParams();
  const actionData = useActionData<typeof action>();
  const errorText = useErrorText();
  const contributionFailure = failureFor(actionData, "addContribution");
  const cErr = (field: string) => errorText(contributionFailure?.errors[field]);
  const cValue = (field: string, fallback = "") => contributionFailure?.values[field] ?? fallback;
  const programmeTitle = new Map(programmes.map((p) => [p.id, p.title]));
  const fundedProgrammes = [...new Set(contributions.map((c) => c.programmeId))];
  const saved = params.get("saved");

  return (
    <>
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <Link to="/staff/donors">{t("donor.back")}</Link>
      </nav>
      <header className="intro">
        <p className="eyebrow">{t("donor.eyebrow")}</p>
        <h1>{localised(donor.organisation, "name", i18n.language)}</h1>
        <dl className="facts">
          <div>
            <dt>{t("donor.code")}</dt>
            <dd>
              <code>{donor.code}</code>
            </dd>
          </div>
          <div>
            <dt>{t("donor.iatiRef")}</dt>
            <dd>{donor.organisation.iatiRef ? <code>{donor.organisation.iatiRef}</code> : t("none")}</dd>
          </div>
          {donor.totals.map((total) => (
            <div key={total.currency}>
              <dt>{t("donor.totalIn", { currency: total.currency })}</dt>
              <dd>
                {t("donor.totalValue", {
                  received: formatMoney(locale, total.receivedMinor, total.currency),
                  pledged: formatMoney(locale, total.pledgedMinor, total.currency),
                })}
              </dd>
            </div>
          ))}
        </dl>
        {fundedProgrammes.length > 0 ? (
          <p className="page-actions">
            {fundedProgrammes.map((programmeId) => (
              <Link key={programmeId} to={`/reports/donor?${new URLSearchParams({ donorId: donor.id, programmeId })}`}>
                {tr("links.donorReport", { programme: programmeTitle.get(programmeId) ?? programmeId })}
              </Link>
            ))}
          </p>
        ) : null}
      </header>

      <SavedMessage message={saved === "payment" ? t("donor.paymentSaved") : saved === "contribution" ? t("donor.contributionSaved") : null} />

      <section aria-labelledby="contributions-heading">
        <h2 id="contributions-heading">{t("donor.contributions")}</h2>
        {contributions.length === 0 ? (
          <p className="empty-state">{t("donor.noContributions")}</p>
        ) : (
          <ol className="record-list">
            {contributions.map((contribution) => {
              const paymentFailure = failureFor(actionData, "addPayment", contribution.id);
              const pErr = (field: string) => errorText(paymentFailure?.errors[field]);
              const outstanding = contribution.amountMinor - contribution.receivedMinor;
              const prefix = `payment-${contribution.id}-`;
              return (
                <li key={contribution.id} id={`contribution-${contribution.id}`} className="record" aria-labelledby={`contribution-${contribution.id}-title`}>
                  <h3 id={`contribution-${contribution.id}-title`}>
                    {t("donor.contributionTitle", {
                      amount: formatMoney(locale, contribution.amountMinor, contribution.currency),
                      programme: programmeTitle.get(contribution.programmeId) ?? t("donor.unknownProgramme"),
                    })}
                  </h3>
                  <dl className="facts facts--compact">
                    <div>
                      <dt>{t("donor.pledgedOn")}</dt>
                      <dd>
                        <DateText iso={contribution.pledgedOn} />
                      </dd>
                    </div>
                    <div>
                      <dt>{t("donor.received")}</dt>
                      <dd>
                        {formatMoney(locale, contribution.receivedMinor, contribution.currency)}{" "}
                        <span className="muted">({formatPercent(locale, (contribution.receivedMinor / contribution.amountMinor) * 100)})</span>
                      </dd>
                    </div>
                    <div>
                      <dt>{t("donor.outstanding")}</dt>
                      <dd>{formatMoney(locale, outstanding, contribution.currency)}</dd>
                    </div>
                    <div>
                      <dt>{t("donor.earmarking")}</dt>
                      <dd>{t(`earmarking.${contribution.earmarking}`)}</dd>
                    </div>
                    {contribution.reference ? (
                      <div>
                        <dt>{t("donor.reference")}</dt>
                        <dd>
                          <code>{contribution.reference}</code>
                        </dd>
                      </div>
                    ) : null}
                  </dl>
                  {contribution.note ? <p className="note">{contribution.note}</p> : null}

                  <h4 id={`${prefix}heading`}>{t("donor.payments")}</h4>
                  {contribution.payments.length === 0 ? (
                    <p className="empty-state">{t("donor.noPayments")}</p>
                  ) : (
                    <div className="table-scroll">
                      <table>
                        <caption className="visually-hidden">{t("donor.paymentsCaption")}</caption>
                        <thead>
                          <tr>
                            <th scope="col">{t("donor.receivedOn")}</th>
                            <th scope="col" className="num">
                              {t("donor.amount")}
                            </th>
                          </tr>
                        </thead>
                        <tbody>
                          {contribution.payments.map((payment) => (
                            <tr key={payment.id}>
                              <td>
                                <DateText iso={payment.receivedOn} />
                              </td>
                              <td className="num">{formatMoney(locale, payment.amountMinor, payment.currency)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  )}

                  {outstanding > 0 ? (
                    <Form method="post" className="form form--inline" noValidate aria-label={t("donor.recordPaymentFor", { amount: formatMoney(locale, contribution.amountMinor, contribution.currency) })}>
                      <input type="hidden" name="intent" value="addPayment" />
                      <input type="hidden" name="target" value={contribution.id} />
                      <input type="hidden" name="currency" value={contribution.currency} />
                      <FormErrors messages={paymentFailure?.formErrors} />
                      <TextField
                        idPrefix={prefix}
                        name="receivedOn"
                        type="date"
                        label={t("donor.receivedOn")}
                        defaultValue={paymentFailure?.values.receivedOn ?? ""}
                        error={pErr("receivedOn")}
                        required
                      />
                      <TextField
                        idPrefix={prefix}
                        name="amount"
                        inputMode="decimal"
                        label={t("donor.amountIn", { currency: contribution.currency })}
                        hint={t("donor.amountHint", { amount: formatMoney(locale, outstanding, contribution.currency) })}
                        defaultValue={paymentFailure?.values.amount ?? ""}
                        error={pErr("amount") ?? pErr("currency")}
                        required
                      />
                      <div className="form-actions">
                        <SubmitButton intent="addPayment" target={contribution.id} label={t("donor.recordPayment")} busyLabel={t("saving")} />
                      </div>
                    </Form>
                  ) : (
                    <p className="note">{t("donor.fullyReceived")}</p>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <section aria-labelledby="add-contribution" className="form-panel">
        <h2 id="add-contribution">{t("donor.addContribution")}</h2>
        {programmes.length === 0 ? (
          <p className="empty-state">{t("donor.noProgrammes")}</p>
        ) : (
          <Form method="post" className="form form--grid" noValidate>
            <input type="hidden" name="intent" value="addContribution" />
            <FormErrors messages={contributionFailure?.formErrors} />
            <SelectField
              name="programmeId"
              label={t("donor.programme")}
              defaultValue={cValue("programmeId", programmes[0]?.id ?? "")}
              error={cErr("programmeId")}
              options={programmes.map((p) => ({ value: p.id, label: p.title }))}
              wide
            />
            <TextField name="amount" inputMode="decimal" label={t("donor.pledgeAmount")} hint={t("donor.pledgeAmountHint")} defaultValue={cValue("amount")} error={cErr("amount")} required />
            <TextField
              name="currency"
              label={t("donor.currency")}
              hint={t("donor.currencyHint")}
              defaultValue={cValue("currency", donor.totals[0]?.currency ?? programmes[0]?.defaultCurrency ?? "")}
              error={cErr("currency")}
              maxLength={3}
              autoCapitalize="characters"
              required
            />
            <TextField name="pledgedOn" type="date" label={t("donor.pledgedOn")} defaultValue={cValue("pledgedOn")} error={cErr("pledgedOn")} required />
            <SelectField
              name="earmarking"
              label={t("donor.earmarking")}
              defaultValue={cValue("earmarking", "EARMARKED")}
              error={cErr("earmarking")}
              options={EARMARKINGS.map((e) => ({ value: e, label: t(`earmarking.${e}`) }))}
            />
            <TextField name="reference" label={t("donor.reference")} hint={t("donor.referenceHint")} defaultValue={cValue("reference")} error={cErr("reference")} />
            <TextAreaField name="note" label={t("donor.note")} defaultValue={cValue("note")} error={cErr("note")} wide />
            <div className="form-actions">
              <SubmitButton intent="addContribution" label={t("donor.addContribution")} busyLabel={t("saving")} />
            </div>
          </Form>
        )}
      </section>
    </>
  );
}
