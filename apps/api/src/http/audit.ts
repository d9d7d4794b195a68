// The audit trail: written by every use case that changes data, in the same transaction as the change.
import type { Prisma } from "@vep/db";

/** Fields that identify a person; their values never reach the audit trail. */
const PERSONAL_FIELDS = new Set(["fullName", "normalisedName", "email", "phone", "position", "passwordHash", "tokenHash", "willApply", "comments", "attribution"]);
/** Search and sort keys the database derives from a name or title (http/search.ts): not history, and a person's name. */
const DERIVED_FIELDS = new Set(["nameKey", "titleKey"]);

export function redact(record: unknown): Prisma.InputJsonValue | undefined {
  if (record === undefined || record === null) return undefined;
  return JSON.parse(
    JSON.stringify(record, (key, value) => {
      if (DERIVED_FIELDS.has(key)) return undefined;
      if (PERSONAL_FIELDS.has(key)) return value === null ? null : "[redacted]";
      return typeof value === "bigint" ? value.toString() : value;
    }),
  ) as Prisma.InputJsonValue;
}

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  meta?: Record<string, unknown>;
  ipAddress?: string | null;
}

export async function recordAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: redact(entry.before),
      after: redact(entry.after),
      meta: redact(entry.meta),
      ipAddress: entry.ipAddress ?? null,
    },
  });
}
