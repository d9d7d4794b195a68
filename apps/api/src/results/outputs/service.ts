// Outputs: what a programme delivers towards an outcome. STAFF and ADMIN write; a donor reads those of
// the programmes it co-funds.
import type { Prisma } from "@vep/db";
import { ConflictError, NotFoundError, type Output, type OutputInput, type OutputUpdate, msg } from "@vep/domain";
import { recordAudit } from "../../http/audit.js";
import { ensureUpdated } from "../../http/concurrency.js";
import type { ServiceContext } from "../../http/context.js";
import { keyset } from "../../http/pagination.js";
import { outcomeScope, toResultNode, type ResultSort } from "../outcomes/service.js";
import { ruleViolation } from "../shared.js";

export function outputScope(ctx: ServiceContext): Prisma.OutputWhereInput {
  return ctx.scope === "funded-programmes" ? { outcome: outcomeScope(ctx) } : {};
}

const withProgramme = { outcome: { select: { programmeId: true } } } as const;
type OutputRow = Prisma.OutputGetPayload<{ include: typeof withProgramme }>;

function toOutput({ outcome, ...row }: OutputRow): Output {
  return { ...toResultNode(row), outcomeId: row.outcomeId, programmeId: outcome.programmeId };
}

export async function listOutputs({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { outcomeId?: string | undefined; programmeId?: string | undefined; sort: ResultSort; limit: number; cursor?: string | undefined };
}) {
  const page = keyset(input.sort, input.limit, input.cursor);
  const rows = await ctx.db.output.findMany({
    where: {
      AND: [
        outputScope(ctx),
        input.outcomeId ? { outcomeId: input.outcomeId } : {},
        input.programmeId ? { outcome: { programmeId: input.programmeId } } : {},
        page.where,
      ],
    },
    include: withProgramme,
    orderBy: page.orderBy,
    take: page.take,
  });
  const { items, nextCursor } = page.page(rows);
  return { items: items.map(toOutput), nextCursor };
}

export async function getOutput({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  const row = await ctx.db.output.findFirst({ where: { AND: [{ id: input.id }, outputScope(ctx)] }, include: withProgramme });
  if (!row) throw new NotFoundError("Output");
  return toOutput(row);
}

export async function createOutput({ ctx, input }: { ctx: ServiceContext; input: OutputInput }) {
  if (!(await ctx.db.outcome.findUnique({ where: { id: input.outcomeId }, select: { id: true } }))) {
    throw ruleViolation(msg("ref.unknownOutcome"), { outcomeId: msg("ref.noSuchOutcome") });
  }
  return ctx.db.$transaction(async (tx) => {
    // A code taken under the outcome is refused with 409 by the unique index.
    const row = await tx.output.create({ data: input, include: withProgramme });
    await recordAudit(tx, { actorId: ctx.user.id, action: "output.create", entityType: "Output", entityId: row.id, after: row, ipAddress: ctx.clientAddress });
    return toOutput(row);
  });
}

export async function updateOutput({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number; changes: Omit<OutputUpdate, "version"> } }) {
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.output.findFirst({ where: { AND: [{ id: input.id }, outputScope(ctx)] } });
    if (!before) throw new NotFoundError("Output");
    const { count } = await tx.output.updateMany({ where: { id: input.id, version: input.version }, data: { ...input.changes, version: { increment: 1 } } });
    await ensureUpdated(count, async () => true, "Output");
    const after = await tx.output.findUniqueOrThrow({ where: { id: input.id }, include: withProgramme });
    await recordAudit(tx, { actorId: ctx.user.id, action: "output.update", entityType: "Output", entityId: input.id, before, after, ipAddress: ctx.clientAddress });
    return toOutput(after);
  });
}

export async function deleteOutput({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number } }) {
  await ctx.db.$transaction(async (tx) => {
    const before = await tx.output.findFirst({
      where: { AND: [{ id: input.id }, outputScope(ctx)] },
      include: { _count: { select: { indicators: true, budgets: true, activities: true } } },
    });
    if (!before) throw new NotFoundError("Output");
    // The database would detach indicators and budgets (SET NULL) rather than refuse: refuse here.
    if (before._count.indicators > 0 || before._count.budgets > 0 || before._count.activities > 0) {
      throw new ConflictError(msg("results.outputStillReferred"));
    }
    const { count } = await tx.output.deleteMany({ where: { id: input.id, version: input.version } });
    await ensureUpdated(count, async () => true, "Output");
    const { _count, ...row } = before;
    await recordAudit(tx, { actorId: ctx.user.id, action: "output.delete", entityType: "Output", entityId: input.id, before: row, ipAddress: ctx.clientAddress });
  });
}
