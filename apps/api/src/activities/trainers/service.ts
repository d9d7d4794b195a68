// Trainers: people (personal data) who deliver sessions. STAFF and ADMIN only.
import { Prisma } from "@vep/db";
import { normalisePersonName, NotFoundError, RuleViolationError, type Trainer, type TrainerDetail, type TrainerInput, type TrainerUpdate, msg } from "@vep/domain";
import { recordAudit } from "../../http/audit.js";
import { ensureUpdated } from "../../http/concurrency.js";
import type { ServiceContext } from "../../http/context.js";
import { keyset, type Sort } from "../../http/pagination.js";
import { keyContains } from "../../http/search.js";

type Db = Prisma.TransactionClient;

const trainerSelect = {
  id: true,
  personId: true,
  expertise: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  person: { select: { fullName: true, sex: true, position: true, email: true, phone: true } },
  organisation: { select: { id: true, name: true } },
  _count: { select: { sessions: true } },
} satisfies Prisma.TrainerSelect;
type TrainerRow = Prisma.TrainerGetPayload<{ select: typeof trainerSelect }>;

interface Rating {
  average: number | null;
  count: number;
}

function toTrainer(row: TrainerRow, rating: Rating | undefined): Trainer {
  return {
    id: row.id,
    personId: row.personId,
    ...row.person,
    organisation: row.organisation,
    expertise: row.expertise,
    sessionsDelivered: row._count.sessions,
    averageRating: rating?.average ?? null,
    ratingCount: rating?.count ?? 0,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Mean trainer rating of the counted feedback (no submission, or an APPROVED one) on the activities
 * whose sessions each trainer delivered; an activity's responses count once per trainer. One query.
 */
async function trainerRatings(db: Db, trainerIds: string[]): Promise<Map<string, Rating>> {
  if (trainerIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ trainerId: string; average: number; count: number }[]>`
    SELECT ta."trainerId", round(avg(f."ratingTrainers"), 2)::float8 AS average, count(*)::int AS count
    FROM (
      SELECT DISTINCT st."trainerId", s."activityId"
      FROM "SessionTrainer" st JOIN "Session" s ON s.id = st."sessionId"
      WHERE st."trainerId" IN (${Prisma.join(trainerIds)})
    ) ta
    JOIN "FeedbackResponse" f ON f."activityId" = ta."activityId"
    LEFT JOIN "Submission" sub ON sub.id = f."submissionId"
    WHERE f."ratingTrainers" IS NOT NULL AND (f."submissionId" IS NULL OR sub.status = 'APPROVED')
    GROUP BY ta."trainerId"`;
  return new Map(rows.map((r) => [r.trainerId, { average: r.average, count: r.count }]));
}

export async function listTrainers({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { q?: string | undefined; organisationId?: string | undefined; expertise?: string | undefined; sort: Sort<"createdAt">; limit: number; cursor?: string | undefined };
}) {
  const page = keyset(input.sort, input.limit, input.cursor);
  const rows = await ctx.db.trainer.findMany({
    where: {
      AND: [
        input.q ? { person: { nameKey: { contains: keyContains(input.q) } } } : {},
        input.organisationId ? { organisationId: input.organisationId } : {},
        input.expertise ? { expertise: { has: input.expertise } } : {},
        page.where,
      ],
    },
    orderBy: page.orderBy,
    take: page.take,
    select: trainerSelect,
  });
  const { items, nextCursor } = page.page(rows);
  const ratings = await trainerRatings(ctx.db, items.map((t) => t.id));
  return { items: items.map((row) => toTrainer(row, ratings.get(row.id))), nextCursor };
}

async function loadDetail(db: Db, id: string): Promise<TrainerDetail> {
  const row = await db.trainer.findUnique({
    where: { id },
    select: {
      ...trainerSelect,
      sessions: {
        orderBy: { session: { startsAt: "asc" } },
        select: { session: { select: { id: true, sequence: true, startsAt: true, endsAt: true, topic: true, activity: { select: { id: true, code: true, title: true } } } } },
      },
    },
  });
  if (!row) throw new NotFoundError("Trainer");
  const ratings = await trainerRatings(db, [row.id]);
  return {
    ...toTrainer(row, ratings.get(row.id)),
    sessions: row.sessions.map(({ session }) => ({ ...session, startsAt: session.startsAt.toISOString(), endsAt: session.endsAt?.toISOString() ?? null })),
  };
}

export async function getTrainer({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  return loadDetail(ctx.db, input.id);
}

async function checkOrganisation(db: Db, organisationId: string | null | undefined) {
  if (!organisationId) return;
  if (!(await db.organisation.findUnique({ where: { id: organisationId }, select: { id: true } }))) {
    throw new RuleViolationError(msg("ref.unknownOrganisation"), { "body.organisationId": msg("ref.noSuchOrganisation") });
  }
}

const withPerson = { person: true } as const;

export async function createTrainer({ ctx, input }: { ctx: ServiceContext; input: TrainerInput }) {
  return ctx.db.$transaction(async (tx) => {
    await checkOrganisation(tx, input.organisationId);
    const { expertise, ...person } = input;
    const { id: personId } = await tx.person.create({ data: { ...person, normalisedName: normalisePersonName(person.fullName) } });
    const row = await tx.trainer.create({ data: { personId, organisationId: person.organisationId, expertise }, include: withPerson });
    await recordAudit(tx, { actorId: ctx.user.id, action: "trainer.create", entityType: "Trainer", entityId: row.id, after: row, ipAddress: ctx.clientAddress });
    return loadDetail(tx, row.id);
  });
}

export async function updateTrainer({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number; changes: Omit<TrainerUpdate, "version"> } }) {
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.trainer.findUnique({ where: { id: input.id }, include: withPerson });
    if (!before) throw new NotFoundError("Trainer");
    await checkOrganisation(tx, input.changes.organisationId);
    const { expertise, ...person } = input.changes;
    const { count } = await tx.trainer.updateMany({
      where: { id: input.id, version: input.version },
      data: { expertise, organisationId: person.organisationId, version: { increment: 1 } },
    });
    await ensureUpdated(count, async () => true, "Trainer");
    // The organisation is both the trainer's and the person's.
    await tx.person.update({
      where: { id: before.personId },
      data: { ...person, ...(person.fullName === undefined ? {} : { normalisedName: normalisePersonName(person.fullName) }), version: { increment: 1 } },
    });
    const after = await tx.trainer.findUniqueOrThrow({ where: { id: input.id }, include: withPerson });
    await recordAudit(tx, { actorId: ctx.user.id, action: "trainer.update", entityType: "Trainer", entityId: input.id, before, after, ipAddress: ctx.clientAddress });
    return loadDetail(tx, input.id);
  });
}

export async function deleteTrainer({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number } }) {
  await ctx.db.$transaction(async (tx) => {
    const before = await tx.trainer.findUnique({ where: { id: input.id }, include: withPerson });
    if (!before) throw new NotFoundError("Trainer");
    // Refused with 409 by the database while sessions name the trainer.
    const { count } = await tx.trainer.deleteMany({ where: { id: input.id, version: input.version } });
    await ensureUpdated(count, async () => true, "Trainer");
    // The person goes too, unless they took part in something: their personal data has no other use.
    await tx.person.deleteMany({
      where: { id: before.personId, enrolments: { none: {} }, attendance: { none: {} }, feedback: { none: {} }, quotes: { none: {} }, erasureRequests: { none: {} } },
    });
    await recordAudit(tx, { actorId: ctx.user.id, action: "trainer.delete", entityType: "Trainer", entityId: input.id, before, ipAddress: ctx.clientAddress });
  });
}
