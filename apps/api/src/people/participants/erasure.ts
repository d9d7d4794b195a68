// Erasure on request (ADMIN): the person's personal fields are replaced and the free text they wrote is
// blanked, while the row, enrolments, attendance and ratings stay, so that every count stays the same.
import { ConflictError, ERASED_PERSON_NAME, NotFoundError, type ErasureInput, type ErasureResult, msg } from "@vep/domain";
import { recordAudit } from "../../http/audit.js";
import type { ServiceContext } from "../../http/context.js";

export async function eraseParticipant({ ctx, input }: { ctx: ServiceContext; input: { id: string } & ErasureInput }): Promise<ErasureResult> {
  return ctx.db.$transaction(async (tx) => {
    const person = await tx.person.findUnique({ where: { id: input.id } });
    if (!person) throw new NotFoundError("Participant");
    if (person.erasedAt) throw new ConflictError(msg("people.alreadyErased"));
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
    // The name also sits in the rows of the partner lists that brought the person in, in every revision
    // (earlier revisions were never linked to the person, but share the row's key).
    const listed = await tx.submissionRow.findMany({ where: { personId: person.id }, select: { submissionId: true, rowKey: true } });
    const rows = await tx.submissionRow.updateMany({
      where: { OR: [{ personId: person.id }, ...listed.map((r) => ({ submissionId: r.submissionId, rowKey: r.rowKey }))] },
      data: { fullName: ERASED_PERSON_NAME, normalisedName: "", position: null, email: null, phone: null },
    });

    const request = await tx.erasureRequest.create({
      data: { personId: person.id, requestedById: ctx.user.id, reason: input.reason, status: "COMPLETED", processedAt },
    });
    // The reason may itself name the person: it stays on the request, not in the audit trail.
    await recordAudit(tx, {
      actorId: ctx.user.id,
      action: "participant.erase",
      entityType: "Person",
      entityId: person.id,
      meta: { erasureRequestId: request.id, quotesUnattributed: quotes.count, feedbackBlanked: feedback.count, submissionRowsScrubbed: rows.count },
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
