// Organisations (reference data): everyone signed in reads them (a partner only its own and its
// departments); ADMIN writes them.
import type { Prisma } from "@vep/db";
import { NotFoundError, RuleViolationError, type Organisation, type OrganisationInput, type OrganisationUpdate, msg } from "@vep/domain";
import type { ServiceContext } from "../http/context.js";
import { keyset, type Sort } from "../http/pagination.js";
import { createAudited, deleteVersioned, updateVersioned } from "../http/records.js";
import { keyContains, likeLiteral, sortedByKey } from "../http/search.js";

export type OrganisationSort = Sort<"name" | "createdAt">;

/** The organisations a caller reaches: a partner its own organisation and its departments. */
export function organisationScope(ctx: ServiceContext): Prisma.OrganisationWhereInput {
  if (ctx.scope === "own-organisation") {
    const own = ctx.user.organisationId ?? "none";
    return { OR: [{ id: own }, { parentId: own }] };
  }
  return {};
}

function toOrganisation(row: Prisma.OrganisationGetPayload<object>): Organisation {
  return {
    id: row.id,
    name: row.name,
    nameTranslations: row.nameTranslations as Record<string, string>,
    acronym: row.acronym,
    kind: row.kind,
    iatiRef: row.iatiRef,
    iatiType: row.iatiType,
    countryId: row.countryId,
    parentId: row.parentId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listOrganisations({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { kind?: Organisation["kind"] | undefined; q?: string | undefined; parentId?: string | undefined; sort: OrganisationSort; limit: number; cursor?: string | undefined };
}) {
  const page = keyset(sortedByKey(input.sort, { name: "nameKey" }), input.limit, input.cursor);
  const rows = await ctx.db.organisation.findMany({
    where: {
      AND: [
        organisationScope(ctx),
        input.kind ? { kind: input.kind } : {},
        input.parentId ? { parentId: input.parentId } : {},
        input.q ? { OR: [{ nameKey: { contains: keyContains(input.q) } }, { acronym: { contains: likeLiteral(input.q), mode: "insensitive" } }] } : {},
        page.where,
      ],
    },
    orderBy: page.orderBy,
    take: page.take,
  });
  const { items, nextCursor } = page.page(rows);
  return { items: items.map(toOrganisation), nextCursor };
}

export async function getOrganisation({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  const row = await ctx.db.organisation.findFirst({ where: { AND: [{ id: input.id }, organisationScope(ctx)] } });
  if (!row) throw new NotFoundError("Organisation");
  return toOrganisation(row);
}

async function checkParent(ctx: ServiceContext, id: string | null | undefined, self?: string) {
  if (!id) return;
  if (id === self) throw new RuleViolationError(msg("organisations.ownParent"), { "body.parentId": msg("organisations.notItself") });
  if (!(await ctx.db.organisation.findUnique({ where: { id }, select: { id: true } }))) {
    throw new RuleViolationError(msg("ref.unknownParentOrganisation"), { "body.parentId": msg("ref.noSuchOrganisation") });
  }
}

export async function createOrganisation({ ctx, input }: { ctx: ServiceContext; input: OrganisationInput }) {
  await checkParent(ctx, input.parentId);
  return toOrganisation(await createAudited(ctx, "Organisation", (tx) => tx.organisation.create({ data: input })));
}

const findOrganisation = (ctx: ServiceContext, id: string) => (tx: Prisma.TransactionClient) => tx.organisation.findFirst({ where: { AND: [{ id }, organisationScope(ctx)] } });

export async function updateOrganisation({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number; changes: Omit<OrganisationUpdate, "version"> } }) {
  await checkParent(ctx, input.changes.parentId, input.id);
  const row = await updateVersioned({
    ctx,
    entity: "Organisation",
    id: input.id,
    version: input.version,
    load: findOrganisation(ctx, input.id),
    apply: (tx) => tx.organisation.updateMany({ where: { id: input.id, version: input.version }, data: { ...input.changes, version: { increment: 1 } } }),
  });
  return toOrganisation(row);
}

export async function deleteOrganisation({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number } }) {
  // Refused with 409 by the database while anything still refers to it.
  await deleteVersioned({
    ctx,
    entity: "Organisation",
    id: input.id,
    version: input.version,
    load: findOrganisation(ctx, input.id),
    remove: (tx) => tx.organisation.deleteMany({ where: { id: input.id, version: input.version } }),
  });
}
