// Activities with their regions, outputs served, funding donors, partners and topics. Partners read the
// activities their organisation is assigned to, donors those of the programmes they co-fund; STAFF and
// ADMIN write.
import type { Prisma } from "@vep/db";
import {
  ConflictError,
  NotFoundError,
  RuleViolationError,
  type ActivityDetail,
  type ActivityInput,
  type ActivitySummary,
  type ActivityUpdate,
  msg,
  type MessageText,
} from "@vep/domain";
import { recordAudit } from "../http/audit.js";
import { ensureUpdated } from "../http/concurrency.js";
import type { ServiceContext } from "../http/context.js";
import { fromDateColumn, toDateColumn } from "../http/dates.js";
import { keyset, type Sort } from "../http/pagination.js";
import { keyContaining, sortedByKey } from "../http/search.js";
import { participationCounts } from "./counting.js";
import { activityScope, peopleCount } from "./scope.js";
import { sessionSelect, toSession } from "./sessions/service.js";
import { texts } from "../results/shared.js";

type Db = Prisma.TransactionClient;
export type ActivitySort = Sort<"startDate" | "title" | "createdAt">;

const summarySelect = {
  id: true,
  programmeId: true,
  code: true,
  type: true,
  modality: true,
  status: true,
  title: true,
  titleTranslations: true,
  topics: true,
  startDate: true,
  endDate: true,
  completionSharePercent: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  country: { select: { id: true, code: true, name: true, nameTranslations: true } },
  _count: { select: { sessions: true } },
} satisfies Prisma.ActivitySelect;

const detailSelect = {
  ...summarySelect,
  description: true,
  descriptionTranslations: true,
  objectives: true,
  objectivesTranslations: true,
  originalLanguage: true,
  programme: { select: { id: true, title: true, titleTranslations: true } },
  regions: { orderBy: { region: { nameKey: "asc" } }, select: { region: { select: { id: true, code: true, name: true, nameTranslations: true } } } },
  outputs: { orderBy: { output: { code: "asc" } }, select: { output: { select: { id: true, code: true, title: true, titleTranslations: true } } } },
  donors: { orderBy: { donor: { code: "asc" } }, select: { donor: { select: { id: true, code: true, organisation: { select: { name: true, nameTranslations: true } } } } } },
  partners: { orderBy: { organisation: { nameKey: "asc" } }, select: { role: true, organisation: { select: { id: true, name: true, nameTranslations: true, acronym: true } } } },
  sessions: { orderBy: { sequence: "asc" }, select: sessionSelect },
} satisfies Prisma.ActivitySelect;

type SummaryRow = Prisma.ActivityGetPayload<{ select: typeof summarySelect }>;
type DetailRow = Prisma.ActivityGetPayload<{ select: typeof detailSelect }>;
type Counts = Map<string, { participants: number; trained: number }>;

