// The public programme summary and delivered activities: aggregates only, people counts under 3 suppressed.
import type { Prisma, PrismaClient } from "@vep/db";
import {
  NotFoundError,
  suppressSmall,
  type PublicActivityDetail,
  type PublicActivitySummary,
  type PublicSummary,
} from "@vep/domain";
import { countedParticipants, trainedRow, type ParticipantRow } from "../activities/counting.js";
import { fromDateColumn } from "../http/dates.js";
import { keyset } from "../http/pagination.js";
import { texts } from "../results/shared.js";
import { computeReach } from "../reach/service.js";
import type { FigureCache } from "../http/figure-cache.js";

export interface PublicContext {
  db: PrismaClient;
}


function groupByActivity(rows: ParticipantRow[]) {
  const byActivity = new Map<string, ParticipantRow[]>();
  for (const row of rows) byActivity.set(row.activityId, [...(byActivity.get(row.activityId) ?? []), row]);
  return byActivity;
}

const activitySummarySelect = {
  id: true,
  code: true,
  title: true,
  titleTranslations: true,
  originalLanguage: true,
  type: true,
  modality: true,
  status: true,
  startDate: true,
  endDate: true,
  completionSharePercent: true,
  country: { select: { code: true, name: true, nameTranslations: true } },
  _count: { select: { sessions: true } },
} satisfies Prisma.ActivitySelect;

type ActivitySummaryRow = Prisma.ActivityGetPayload<{ select: typeof activitySummarySelect }>;

function toActivitySummary(activity: ActivitySummaryRow, participants: ParticipantRow[]): PublicActivitySummary {
  return {
    id: activity.id,
    code: activity.code,
    title: activity.title,
    titleTranslations: texts(activity.titleTranslations),
    originalLanguage: activity.originalLanguage,
    type: activity.type,
    modality: activity.modality,
    status: activity.status,
    startDate: fromDateColumn(activity.startDate),
    endDate: fromDateColumn(activity.endDate),
    country: { code: activity.country.code, name: activity.country.name, nameTranslations: texts(activity.country.nameTranslations) },
    sessionCount: activity._count.sessions,
    participants: suppressSmall(participants.length),
    trained: suppressSmall(participants.filter(trainedRow).length, participants.length),
    regionCount: new Set(participants.map((p) => p.regionId).filter(Boolean)).size,
  };
}

/** Programme shown to the public: the one asked for by IATI identifier, else the first one recorded. */
async function findProgramme(db: PrismaClient, iatiIdentifier?: string) {
  const programme = await db.programme.findFirst({
    where: iatiIdentifier ? { iatiIdentifier } : {},
    orderBy: { createdAt: "asc" },
    include: {
      contributions: { select: { donor: { select: { code: true, organisation: { select: { name: true, nameTranslations: true } } } } } },
      countries: { select: { countryId: true } },
    },
  });
  if (!programme) throw new NotFoundError("Programme");
  return programme;
}

/** The same for everyone, so kept between requests until the data changes. */
export async function getPublicSummary({ ctx, input, figures }: { ctx: PublicContext; input: { programme?: string | undefined }; figures: FigureCache }): Promise<PublicSummary> {
  return figures.get(`public-summary:${input.programme ?? ""}`, () => publicSummary(ctx.db, input.programme));
}

async function publicSummary(db: PrismaClient, iatiIdentifier: string | undefined): Promise<PublicSummary> {
  const programme = await findProgramme(db, iatiIdentifier);
  const delivered = await db.activity.findMany({
    where: { programmeId: programme.id, status: "DELIVERED" },
    select: { id: true, endDate: true, _count: { select: { sessions: true } } },
  });
  const reach = await computeReach(db, { activities: delivered, countryIds: programme.countries.map((c) => c.countryId) });

  const donors = new Map(programme.contributions.map((c) => [c.donor.code, c.donor.organisation]));
  return {
    programme: {
      id: programme.id,
      iatiIdentifier: programme.iatiIdentifier,
      title: programme.title,
      titleTranslations: texts(programme.titleTranslations),
      description: programme.description,
      descriptionTranslations: texts(programme.descriptionTranslations),
      originalLanguage: programme.originalLanguage,
      status: programme.status,
      startDate: fromDateColumn(programme.startDate),
      endDate: programme.endDate ? fromDateColumn(programme.endDate) : null,
      donors: [...donors].map(([code, org]) => ({ code, name: org.name, nameTranslations: texts(org.nameTranslations) })).sort((a, b) => a.code.localeCompare(b.code)),
    },
    totals: {
      activitiesDelivered: delivered.length,
      sessions: delivered.reduce((sum, a) => sum + a._count.sessions, 0),
      participants: reach.participants,
      trained: reach.trained,
      regionsCovered: reach.regionsCovered,
      regionsTotal: reach.regionsTotal,
    },
    trainedBySex: reach.trainedBySex,
    trainedByRegion: reach.trainedByRegion,
  };
}

