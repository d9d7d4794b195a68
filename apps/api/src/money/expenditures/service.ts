// Money spent by a programme, optionally on one of its activities. STAFF and ADMIN write; a donor
// reads the expenditure of the programmes it co-funds.
import type { Prisma } from "@vep/db";
import { NotFoundError, RuleViolationError, type Expenditure, type ExpenditureInput, type ExpenditureUpdate, msg } from "@vep/domain";
import type { ServiceContext } from "../../http/context.js";
import { keyset, type Sort } from "../../http/pagination.js";
import { dateBetween, fromDateColumn, toDateColumn } from "../../http/dates.js";
import { createAudited, deleteVersioned, requireExists, updateVersioned } from "../../http/records.js";
import { cursorValue, programmeScope } from "../query.js";

export type ExpenditureSort = Sort<"spentOn" | "amountMinor" | "createdAt">;
type Tx = Prisma.TransactionClient;

function toExpenditure(row: Prisma.ExpenditureGetPayload<object>): Expenditure {
  return {
    id: row.id,
    programmeId: row.programmeId,
    activityId: row.activityId,
    spentOn: fromDateColumn(row.spentOn),
    amountMinor: Number(row.amountMinor),
    currency: row.currency,
    description: row.description,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listExpenditures({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    programmeId?: string | undefined;
    activityId?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    sort: ExpenditureSort;
    limit: number;
    cursor?: string | undefined;
  };
}) {
  const page = keyset(input.sort, input.limit, input.cursor);
  const rows = await ctx.db.expenditure.findMany({
    where: {
      AND: [
        programmeScope(ctx),
        {
          ...(input.programmeId ? { programmeId: input.programmeId } : {}),
          ...(input.activityId ? { activityId: input.activityId } : {}),
          ...(input.from || input.to ? { spentOn: dateBetween(input.from, input.to) } : {}),
        },
        page.where,
      ],
    },
    orderBy: page.orderBy,
    take: page.take,
  });
  const { items, nextCursor } = page.page(rows, cursorValue(input.sort.field));
  return { items: items.map(toExpenditure), nextCursor };
}

const findExpenditure = (tx: Tx, ctx: ServiceContext, id: string) => tx.expenditure.findFirst({ where: { id, ...programmeScope(ctx) } });

export async function getExpenditure({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  const row = await findExpenditure(ctx.db, ctx, input.id);
  if (!row) throw new NotFoundError("Expenditure");
  return toExpenditure(row);
}

/** The programme exists, and the activity (if any) is one of its own. */
async function checkProgrammeAndActivity(tx: Tx, programmeId: string, activityId: string | null) {
  await requireExists(tx.programme.findUnique({ where: { id: programmeId }, select: { id: true } }), "body.programmeId", "programme");
  if (!activityId) return;
  const activity = await tx.activity.findUnique({ where: { id: activityId }, select: { programmeId: true } });
  if (!activity) throw new RuleViolationError(msg("ref.unknownActivity"), { "body.activityId": msg("ref.noSuchActivity") });
  if (activity.programmeId !== programmeId) throw new RuleViolationError(msg("money.activityOfAnotherProgramme"), { "body.activityId": msg("money.activityInAnotherProgramme") });
}

export async function createExpenditure({ ctx, input }: { ctx: ServiceContext; input: ExpenditureInput }) {
  const row = await createAudited(ctx, "Expenditure", async (tx) => {
    await checkProgrammeAndActivity(tx, input.programmeId, input.activityId);
    return tx.expenditure.create({ data: { ...input, amountMinor: BigInt(input.amountMinor), spentOn: toDateColumn(input.spentOn) } });
  });
  return toExpenditure(row);
}

export async function updateExpenditure({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number; changes: Omit<ExpenditureUpdate, "version"> } }) {
  const { changes } = input;
  const after = await updateVersioned({
    ctx,
    entity: "Expenditure",
    id: input.id,
    version: input.version,
    load: (tx) => findExpenditure(tx, ctx, input.id),
    check: async (tx, before) => {
      if (changes.programmeId === undefined && changes.activityId === undefined) return;
      await checkProgrammeAndActivity(tx, changes.programmeId ?? before.programmeId, changes.activityId === undefined ? before.activityId : changes.activityId);
    },
    apply: (tx) =>
      tx.expenditure.updateMany({
        where: { id: input.id, version: input.version },
        data: {
          ...changes,
          amountMinor: changes.amountMinor === undefined ? undefined : BigInt(changes.amountMinor),
          spentOn: changes.spentOn === undefined ? undefined : toDateColumn(changes.spentOn),
          version: { increment: 1 },
        },
      }),
  });
  return toExpenditure(after);
}

export async function deleteExpenditure({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number } }) {
  await deleteVersioned({
    ctx,
    entity: "Expenditure",
    id: input.id,
    version: input.version,
    load: (tx) => findExpenditure(tx, ctx, input.id),
    remove: (tx) => tx.expenditure.deleteMany({ where: { id: input.id, version: input.version } }),
  });
}
