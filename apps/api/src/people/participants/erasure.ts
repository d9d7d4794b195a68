// Erasure on request (ADMIN): the person's personal fields are replaced and the free text they wrote is
// blanked, while the row, enrolments, attendance and ratings stay, so that every count stays the same.
import type { Prisma } from "@vep/db";
import { ConflictError, ERASED_PERSON_NAME, normalisePersonName, NotFoundError, type ErasureInput, type ErasureResult } from "@vep/domain";
import { recordAudit } from "../../http/audit.js";
import type { ServiceContext } from "../../http/context.js";

/** The personal fields a partner's submitted rows may carry, as on the Person record. */
const ROW_PERSONAL_FIELDS = ["position", "email", "phone"] as const;

/**
 * The person's rows in a submission revision (matched by normalised name), with the personal fields
 * replaced; `changed` is false when the revision does not name them.
 */
function scrubRows(rows: Prisma.JsonValue, normalisedName: string): { rows: Prisma.InputJsonValue; changed: boolean } {
  if (!Array.isArray(rows)) return { rows: rows as Prisma.InputJsonValue, changed: false };
  let changed = false;
  const scrubbed = rows.map((row) => {
    if (typeof row !== "object" || row === null || Array.isArray(row)) return row;
    if (typeof row.fullName !== "string" || normalisePersonName(row.fullName) !== normalisedName) return row;
    changed = true;
    const copy: Record<string, Prisma.JsonValue> = { ...row, fullName: ERASED_PERSON_NAME };
    for (const field of ROW_PERSONAL_FIELDS) if (field in copy) copy[field] = null;
    return copy;
  });
  return { rows: scrubbed as Prisma.InputJsonValue, changed };
}

export async function eraseParticipant({ ctx, input }: { ctx: ServiceContext; input: { id: string } & ErasureInput }): Promise<ErasureResult> {
  return ctx.db.$transaction(async (tx) => {
    const person = await tx.person.findUnique({ where: { id: input.id } });
    if (!person) throw new NotFoundError("Participant");
    if (person.erasedAt) throw new ConflictError("This person's data has already been erased.");
    const processedAt = new Date();

    await tx.person.update({
      where: { id: person.id },
      data: { fullName: ERASED_PERSON_NAME, normalisedName: "", position: null, email: null, phone: null, erasedAt: processedAt, version: { increment: 1 } },
    });
    const quotes = await tx.quote.updateMany({
      where: { personId: person.id },
      data: { attribution: null, consentToAttribution: false, version: { increment: 1 } },
    });
    const feedback = await tx.feedbackResponse.updateMany({
      where: { personId: person.id },
      data: { willApply: null, comments: null, consentToAttribution: false },
    });
    // The name also sits in the rows of the partner submissions that brought the person in.
    const revisions = await tx.submissionRevision.findMany({
      where: { submission: { OR: [{ enrolments: { some: { personId: person.id } } }, { feedback: { some: { personId: person.id } } }] } },
      select: { id: true, rows: true },
    });
    let revisionsScrubbed = 0;
    for (const revision of revisions) {
      const { rows, changed } = scrubRows(revision.rows, person.normalisedName);
      if (!changed) continue;
      await tx.submissionRevision.update({ where: { id: revision.id }, data: { rows } });
      revisionsScrubbed++;
    }

    const request = await tx.erasureRequest.create({
      data: { personId: person.id, requestedById: ctx.user.id, reason: input.reason, status: "COMPLETED", processedAt },
    });
    // The reason may itself name the person: it stays on the request, not in the audit trail.
    await recordAudit(tx, {
      actorId: ctx.user.id,
      action: "participant.erase",
      entityType: "Person",
      entityId: person.id,
      meta: { erasureRequestId: request.id, quotesUnattributed: quotes.count, feedbackBlanked: feedback.count, submissionRevisionsScrubbed: revisionsScrubbed },
      ipAddress: ctx.clientAddress,
    });
    return {
      erasureRequestId: request.id,
      personId: person.id,
      status: "COMPLETED",
      processedAt: processedAt.toISOString(),
      quotesUnattributed: quotes.count,
      feedbackBlanked: feedback.count,
    };
  });
}
