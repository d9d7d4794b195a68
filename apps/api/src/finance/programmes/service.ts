// Programmes with their recipient countries, participating organisations (IATI roles) and funding donors.
// STAFF and ADMIN write; a partner reads the programmes with an activity assigned to its organisation, a
// donor the programmes it co-funds.
import type { Prisma } from "@vep/db";
import { NotFoundError, RuleViolationError, type Programme, type ProgrammeDetail, type ProgrammeInput, type ProgrammeUpdate, msg, type MessageText } from "@vep/domain";
import type { ServiceContext } from "../../http/context.js";
import { keyset, type Sort } from "../../http/pagination.js";
import { fundedProgrammes } from "../../http/scope.js";
import { keyContains, likeLiteral, sortedByKey } from "../../http/search.js";
import { fromDateColumn, toDateColumn, toDateColumnOrNull } from "../../http/dates.js";
import { texts } from "../../results/shared.js";
import { createAudited, deleteVersioned, updateVersioned } from "../../http/records.js";

export type ProgrammeSort = Sort<"title" | "startDate" | "createdAt">;
type Tx = Prisma.TransactionClient;

/** The programmes a caller reaches, as a Prisma filter. */
export function programmeScope(ctx: ServiceContext): Prisma.ProgrammeWhereInput {
  switch (ctx.scope) {
    case "all":
      return {};
    case "own-organisation":
      return { activities: { some: { partners: { some: { organisationId: ctx.user.organisationId ?? "none" } } } } };
    case "funded-programmes":
      return fundedProgrammes(ctx);
    default:
      return { id: { in: [] } };
  }
}

const summaryInclude = { reportingOrg: { select: { id: true, name: true, iatiRef: true } } } satisfies Prisma.ProgrammeInclude;
const detailInclude = {
  ...summaryInclude,
  countries: { include: { country: { select: { code: true, name: true, nameTranslations: true } } }, orderBy: { country: { code: "asc" } } },
  organisations: { include: { organisation: { select: { name: true, nameTranslations: true, acronym: true, iatiRef: true } } }, orderBy: [{ role: "asc" }, { organisationId: "asc" }] },
  contributions: { select: { donor: { select: { id: true, code: true, organisation: { select: { name: true, nameTranslations: true } } } } }, orderBy: { pledgedOn: "asc" } },
} satisfies Prisma.ProgrammeInclude;
type SummaryRow = Prisma.ProgrammeGetPayload<{ include: typeof summaryInclude }>;
type DetailRow = Prisma.ProgrammeGetPayload<{ include: typeof detailInclude }>;

