// Schemas of the money area (request and response bodies), shared by the API and the dashboard:
// contributions and the payments received against them, exchange rates, budgets and expenditure.
// Amounts are integer minor units (cents) of an ISO 4217 currency; JSON carries them as numbers.
import { z } from "zod";
import { CalendarDateSchema, CurrencyCodeSchema, datesInOrder, IdSchema, VersionReadSchema } from "./common.js";
import { english } from "./messages.js";

const id = IdSchema;
const amount = z.int().max(Number.MAX_SAFE_INTEGER);
const positiveAmount = amount.positive().describe("Integer minor units (cents) of `currency`");
const nonNegativeAmount = amount.nonnegative().describe("Integer minor units (cents) of `currency`");
/** One line of text: no control characters (line breaks, NUL) that would break exports. */
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, english("money.singleLine"));
const version = VersionReadSchema;
const timestamps = { version: z.number().int(), createdAt: z.string(), updatedAt: z.string() };

/** For list queries: `from`/`to` bound a date column, both inclusive. */
export const MoneyDateRangeQuerySchema = z.object({
  from: CalendarDateSchema.optional().describe("On or after this date"),
  to: CalendarDateSchema.optional().describe("On or before this date"),
});
export const moneyDateRangeInOrder = datesInOrder("from", "to");

// ───────────────────────────── contributions and payments ─────────────────────────────

export const EarmarkingSchema = z.enum(["UNEARMARKED", "SOFTLY_EARMARKED", "EARMARKED"]);

const ContributionFields = z.strictObject({
  programmeId: id,
  donorId: id,
  amountMinor: positiveAmount.describe("The pledge, in integer minor units of `currency`"),
  currency: CurrencyCodeSchema,
  pledgedOn: CalendarDateSchema,
  earmarking: EarmarkingSchema,
  reference: line(100).nullable().describe("The agreement's reference, e.g. ENI/2018/401-234"),
  note: z.string().trim().max(2000).nullable(),
});

export const ContributionInputSchema = ContributionFields.extend({
  earmarking: ContributionFields.shape.earmarking.default("EARMARKED"),
  reference: ContributionFields.shape.reference.default(null),
  note: ContributionFields.shape.note.default(null),
}).meta({ id: "ContributionInput" });
export type ContributionInput = z.infer<typeof ContributionInputSchema>;

export const ContributionUpdateSchema = ContributionFields.partial().extend({ version }).meta({ id: "ContributionUpdate" });
export type ContributionUpdate = z.infer<typeof ContributionUpdateSchema>;

const PaymentFields = z.strictObject({
  receivedOn: CalendarDateSchema,
  amountMinor: positiveAmount,
  currency: CurrencyCodeSchema.describe("Must be the contribution's currency"),
});

export const ContributionPaymentInputSchema = PaymentFields.meta({ id: "ContributionPaymentInput" });
export type ContributionPaymentInput = z.infer<typeof ContributionPaymentInputSchema>;

export const ContributionPaymentUpdateSchema = PaymentFields.partial().extend({ version }).meta({ id: "ContributionPaymentUpdate" });
export type ContributionPaymentUpdate = z.infer<typeof ContributionPaymentUpdateSchema>;

export const ContributionPaymentSchema = z
  .object({ id, contributionId: z.string(), receivedOn: z.string(), amountMinor: z.number().int(), currency: z.string(), ...timestamps })
  .meta({ id: "ContributionPayment", description: "Funds received against a contribution (IATI incoming funds)" });
export type ContributionPayment = z.infer<typeof ContributionPaymentSchema>;

export const ContributionSchema = z
  .object({
    id,
    programmeId: z.string(),
    donorId: z.string(),
    amountMinor: z.number().int(),
    currency: z.string(),
    pledgedOn: z.string(),
    earmarking: EarmarkingSchema,
    reference: z.string().nullable(),
    note: z.string().nullable(),
    receivedMinor: z.number().int().describe("Sum of the payments received, in minor units of `currency`"),
    ...timestamps,
  })
  .meta({ id: "Contribution", description: "A donor's pledge to a programme (IATI incoming commitment)" });
export type Contribution = z.infer<typeof ContributionSchema>;

export const ContributionDetailSchema = ContributionSchema.extend({ payments: z.array(ContributionPaymentSchema) }).meta({ id: "ContributionDetail" });
export type ContributionDetail = z.infer<typeof ContributionDetailSchema>;

// ───────────────────────────── exchange rates ─────────────────────────────

/**
 * Rates travel as decimal strings both ways, so that no binary floating point rounds them:
 * up to 10 digits before the point and 8 after (the column is DECIMAL(18, 8)), greater than zero.
 */
export const RateToUsdSchema = z
  .string()
  .regex(/^\d{1,10}(\.\d{1,8})?$/, english("money.rateFormat"))
  .refine((rate) => /[1-9]/.test(rate), english("money.rateAboveZero"))
  .meta({ description: "USD for one unit of the currency, as a decimal string with up to 8 decimals, e.g. \"1.08700000\"" });

const ExchangeRateFields = z.strictObject({
  currency: CurrencyCodeSchema,
  effectiveOn: CalendarDateSchema.describe("The rate is in force from this date until the next rate of the currency"),
  rateToUsd: RateToUsdSchema,
  source: line(200),
});

