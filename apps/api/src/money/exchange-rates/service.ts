// UN operational rates of exchange (reference data): STAFF and ADMIN keep them; every signed-in role
// but PARTNER reads them. One rate per currency and effective date.
import type { Prisma } from "@vep/db";
import { NotFoundError, type ExchangeRate, type ExchangeRateInput, type ExchangeRateUpdate } from "@vep/domain";
import type { ServiceContext } from "../../http/context.js";
import { keyset, type Sort } from "../../http/pagination.js";
import { fromDateColumn, toDateColumn } from "../../http/dates.js";
import { createAudited, deleteVersioned, updateVersioned } from "../../http/records.js";

export type ExchangeRateSort = Sort<"effectiveOn" | "currency" | "createdAt">;
type Tx = Prisma.TransactionClient;

function toExchangeRate(row: Prisma.ExchangeRateGetPayload<object>): ExchangeRate {
  return {
    id: row.id,
    currency: row.currency,
    effectiveOn: fromDateColumn(row.effectiveOn),
    rateToUsd: row.rateToUsd.toFixed(8),
    source: row.source,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The rates in force on `on`: for each currency, its latest rate effective on or before that day. */
async function inForceOn(ctx: ServiceContext, on: string, currency: string | undefined): Promise<Prisma.ExchangeRateWhereInput> {
  const latest = await ctx.db.exchangeRate.groupBy({
    by: ["currency"],
    where: { effectiveOn: { lte: toDateColumn(on) }, ...(currency ? { currency } : {}) },
    _max: { effectiveOn: true },
  });
  return { OR: latest.map((l) => ({ currency: l.currency, effectiveOn: l._max.effectiveOn ?? undefined })) };
}

export async function listExchangeRates({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { currency?: string | undefined; on?: string | undefined; sort: ExchangeRateSort; limit: number; cursor?: string | undefined };
}) {
  const page = keyset(input.sort, input.limit, input.cursor);
  const inForce: Prisma.ExchangeRateWhereInput = input.on ? await inForceOn(ctx, input.on, input.currency) : {};
  if (inForce.OR?.length === 0) return { items: [], nextCursor: null };
  const rows = await ctx.db.exchangeRate.findMany({
    where: { AND: [input.currency ? { currency: input.currency } : {}, inForce, page.where] },
    orderBy: page.orderBy,
    take: page.take,
  });
  const { items, nextCursor } = page.page(rows);
  return { items: items.map(toExchangeRate), nextCursor };
}

const findRate = (tx: Tx, id: string) => tx.exchangeRate.findUnique({ where: { id } });

export async function getExchangeRate({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  const row = await findRate(ctx.db, input.id);
  if (!row) throw new NotFoundError("ExchangeRate");
  return toExchangeRate(row);
}

/** A second rate for the same currency and day is refused by the unique index (409). */
export async function createExchangeRate({ ctx, input }: { ctx: ServiceContext; input: ExchangeRateInput }) {
  const row = await createAudited(ctx, "ExchangeRate", (tx) => tx.exchangeRate.create({ data: { ...input, effectiveOn: toDateColumn(input.effectiveOn) } }));
  return toExchangeRate(row);
}

export async function updateExchangeRate({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number; changes: Omit<ExchangeRateUpdate, "version"> } }) {
  const { changes } = input;
  const after = await updateVersioned({
    ctx,
    entity: "ExchangeRate",
    id: input.id,
    version: input.version,
    load: (tx) => findRate(tx, input.id),
    apply: (tx) =>
      tx.exchangeRate.updateMany({
        where: { id: input.id, version: input.version },
        data: { ...changes, effectiveOn: changes.effectiveOn === undefined ? undefined : toDateColumn(changes.effectiveOn), version: { increment: 1 } },
      }),
  });
  return toExchangeRate(after);
}

export async function deleteExchangeRate({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number } }) {
  await deleteVersioned({
    ctx,
    entity: "ExchangeRate",
    id: input.id,
    version: input.version,
    load: (tx) => findRate(tx, input.id),
    remove: (tx) => tx.exchangeRate.deleteMany({ where: { id: input.id, version: input.version } }),
  });
}