function toProgramme(row: SummaryRow): Programme {
  return {
    id: row.id,
    iatiIdentifier: row.iatiIdentifier,
    title: row.title,
    titleTranslations: row.titleTranslations as Record<string, string>,
    description: row.description,
    descriptionTranslations: row.descriptionTranslations as Record<string, string>,
    originalLanguage: row.originalLanguage,
    status: row.status,
    dacSector: row.dacSector,
    startDate: fromDateColumn(row.startDate),
    endDate: row.endDate ? fromDateColumn(row.endDate) : null,
    defaultCurrency: row.defaultCurrency,
    onTrackPercent: row.onTrackPercent,
    atRiskPercent: row.atRiskPercent,
    reportingOrg: row.reportingOrg,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toProgrammeDetail(row: DetailRow): ProgrammeDetail {
  // A donor with several pledges to the programme is one funder.
  const donors = new Map(
    row.contributions.map(({ donor }) => [donor.id, { id: donor.id, code: donor.code, name: donor.organisation.name, nameTranslations: texts(donor.organisation.nameTranslations) }]),
  );
  return {
    ...toProgramme(row),
    countries: row.countries.map((c) => ({
      countryId: c.countryId,
      code: c.country.code,
      name: c.country.name,
      nameTranslations: texts(c.country.nameTranslations),
      percentage: c.percentage === null ? null : Number(c.percentage),
    })),
    organisations: row.organisations.map((o) => ({ organisationId: o.organisationId, ...o.organisation, nameTranslations: texts(o.organisation.nameTranslations), role: o.role })),
    donors: [...donors.values()],
  };
}

export async function listProgrammes({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { status?: Programme["status"] | undefined; countryId?: string | undefined; q?: string | undefined; sort: ProgrammeSort; limit: number; cursor?: string | undefined };
}) {
  const page = keyset(sortedByKey(input.sort, { title: "titleKey" }), input.limit, input.cursor);
  const rows = await ctx.db.programme.findMany({
    where: {
      AND: [
        programmeScope(ctx),
        input.status ? { status: input.status } : {},
        input.countryId ? { countries: { some: { countryId: input.countryId } } } : {},
        input.q ? { OR: [{ titleKey: { contains: keyContains(input.q) } }, { iatiIdentifier: { contains: likeLiteral(input.q), mode: "insensitive" } }] } : {},
        page.where,
      ],
    },
    include: summaryInclude,
    orderBy: page.orderBy,
    take: page.take,
  });
  const { items, nextCursor } = page.page(rows);
  return { items: items.map(toProgramme), nextCursor };
}

const findProgramme = (ctx: ServiceContext, id: string) => (db: Tx) => db.programme.findFirst({ where: { AND: [{ id }, programmeScope(ctx)] }, include: detailInclude });

export async function getProgramme({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  const row = await findProgramme(ctx, input.id)(ctx.db);
  if (!row) throw new NotFoundError("Programme");
  return toProgrammeDetail(row);
}

/** Referenced organisations and countries must exist: a 400 naming the field, not a foreign-key 409. */
async function checkReferences(db: Tx, input: Pick<ProgrammeUpdate, "reportingOrgId" | "countries" | "organisations">) {
  const organisationIds = [...(input.reportingOrgId ? [input.reportingOrgId] : []), ...(input.organisations ?? []).map((o) => o.organisationId)];
  const countryIds = (input.countries ?? []).map((c) => c.countryId);
  const known = new Set([
    ...(organisationIds.length ? await db.organisation.findMany({ where: { id: { in: organisationIds } }, select: { id: true } }) : []),
    ...(countryIds.length ? await db.country.findMany({ where: { id: { in: countryIds } }, select: { id: true } }) : []),
  ].map((r) => r.id));
  const errors: Record<string, MessageText> = {};
  if (input.reportingOrgId && !known.has(input.reportingOrgId)) errors["body.reportingOrgId"] = msg("ref.noSuchOrganisation");
  input.organisations?.forEach((o, i) => {
    if (!known.has(o.organisationId)) errors[`body.organisations.${i}.organisationId`] = msg("ref.noSuchOrganisation");
  });
  input.countries?.forEach((c, i) => {
    if (!known.has(c.countryId)) errors[`body.countries.${i}.countryId`] = msg("ref.noSuchCountry");
  });
  if (Object.keys(errors).length) throw new RuleViolationError(msg("ref.unknownOrganisationOrCountry"), errors);
}

const countryRows = (countries: NonNullable<ProgrammeUpdate["countries"]>) => countries.map((c) => ({ countryId: c.countryId, percentage: c.percentage }));

export async function createProgramme({ ctx, input }: { ctx: ServiceContext; input: ProgrammeInput }) {
  await checkReferences(ctx.db, input);
  const { countries, organisations, startDate, endDate, ...fields } = input;
  // A taken IATI identifier is refused by its unique index: 409.
  const row = await createAudited(ctx, "Programme", (tx) =>
    tx.programme.create({
      data: {
        ...fields,
        startDate: toDateColumn(startDate),
        endDate: toDateColumnOrNull(endDate),
        countries: { create: countryRows(countries) },
        organisations: { create: organisations },
      },
      include: detailInclude,
    }),
  );
  return toProgrammeDetail(row);
}

export async function updateProgramme({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number; changes: Omit<ProgrammeUpdate, "version"> } }) {
  const { countries, organisations, startDate, endDate, ...fields } = input.changes;
  await checkReferences(ctx.db, input.changes);
  const row = await updateVersioned({
    ctx,
    entity: "Programme",
    id: input.id,
    version: input.version,
    load: findProgramme(ctx, input.id),
    check: async (_tx, before) => {
      // One of the two dates may be changed alone: the order is checked against the stored other one.
      const start = startDate ?? fromDateColumn(before.startDate);
      const end = endDate === undefined ? before.endDate && fromDateColumn(before.endDate) : endDate;
      if (end !== null && end < start) {
        throw new RuleViolationError(msg("finance.programmeEndsBeforeStart"), { [endDate === undefined ? "body.startDate" : "body.endDate"]: msg("finance.endDateBeforeStartDate") });
      }
      // One threshold may be changed alone: the order is checked against the stored other one.
      if ((fields.atRiskPercent ?? before.atRiskPercent) >= (fields.onTrackPercent ?? before.onTrackPercent)) {
        throw new RuleViolationError(msg("finance.progressRuleOrder"), { "body.atRiskPercent": msg("finance.atRiskBelowOnTrack") });
      }
    },
    apply: async (tx) => {
      const updated = await tx.programme.updateMany({
        where: { id: input.id, version: input.version },
        data: {
          ...fields,
          ...(startDate === undefined ? {} : { startDate: toDateColumn(startDate) }),
          ...(endDate === undefined ? {} : { endDate: toDateColumnOrNull(endDate) }),
          version: { increment: 1 },
        },
      });
      if (updated.count === 0) return updated;
      // Lists given in full replace the stored ones.
      if (countries) {
        await tx.programmeCountry.deleteMany({ where: { programmeId: input.id } });
        await tx.programmeCountry.createMany({ data: countryRows(countries).map((c) => ({ ...c, programmeId: input.id })) });
      }
      if (organisations) {
        await tx.programmeOrganisation.deleteMany({ where: { programmeId: input.id } });
        await tx.programmeOrganisation.createMany({ data: organisations.map((o) => ({ ...o, programmeId: input.id })) });
      }
      return updated;
    },
  });
  return toProgrammeDetail(row);
}

export async function deleteProgramme({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number } }) {
  // Its countries and organisation roles go with it; contributions, budgets, activities and the results
  // framework keep it (the database refuses: 409).
  await deleteVersioned({ ctx, entity: "Programme", id: input.id, version: input.version, load: findProgramme(ctx, input.id), remove: (tx) => tx.programme.deleteMany({ where: { id: input.id, version: input.version } }) });
}
