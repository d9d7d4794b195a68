// Countries and their first-level regions (reference data): everyone signed in reads, ADMIN writes.
// A region is valid for a period, so that Kazakhstan's 2022 reform keeps the 2020 regions for 2020 records.
import { Prisma } from "@vep/db";
import { RuleViolationError, NotFoundError, type Country, type CountryInput, type CountryUpdate, type Region, type RegionInput, type RegionUpdate, msg } from "@vep/domain";
import type { ServiceContext } from "../../http/context.js";
import { keyset, type Sort } from "../../http/pagination.js";
import { keyContaining, keyContains, sortedByKey } from "../../http/search.js";
import { fromDateColumn, toDateColumn, toDateColumnOrNull } from "../../http/dates.js";
import { createAudited, deleteVersioned, updateVersioned } from "../../http/records.js";

type Page = { limit: number; cursor?: string | undefined };

// ───────────────────────────── countries ─────────────────────────────

function toCountry(row: Prisma.CountryGetPayload<object>): Country {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameTranslations: row.nameTranslations as Record<string, string>,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listCountries({ ctx, input }: { ctx: ServiceContext; input: Page & { q?: string | undefined; sort: Sort<"name" | "code"> } }) {
  const page = keyset(sortedByKey(input.sort, { name: "nameKey" }), input.limit, input.cursor);
  const rows = await ctx.db.country.findMany({
    where: {
      AND: [input.q ? { OR: [{ nameKey: { contains: keyContains(input.q) } }, { code: { equals: input.q.toUpperCase() } }] } : {}, page.where],
    },
    orderBy: page.orderBy,
    take: page.take,
  });
  const { items, nextCursor } = page.page(rows);
  return { items: items.map(toCountry), nextCursor };
}

const findCountry = (id: string) => (db: Prisma.TransactionClient) => db.country.findUnique({ where: { id } });

export async function getCountry({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  const row = await findCountry(input.id)(ctx.db);
  if (!row) throw new NotFoundError("Country");
  return toCountry(row);
}

export async function createCountry({ ctx, input }: { ctx: ServiceContext; input: CountryInput }) {
  return toCountry(await createAudited(ctx, "Country", (tx) => tx.country.create({ data: input })));
}

export async function updateCountry({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number; changes: Omit<CountryUpdate, "version"> } }) {
  const row = await updateVersioned({
    ctx,
    entity: "Country",
    id: input.id,
    version: input.version,
    load: findCountry(input.id),
    apply: (tx) => tx.country.updateMany({ where: { id: input.id, version: input.version }, data: { ...input.changes, version: { increment: 1 } } }),
  });
  return toCountry(row);
}

export async function deleteCountry({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number } }) {
  await deleteVersioned({ ctx, entity: "Country", id: input.id, version: input.version, load: findCountry(input.id), remove: (tx) => tx.country.deleteMany({ where: { id: input.id, version: input.version } }) });
}

// ───────────────────────────── regions ─────────────────────────────

