// One programme as an IATI 2.03 activity file (iati-activities with one iati-activity), in the element
// order the schema's sequences require. The file is public: it carries organisations, money and
// aggregate results, never a person (no participants, trainers, users, or staff-written free text).
import { Prisma } from "@vep/db";
import { budgetPeriodProblem, countsPeople, suppressSmall, type IatiProblem } from "@vep/domain";
import { create } from "xmlbuilder2";
import { fromDateColumn } from "../http/dates.js";
import { minorUnitExponent } from "../money/exchange-rates/conversion.js";

type XMLBuilder = ReturnType<typeof create>;

const byCell = (): Prisma.IndicatorTargetOrderByWithRelationInput[] => [{ periodStart: "asc" }, { periodEnd: "asc" }, { dimensionKey: "asc" }];
const indicators = {
  orderBy: { code: "asc" },
  // Values in force only: a superseded value has been corrected by another.
  include: { targets: { orderBy: byCell() }, values: { where: { supersededBy: { is: null } }, orderBy: byCell() } },
} satisfies Prisma.Outcome$indicatorsArgs;

/** What the file is made of, read in one query. Budgets of outputs are shares of the programme's, so only its own count. */
export const IATI_INCLUDE = {
  reportingOrg: true,
  countries: { include: { country: true }, orderBy: { country: { code: "asc" } } },
  organisations: { include: { organisation: true } },
  contributions: { include: { donor: { include: { organisation: true } }, payments: { orderBy: [{ receivedOn: "asc" }, { id: "asc" }] } }, orderBy: [{ pledgedOn: "asc" }, { id: "asc" }] },
  budgets: { where: { outputId: null }, orderBy: [{ periodStart: "asc" }, { id: "asc" }] },
  expenditures: { orderBy: [{ spentOn: "asc" }, { id: "asc" }] },
  outcomes: {
    orderBy: [{ position: "asc" }, { code: "asc" }],
    include: { indicators, outputs: { orderBy: [{ position: "asc" }, { code: "asc" }], include: { indicators } } },
  },
} satisfies Prisma.ProgrammeInclude;

export type ProgrammeForIati = Prisma.ProgrammeGetPayload<{ include: typeof IATI_INCLUDE }>;
type IndicatorRow = ProgrammeForIati["outcomes"][number]["indicators"][number];
type Organisation = ProgrammeForIati["reportingOrg"];

// Our enums → IATI codes (the codelists' own order).
const ACTIVITY_STATUS = { PIPELINE: "1", IMPLEMENTATION: "2", FINALISATION: "3", CLOSED: "4", CANCELLED: "5", SUSPENDED: "6" } as const;
const ORGANISATION_ROLE = { FUNDING: "1", ACCOUNTABLE: "2", EXTENDING: "3", IMPLEMENTING: "4" } as const;
const INDICATOR_MEASURE = { UNIT: "1", PERCENTAGE: "2", NOMINAL: "3", ORDINAL: "4", QUALITATIVE: "5" } as const;
const BUDGET_TYPE = { ORIGINAL: "1", REVISED: "2" } as const;
const BUDGET_STATUS = { INDICATIVE: "1", COMMITTED: "2" } as const;
const TRANSACTION = { INCOMING_FUNDS: "1", EXPENDITURE: "4", INCOMING_COMMITMENT: "11" } as const;
const RESULT = { OUTPUT: "1", OUTCOME: "2" } as const;
const DATE = { PLANNED_START: "1", ACTUAL_START: "2", PLANNED_END: "3", ACTUAL_END: "4" } as const;
const DESCRIPTION_GENERAL = "1";
const DAC_5_DIGIT = "1";
/** Organisation names are kept in English, the reference data's language; other languages are translations. */
const ORGANISATION_NAME_LANGUAGE = "en";

/** Integer minor units as the decimal amount IATI expects (12345 USD cents → "123.45"). */
function decimalAmount(amountMinor: bigint, currency: string): string {
  const places = minorUnitExponent(currency);
  return new Prisma.Decimal(amountMinor.toString()).div(new Prisma.Decimal(10).pow(places)).toFixed(places);
}

