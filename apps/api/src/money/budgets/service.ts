// Budgets of a programme, or of one of its outputs, for a period of at most a year (IATI).
// STAFF and ADMIN write; a donor reads those of the programmes it co-funds.
import type { Prisma } from "@vep/db";
import { NotFoundError, RuleViolationError, budgetPeriodProblem, type Budget, type BudgetInput, type BudgetUpdate, msg } from "@vep/domain";
import type { ServiceContext } from "../../http/context.js";
import { keyset, type Sort } from "../../http/pagination.js";
import { fromDateColumn, toDateColumn } from "../../http/dates.js";
import { createAudited, deleteVersioned, requireExists, updateVersioned } from "../../http/records.js";
import { cursorValue, programmeScope } from "../query.js";

export type BudgetSort = Sort<"periodStart" | "amountMinor" | "createdAt">;
type Tx = Prisma.TransactionClient;
type BudgetRow = Prisma.BudgetGetPayload<object>;

function toBudget(row: BudgetRow): Budget {
  return {
    id: row.id,
    programmeId: row.programmeId,
    outputId: row.outputId,
    periodStart: fromDateColumn(row.periodStart),
    periodEnd: fromDateColumn(row.periodEnd),
    amountMinor: Number(row.amountMinor),
    currency: row.currency,
    status: row.status,
    type: row.type,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listBudgets({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    programmeId?: string | undefined;
    outputId?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    sort: BudgetSort;
    limit: number;
    cursor?: string | undefined;
  };
}) {
  const page = keyset(input.sort, input.limit, input.cursor);
  const rows = await ctx.db.budget.findMany({
    where: {
      AND: [
        programmeScope(ctx),
        {
          ...(input.programmeId ? { programmeId: input.programmeId } : {}),
          ...(input.outputId ? { outputId: input.outputId } : {}),
          // Budgets whose period overlaps [from, to].
          ...(input.from ? { periodEnd: { gte: toDateColumn(input.from) } } : {}),
          ...(input.to ? { periodStart: { lte: toDateColumn(input.to) } } : {}),
        },
        page.where,
      ],
    },
    orderBy: page.orderBy,
    take: page.take,
  });
  const { items, nextCursor } = page.page(rows, cursorValue(input.sort.field));
  return { items: items.map(toBudget), nextCursor };
}

const findBudget = (tx: Tx, ctx: ServiceContext, id: string) => tx.budget.findFirst({ where: { id, ...programmeScope(ctx) } });

export async function getBudget({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  const row = await findBudget(ctx.db, ctx, input.id);
  if (!row) throw new NotFoundError("Budget");
  return toBudget(row);
}

/** The programme exists, and the output (if any) is one of its own. */
async function checkProgrammeAndOutput(tx: Tx, programmeId: string, outputId: string | null) {
  await requireExists(tx.programme.findUnique({ where: { id: programmeId }, select: { id: true } }), "body.programmeId", "programme");
  if (!outputId) return;
  const output = await tx.output.findUnique({ where: { id: outputId }, select: { outcome: { select: { programmeId: true } } } });
  if (!output) throw new RuleViolationError(msg("ref.unknownOutput"), { "body.outputId": msg("ref.noSuchOutput") });
  if (output.outcome.programmeId !== programmeId) throw new RuleViolationError(msg("money.outputOfAnotherProgramme"), { "body.outputId": msg("money.outputInAnotherProgramme") });
}

export async function createBudget({ ctx, input }: { ctx: ServiceContext; input: BudgetInput }) {
  const row = await createAudited(ctx, "Budget", async (tx) => {
    await checkProgrammeAndOutput(tx, input.programmeId, input.outputId);
    return tx.budget.create({
      data: { ...input, amountMinor: BigInt(input.amountMinor), periodStart: toDateColumn(input.periodStart), periodEnd: toDateColumn(input.periodEnd) },
    });
  });
  return toBudget(row);
}

export async function updateBudget({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number; changes: Omit<BudgetUpdate, "version"> } }) {
  const { changes } = input;
  const after = await updateVersioned({
    ctx,
    entity: "Budget",
    id: input.id,
    version: input.version,
    load: (tx) => findBudget(tx, ctx, input.id),
    check: async (tx, before) => {
      // The rules hold for the record as it will be, with the fields the change leaves alone.
      const problem = budgetPeriodProblem(changes.periodStart ?? fromDateColumn(before.periodStart), changes.periodEnd ?? fromDateColumn(before.periodEnd));
      if (problem) throw new RuleViolationError(msg("money.invalidBudgetPeriod"), { [changes.periodEnd ? "body.periodEnd" : "body.periodStart"]: problem });
      if (changes.programmeId !== undefined || changes.outputId !== undefined) {
        await checkProgrammeAndOutput(tx, changes.programmeId ?? before.programmeId, changes.outputId === undefined ? before.outputId : changes.outputId);
      }
    },
    apply: (tx) =>
      tx.budget.updateMany({
        where: { id: input.id, version: input.version },
        data: {
          ...changes,
          amountMinor: changes.amountMinor === undefined ? undefined : BigInt(changes.amountMinor),
          periodStart: changes.periodStart === undefined ? undefined : toDateColumn(changes.periodStart),
          periodEnd: changes.periodEnd === undefined ? undefined : toDateColumn(changes.periodEnd),
          version: { increment: 1 },
        },
      }),
  });
  return toBudget(after);
}

export async function deleteBudget({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number } }) {
  await deleteVersioned({
    ctx,
    entity: "Budget",
    id: input.id,
    version: input.version,
    load: (tx) => findBudget(tx, ctx, input.id),
    remove: (tx) => tx.budget.deleteMany({ where: { id: input.id, version: input.version } }),
  });
}
