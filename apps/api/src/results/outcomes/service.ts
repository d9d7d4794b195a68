// Outcomes: the top of a programme's results framework. STAFF and ADMIN write; a donor reads those of
// the programmes it co-funds.
import type { Prisma } from "@vep/db";
import { ConflictError, NotFoundError, type Outcome, type OutcomeDetail, type OutcomeInput, type OutcomeUpdate, type Output, msg } from "@vep/domain";
import { recordAudit } from "../../http/audit.js";
import { ensureUpdated } from "../../http/concurrency.js";
import type { ServiceContext } from "../../http/context.js";
import { keyset, type Sort } from "../../http/pagination.js";
import { fundedProgrammes } from "../../http/scope.js";
import { ruleViolation, texts } from "../shared.js";

export type ResultSort = Sort<"code" | "position" | "createdAt">;

export function outcomeScope(ctx: ServiceContext): Prisma.OutcomeWhereInput {
  return ctx.scope === "funded-programmes" ? { programme: fundedProgrammes(ctx) } : {};
}

type ResultRow = Prisma.OutcomeGetPayload<object> | Prisma.OutputGetPayload<object>;

/** The fields outcomes and outputs share, in their response shape. */
export function toResultNode(row: ResultRow) {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    titleTranslations: texts(row.titleTranslations),
    description: row.description,
    descriptionTranslations: texts(row.descriptionTranslations),
    originalLanguage: row.originalLanguage,
    position: row.position,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const toOutcome = (row: Prisma.OutcomeGetPayload<object>): Outcome => ({ ...toResultNode(row), programmeId: row.programmeId });

export async function listOutcomes({ ctx, input }: { ctx: ServiceContext; input: { programmeId?: string | undefined; sort: ResultSort; limit: number; cursor?: string | undefined } }) {
  const page = keyset(input.sort, input.limit, input.cursor);
  const rows = await ctx.db.outcome.findMany({
    where: { AND: [outcomeScope(ctx), input.programmeId ? { programmeId: input.programmeId } : {}, page.where] },
    orderBy: page.orderBy,
    take: page.take,
  });
  const { items, nextCursor } = page.page(rows);
  return { items: items.map(toOutcome), nextCursor };
}

export async function getOutcome({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<OutcomeDetail> {
  const row = await ctx.db.outcome.findFirst({
    where: { AND: [{ id: input.id }, outcomeScope(ctx)] },
    include: { outputs: { orderBy: [{ position: "asc" }, { code: "asc" }] } },
  });
  if (!row) throw new NotFoundError("Outcome");
  const outputs: Output[] = row.outputs.map((output) => ({ ...toResultNode(output), outcomeId: output.outcomeId, programmeId: row.programmeId }));
  return { ...toOutcome(row), outputs };
}

export async function createOutcome({ ctx, input }: { ctx: ServiceContext; input: OutcomeInput }) {
  if (!(await ctx.db.programme.findUnique({ where: { id: input.programmeId }, select: { id: true } }))) {
    throw ruleViolation(msg("ref.unknownProgramme"), { programmeId: msg("ref.noSuchProgramme") });
  }
  return ctx.db.$transaction(async (tx) => {
    // A code taken in the programme is refused with 409 by the unique index.
    const row = await tx.outcome.create({ data: input });
    await recordAudit(tx, { actorId: ctx.user.id, action: "outcome.create", entityType: "Outcome", entityId: row.id, after: row, ipAddress: ctx.clientAddress });
    return toOutcome(row);
  });
}

export async function updateOutcome({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number; changes: Omit<OutcomeUpdate, "version"> } }) {
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.outcome.findFirst({ where: { AND: [{ id: input.id }, outcomeScope(ctx)] } });
    if (!before) throw new NotFoundError("Outcome");
    const { count } = await tx.outcome.updateMany({ where: { id: input.id, version: input.version }, data: { ...input.changes, version: { increment: 1 } } });
    await ensureUpdated(count, async () => true, "Outcome");
    const after = await tx.outcome.findUniqueOrThrow({ where: { id: input.id } });
    await recordAudit(tx, { actorId: ctx.user.id, action: "outcome.update", entityType: "Outcome", entityId: input.id, before, after, ipAddress: ctx.clientAddress });
    return toOutcome(after);
  });
}

export async function deleteOutcome({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number } }) {
  await ctx.db.$transaction(async (tx) => {
    const before = await tx.outcome.findFirst({
      where: { AND: [{ id: input.id }, outcomeScope(ctx)] },
      include: { _count: { select: { outputs: true, indicators: true } } },
    });
    if (!before) throw new NotFoundError("Outcome");
    // The database would orphan the indicators (SET NULL) rather than refuse: refuse here.
    if (before._count.outputs > 0 || before._count.indicators > 0) {
      throw new ConflictError(msg("results.outcomeStillReferred"));
    }
    const { count } = await tx.outcome.deleteMany({ where: { id: input.id, version: input.version } });
    await ensureUpdated(count, async () => true, "Outcome");
    const { _count, ...row } = before;
    await recordAudit(tx, { actorId: ctx.user.id, action: "outcome.delete", entityType: "Outcome", entityId: input.id, before: row, ipAddress: ctx.clientAddress });
  });
}