export interface BuiltActivity {
  xml: string;
  /** IATI rules the data breaks that the schema cannot see (e.g. a budget period longer than a year). */
  problems: IatiProblem[];
}

export function buildActivityXml(programme: ProgrammeForIati, generatedAt: Date): BuiltActivity {
  const problems: IatiProblem[] = [];
  const language = programme.originalLanguage;
  const day = fromDateColumn;

  /** A text as one narrative per language held; xml:lang only where it differs from the activity's. */
  const narratives = (parent: XMLBuilder, text: string, translations: Prisma.JsonValue, textLanguage: string) => {
    const add = (lang: string, value: string) => {
      const narrative = parent.ele("narrative");
      if (lang !== language) narrative.att("xml:lang", lang);
      narrative.txt(value);
    };
    add(textLanguage, text);
    const others = Object.entries((translations ?? {}) as Record<string, string>).filter(([lang, value]) => lang !== textLanguage && typeof value === "string" && value.trim() !== "");
    for (const [lang, value] of others.sort(([a], [b]) => (a < b ? -1 : 1))) add(lang, value);
    return parent;
  };
  const organisation = (element: XMLBuilder, org: Organisation) => {
    if (org.iatiRef) element.att("ref", org.iatiRef);
    if (org.iatiType) element.att("type", org.iatiType);
    return narratives(element, org.name, org.nameTranslations, ORGANISATION_NAME_LANGUAGE);
  };

  const root = create({ version: "1.0", encoding: "UTF-8" }).ele("iati-activities", { version: "2.03", "generated-datetime": generatedAt.toISOString() });
  const activity = root.ele("iati-activity", { "last-updated-datetime": lastUpdated(programme).toISOString(), "xml:lang": language, "default-currency": programme.defaultCurrency });

  activity.ele("iati-identifier").txt(programme.iatiIdentifier);
  const reporting = programme.reportingOrg;
  if (!reporting.iatiRef || !reporting.iatiType) problems.push({ source: "rule", path: "iati-activity/reporting-org", message: "The reporting organisation needs an IATI organisation identifier and type." });
  else if (!programme.iatiIdentifier.startsWith(`${reporting.iatiRef}-`)) {
    problems.push({ source: "rule", path: "iati-activity/iati-identifier", message: `The activity identifier must start with the reporting organisation's identifier ${reporting.iatiRef}-.` });
  }
  organisation(activity.ele("reporting-org"), reporting);
  narratives(activity.ele("title"), programme.title, programme.titleTranslations, language);
  // The schema needs a description; a programme without one is described by its title.
  const described = programme.description.trim() !== "";
  narratives(activity.ele("description", { type: DESCRIPTION_GENERAL }), described ? programme.description : programme.title, described ? programme.descriptionTranslations : programme.titleTranslations, language);

  const roles = [...programme.organisations].sort((a, b) => ORGANISATION_ROLE[a.role].localeCompare(ORGANISATION_ROLE[b.role]) || a.organisation.name.localeCompare(b.organisation.name));
  for (const role of roles) organisation(activity.ele("participating-org", { role: ORGANISATION_ROLE[role.role] }), role.organisation);

  activity.ele("activity-status", { code: ACTIVITY_STATUS[programme.status] });
  // Actual dates may not lie in the future (IATI): started once under way, ended once wound down.
  const today = day(generatedAt);
  const start = day(programme.startDate);
  const end = programme.endDate ? day(programme.endDate) : null;
  activity.ele("activity-date", { type: DATE.PLANNED_START, "iso-date": start });
  if (programme.status !== "PIPELINE" && start <= today) activity.ele("activity-date", { type: DATE.ACTUAL_START, "iso-date": start });
  if (end) activity.ele("activity-date", { type: DATE.PLANNED_END, "iso-date": end });
  if (end && (programme.status === "FINALISATION" || programme.status === "CLOSED") && end <= today) activity.ele("activity-date", { type: DATE.ACTUAL_END, "iso-date": end });

  const split = programme.countries.length > 1;
  for (const { country, percentage } of programme.countries) {
    const element = activity.ele("recipient-country", { code: country.code });
    if (percentage !== null) element.att("percentage", percentage.toString());
    else if (split) problems.push({ source: "rule", path: `iati-activity/recipient-country[code=${country.code}]`, message: "Several recipient countries need a percentage each." });
  }
  activity.ele("sector", { vocabulary: DAC_5_DIGIT, code: programme.dacSector });

  for (const budget of programme.budgets) {
    const [from, to] = [day(budget.periodStart), day(budget.periodEnd)];
    const tooLong = budgetPeriodProblem(from, to);
    // Splitting a longer line by year would invent the yearly amounts; the budget has to be entered per year.
    if (tooLong) {
      problems.push({ source: "rule", path: `iati-activity/budget[period-start=${from}]`, message: `Budget ${from} to ${to}: ${tooLong}; enter it as one line per year.` });
      continue;
    }
    const element = activity.ele("budget", { type: BUDGET_TYPE[budget.type], status: BUDGET_STATUS[budget.status] });
    element.ele("period-start", { "iso-date": from });
    element.ele("period-end", { "iso-date": to });
    element.ele("value", { currency: budget.currency, "value-date": from }).txt(decimalAmount(budget.amountMinor, budget.currency));
  }

  // Incoming commitments and funds from the donors, then spending; by date so the file reads as a ledger.
  const transactions = [
    ...programme.contributions.flatMap((c) => [
      { ref: c.id, type: TRANSACTION.INCOMING_COMMITMENT, on: c.pledgedOn, amountMinor: c.amountMinor, currency: c.currency, provider: c.donor.organisation },
      ...c.payments.map((p) => ({ ref: p.id, type: TRANSACTION.INCOMING_FUNDS, on: p.receivedOn, amountMinor: p.amountMinor, currency: p.currency, provider: c.donor.organisation })),
    ]),
    // An expenditure's description is staff's free text and may name a person: it stays out.
    ...programme.expenditures.map((e) => ({ ref: e.id, type: TRANSACTION.EXPENDITURE, on: e.spentOn, amountMinor: e.amountMinor, currency: e.currency, provider: null })),
  ].sort((a, b) => a.on.getTime() - b.on.getTime() || Number(a.type) - Number(b.type) || a.ref.localeCompare(b.ref));
  for (const t of transactions) {
    const element = activity.ele("transaction", { ref: t.ref });
    element.ele("transaction-type", { code: t.type });
    element.ele("transaction-date", { "iso-date": day(t.on) });
    element.ele("value", { currency: t.currency, "value-date": day(t.on) }).txt(decimalAmount(t.amountMinor, t.currency));
    if (t.provider) organisation(element.ele("provider-org"), t.provider);
  }

  const result = (type: string, framework: { title: string; titleTranslations: Prisma.JsonValue; description: string; descriptionTranslations: Prisma.JsonValue; originalLanguage: string; indicators: IndicatorRow[] }) => {
    // A result must hold an indicator (schema): one without any is left out until it has one.
    if (framework.indicators.length === 0) return;
    const element = activity.ele("result", { type });
    narratives(element.ele("title"), framework.title, framework.titleTranslations, framework.originalLanguage);
    if (framework.description.trim()) narratives(element.ele("description"), framework.description, framework.descriptionTranslations, framework.originalLanguage);
    for (const indicator of framework.indicators) indicatorElement(element, indicator, programme.startDate.getUTCFullYear(), narratives);
  };
  for (const outcome of programme.outcomes) {
    result(RESULT.OUTCOME, outcome);
    for (const output of outcome.outputs) result(RESULT.OUTPUT, output);
  }

  return { xml: root.end({ prettyPrint: true }), problems };
}