function toSummary(ctx: ServiceContext, row: SummaryRow, counts: Counts): ActivitySummary {
  const { participants, trained } = counts.get(row.id) ?? { participants: 0, trained: 0 };
  return {
    id: row.id,
    programmeId: row.programmeId,
    code: row.code,
    type: row.type,
    modality: row.modality,
    status: row.status,
    title: row.title,
    titleTranslations: row.titleTranslations as Record<string, string>,
    topics: row.topics,
    country: { ...row.country, nameTranslations: texts(row.country.nameTranslations) },
    startDate: fromDateColumn(row.startDate),
    endDate: fromDateColumn(row.endDate),
    completionSharePercent: row.completionSharePercent,
    sessionCount: row._count.sessions,
    participants: peopleCount(ctx, participants),
    trained: peopleCount(ctx, trained, participants),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toDetail(ctx: ServiceContext, row: DetailRow, counts: Counts): ActivityDetail {
  return {
    ...toSummary(ctx, row, counts),
    programme: { ...row.programme, titleTranslations: texts(row.programme.titleTranslations) },
    description: row.description,
    descriptionTranslations: row.descriptionTranslations as Record<string, string>,
    objectives: row.objectives,
    objectivesTranslations: row.objectivesTranslations as Record<string, string>,
    originalLanguage: row.originalLanguage,
    regions: row.regions.map(({ region }) => ({ ...region, nameTranslations: texts(region.nameTranslations) })),
    outputs: row.outputs.map(({ output }) => ({ ...output, titleTranslations: texts(output.titleTranslations) })),
    donors: row.donors.map(({ donor }) => ({ id: donor.id, code: donor.code, name: donor.organisation.name, nameTranslations: texts(donor.organisation.nameTranslations) })),
    partners: row.partners.map(({ role, organisation }) => ({ organisationId: organisation.id, name: organisation.name, nameTranslations: texts(organisation.nameTranslations), acronym: organisation.acronym, role })),
    sessions: row.sessions.map((session) => toSession(ctx, session)),
  };
}

/** Ids of activities whose title, code or one of whose topics contains `q` (any case, ё = е: http/search.ts). */
async function searchActivityIds(db: Db, q: string): Promise<string[]> {
  const pattern = keyContaining(q);
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Activity"
    WHERE "titleKey" LIKE ${pattern} OR vep_text_key(coalesce(code, '')) LIKE ${pattern} OR vep_text_key(array_to_string(topics, E'\n')) LIKE ${pattern}`;
  return rows.map((r) => r.id);
}

export interface ActivityFilters {
  programmeId?: string | undefined;
  countryId?: string | undefined;
  regionId?: string | undefined;
  donorId?: string | undefined;
  type?: ActivitySummary["type"] | undefined;
  modality?: ActivitySummary["modality"] | undefined;
  status?: ActivitySummary["status"] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
}

export async function listActivities({ ctx, input }: { ctx: ServiceContext; input: ActivityFilters & { sort: ActivitySort; limit: number; cursor?: string | undefined } }) {
  const page = keyset(sortedByKey(input.sort, { title: "titleKey" }), input.limit, input.cursor);
  const rows = await ctx.db.activity.findMany({
    where: {
      AND: [
        activityScope(ctx),
        input.programmeId ? { programmeId: input.programmeId } : {},
        input.countryId ? { countryId: input.countryId } : {},
        input.regionId ? { regions: { some: { regionId: input.regionId } } } : {},
        input.donorId ? { donors: { some: { donorId: input.donorId } } } : {},
        input.type ? { type: input.type } : {},
        input.modality ? { modality: input.modality } : {},
        input.status ? { status: input.status } : {},
        // Activities whose dates overlap the period asked for.
        input.from ? { endDate: { gte: toDateColumn(input.from) } } : {},
        input.to ? { startDate: { lte: toDateColumn(input.to) } } : {},
        input.q ? { id: { in: await searchActivityIds(ctx.db, input.q) } } : {},
        page.where,
      ],
    },
    orderBy: page.orderBy,
    take: page.take,
    // The key is selected for the cursor of a list sorted by title.
    select: { ...summarySelect, titleKey: true },
  });
  const { items, nextCursor } = page.page(rows);
  const counts = await participationCounts(ctx.db, items.map((a) => a.id));
  return { items: items.map((row) => toSummary(ctx, row, counts)), nextCursor };
}

async function loadDetail(ctx: ServiceContext, db: Db, id: string) {
  const row = await db.activity.findFirst({ where: { AND: [{ id }, activityScope(ctx)] }, select: detailSelect });
  if (!row) throw new NotFoundError("Activity");
  return toDetail(ctx, row, await participationCounts(db, [row.id]));
}

export async function getActivity({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  return loadDetail(ctx, ctx.db, input.id);
}

/** What the activity's links must agree with, as they will be after the write. */
interface LinkedState {
  id?: string;
  programmeId: string;
  countryId: string;
  startDate: Date;
  endDate: Date;
  regionIds: string[];
  outputIds: string[];
  donorIds: string[];
  partnerIds: string[];
}

/**
 * The ids exist and belong together: the country is one of the programme's, regions are the country's
 * and in force at some point of the activity's dates, outputs are the programme's, donors contribute to
 * the programme, and (for an existing activity) its sessions still fall within its dates.
 */
async function checkLinks(db: Db, s: LinkedState, given: Partial<Record<keyof ActivityInput, unknown>>) {
  // One after the other: a transaction holds one connection.
  const programme = await db.programme.findUnique({ where: { id: s.programmeId }, select: { countries: { select: { countryId: true } } } });
  const country = await db.country.findUnique({ where: { id: s.countryId }, select: { id: true } });
  const regions = await db.region.count({
    where: { id: { in: s.regionIds }, countryId: s.countryId, validFrom: { lte: s.endDate }, OR: [{ validTo: null }, { validTo: { gte: s.startDate } }] },
  });
  const outputs = await db.output.count({ where: { id: { in: s.outputIds }, outcome: { programmeId: s.programmeId } } });
  const donors = await db.donor.count({ where: { id: { in: s.donorIds }, contributions: { some: { programmeId: s.programmeId } } } });
  const partners = await db.organisation.count({ where: { id: { in: s.partnerIds } } });
  const dayAfterEnd = new Date(s.endDate.getTime() + 86_400_000);
  const strandedSessions = s.id
    ? await db.session.count({ where: { activityId: s.id, OR: [{ startsAt: { lt: s.startDate } }, { startsAt: { gte: dayAfterEnd } }] } })
    : 0;
  // Name the field the caller sent, or the one that made a kept link wrong.
  const field = (name: keyof ActivityInput, because: keyof ActivityInput) => `body.${name in given ? name : because}`;
  const errors: Record<string, MessageText> = {};
  if (!programme) errors["body.programmeId"] = msg("ref.noSuchProgramme");
  if (!country) errors["body.countryId"] = msg("ref.noSuchCountry");
  else if (programme && !programme.countries.some((c) => c.countryId === s.countryId)) errors["body.countryId"] = msg("activities.notProgrammeCountry");
  if (regions !== s.regionIds.length) errors[field("regionIds", "countryId")] = msg("activities.regionsOfCountry");
  if (outputs !== s.outputIds.length) errors[field("outputIds", "programmeId")] = msg("activities.outputsOfProgramme");
  if (donors !== s.donorIds.length) errors[field("donorIds", "programmeId")] = msg("activities.donorsOfProgramme");
  if (partners !== s.partnerIds.length) errors["body.partners"] = msg("activities.partnersExist");
  if (strandedSessions > 0) errors[field("startDate", "endDate")] = msg("activities.sessionsOutsideDates", { count: strandedSessions });
  if (Object.keys(errors).length > 0) throw new RuleViolationError(msg("activities.linksDoNotFit"), errors);
}

/** The activity as the audit trail keeps it (its own fields and the ids it links to), in the caller's scope. */
async function findRecord(ctx: ServiceContext, db: Db, id: string) {
  const row = await db.activity.findFirst({
    where: { AND: [{ id }, activityScope(ctx)] },
    include: {
      regions: { select: { regionId: true } },
      outputs: { select: { outputId: true } },
      donors: { select: { donorId: true } },
      partners: { select: { organisationId: true, role: true } },
    },
  });
  if (!row) throw new NotFoundError("Activity");
  return row;
}

/** Replaces the links given; the others stay. */
async function replaceLinks(db: Db, activityId: string, links: Partial<Pick<ActivityInput, "regionIds" | "outputIds" | "donorIds" | "partners">>) {
  if (links.regionIds) {
    await db.activityRegion.deleteMany({ where: { activityId } });
    await db.activityRegion.createMany({ data: links.regionIds.map((regionId) => ({ activityId, regionId })) });
  }
  if (links.outputIds) {
    await db.activityOutput.deleteMany({ where: { activityId } });
    await db.activityOutput.createMany({ data: links.outputIds.map((outputId) => ({ activityId, outputId })) });
  }
  if (links.donorIds) {
    await db.activityDonor.deleteMany({ where: { activityId } });
    await db.activityDonor.createMany({ data: links.donorIds.map((donorId) => ({ activityId, donorId })) });
  }
  if (links.partners) {
    await db.activityPartner.deleteMany({ where: { activityId } });
    await db.activityPartner.createMany({ data: links.partners.map((p) => ({ activityId, ...p })) });
  }
}

export async function createActivity({ ctx, input }: { ctx: ServiceContext; input: ActivityInput }) {
  const { regionIds, outputIds, donorIds, partners, ...rest } = input;
  const links = { regionIds, outputIds, donorIds, partners };
  const fields = { ...rest, startDate: toDateColumn(rest.startDate), endDate: toDateColumn(rest.endDate) };
  return ctx.db.$transaction(async (tx) => {
    await checkLinks(tx, { ...fields, ...links, partnerIds: partners.map((p) => p.organisationId) }, input);
    // A code already used fails the unique index: 409.
    const { id } = await tx.activity.create({ data: fields, select: { id: true } });
    await replaceLinks(tx, id, links);
    await recordAudit(tx, { actorId: ctx.user.id, action: "activity.create", entityType: "Activity", entityId: id, after: await findRecord(ctx, tx, id), ipAddress: ctx.clientAddress });
    return loadDetail(ctx, tx, id);
  });
}

export async function updateActivity({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number; changes: Omit<ActivityUpdate, "version"> } }) {
  const { regionIds, outputIds, donorIds, partners, ...rest } = input.changes;
  const links = { regionIds, outputIds, donorIds, partners };
  const fields = {
    ...rest,
    startDate: rest.startDate === undefined ? undefined : toDateColumn(rest.startDate),
    endDate: rest.endDate === undefined ? undefined : toDateColumn(rest.endDate),
  };
  return ctx.db.$transaction(async (tx) => {
    const current = await findRecord(ctx, tx, input.id);
    const startDate = fields.startDate ?? current.startDate;
    const endDate = fields.endDate ?? current.endDate;
    if (startDate > endDate) {
      const field = input.changes.endDate === undefined ? "body.startDate" : "body.endDate";
      throw new RuleViolationError(msg("activities.endsBeforeStart"), { [field]: msg("activities.mustNotEndBeforeStart") });
    }
    await checkLinks(
      tx,
      {
        id: current.id,
        programmeId: fields.programmeId ?? current.programmeId,
        countryId: fields.countryId ?? current.countryId,
        startDate,
        endDate,
        regionIds: regionIds ?? current.regions.map((r) => r.regionId),
        outputIds: outputIds ?? current.outputs.map((o) => o.outputId),
        donorIds: donorIds ?? current.donors.map((d) => d.donorId),
        partnerIds: (partners ?? current.partners).map((p) => p.organisationId),
      },
      input.changes,
    );
    const { count } = await tx.activity.updateMany({ where: { id: input.id, version: input.version }, data: { ...fields, version: { increment: 1 } } });
    await ensureUpdated(count, async () => true, "Activity");
    await replaceLinks(tx, input.id, links);
    await recordAudit(tx, { actorId: ctx.user.id, action: "activity.update", entityType: "Activity", entityId: input.id, before: current, after: await findRecord(ctx, tx, input.id), ipAddress: ctx.clientAddress });
    return loadDetail(ctx, tx, input.id);
  });
}

export async function deleteActivity({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number } }) {
  await ctx.db.$transaction(async (tx) => {
    const found = await tx.activity.findFirst({
      where: { AND: [{ id: input.id }, activityScope(ctx)] },
      select: { _count: { select: { enrolments: true, feedback: true } } },
    });
    if (!found) throw new NotFoundError("Activity");
    // Deleting would cascade to people's enrolments and feedback and change the programme's figures.
    if (found._count.enrolments > 0 || found._count.feedback > 0) {
      throw new ConflictError(msg("activities.hasRecords"));
    }
    const before = await findRecord(ctx, tx, input.id);
    // Submissions and expenditure referring to it make the database refuse: 409.
    const { count } = await tx.activity.deleteMany({ where: { id: input.id, version: input.version } });
    await ensureUpdated(count, async () => true, "Activity");
    await recordAudit(tx, { actorId: ctx.user.id, action: "activity.delete", entityType: "Activity", entityId: input.id, before, ipAddress: ctx.clientAddress });
  });
}
