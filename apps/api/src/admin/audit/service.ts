// Reading the audit trail (ADMIN and STAFF). Personal fields were redacted when the events were written.
import type { Prisma } from "@vep/db";
import type { ServiceContext } from "../../http/context.js";
import { keyset } from "../../http/pagination.js";

export interface AuditQuery {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
  cursor?: string | undefined;
}

export async function listAuditEvents({ ctx, input }: { ctx: ServiceContext; input: AuditQuery }) {
  const page = keyset({ field: "createdAt", direction: "desc" }, input.limit, input.cursor);
  const where: Prisma.AuditEventWhereInput = {
    AND: [
      input.entityType ? { entityType: input.entityType } : {},
      input.entityId ? { entityId: input.entityId } : {},
      input.actorId ? { actorId: input.actorId } : {},
      input.action ? { action: { startsWith: input.action } } : {},
      input.from || input.to ? { createdAt: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lt: input.to } : {}) } } : {},
      page.where,
    ],
  };
  const rows = await ctx.db.auditEvent.findMany({
    where,
    orderBy: page.orderBy,
    take: page.take,
    include: { actor: { select: { id: true, email: true } } },
  });
  const { items, nextCursor } = page.page(rows);
  return {
    items: items.map((e) => ({
      id: e.id,
      createdAt: e.createdAt.toISOString(),
      actor: e.actor,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      before: e.before ?? null,
      after: e.after ?? null,
      meta: e.meta ?? null,
      ipAddress: e.ipAddress,
    })),
    nextCursor,
  };
}