function toRegion(row: Prisma.RegionGetPayload<object>): Region {
  return {
    id: row.id,
    countryId: row.countryId,
    code: row.code,
    name: row.name,
    nameTranslations: row.nameTranslations as Record<string, string>,
    aliases: row.aliases,
    kind: row.kind,
    validFrom: fromDateColumn(row.validFrom),
    validTo: row.validTo ? fromDateColumn(row.validTo) : null,
    predecessorId: row.predecessorId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Regions whose name or any alias contains `q` (Prisma's list filters only match whole aliases). */
function nameOrAliasContains(q: string): Prisma.Sql {
  const pattern = keyContaining(q);
  return Prisma.sql`SELECT "id" FROM "Region" WHERE "nameKey" LIKE ${pattern} OR EXISTS (SELECT 1 FROM unnest("aliases") AS alias WHERE vep_text_key(alias) LIKE ${pattern})`;
}

export async function listRegions({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: Page & { countryId?: string | undefined; validOn?: string | undefined; q?: string | undefined; kind?: Region["kind"] | undefined; sort: Sort<"name" | "code" | "validFrom"> };
}) {
  const page = keyset(sortedByKey(input.sort, { name: "nameKey" }), input.limit, input.cursor);
  const matching = input.q ? (await ctx.db.$queryRaw<{ id: string }[]>(nameOrAliasContains(input.q))).map((r) => r.id) : null;
  const day = input.validOn ? toDateColumn(input.validOn) : null;
  const rows = await ctx.db.region.findMany({
    where: {
      AND: [
        input.countryId ? { countryId: input.countryId } : {},
        input.kind ? { kind: input.kind } : {},
        day ? { validFrom: { lte: day }, OR: [{ validTo: null }, { validTo: { gte: day } }] } : {},
        matching ? { id: { in: matching } } : {},
        page.where,
      ],
    },
    orderBy: page.orderBy,
    take: page.take,
  });
  const { items, nextCursor } = page.page(rows);
  return { items: items.map(toRegion), nextCursor };
}

const findRegion = (id: string) => (db: Prisma.TransactionClient) => db.region.findUnique({ where: { id } });

export async function getRegion({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  const row = await findRegion(input.id)(ctx.db);
  if (!row) throw new NotFoundError("Region");
  return toRegion(row);
}

/** The country must exist; a predecessor must be another region of the same country. */
async function checkRegionReferences(db: Prisma.TransactionClient, region: { id?: string; countryId: string; predecessorId: string | null | undefined }) {
  const country = await db.country.findUnique({ where: { id: region.countryId }, select: { id: true } });
  if (!country) throw new RuleViolationError(msg("ref.unknownCountry"), { "body.countryId": msg("ref.noSuchCountry") });
  if (!region.predecessorId) return;
  if (region.predecessorId === region.id) throw new RuleViolationError(msg("finance.regionSucceedsItself"), { "body.predecessorId": msg("finance.notTheRegionItself") });
  const predecessor = await db.region.findUnique({ where: { id: region.predecessorId }, select: { countryId: true } });
  if (!predecessor) throw new RuleViolationError(msg("ref.unknownPredecessor"), { "body.predecessorId": msg("ref.noSuchRegion") });
  if (predecessor.countryId !== region.countryId) throw new RuleViolationError(msg("finance.predecessorInAnotherCountry"), { "body.predecessorId": msg("finance.regionOfSameCountry") });
}

export async function createRegion({ ctx, input }: { ctx: ServiceContext; input: RegionInput }) {
  await checkRegionReferences(ctx.db, input);
  const row = await createAudited(ctx, "Region", (tx) =>
    tx.region.create({ data: { ...input, validFrom: toDateColumn(input.validFrom), validTo: toDateColumnOrNull(input.validTo) } }),
  );
  return toRegion(row);
}

export async function updateRegion({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number; changes: Omit<RegionUpdate, "version"> } }) {
  const { validFrom, validTo, ...changes } = input.changes;
  const row = await updateVersioned({
    ctx,
    entity: "Region",
    id: input.id,
    version: input.version,
    load: findRegion(input.id),
    check: async (tx, before) => {
      if (changes.predecessorId) await checkRegionReferences(tx, { id: input.id, countryId: before.countryId, predecessorId: changes.predecessorId });
      // One of the two dates may be changed alone: the order is checked against the stored other one.
      const from = validFrom ?? fromDateColumn(before.validFrom);
      const to = validTo === undefined ? before.validTo && fromDateColumn(before.validTo) : validTo;
      if (to !== null && to < from) {
        throw new RuleViolationError(msg("finance.validityEndsBeforeStart"), { [validTo === undefined ? "body.validFrom" : "body.validTo"]: msg("finance.validToBeforeValidFrom") });
      }
    },
    apply: (tx) =>
      tx.region.updateMany({
        where: { id: input.id, version: input.version },
        data: {
          ...changes,
          ...(validFrom === undefined ? {} : { validFrom: toDateColumn(validFrom) }),
          ...(validTo === undefined ? {} : { validTo: toDateColumnOrNull(validTo) }),
          version: { increment: 1 },
        },
      }),
  });
  return toRegion(row);
}

export async function deleteRegion({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number } }) {
  await deleteVersioned({ ctx, entity: "Region", id: input.id, version: input.version, load: findRegion(input.id), remove: (tx) => tx.region.deleteMany({ where: { id: input.id, version: input.version } }) });
}
