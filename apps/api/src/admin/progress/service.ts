// The donor progress dashboard for one programme: funding by funder, budget against expenditure,
// activities delivered, reach by sex and region, indicator progress, satisfaction and consented quotes.
// A DONOR sees only programmes it co-funds; nobody gets a person's data here. Every figure is an
// aggregate computed in a constant number of queries, whatever the programme's size.
import type { Prisma } from "@vep/db";
import {
  achievedPercent,
  countsPeople,
  describeDefinition,
  describeProgressRule,
  NotFoundError,
  progressStatus,
  suppressSmall,
  type DonorProgress,
  type ProgressQuery,
  type ProgressRule,
} from "@vep/domain";
import type { ServiceContext } from "../../http/context.js";
import { dateBetween, fromDateColumn } from "../../http/dates.js";
import { fundedProgrammes } from "../../http/scope.js";
import { loadUsdConverter, NoExchangeRateError, type UsdConverter } from "../../money/exchange-rates/conversion.js";
import { computeReach } from "../../reach/service.js";
import { computedTotals } from "../../results/computed/evidence.js";

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/** A US-cent equivalent, or null when the day has no recorded rate (the report still shows the rest). */
function usd(convert: UsdConverter, amountMinor: bigint, currency: string, on: Date): bigint | null {
  try {
    return convert(amountMinor, currency, on);
  } catch (error) {
    if (error instanceof NoExchangeRateError) return null;
    throw error;
  }
}
const sumOrNull = (values: (bigint | null)[]) => (values.some((v) => v === null) ? null : Number(values.reduce<bigint>((a, v) => a + v!, 0n)));

type ProgrammeProgress = Omit<DonorProgress, "programmes">;

/** A programme's figures with their JSON as UTF-8, made once per change of the data (serialising is most of a request's work). */
interface KeptProgress {
  progress: ProgrammeProgress;
  json: Buffer;
}

async function keptProgress(ctx: ServiceContext, input: ProgressQuery) {
  // The programmes a donor funds (or all of them) change with the data too: kept the same way.
  const funded = ctx.scope === "funded-programmes";
  const programmes = await ctx.figures.get(`progress-programmes:${funded ? (ctx.user.donorId ?? "none") : "all"}`, () =>
    ctx.db.programme.findMany({ where: funded ? fundedProgrammes(ctx) : {}, orderBy: { createdAt: "asc" }, select: { id: true, title: true, titleTranslations: true } })
      .then((rows) => rows.map((p) => ({ ...p, titleTranslations: p.titleTranslations as Record<string, string> }))));
  const chosen = input.programmeId ? programmes.find((p) => p.id === input.programmeId) : programmes[0];
  if (!chosen) throw new NotFoundError("Programme");
  // What the caller may see is decided above, per request; the programme's figures are the same for
  // every caller who may see them.
  const query = { from: input.from, to: input.to, countryId: input.countryId };
  const kept = await ctx.figures.get<KeptProgress>(`donor-progress:${chosen.id}:${JSON.stringify(query)}`, async () => {
    const progress = await programmeProgress(ctx.db, chosen.id, query);
    return { progress, json: Buffer.from(JSON.stringify(progress)) };
  });
  return { programmes, kept };
}

export async function getDonorProgress({ ctx, input }: { ctx: ServiceContext; input: ProgressQuery }): Promise<DonorProgress> {
  const { programmes, kept } = await keptProgress(ctx, input);
  return { ...kept.progress, programmes };
}

/**
 * The same as getDonorProgress, as JSON in UTF-8: the caller's programme list, then the kept figures'
 * bytes as they are (a copy of them per request was most of the memory a busy dashboard churned).
 */
export async function donorProgressJson({ ctx, input }: { ctx: ServiceContext; input: ProgressQuery }): Promise<{ body: ReadableStream<Uint8Array>; length: number }> {
  const { programmes, kept } = await keptProgress(ctx, input);
  const head = Buffer.from(`{"programmes":${JSON.stringify(programmes)},`);
  const tail = kept.json.subarray(1);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(head);
      controller.enqueue(tail);
      controller.close();
    },
  });
  return { body, length: head.length + tail.length };
}

