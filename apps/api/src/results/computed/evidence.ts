// The records computed indicators count, for one programme and period: activities delivered that
// start in it, their counted participants (staff-entered or approved lists) and counted feedback
// (web answers, or paper batches once approved). Three queries whatever the programme's size.
import type { Prisma } from "@vep/db";
import { computeIndicatorTotal, type ComputedCell, type Evidence, type IndicatorMetric } from "@vep/domain";
import { countedParticipants } from "../../activities/counting.js";
import { toDateColumn } from "../../http/dates.js";

export interface Period {
  periodStart: string;
  periodEnd: string;
}

export async function loadEvidence(db: Prisma.TransactionClient, programmeId: string, period: Period): Promise<Evidence> {
  const activities = await db.activity.findMany({
    where: { programmeId, status: "DELIVERED", startDate: { gte: toDateColumn(period.periodStart), lte: toDateColumn(period.periodEnd) } },
    select: { id: true, type: true, modality: true, completionSharePercent: true },
  });
  const ids = activities.map((a) => a.id);
  const [participants, responses] = await Promise.all([
    countedParticipants(db, ids),
    db.feedbackResponse.findMany({
      where: { activityId: { in: ids }, OR: [{ submissionId: null }, { submission: { status: "APPROVED" } }] },
      select: {
        id: true,
        activityId: true,
        respondentSex: true,
        respondentRegion: { select: { code: true } },
        ratingRelevance: true,
        ratingUsefulness: true,
        ratingTrainers: true,
        ratingOrganisation: true,
        knowledgeBefore: true,
        knowledgeAfter: true,
      },
    }),
  ]);
  return {
    activities,
    participants,
    responses: responses.map((r) => ({
      id: r.id,
      activityId: r.activityId,
      sex: r.respondentSex,
      regionCode: r.respondentRegion?.code ?? null,
      ratings: { relevance: r.ratingRelevance, usefulness: r.ratingUsefulness, trainers: r.ratingTrainers, organisation: r.ratingOrganisation },
      knowledgeBefore: r.knowledgeBefore,
      knowledgeAfter: r.knowledgeAfter,
    })),
  };
}

/** Evidence per period, loaded once per request however many indicators share the period. */
function evidenceCache(db: Prisma.TransactionClient, programmeId: string) {
  const loaded = new Map<string, Promise<Evidence>>();
  return (period: Period) => {
    const key = `${period.periodStart}/${period.periodEnd}`;
    let evidence = loaded.get(key);
    if (!evidence) loaded.set(key, (evidence = loadEvidence(db, programmeId, period)));
    return evidence;
  };
}

/**
 * Totals of computed indicators of one programme for one request: each period's evidence is loaded
 * once, and indicators with the same metric and definition are computed once.
 */
export function computedTotals(db: Prisma.TransactionClient, programmeId: string) {
  const evidenceFor = evidenceCache(db, programmeId);
  const totals = new Map<string, Promise<ComputedCell>>();
  return (indicator: { metric: IndicatorMetric; definition: Record<string, unknown> }, period: Period) => {
    const key = `${period.periodStart}/${period.periodEnd}/${indicator.metric}/${JSON.stringify(indicator.definition)}`;
    let total = totals.get(key);
    if (!total) totals.set(key, (total = evidenceFor(period).then((evidence) => computeIndicatorTotal(indicator, evidence))));
    return total;
  };
}