export async function listPublicActivities({
  ctx,
  input,
}: {
  ctx: PublicContext;
  input: { limit: number; cursor?: string | undefined };
}): Promise<{ items: PublicActivitySummary[]; nextCursor: string | null }> {
  const { db } = ctx;
  const page = keyset({ field: "startDate", direction: "desc" }, input.limit, input.cursor);
  const activities = await db.activity.findMany({
    where: { AND: [{ status: "DELIVERED" }, page.where] },
    orderBy: page.orderBy,
    take: page.take,
    select: activitySummarySelect,
  });
  const { items, nextCursor } = page.page(activities);
  const byActivity = groupByActivity(await countedParticipants(db, items.map((a) => a.id)));
  return { items: items.map((a) => toActivitySummary(a, byActivity.get(a.id) ?? [])), nextCursor };
}

export async function getPublicActivity({ ctx, input }: { ctx: PublicContext; input: { id: string } }): Promise<PublicActivityDetail> {
  const { db } = ctx;
  const activity = await db.activity.findFirst({
    where: { id: input.id, status: "DELIVERED" },
    select: {
      ...activitySummarySelect,
      description: true,
      descriptionTranslations: true,
      objectives: true,
      objectivesTranslations: true,
      topics: true,
      sessions: { orderBy: { sequence: "asc" }, select: { sequence: true, startsAt: true, endsAt: true, topic: true, topicTranslations: true } },
      regions: { select: { region: { select: { id: true, code: true, name: true, nameTranslations: true } } } },
      partners: { select: { role: true, organisation: { select: { name: true, nameTranslations: true, acronym: true } } } },
      donors: { select: { donor: { select: { code: true, organisation: { select: { name: true, nameTranslations: true } } } } } },
      quotes: {
        where: { consentToQuote: true },
        orderBy: { createdAt: "asc" },
        select: { text: true, textTranslations: true, originalLanguage: true, consentToAttribution: true, attribution: true },
      },
    },
  });
  if (!activity) throw new NotFoundError("Activity");
  const participants = await countedParticipants(db, [activity.id]);
  return {
    ...toActivitySummary(activity, participants),
    description: activity.description,
    descriptionTranslations: texts(activity.descriptionTranslations),
    objectives: activity.objectives,
    objectivesTranslations: texts(activity.objectivesTranslations),
    topics: activity.topics,
    completionSharePercent: activity.completionSharePercent,
    sessions: activity.sessions.map((s) => ({
      sequence: s.sequence,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt?.toISOString() ?? null,
      topic: s.topic,
      topicTranslations: texts(s.topicTranslations),
    })),
    regions: activity.regions
      .map(({ region }) => ({ code: region.code, name: region.name, nameTranslations: texts(region.nameTranslations), participants: suppressSmall(participants.filter((p) => p.regionId === region.id).length) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    partners: activity.partners.map((p) => ({ name: p.organisation.name, nameTranslations: texts(p.organisation.nameTranslations), acronym: p.organisation.acronym, role: p.role })),
    donors: activity.donors.map(({ donor }) => ({ code: donor.code, name: donor.organisation.name, nameTranslations: texts(donor.organisation.nameTranslations) })).sort((a, b) => a.code.localeCompare(b.code)),
    quotes: activity.quotes.map((q) => ({
      text: q.text,
      textTranslations: texts(q.textTranslations),
      language: q.originalLanguage,
      attribution: q.consentToAttribution ? q.attribution : null,
    })),
  };
}