export const ExchangeRateInputSchema = ExchangeRateFields.extend({
  source: ExchangeRateFields.shape.source.default("UN operational rates of exchange"),
}).meta({ id: "ExchangeRateInput" });
export type ExchangeRateInput = z.infer<typeof ExchangeRateInputSchema>;

export const ExchangeRateUpdateSchema = ExchangeRateFields.partial().extend({ version }).meta({ id: "ExchangeRateUpdate" });
export type ExchangeRateUpdate = z.infer<typeof ExchangeRateUpdateSchema>;

export const ExchangeRateSchema = z
  .object({
    id,
    currency: z.string(),
    effectiveOn: z.string(),
    rateToUsd: z.string().describe("Decimal string with 8 decimals, e.g. \"1.08700000\""),
    source: z.string(),
    ...timestamps,
  })
  .meta({ id: "ExchangeRate", description: "UN operational rate of exchange: USD for one unit of `currency`, from `effectiveOn`" });
export type ExchangeRate = z.infer<typeof ExchangeRateSchema>;

// ───────────────────────────── budgets ─────────────────────────────

export const BudgetStatusSchema = z.enum(["INDICATIVE", "COMMITTED"]).meta({ description: "IATI BudgetStatus" });
export const BudgetTypeSchema = z.enum(["ORIGINAL", "REVISED"]).meta({ description: "IATI BudgetType" });

/** IATI's rule: a budget period starts no later than it ends and is at most one year long. */
export function budgetPeriodProblem(periodStart: string, periodEnd: string): string | null {
  if (periodEnd < periodStart) return english("money.budgetPeriodOrder");
  const start = new Date(`${periodStart}T00:00:00Z`);
  const yearLater = Date.UTC(start.getUTCFullYear() + 1, start.getUTCMonth(), start.getUTCDate());
  return new Date(`${periodEnd}T00:00:00Z`).getTime() >= yearLater ? english("money.budgetPeriodTooLong") : null;
}

function budgetPeriod(value: { periodStart?: string | undefined; periodEnd?: string | undefined }, ctx: z.RefinementCtx) {
  if (value.periodStart === undefined || value.periodEnd === undefined) return;
  const problem = budgetPeriodProblem(value.periodStart, value.periodEnd);
  if (problem) ctx.addIssue({ code: "custom", path: ["periodEnd"], message: problem });
}

const BudgetFields = z.strictObject({
  programmeId: id,
  outputId: id.nullable().describe("The output the budget is for; null for the whole programme"),
  periodStart: CalendarDateSchema,
  periodEnd: CalendarDateSchema,
  amountMinor: nonNegativeAmount,
  currency: CurrencyCodeSchema,
  status: BudgetStatusSchema,
  type: BudgetTypeSchema,
});

export const BudgetInputSchema = BudgetFields.extend({
  outputId: BudgetFields.shape.outputId.default(null),
  status: BudgetFields.shape.status.default("COMMITTED"),
  type: BudgetFields.shape.type.default("ORIGINAL"),
})
  .superRefine(budgetPeriod)
  .meta({ id: "BudgetInput" });
export type BudgetInput = z.infer<typeof BudgetInputSchema>;

export const BudgetUpdateSchema = BudgetFields.partial().extend({ version }).superRefine(budgetPeriod).meta({ id: "BudgetUpdate" });
export type BudgetUpdate = z.infer<typeof BudgetUpdateSchema>;

export const BudgetSchema = z
  .object({
    id,
    programmeId: z.string(),
    outputId: z.string().nullable(),
    periodStart: z.string(),
    periodEnd: z.string(),
    amountMinor: z.number().int(),
    currency: z.string(),
    status: BudgetStatusSchema,
    type: BudgetTypeSchema,
    ...timestamps,
  })
  .meta({ id: "Budget" });
export type Budget = z.infer<typeof BudgetSchema>;

// ───────────────────────────── expenditure ─────────────────────────────

const ExpenditureFields = z.strictObject({
  programmeId: id,
  activityId: id.nullable().describe("The activity the money was spent on; it must belong to the programme"),
  spentOn: CalendarDateSchema,
  amountMinor: positiveAmount,
  currency: CurrencyCodeSchema,
  description: z.string().trim().max(2000),
});

export const ExpenditureInputSchema = ExpenditureFields.extend({
  activityId: ExpenditureFields.shape.activityId.default(null),
  description: ExpenditureFields.shape.description.default(""),
}).meta({ id: "ExpenditureInput" });
export type ExpenditureInput = z.infer<typeof ExpenditureInputSchema>;

export const ExpenditureUpdateSchema = ExpenditureFields.partial().extend({ version }).meta({ id: "ExpenditureUpdate" });
export type ExpenditureUpdate = z.infer<typeof ExpenditureUpdateSchema>;

export const ExpenditureSchema = z
  .object({
    id,
    programmeId: z.string(),
    activityId: z.string().nullable(),
    spentOn: z.string(),
    amountMinor: z.number().int(),
    currency: z.string(),
    description: z.string(),
    ...timestamps,
  })
  .meta({ id: "Expenditure" });
export type Expenditure = z.infer<typeof ExpenditureSchema>;
