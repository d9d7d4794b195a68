// Contributions (a donor's pledge to a programme) and the payments received against them.
// STAFF and ADMIN write; a donor reads every funder's contributions to the programmes it co-funds.
// A payment is in the contribution's currency, and the payments never add up to more than the pledge.
import type { Prisma, PrismaClient } from "@vep/db";
import {
  NotFoundError,
  RuleViolationError,
  type Contribution,
  type ContributionDetail,
  type ContributionInput,
  type ContributionPayment,
  type ContributionPaymentInput,
  type ContributionPaymentUpdate,
  type ContributionUpdate,
  msg,
} from "@vep/domain";
import type { ServiceContext } from "../../http/context.js";
import { keyset, type Sort } from "../../http/pagination.js";
import { dateBetween, fromDateColumn, toDateColumn } from "../../http/dates.js";
import { createAudited, deleteVersioned, requireExists, updateVersioned } from "../../http/records.js";
import { cursorValue, programmeScope } from "../query.js";

export type ContributionSort = Sort<"pledgedOn" | "amountMinor" | "createdAt">;
type Tx = Prisma.TransactionClient;
type ContributionRow = Prisma.ContributionGetPayload<object>;
type PaymentRow = Prisma.ContributionPaymentGetPayload<object>;

function toPayment(row: PaymentRow): ContributionPayment {
  return {
    id: row.id,
    contributionId: row.contributionId,
    receivedOn: fromDateColumn(row.receivedOn),
    amountMinor: Number(row.amountMinor),
    currency: row.currency,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toContribution(row: ContributionRow, receivedMinor: bigint): Contribution {
  return {
    id: row.id,
    programmeId: row.programmeId,
    donorId: row.donorId,
    amountMinor: Number(row.amountMinor),
    currency: row.currency,
    pledgedOn: fromDateColumn(row.pledgedOn),
    earmarking: row.earmarking,
    reference: row.reference,
    note: row.note,
    receivedMinor: Number(receivedMinor),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toDetail(row: ContributionRow & { payments: PaymentRow[] }): ContributionDetail {
  return { ...toContribution(row, sumOf(row.payments)), payments: row.payments.map(toPayment) };
}

const sumOf = (payments: { amountMinor: bigint }[]) => payments.reduce((sum, p) => sum + p.amountMinor, 0n);
const paymentsInOrder = { orderBy: [{ receivedOn: "asc" as const }, { id: "asc" as const }] };

/** What has been received against each contribution, in one grouped query. */
async function receivedTotals(db: PrismaClient, contributionIds: string[]): Promise<Map<string, bigint>> {
  if (contributionIds.length === 0) return new Map();
  const sums = await db.contributionPayment.groupBy({ by: ["contributionId"], where: { contributionId: { in: contributionIds } }, _sum: { amountMinor: true } });
  return new Map(sums.map((s) => [s.contributionId, s._sum.amountMinor ?? 0n]));
}

export async function listContributions({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    programmeId?: string | undefined;
    donorId?: string | undefined;
    currency?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    sort: ContributionSort;
    limit: number;
    cursor?: string | undefined;
  };
}) {
  const page = keyset(input.sort, input.limit, input.cursor);
  const rows = await ctx.db.contribution.findMany({
    where: {
      AND: [
        programmeScope(ctx),
        {
          ...(input.programmeId ? { programmeId: input.programmeId } : {}),
          ...(input.donorId ? { donorId: input.donorId } : {}),
          ...(input.currency ? { currency: input.currency } : {}),
          ...(input.from || input.to ? { pledgedOn: dateBetween(input.from, input.to) } : {}),
        },
        page.where,
      ],
    },
    orderBy: page.orderBy,
    take: page.take,
  });
  const { items, nextCursor } = page.page(rows, cursorValue(input.sort.field));
  const received = await receivedTotals(ctx.db, items.map((row) => row.id));
  return { items: items.map((row) => toContribution(row, received.get(row.id) ?? 0n)), nextCursor };
}

function findContribution(db: PrismaClient | Tx, ctx: ServiceContext, id: string) {
  return db.contribution.findFirst({ where: { id, ...programmeScope(ctx) }, include: { payments: paymentsInOrder } });
}

export async function getContribution({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  const row = await findContribution(ctx.db, ctx, input.id);
  if (!row) throw new NotFoundError("Contribution");
  return toDetail(row);
}

async function checkReferences(tx: Tx, refs: { programmeId?: string | undefined; donorId?: string | undefined }) {
  if (refs.programmeId) await requireExists(tx.programme.findUnique({ where: { id: refs.programmeId }, select: { id: true } }), "body.programmeId", "programme");
  if (refs.donorId) await requireExists(tx.donor.findUnique({ where: { id: refs.donorId }, select: { id: true } }), "body.donorId", "donor");
}

export async function createContribution({ ctx, input }: { ctx: ServiceContext; input: ContributionInput }) {
  const row = await createAudited(ctx, "Contribution", async (tx) => {
    await checkReferences(tx, input);
    return tx.contribution.create({ data: { ...input, amountMinor: BigInt(input.amountMinor), pledgedOn: toDateColumn(input.pledgedOn) } });
  });
  return toContribution(row, 0n);
}

/**
 * Holds the contribution's row until the transaction ends, so that two writers cannot both check the
 * pledge against the same received total and together go over it.
 */
async function lockContribution(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT id FROM "Contribution" WHERE id = ${id} FOR UPDATE`;
}

/** Loads the contribution in scope, locked for the rest of the transaction. */
async function lockedContribution(tx: Tx, ctx: ServiceContext, id: string) {
  await lockContribution(tx, id);
  return findContribution(tx, ctx, id);
}

const minor = (amount: bigint, currency: string) => msg("money.minorAmount", { amount: String(amount), currency });

export async function updateContribution({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number; changes: Omit<ContributionUpdate, "version"> } }) {
  const { changes } = input;
  const after = await updateVersioned({
    ctx,
    entity: "Contribution",
    id: input.id,
    version: input.version,
    load: (tx) => lockedContribution(tx, ctx, input.id),
    check: async (tx, before) => {
      await checkReferences(tx, changes);
      const received = sumOf(before.payments);
      if (changes.currency && changes.currency !== before.currency && before.payments.length > 0) {
        throw new RuleViolationError(msg("money.paymentsInAnotherCurrency"), { "body.currency": msg("money.paymentsReceivedIn", { currency: before.currency }) });
      }
      if (changes.amountMinor !== undefined && BigInt(changes.amountMinor) < received) {
        throw new RuleViolationError(msg("money.pledgeBelowReceived"), { "body.amountMinor": msg("money.atLeastReceived", { amount: minor(received, before.currency) }) });
      }
    },
    apply: (tx) =>
      tx.contribution.updateMany({
        where: { id: input.id, version: input.version },
        data: {
          ...changes,
          amountMinor: changes.amountMinor === undefined ? undefined : BigInt(changes.amountMinor),
          pledgedOn: changes.pledgedOn === undefined ? undefined : toDateColumn(changes.pledgedOn),
          version: { increment: 1 },
        },
      }),
  });
  return toDetail(after);
}

/** Its payments go with it (the audit keeps them in `before`). */
export async function deleteContribution({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number } }) {
  await deleteVersioned({
    ctx,
    entity: "Contribution",
    id: input.id,
    version: input.version,
    load: (tx) => lockedContribution(tx, ctx, input.id),
    remove: (tx) => tx.contribution.deleteMany({ where: { id: input.id, version: input.version } }),
  });
}

// ───────────────────────────── payments ─────────────────────────────

/** A payment must be in the contribution's currency and keep the received total within the pledge. */
function checkPayment(contribution: ContributionRow, receivedElsewhere: bigint, payment: { amountMinor: bigint; currency: string }) {
  if (payment.currency !== contribution.currency) {
    throw new RuleViolationError(msg("money.paymentInAnotherCurrency"), { "body.currency": msg("money.contributionCurrency", { currency: contribution.currency }) });
  }
  const total = receivedElsewhere + payment.amountMinor;
  if (total > contribution.amountMinor) {
    throw new RuleViolationError(msg("money.paymentsExceedPledge"), {
      "body.amountMinor": msg("money.paymentsExceedPledgeField", { total: minor(total, contribution.currency), pledge: String(contribution.amountMinor), remaining: String(contribution.amountMinor - receivedElsewhere) }),
    });
  }
}

export async function addPayment({ ctx, input }: { ctx: ServiceContext; input: { contributionId: string; payment: ContributionPaymentInput } }) {
  const { payment } = input;
  const row = await createAudited(ctx, "ContributionPayment", async (tx) => {
    const contribution = await lockedContribution(tx, ctx, input.contributionId);
    if (!contribution) throw new NotFoundError("Contribution");
    checkPayment(contribution, sumOf(contribution.payments), { amountMinor: BigInt(payment.amountMinor), currency: payment.currency });
    return tx.contributionPayment.create({
      data: { contributionId: contribution.id, receivedOn: toDateColumn(payment.receivedOn), amountMinor: BigInt(payment.amountMinor), currency: payment.currency },
    });
  });
  return toPayment(row);
}

function findPayment(tx: Tx, ctx: ServiceContext, id: string) {
  return tx.contributionPayment.findFirst({ where: { id, contribution: programmeScope(ctx) } });
}

export async function updatePayment({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number; changes: Omit<ContributionPaymentUpdate, "version"> } }) {
  const { changes } = input;
  const after = await updateVersioned({
    ctx,
    entity: "ContributionPayment",
    id: input.id,
    version: input.version,
    load: (tx) => findPayment(tx, ctx, input.id),
    check: async (tx, before) => {
      const contribution = await lockedContribution(tx, ctx, before.contributionId);
      if (!contribution) throw new NotFoundError("ContributionPayment");
      const others = contribution.payments.filter((p) => p.id !== before.id);
      checkPayment(contribution, sumOf(others), {
        amountMinor: changes.amountMinor === undefined ? before.amountMinor : BigInt(changes.amountMinor),
        currency: changes.currency ?? before.currency,
      });
    },
    apply: (tx) =>
      tx.contributionPayment.updateMany({
        where: { id: input.id, version: input.version },
        data: {
          ...changes,
          amountMinor: changes.amountMinor === undefined ? undefined : BigInt(changes.amountMinor),
          receivedOn: changes.receivedOn === undefined ? undefined : toDateColumn(changes.receivedOn),
          version: { increment: 1 },
        },
      }),
  });
  return toPayment(after);
}

export async function deletePayment({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number } }) {
  await deleteVersioned({
    ctx,
    entity: "ContributionPayment",
    id: input.id,
    version: input.version,
    load: (tx) => findPayment(tx, ctx, input.id),
    remove: (tx) => tx.contributionPayment.deleteMany({ where: { id: input.id, version: input.version } }),
  });
}