type Narratives = (parent: XMLBuilder, text: string, translations: Prisma.JsonValue, textLanguage: string) => XMLBuilder;

function indicatorElement(result: XMLBuilder, indicator: IndicatorRow, fallbackYear: number, narratives: Narratives) {
  const qualitative = indicator.measure === "QUALITATIVE";
  // Qualitative indicators carry no numeric values (IATI).
  const withValue = (attributes: Record<string, string>, value: Prisma.Decimal | null) => (qualitative || value === null ? attributes : { ...attributes, value: value.toString() });
  const element = result.ele("indicator", { measure: INDICATOR_MEASURE[indicator.measure], ascending: indicator.direction === "INCREASE" ? "1" : "0" });
  narratives(element.ele("title"), indicator.name, indicator.nameTranslations, indicator.originalLanguage);
  if (indicator.description.trim()) narratives(element.ele("description"), indicator.description, indicator.descriptionTranslations, indicator.originalLanguage);
  if (indicator.baselineValue !== null) {
    const attributes: Record<string, string> = { year: String(indicator.baselineDate?.getUTCFullYear() ?? fallbackYear) };
    if (indicator.baselineDate) attributes["iso-date"] = fromDateColumn(indicator.baselineDate);
    element.ele("baseline", withValue(attributes, indicator.baselineValue));
  }

  // The file is public, like a donor's view: a breakdown cell of 1 or 2 people trained (one region's two
  // officers) could point at those people, so such counts are left out of the file (as in the donor
  // dashboard), and so is a total that small.
  const hidden = (value: Prisma.Decimal) => countsPeople(indicator.metric) && suppressSmall(value.toNumber()).suppressed;
  const periods = new Map<string, { start: Date; end: Date; targets: IndicatorRow["targets"]; actuals: IndicatorRow["values"] }>();
  const periodOf = (row: { periodStart: Date; periodEnd: Date }) => {
    const key = `${fromDateColumn(row.periodStart)}/${fromDateColumn(row.periodEnd)}`;
    let period = periods.get(key);
    if (!period) periods.set(key, (period = { start: row.periodStart, end: row.periodEnd, targets: [], actuals: [] }));
    return period;
  };
  for (const target of indicator.targets) periodOf(target).targets.push(target);
  for (const value of indicator.values) if (!hidden(value.value)) periodOf(value).actuals.push(value);

  // Rows come ordered by dimension key, and the total's key "" sorts first.
  for (const [, period] of [...periods.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const periodElement = element.ele("period");
    periodElement.ele("period-start", { "iso-date": fromDateColumn(period.start) });
    periodElement.ele("period-end", { "iso-date": fromDateColumn(period.end) });
    const cell = (name: "target" | "actual", row: { value: Prisma.Decimal; dimensions: Prisma.JsonValue }) => {
      const child = periodElement.ele(name, withValue({}, row.value));
      const dimensions = Object.entries((row.dimensions ?? {}) as Record<string, string>).sort(([a], [b]) => (a < b ? -1 : 1));
      for (const [dimension, value] of dimensions) child.ele("dimension", { name: dimension, value });
    };
    for (const target of period.targets) cell("target", target);
    for (const actual of period.actuals) cell("actual", actual);
  }
}

/** When the activity's data last changed: the newest record the file is made of. */
function lastUpdated(p: ProgrammeForIati): Date {
  const indicatorsOf = (rows: IndicatorRow[]) => rows.flatMap((i) => [i, ...i.targets, ...i.values]);
  const records: { updatedAt: Date }[] = [
    p,
    ...p.organisations,
    ...p.countries,
    ...p.contributions.flatMap((c) => [c, ...c.payments]),
    ...p.budgets,
    ...p.expenditures,
    ...p.outcomes.flatMap((o) => [o, ...indicatorsOf(o.indicators), ...o.outputs.flatMap((out) => [out, ...indicatorsOf(out.indicators)])]),
  ];
  return new Date(Math.max(...records.map((r) => r.updatedAt.getTime())));
}
