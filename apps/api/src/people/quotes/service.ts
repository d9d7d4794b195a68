// Quotes: what participants said, shown only with consent to quote; a name beside a quote only with
// the separate consent to attribution.
import type { Prisma } from "@vep/db";
import { consentProblems, NotFoundError, type Quote, type QuoteInput, type QuoteUpdate, msg, type MessageText } from "@vep/domain";
import { recordAudit } from "../../http/audit.js";
import { ensureUpdated } from "../../http/concurrency.js";
import type { ServiceContext } from "../../http/context.js";
import { keyset } from "../../http/pagination.js";
import { activityScope, ensureReferencesExist, iso, refuseProblems, withoutFreeText } from "../scope.js";

const ATTRIBUTION = ["attribution"] as const;

function toQuote(row: Prisma.QuoteGetPayload<object>): Quote {
  return {
    id: row.id,
    activityId: row.activityId,
    feedbackResponseId: row.feedbackResponseId,
    personId: row.personId,
    text: row.text,
    textTranslations: row.textTranslations as Record<string, string>,
    originalLanguage: row.originalLanguage,
    consentToQuote: row.consentToQuote,
    consentToAttribution: row.consentToAttribution,
    attribution: row.attribution,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

const quoteScope = (ctx: ServiceContext): Prisma.QuoteWhereInput => ({ activity: activityScope(ctx) });

type QuoteState = Pick<Quote, "activityId" | "feedbackResponseId" | "personId" | "consentToQuote" | "consentToAttribution" | "attribution">;

/**
 * A quote as it would be stored: consent to quote; a name only with consent to attribution; no more
 * consent than the feedback response it comes from records, from that response's respondent, and no
 * name for a person whose data was erased. Returns the person to store (the response's by default).
 */
async function checkQuote(tx: Prisma.TransactionClient, quote: QuoteState): Promise<string | null> {
  await ensureReferencesExist(tx, { feedbackResponseId: quote.feedbackResponseId, personId: quote.personId });
  const problems: Record<string, MessageText> = { ...consentProblems(quote) };
  if (!quote.consentToQuote) problems.consentToQuote = msg("people.quoteNeedsConsent");
  const source = quote.feedbackResponseId
    ? await tx.feedbackResponse.findUnique({ where: { id: quote.feedbackResponseId }, select: { activityId: true, personId: true, consentToQuote: true, consentToAttribution: true } })
    : null;
  if (source) {
    if (source.activityId !== quote.activityId) problems.feedbackResponseId = msg("people.responseOfAnotherActivity");
    if (quote.consentToQuote && !source.consentToQuote) problems.consentToQuote = msg("people.responseNoQuoteConsent");
    if (quote.consentToAttribution && !source.consentToAttribution) problems.consentToAttribution = msg("people.responseNoAttributionConsent");
    if (quote.personId && source.personId && quote.personId !== source.personId) problems.personId = msg("people.notTheRespondent");
  }
  const personId = quote.personId ?? source?.personId ?? null;
  if (personId && quote.attribution) {
    const person = await tx.person.findUnique({ where: { id: personId }, select: { erasedAt: true } });
    if (person?.erasedAt) problems.attribution = msg("people.speakerErased");
  }
  refuseProblems(msg("people.quoteNotAllowed"), problems);
  return personId;
}

export async function listQuotes({ ctx, input }: { ctx: ServiceContext; input: { activityId?: string | undefined; limit: number; cursor?: string | undefined } }) {
  const page = keyset({ field: "createdAt", direction: "asc" }, input.limit, input.cursor);
  const rows = await ctx.db.quote.findMany({
    where: { AND: [quoteScope(ctx), input.activityId ? { activityId: input.activityId } : {}, page.where] },
    orderBy: page.orderBy,
    take: page.take,
  });
  const { items, nextCursor } = page.page(rows);
  return { items: items.map(toQuote), nextCursor };
}

export async function createQuote({ ctx, input }: { ctx: ServiceContext; input: QuoteInput }) {
  return ctx.db.$transaction((tx) => insertQuote(tx, ctx, input));
}

/** Records a quote inside the caller's transaction, with the same checks and audit as `createQuote`. */
export async function insertQuote(tx: Prisma.TransactionClient, ctx: ServiceContext, input: QuoteInput) {
  await ensureReferencesExist(tx, { activityId: input.activityId });
  const personId = await checkQuote(tx, input);
  const row = await tx.quote.create({ data: { ...input, personId } });
  await recordAudit(tx, { actorId: ctx.user.id, action: "quote.create", entityType: "Quote", entityId: row.id, after: withoutFreeText(row, ATTRIBUTION), ipAddress: ctx.clientAddress });
  return toQuote(row);
}

export async function updateQuote({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number; changes: Omit<QuoteUpdate, "version"> } }) {
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.quote.findFirst({ where: { AND: [{ id: input.id }, quoteScope(ctx)] } });
    if (!before) throw new NotFoundError("Quote");
    const merged = { ...before, ...input.changes };
    const personId = await checkQuote(tx, merged);
    const { count } = await tx.quote.updateMany({ where: { id: input.id, version: input.version }, data: { ...input.changes, personId, version: { increment: 1 } } });
    await ensureUpdated(count, async () => true, "Quote");
    const after = await tx.quote.findUniqueOrThrow({ where: { id: input.id } });
    await recordAudit(tx, {
      actorId: ctx.user.id,
      action: "quote.update",
      entityType: "Quote",
      entityId: input.id,
      before: withoutFreeText(before, ATTRIBUTION),
      after: withoutFreeText(after, ATTRIBUTION),
      ipAddress: ctx.clientAddress,
    });
    return toQuote(after);
  });
}

export async function deleteQuote({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number } }) {
  await ctx.db.$transaction(async (tx) => {
    const before = await tx.quote.findFirst({ where: { AND: [{ id: input.id }, quoteScope(ctx)] } });
    if (!before) throw new NotFoundError("Quote");
    const { count } = await tx.quote.deleteMany({ where: { id: input.id, version: input.version } });
    await ensureUpdated(count, async () => true, "Quote");
    await recordAudit(tx, { actorId: ctx.user.id, action: "quote.delete", entityType: "Quote", entityId: input.id, before: withoutFreeText(before, ATTRIBUTION), ipAddress: ctx.clientAddress });
  });
}
