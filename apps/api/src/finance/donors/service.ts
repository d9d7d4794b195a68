// Donors (public as in IATI): ADMIN, STAFF and donors read them, ADMIN and STAFF write them. Each comes with
// what it pledged and what was received, per currency; a DONOR caller's totals count only the programmes it
// co-funds, since other programmes' money is outside its scope.
import { Prisma } from "@vep/db";
import { NotFoundError, RuleViolationError, type Donor, type DonorInput, type DonorTotal, type DonorUpdate, msg } from "@vep/domain";
import type { ServiceContext } from "../../http/context.js";
import { keyset, type Sort } from "../../http/pagination.js";
import { keyContains, likeLiteral } from "../../http/search.js";
import { createAudited, deleteVersioned, updateVersioned } from "../../http/records.js";

const donorInclude = { organisation: { select: { id: true, name: true, nameTranslations: true, acronym: true, iatiRef: true } } } satisfies Prisma.DonorInclude;
type DonorRow = Prisma.DonorGetPayload<{ include: typeof donorInclude }>;

/** The donor whose co-funded programmes bound the totals, or null for every programme. */
function totalsBoundedBy(ctx: ServiceContext): string | null {
  return ctx.scope === "all" ? null : (ctx.user.donorId ?? "none");
}

/** Pledged and received per donor and currency, for all the listed donors in one grouped query. */
async function totalsByDonor(ctx: ServiceContext, donorIds: string[]): Promise<Map<string, DonorTotal[]>> {
  const totals = new Map<string, DonorTotal[]>();
  if (donorIds.length === 0) return totals;
  const fundedBy = totalsBoundedBy(ctx);
  const inScope =
    fundedBy === null
      ? Prisma.empty
      : Prisma.sql`AND EXISTS (SELECT 1 FROM "Contribution" own WHERE own."programmeId" = c."programmeId" AND own."donorId" = ${fundedBy})`;
  const ids = Prisma.join(donorIds);
  const rows = await ctx.db.$queryRaw<{ donorId: string; currency: string; pledgedMinor: string; receivedMinor: string }[]>`
    SELECT "donorId", "currency", SUM("pledged")::text AS "pledgedMinor", SUM("received")::text AS "receivedMinor"
    FROM (
      SELECT c."donorId", c."currency", c."amountMinor" AS "pledged", 0::bigint AS "received"
      FROM "Contribution" c WHERE c."donorId" IN (${ids}) ${inScope}
      UNION ALL
      SELECT c."donorId", p."currency", 0::bigint, p."amountMinor"
      FROM "ContributionPayment" p JOIN "Contribution" c ON c."id" = p."contributionId"
      WHERE c."donorId" IN (${ids}) ${inScope}
    ) AS amounts
    GROUP BY "donorId", "currency"
    ORDER BY "currency"`;
  for (const row of rows) {
    const list = totals.get(row.donorId) ?? [];
    list.push({ currency: row.currency, pledgedMinor: Number(row.pledgedMinor), receivedMinor: Number(row.receivedMinor) });
    totals.set(row.donorId, list);
  }
  return totals;
}

async function toDonors(ctx: ServiceContext, rows: DonorRow[]): Promise<Donor[]> {
  const totals = await totalsByDonor(ctx, rows.map((r) => r.id));
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    organisation: { ...row.organisation, nameTranslations: row.organisation.nameTranslations as Record<string, string> },
    totals: totals.get(row.id) ?? [],
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

async function toDonor(ctx: ServiceContext, row: DonorRow): Promise<Donor> {
  const [donor] = await toDonors(ctx, [row]);
  return donor!;
}

export async function listDonors({ ctx, input }: { ctx: ServiceContext; input: { q?: string | undefined; sort: Sort<"code" | "createdAt">; limit: number; cursor?: string | undefined } }) {
  const page = keyset(input.sort, input.limit, input.cursor);
  const rows = await ctx.db.donor.findMany({
    where: {
      AND: [
        input.q ? { OR: [{ code: { contains: likeLiteral(input.q), mode: "insensitive" } }, { organisation: { nameKey: { contains: keyContains(input.q) } } }] } : {},
        page.where,
      ],
    },
    include: donorInclude,
    orderBy: page.orderBy,
    take: page.take,
  });
  const { items, nextCursor } = page.page(rows);
  return { items: await toDonors(ctx, items), nextCursor };
}

const findDonor = (id: string) => (db: Prisma.TransactionClient) => db.donor.findUnique({ where: { id }, include: donorInclude });

export async function getDonor({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  const row = await findDonor(input.id)(ctx.db);
  if (!row) throw new NotFoundError("Donor");
  return toDonor(ctx, row);
}

export async function createDonor({ ctx, input }: { ctx: ServiceContext; input: DonorInput }) {
  if (!(await ctx.db.organisation.findUnique({ where: { id: input.organisationId }, select: { id: true } }))) {
    throw new RuleViolationError(msg("ref.unknownOrganisation"), { "body.organisationId": msg("ref.noSuchOrganisation") });
  }
  // An organisation is one donor at most, and codes are unique: the database answers 409 for either.
  const row = await createAudited(ctx, "Donor", (tx) => tx.donor.create({ data: input, include: donorInclude }));
  return toDonor(ctx, row);
}

export async function updateDonor({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number; changes: Omit<DonorUpdate, "version"> } }) {
  const row = await updateVersioned({
    ctx,
    entity: "Donor",
    id: input.id,
    version: input.version,
    load: findDonor(input.id),
    apply: (tx) => tx.donor.updateMany({ where: { id: input.id, version: input.version }, data: { ...input.changes, version: { increment: 1 } } }),
  });
  return toDonor(ctx, row);
}

export async function deleteDonor({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number } }) {
  await deleteVersioned({ ctx, entity: "Donor", id: input.id, version: input.version, load: findDonor(input.id), remove: (tx) => tx.donor.deleteMany({ where: { id: input.id, version: input.version } }) });
}