async function programmeProgress(db: Prisma.TransactionClient, programmeId: string, input: Omit<ProgressQuery, "programmeId">): Promise<ProgrammeProgress> {
  const period = dateBetween(input.from, input.to);
  const inPeriod = (field: string) => (period ? { [field]: period } : {});

  const [programme, contributions, budgets, expenditures, delivered] = await Promise.all([
    db.programme.findUniqueOrThrow({ where: { id: programmeId }, include: { countries: { select: { countryId: true } } } }),
    db.contribution.findMany({
      where: { programmeId: programmeId },
      include: { donor: { select: { code: true, organisation: { select: { name: true, nameTranslations: true } } } }, payments: true },
      orderBy: { pledgedOn: "asc" },
    }),
    db.budget.findMany({ where: { programmeId: programmeId, outputId: null, ...inPeriod("periodStart") } }),
    db.expenditure.findMany({ where: { programmeId: programmeId, ...inPeriod("spentOn") } }),
    db.activity.findMany({
      where: { programmeId: programmeId, status: "DELIVERED", ...(input.countryId ? { countryId: input.countryId } : {}), ...inPeriod("startDate") },
      select: { id: true, title: true, type: true, startDate: true, endDate: true },
      orderBy: { startDate: "asc" },
    }),
  ]);
  const activityIds = delivered.map((a) => a.id);
  const rule = { onTrackPercent: programme.onTrackPercent, atRiskPercent: programme.atRiskPercent };
  const totalFor = computedTotals(db, programmeId);
  const currencies = new Set([...contributions.map((c) => c.currency), ...budgets.map((b) => b.currency), ...expenditures.map((e) => e.currency)]);
  const [convert, reach, feedback, quotes, indicators] = await Promise.all([
    loadUsdConverter(db, currencies),
    computeReach(db, { activities: delivered, countryIds: input.countryId ? [input.countryId] : programme.countries.map((c) => c.countryId) }),
    // Feedback counts once its batch is approved, or when staff entered it.
    db.feedbackResponse.findMany({
      where: { activityId: { in: activityIds }, OR: [{ submissionId: null }, { submission: { status: "APPROVED" } }] },
      select: { ratingRelevance: true, ratingUsefulness: true, ratingTrainers: true, ratingOrganisation: true, knowledgeBefore: true, knowledgeAfter: true },
    }),
    db.quote.findMany({
      where: { activityId: { in: activityIds }, consentToQuote: true },
      select: { text: true, textTranslations: true, originalLanguage: true, attribution: true, consentToAttribution: true, activity: { select: { title: true, titleTranslations: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.indicator.findMany({
      where: { programmeId: programmeId },
      orderBy: { code: "asc" },
      include: { targets: { where: { dimensionKey: "" } }, values: { where: { dimensionKey: "", supersededBy: { is: null } } } },
    }),
  ]);

  return {
    programme: { id: programme.id, title: programme.title, titleTranslations: programme.titleTranslations as Record<string, string>, iatiIdentifier: programme.iatiIdentifier, startDate: fromDateColumn(programme.startDate), endDate: programme.endDate ? fromDateColumn(programme.endDate) : null },
    period: { from: input.from ?? null, to: input.to ?? null },
    funding: funding(contributions, convert),
    spending: spending(budgets, expenditures, convert),
    activities: {
      delivered: delivered.length,
      byType: countBy(delivered.map((a) => a.type)).map(([type, count]) => ({ type, count })),
      byMonth: countBy(delivered.map((a) => fromDateColumn(a.startDate).slice(0, 7))).map(([month, count]) => ({ month, count })),
    },
    reach,
    indicators: await Promise.all(indicators.map((indicator) => indicatorProgress(indicator, totalFor, rule))),
    progressRule: { ...rule, text: describeProgressRule(rule) },
    satisfaction: satisfaction(feedback),
    quotes: quotes.map((q) => ({ text: q.text, textTranslations: q.textTranslations as Record<string, string>, language: q.originalLanguage, attribution: q.consentToAttribution ? q.attribution : null, activityTitle: q.activity.title, activityTitleTranslations: q.activity.titleTranslations as Record<string, string> })),
  };
}

function countBy(keys: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
}

type ContributionRow = Prisma.ContributionGetPayload<{ include: { donor: { select: { code: true; organisation: { select: { name: true; nameTranslations: true } } } }; payments: true } }>;

function funding(contributions: ContributionRow[], convert: UsdConverter): DonorProgress["funding"] {
  const byDonor = new Map<string, { name: string; nameTranslations: Record<string, string>; pledged: [bigint, string, bigint | null][]; received: [bigint, string, bigint | null][] }>();
  for (const c of contributions) {
    const entry = byDonor.get(c.donor.code) ?? { name: c.donor.organisation.name, nameTranslations: c.donor.organisation.nameTranslations as Record<string, string>, pledged: [], received: [] };
    entry.pledged.push([c.amountMinor, c.currency, usd(convert, c.amountMinor, c.currency, c.pledgedOn)]);
    for (const p of c.payments) entry.received.push([p.amountMinor, p.currency, usd(convert, p.amountMinor, p.currency, p.receivedOn)]);
    byDonor.set(c.donor.code, entry);
  }
  /** Amounts per currency, each with its US-dollar equivalent. */
  const perCurrency = (rows: [bigint, string, bigint | null][]) =>
    [...new Set(rows.map(([, currency]) => currency))].sort().map((currency) => {
      const mine = rows.filter(([, c]) => c === currency);
      return { currency, amountMinor: Number(mine.reduce((a, [m]) => a + m, 0n)), usdMinor: sumOrNull(mine.map(([, , u]) => u)) };
    });
  const donors = [...byDonor.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  const all = donors.flatMap(([, d]) => d);
  return {
    byDonor: donors.map(([code, d]) => ({
      donor: { code, name: d.name, nameTranslations: d.nameTranslations },
      pledged: perCurrency(d.pledged),
      received: perCurrency(d.received),
      pledgedUsdMinor: sumOrNull(d.pledged.map(([, , u]) => u)),
      receivedUsdMinor: sumOrNull(d.received.map(([, , u]) => u)),
    })),
    pledgedUsdMinor: sumOrNull(all.flatMap((d) => d.pledged.map(([, , u]) => u))),
    receivedUsdMinor: sumOrNull(all.flatMap((d) => d.received.map(([, , u]) => u))),
  };
}

function spending(
  budgets: { periodStart: Date; amountMinor: bigint; currency: string }[],
  expenditures: { spentOn: Date; amountMinor: bigint; currency: string }[],
  convert: UsdConverter,
): DonorProgress["spending"] {
  const years = new Map<number, { budget: (bigint | null)[]; spent: (bigint | null)[] }>();
  const year = (y: number) => years.get(y) ?? (years.set(y, { budget: [], spent: [] }), years.get(y)!);
  for (const b of budgets) year(b.periodStart.getUTCFullYear()).budget.push(usd(convert, b.amountMinor, b.currency, b.periodStart));
  for (const e of expenditures) year(e.spentOn.getUTCFullYear()).spent.push(usd(convert, e.amountMinor, e.currency, e.spentOn));
  return [...years.entries()]
    .sort(([a], [b]) => a - b)
    .map(([y, { budget, spent }]) => ({ year: y, budgetUsdMinor: sumOrNull(budget), expenditureUsdMinor: sumOrNull(spent) }));
}

type IndicatorRow = Prisma.IndicatorGetPayload<{ include: { targets: true; values: true } }>;

/**
 * The latest period with a target (or, failing that, a value): its total's target, actual, % achieved
 * and status. A COMPUTED indicator with no value in force for it shows the figure computed now.
 */
async function indicatorProgress(indicator: IndicatorRow, totalFor: ReturnType<typeof computedTotals>, rule: ProgressRule): Promise<DonorProgress["indicators"][number]> {
  const latest = <T extends { periodEnd: Date }>(rows: T[]) => rows.reduce<T | null>((a, r) => (a && a.periodEnd > r.periodEnd ? a : r), null);
  const target = latest(indicator.targets);
  const period = target ?? latest(indicator.values);
  const range = period ? { periodStart: fromDateColumn(period.periodStart), periodEnd: fromDateColumn(period.periodEnd) } : null;
  const value = period ? indicator.values.find((v) => v.periodStart.getTime() === period.periodStart.getTime() && v.periodEnd.getTime() === period.periodEnd.getTime()) : undefined;
  const computable = indicator.source === "COMPUTED" && indicator.metric !== null;
  const computed =
    !value && range && computable ? await totalFor({ metric: indicator.metric!, definition: indicator.definition as Record<string, unknown> }, range) : null;
  const baseline = indicator.baselineValue === null ? null : Number(indicator.baselineValue);
  const actual = value ? Number(value.value) : (computed?.value ?? null);
  const targetValue = target ? Number(target.value) : null;
  const hidden = actual !== null && countsPeople(indicator.metric) && suppressSmall(actual, computed?.base ?? undefined).suppressed;
  return {
    id: indicator.id,
    code: indicator.code,
    name: indicator.name,
    nameTranslations: indicator.nameTranslations as Record<string, string>,
    unit: indicator.unit,
    measure: indicator.measure,
    baseline,
    periodStart: range?.periodStart ?? null,
    periodEnd: range?.periodEnd ?? null,
    target: targetValue,
    actual: hidden ? null : actual,
    actualSource: value ? "RECORDED" : computed ? "COMPUTED" : null,
    suppressed: hidden,
    achievedPercent: hidden ? null : achievedPercent({ baseline, target: targetValue, actual }),
    status: hidden || !range ? "NO_DATA" : progressStatus({ baseline, target: targetValue, actual, ...range, asOf: fromDateColumn(new Date()), direction: indicator.direction }, rule).status,
    // The definition as data, for a page to word in its reader's language (these figures are kept for
    // every caller, whatever their language), and in English words for API users.
    metric: computable ? indicator.metric : null,
    definition: computable ? (indicator.definition as Record<string, unknown>) : {},
    definitionText: computable ? describeDefinition(indicator.metric!, indicator.definition as Record<string, unknown>) : null,
  };
}

type FeedbackRow = {
  ratingRelevance: number | null;
  ratingUsefulness: number | null;
  ratingTrainers: number | null;
  ratingOrganisation: number | null;
  knowledgeBefore: number | null;
  knowledgeAfter: number | null;
};

function satisfaction(responses: FeedbackRow[]): DonorProgress["satisfaction"] {
  const respondents = suppressSmall(responses.length);
  const ratingsOf = (r: FeedbackRow) => [r.ratingRelevance, r.ratingUsefulness, r.ratingTrainers, r.ratingOrganisation].filter((v): v is number => v !== null);
  const all = responses.flatMap(ratingsOf);
  const rated = responses.map(ratingsOf).filter((r) => r.length > 0);
  const satisfied = rated.filter((r) => r.reduce((a, v) => a + v, 0) / r.length >= 4).length;
  const pairs = responses.filter((r) => r.knowledgeBefore !== null && r.knowledgeAfter !== null);
  const improved = pairs.filter((r) => r.knowledgeAfter! - r.knowledgeBefore! >= 1).length;
  return {
    respondents,
    ratings: [1, 2, 3, 4, 5].map((rating) => ({ rating, count: suppressSmall(all.filter((v) => v === rating).length) })),
    // Shares of fewer than 3 respondents would describe individuals.
    satisfiedPercent: respondents.suppressed ? null : percent(satisfied, rated.length),
    knowledgeImprovedPercent: suppressSmall(pairs.length).suppressed ? null : percent(improved, pairs.length),
  };
}
