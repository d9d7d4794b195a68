// Participants: personal data of the people who take part (and of trainers, who are people too).
import type { Prisma } from "@vep/db";
import {
  ConflictError,
  isTrained,
  normalisePersonName,
  NotFoundError,
  type Participant,
  type ParticipantDetail,
  type ParticipantInput,
  type ParticipantUpdate,
  msg,
} from "@vep/domain";
import { recordAudit } from "../../http/audit.js";
import { ensureUpdated } from "../../http/concurrency.js";
import type { ServiceContext } from "../../http/context.js";
import { keyset, type Sort } from "../../http/pagination.js";
import { keyContains, sortedByKey } from "../../http/search.js";
import { activityScope, ensureReferencesExist, iso, isoOrNull, personScope } from "../scope.js";


export type ParticipantSort = Sort<"fullName" | "createdAt">;

export function toParticipant(row: Prisma.PersonGetPayload<object>): Participant {
  return {
    id: row.id,
    fullName: row.fullName,
    sex: row.sex,
    position: row.position,
    organisationId: row.organisationId,
    regionId: row.regionId,
    email: row.email,
    phone: row.phone,
    erasedAt: isoOrNull(row.erasedAt),
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export async function listParticipants({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: {
    organisationId?: string | undefined;
    regionId?: string | undefined;
    activityId?: string | undefined;
    sex?: Participant["sex"] | undefined;
    q?: string | undefined;
    sort: ParticipantSort;
    limit: number;
    cursor?: string | undefined;
  };
}) {
  // Names sort in Russian order through their key (http/search.ts).
  const page = keyset(sortedByKey(input.sort, { fullName: "nameKey" }), input.limit, input.cursor);
  const rows = await ctx.db.person.findMany({
    where: {
      AND: [
        personScope(ctx),
        input.organisationId ? { organisationId: input.organisationId } : {},
        input.regionId ? { regionId: input.regionId } : {},
        input.sex ? { sex: input.sex } : {},
        // A partner may not learn about enrolments in activities it is not assigned to.
        input.activityId ? { enrolments: { some: { activityId: input.activityId, activity: activityScope(ctx) } } } : {},
        // Names are matched through their key, so "елкин" finds "Ёлкин" and "sahin" "Şahin".
        input.q ? { nameKey: { contains: keyContains(input.q) } } : {},
        page.where,
      ],
    },
    orderBy: page.orderBy,
    take: page.take,
  });
  const { items, nextCursor } = page.page(rows);
  return { items: items.map(toParticipant), nextCursor };
}

export async function getParticipant({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<ParticipantDetail> {
  const row = await ctx.db.person.findFirst({
    where: { AND: [{ id: input.id }, personScope(ctx)] },
    include: {
      enrolments: {
        where: { activity: activityScope(ctx) },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: { activity: { select: { title: true, completionSharePercent: true, _count: { select: { sessions: true } } } } },
      },
      attendance: { select: { session: { select: { activityId: true } } } },
    },
  });
  if (!row) throw new NotFoundError("Participant");
  const attendedByActivity = new Map<string, number>();
  for (const { session } of row.attendance) attendedByActivity.set(session.activityId, (attendedByActivity.get(session.activityId) ?? 0) + 1);
  return {
    ...toParticipant(row),
    enrolments: row.enrolments.map((e) => {
      const sessionsAttended = attendedByActivity.get(e.activityId) ?? 0;
      const sessionCount = e.activity._count.sessions;
      return {
        id: e.id,
        activityId: e.activityId,
        activityTitle: e.activity.title,
        role: e.role,
        sessionsAttended,
        sessionCount,
        trained: isTrained(sessionsAttended, sessionCount, e.activity.completionSharePercent),
      };
    }),
  };
}

export async function createParticipant({ ctx, input }: { ctx: ServiceContext; input: ParticipantInput }) {
  const { allowDuplicate, ...fields } = input;
  const normalisedName = normalisePersonName(fields.fullName);
  return ctx.db.$transaction(async (tx) => {
    await ensureReferencesExist(tx, { organisationId: fields.organisationId, regionId: fields.regionId });
    if (!allowDuplicate) {
      const twin = await tx.person.findFirst({ where: { organisationId: fields.organisationId, normalisedName }, select: { id: true } });
      if (twin) {
        throw new ConflictError(msg("people.namesake", { id: twin.id }));
      }
    }
    const row = await tx.person.create({ data: { ...fields, normalisedName } });
    await recordAudit(tx, { actorId: ctx.user.id, action: "participant.create", entityType: "Person", entityId: row.id, after: row, ipAddress: ctx.clientAddress });
    return toParticipant(row);
  });
}

export async function updateParticipant({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number; changes: Omit<ParticipantUpdate, "version"> } }) {
  const { changes } = input;
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.person.findFirst({ where: { AND: [{ id: input.id }, personScope(ctx)] } });
    if (!before) throw new NotFoundError("Participant");
    // Refilling an erased person's fields would undo the erasure.
    if (before.erasedAt) throw new ConflictError(msg("people.erasedNoEdit"));
    await ensureReferencesExist(tx, { organisationId: changes.organisationId, regionId: changes.regionId });
    const { count } = await tx.person.updateMany({
      where: { id: input.id, version: input.version },
      data: { ...changes, ...(changes.fullName === undefined ? {} : { normalisedName: normalisePersonName(changes.fullName) }), version: { increment: 1 } },
    });
    await ensureUpdated(count, async () => true, "Participant");
    const after = await tx.person.findUniqueOrThrow({ where: { id: input.id } });
    await recordAudit(tx, { actorId: ctx.user.id, action: "participant.update", entityType: "Person", entityId: input.id, before, after, ipAddress: ctx.clientAddress });
    return toParticipant(after);
  });
}

export async function deleteParticipant({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number } }) {
  await ctx.db.$transaction(async (tx) => {
    const before = await tx.person.findFirst({
      where: { AND: [{ id: input.id }, personScope(ctx)] },
      include: { _count: { select: { enrolments: true, feedback: true, quotes: true } } },
    });
    if (!before) throw new NotFoundError("Participant");
    // The database would quietly unlink feedback and quotes (ON DELETE SET NULL): refuse instead.
    const { enrolments, feedback, quotes } = before._count;
    if (enrolments + feedback + quotes > 0) {
      throw new ConflictError(msg("people.stillReferred", { enrolments, feedback, quotes }));
    }
    // Anything else still referring to the person (a trainer record, an erasure request) makes the database refuse: 409.
    const { count } = await tx.person.deleteMany({ where: { id: input.id, version: input.version } });
    await ensureUpdated(count, async () => true, "Participant");
    const { _count, ...person } = before;
    await recordAudit(tx, { actorId: ctx.user.id, action: "participant.delete", entityType: "Person", entityId: input.id, before: person, ipAddress: ctx.clientAddress });
  });
}
