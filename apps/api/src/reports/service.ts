// The donor report: one donor's funding of one programme in a period, for print. The dashboard's
// figures come from getDonorProgress as they are; this adds the donor's own contributions and the
// delivered activities one by one. Aggregates only: never a person, people counts under 3 suppressed.
import { NotFoundError, RuleViolationError, suppressSmall, type DonorReport, type DonorReportQuery, msg } from "@vep/domain";
import { participationCounts } from "../activities/counting.js";
import { getDonorProgress } from "../admin/progress/service.js";
import type { ServiceContext } from "../http/context.js";
import { dateBetween, fromDateColumn } from "../http/dates.js";

/** The donor whose report is asked for: a DONOR's own (another's is not found), any for staff. */
function reportDonorId(ctx: ServiceContext, asked: string | undefined): string {
  if (ctx.scope !== "funded-programmes") {
    if (!asked) throw new RuleViolationError(msg("reports.chooseDonor"), { "query.donorId": msg("ref.required") });
    return asked;
  }
  const own = ctx.user.donorId;
  if (!own || (asked && asked !== own)) throw new NotFoundError("Donor");
  return own;
}

export async function getDonorReport({ ctx, input }: { ctx: ServiceContext; input: DonorReportQuery }): Promise<DonorReport> {
  const { db } = ctx;
  const generatedAt = new Date().toISOString();
  const donorId = reportDonorId(ctx, input.donorId);
  const [donor, programmes] = await Promise.all([
    db.donor.findUnique({ where: { id: donorId }, select: { id: true, code: true, organisation: { select: { name: true, nameTranslations: true } } } }),
    db.programme
      .findMany({ where: { contributions: { some: { donorId } } }, orderBy: { createdAt: "asc" }, select: { id: true, title: true, titleTranslations: true } })
      .then((rows) => rows.map((p) => ({ ...p, titleTranslations: p.titleTranslations as Record<string, string> }))),
  ]);
  if (!donor) throw new NotFoundError("Donor");
  // Only a programme this donor co-funds has a report for it.
  const programme = input.programmeId ? programmes.find((p) => p.id === input.programmeId) : programmes[0];
  if (!programme) throw new NotFoundError("Programme");

  const period = dateBetween(input.from, input.to);
  const [progress, contributions, delivered] = await Promise.all([
    getDonorProgress({ ctx, input: { programmeId: programme.id, from: input.from, to: input.to } }),
    db.contribution.findMany({
      where: { programmeId: programme.id, donorId },
      include: { payments: { orderBy: { receivedOn: "asc" } } },
      orderBy: [{ pledgedOn: "asc" }, { createdAt: "asc" }],
    }),
    // The same activities the progress figures count: delivered, starting in the period.
    db.activity.findMany({
      where: { programmeId: programme.id, status: "DELIVERED", ...(period ? { startDate: period } : {}) },
      select: { id: true, title: true, titleTranslations: true, originalLanguage: true, type: true, modality: true, startDate: true, endDate: true, _count: { select: { sessions: true } } },
      orderBy: [{ startDate: "asc" }, { title: "asc" }],
    }),
  ]);
  const counts = await participationCounts(db, delivered.map((a) => a.id));

  const { programmes: _all, activities: activitiesSummary, ...figures } = progress;
  return {
    ...figures,
    donor: { id: donor.id, code: donor.code, name: donor.organisation.name, nameTranslations: donor.organisation.nameTranslations as Record<string, string> },
    programmes,
    generatedAt,
    contributions: contributions.map((c) => ({
      id: c.id,
      pledgedOn: fromDateColumn(c.pledgedOn),
      amountMinor: Number(c.amountMinor),
      currency: c.currency,
      earmarking: c.earmarking,
      reference: c.reference,
      payments: c.payments.map((p) => ({ receivedOn: fromDateColumn(p.receivedOn), amountMinor: Number(p.amountMinor), currency: p.currency })),
    })),
    activities: delivered.map((a) => {
      const { participants, trained } = counts.get(a.id) ?? { participants: 0, trained: 0 };
      return {
        id: a.id,
        title: a.title,
        titleTranslations: a.titleTranslations as Record<string, string>,
        originalLanguage: a.originalLanguage,
        type: a.type,
        modality: a.modality,
        startDate: fromDateColumn(a.startDate),
        endDate: fromDateColumn(a.endDate),
        sessions: a._count.sessions,
        participants: suppressSmall(participants),
        trained: suppressSmall(trained, participants),
      };
    }),
    activitiesSummary,
  };
}
