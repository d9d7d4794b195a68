// What each CSV export holds. Every list is read through the JSON list's own service function, page by
// page, with the JSON list's own query schema: the same filters and the same scope, written once.
import type { OpenAPIHono } from "@hono/zod-openapi";
import { ActivityExportQuerySchema, IndicatorExportQuerySchema, ProgressQuerySchema, type Cell, type DonorProgress, type ExportList } from "@vep/domain";
import type { z } from "zod";
import { activityResourceRoutes } from "../activities/routes.js";
import { listActivities } from "../activities/service.js";
import { sessionRoutes } from "../activities/sessions/routes.js";
import { listSessions } from "../activities/sessions/service.js";
import { trainerRoutes } from "../activities/trainers/routes.js";
import { listTrainers } from "../activities/trainers/service.js";
import { getDonorProgress } from "../admin/progress/service.js";
import { donorRoutes } from "../finance/donors/routes.js";
import { listDonors } from "../finance/donors/service.js";
import type { ServiceContext } from "../http/context.js";
import type { AppEnv } from "../http/router.js";
import { budgetRoutes } from "../money/budgets/routes.js";
import { listBudgets } from "../money/budgets/service.js";
import { contributionRoutes } from "../money/contributions/routes.js";
import { listContributions } from "../money/contributions/service.js";
import { expenditureRoutes } from "../money/expenditures/routes.js";
import { listExpenditures } from "../money/expenditures/service.js";
import { enrolmentRoutes } from "../people/enrolments/routes.js";
import { listEnrolments } from "../people/enrolments/service.js";
import { feedbackResponseRoutes } from "../people/feedback-responses/routes.js";
import { listFeedbackResponses } from "../people/feedback-responses/service.js";
import { participantRoutes } from "../people/participants/routes.js";
import { listParticipants } from "../people/participants/service.js";
import { indicatorRoutes } from "../results/indicators/routes.js";
import { listIndicators } from "../results/indicators/service.js";
import { indicatorValueRoutes } from "../results/values/routes.js";
import { listValues } from "../results/values/service.js";
import { submissionRoutes } from "../submissions/routes.js";
import { listSubmissions } from "../submissions/service.js";
import type { CsvValue } from "./csv.js";

export interface CsvExport {
  summary: string;
  /** The query: the JSON list's own schema (its paging parameters are accepted and ignored). */
  query: z.ZodType;
  headers: readonly string[];
  /** The rows page by page, each row's cells in the order of `headers`. */
  pages(ctx: ServiceContext, query: unknown): AsyncGenerator<CsvValue[][]>;
}

/** Rows read per query: large enough to stream fast, small enough for the services' `IN (...)` lookups. */
const PAGE_ROWS = 1000;

/** The query schema of a GET route of a module's router, as it declared it in the OpenAPI registry. */
function listQuery(router: OpenAPIHono<AppEnv>, path: string): z.ZodObject {
  for (const definition of router.openAPIRegistry.definitions) {
    if (definition.type === "route" && definition.route.method === "get" && definition.route.path === path && definition.route.request?.query) {
      return definition.route.request.query as unknown as z.ZodObject;
    }
  }
  throw new Error(`no GET ${path} with a query in this router`);
}

type Page<T> = { items: T[]; nextCursor: string | null };
type Paging = { limit: number; cursor?: string | undefined };
type Columns<T> = readonly (readonly [header: string, value: (row: T) => CsvValue])[];

/** An export of a keyset-paged list: every page of it, following the cursor until there is none. */
function paged<I, T>(summary: string, query: z.ZodType, list: (args: { ctx: ServiceContext; input: I & Paging }) => Promise<Page<T>>, columns: Columns<T>): CsvExport {
  return {
    summary,
    query,
    headers: columns.map(([header]) => header),
    async *pages(ctx, parsed) {
      // `parsed` is the output of `query`, the list's own schema, which is what `list` takes.
      const input = parsed as I;
      let cursor: string | undefined;
      do {
        const page = await list({ ctx, input: { ...input, limit: PAGE_ROWS, cursor } });
        yield page.items.map((row) => columns.map(([, value]) => value(row)));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    },
  };
}

/** An export of a table of the donor progress figures (aggregates only). */
function progress(summary: string, headers: readonly string[], rows: (progress: DonorProgress) => CsvValue[][]): CsvExport {
  return {
    summary,
    query: ProgressQuerySchema,
    headers,
    async *pages(ctx, parsed) {
      yield rows(await getDonorProgress({ ctx, input: parsed as z.infer<typeof ProgressQuerySchema> }));
    },
  };
}

/** A count of people as donors see it: "<3" when suppressed. */
const cell = (count: Cell): CsvValue => (count.suppressed ? "<3" : count.value);
const list = (values: readonly string[]) => values.join("; ");

/** People lists carry region names, as the participant importer reads them back. */
async function regionNames(ctx: ServiceContext): Promise<Map<string, string>> {
  const regions = await ctx.db.region.findMany({ select: { id: true, name: true } });
  return new Map(regions.map((r) => [r.id, r.name]));
}

/** A people list with region names looked up once per export. */
function withRegions<I, T>(summary: string, query: z.ZodType, list: (args: { ctx: ServiceContext; input: I & Paging }) => Promise<Page<T>>, columns: (regions: Map<string, string>) => Columns<T>): CsvExport {
  const headers = columns(new Map()).map(([header]) => header);
  return {
    summary,
    query,
    headers,
    async *pages(ctx, parsed) {
      yield* paged(summary, query, list, columns(await regionNames(ctx))).pages(ctx, parsed);
    },
  };
}

const regionOf = (regions: Map<string, string>, id: string | null) => (id === null ? null : (regions.get(id) ?? null));

export const CSV_EXPORTS: Record<ExportList, CsvExport> = {
  activities: paged("Activities, as the activities list (same filters and scope)", listQuery(activityResourceRoutes, "/"), listActivities, [
    ["ID", (a) => a.id],
    ["Code", (a) => a.code],
    ["Title", (a) => a.title],
    ["Type", (a) => a.type],
    ["Modality", (a) => a.modality],
    ["Status", (a) => a.status],
    ["Country", (a) => a.country.name],
    ["Start date", (a) => a.startDate],
    ["End date", (a) => a.endDate],
    ["Topics", (a) => list(a.topics)],
    ["Sessions", (a) => a.sessionCount],
    ["Participants", (a) => cell(a.participants)],
    ["Trained", (a) => cell(a.trained)],
  ]),
  sessions: paged("An activity's sessions (partners and donors get trainer counts, not names)", ActivityExportQuerySchema.extend(listQuery(sessionRoutes, "/activities/{id}/sessions").shape), listSessions, [
    ["ID", (s) => s.id],
    ["Activity ID", (s) => s.activityId],
    ["No.", (s) => s.sequence],
    ["Starts at", (s) => s.startsAt],
    ["Ends at", (s) => s.endsAt],
    ["Topic", (s) => s.topic],
    ["Trainer count", (s) => s.trainerCount],
    ["Trainers", (s) => (s.trainers ? list(s.trainers.map((t) => t.fullName)) : null)],
  ]),
  trainers: paged("Trainers (STAFF, ADMIN)", listQuery(trainerRoutes, "/"), listTrainers, [
    ["ID", (t) => t.id],
    ["Full name", (t) => t.fullName],
    ["Sex", (t) => t.sex],
    ["Position", (t) => t.position],
    ["Organisation", (t) => t.organisation?.name ?? null],
    ["Email", (t) => t.email],
    ["Phone", (t) => t.phone],
    ["Expertise", (t) => list(t.expertise)],
    ["Sessions delivered", (t) => t.sessionsDelivered],
    ["Average rating", (t) => t.averageRating],
    ["Ratings", (t) => t.ratingCount],
  ]),
  // Only columns the participant importer recognises, so that the file can be imported back.
  participants: withRegions("Participants, with the participant importer's English headers (a partner: its own organisation's people)", listQuery(participantRoutes, "/"), listParticipants, (regions) => [
    ["Full name", (p) => p.fullName],
    ["Sex", (p) => p.sex],
    ["Region", (p) => regionOf(regions, p.regionId)],
    ["Position", (p) => p.position],
    ["Email", (p) => p.email],
    ["Phone", (p) => p.phone],
  ]),
  enrolments: withRegions("An activity's enrolments with sessions attended (a partner: its own people)", ActivityExportQuerySchema.extend(listQuery(enrolmentRoutes, "/activities/{id}/enrolments").shape), listEnrolments, (regions) => [
    ["Full name", (e) => e.person.fullName],
    ["Sex", (e) => e.person.sex],
    ["Region", (e) => regionOf(regions, e.person.regionId)],
    ["Role", (e) => e.role],
    ["Sessions attended", (e) => e.sessionsAttended],
    ["Person ID", (e) => e.personId],
    ["Enrolment ID", (e) => e.id],
  ]),
  donors: paged("Donors with totals per currency, in minor units (a donor's totals: the programmes it co-funds)", listQuery(donorRoutes, "/"), listDonors, [
    ["ID", (d) => d.id],
    ["Code", (d) => d.code],
    ["Organisation", (d) => d.organisation.name],
    ["Acronym", (d) => d.organisation.acronym],
    ["IATI ref", (d) => d.organisation.iatiRef],
    ["Pledged (minor units)", (d) => list(d.totals.map((t) => `${t.pledgedMinor} ${t.currency}`))],
    ["Received (minor units)", (d) => list(d.totals.map((t) => `${t.receivedMinor} ${t.currency}`))],
  ]),
  contributions: paged("Contributions, amounts in minor units", listQuery(contributionRoutes, "/"), listContributions, [
    ["ID", (c) => c.id],
    ["Programme ID", (c) => c.programmeId],
    ["Donor ID", (c) => c.donorId],
    ["Pledged on", (c) => c.pledgedOn],
    ["Amount (minor units)", (c) => c.amountMinor],
    ["Received (minor units)", (c) => c.receivedMinor],
    ["Currency", (c) => c.currency],
    ["Earmarking", (c) => c.earmarking],
    ["Reference", (c) => c.reference],
    ["Note", (c) => c.note],
  ]),
  budgets: paged("Budgets, amounts in minor units", listQuery(budgetRoutes, "/"), listBudgets, [
    ["ID", (b) => b.id],
    ["Programme ID", (b) => b.programmeId],
    ["Output ID", (b) => b.outputId],
    ["Period start", (b) => b.periodStart],
    ["Period end", (b) => b.periodEnd],
    ["Amount (minor units)", (b) => b.amountMinor],
    ["Currency", (b) => b.currency],
    ["Status", (b) => b.status],
    ["Type", (b) => b.type],
  ]),
  expenditures: paged("Expenditure, amounts in minor units", listQuery(expenditureRoutes, "/"), listExpenditures, [
    ["ID", (e) => e.id],
    ["Programme ID", (e) => e.programmeId],
    ["Activity ID", (e) => e.activityId],
    ["Spent on", (e) => e.spentOn],
    ["Amount (minor units)", (e) => e.amountMinor],
    ["Currency", (e) => e.currency],
    ["Description", (e) => e.description],
  ]),
  indicators: paged("Indicators", listQuery(indicatorRoutes, "/"), listIndicators, [
    ["ID", (i) => i.id],
    ["Code", (i) => i.code],
    ["Name", (i) => i.name],
    ["Unit", (i) => i.unit],
    ["Measure", (i) => i.measure],
    ["Direction", (i) => i.direction],
    ["Source", (i) => i.source],
    ["Metric", (i) => i.metric],
    ["Baseline", (i) => i.baselineValue],
    ["Baseline date", (i) => i.baselineDate],
    ["Disaggregations", (i) => list(i.disaggregations)],
    ["Programme ID", (i) => i.programmeId],
    ["Outcome ID", (i) => i.outcomeId],
    ["Output ID", (i) => i.outputId],
  ]),
  "indicator-values": paged("An indicator's values (a donor sees counts of 1–2 people as <3)", IndicatorExportQuerySchema.extend(listQuery(indicatorValueRoutes, "/{id}/values").shape), listValues, [
    ["ID", (v) => v.id],
    ["Indicator ID", (v) => v.indicatorId],
    ["Period start", (v) => v.periodStart],
    ["Period end", (v) => v.periodEnd],
    ["Breakdown", (v) => list(Object.entries(v.dimensions).map(([key, value]) => `${key}=${value}`))],
    ["Value", (v) => (v.suppressed ? "<3" : v.value)],
    ["Evidence URL", (v) => v.evidenceUrl],
    ["Evidence note", (v) => v.evidenceNote],
    ["Locked at", (v) => v.lockedAt],
    ["Corrects", (v) => v.supersedesId],
    ["Corrected by", (v) => v.supersededById],
    ["Reason", (v) => v.reason],
  ]),
  submissions: paged("Partner submissions (a partner: its own organisation's)", listQuery(submissionRoutes, "/"), listSubmissions, [
    ["ID", (s) => s.id],
    ["Kind", (s) => s.kind],
    ["Status", (s) => s.status],
    ["Activity", (s) => s.activity.title],
    ["Organisation", (s) => s.organisation.name],
    ["Revision", (s) => s.revision],
    ["Rows", (s) => s.rows],
    ["File", (s) => s.fileName],
    ["Submitted at", (s) => s.submittedAt],
    ["Reviewed at", (s) => s.reviewedAt],
    ["Reviewer comment", (s) => s.reviewerComment],
    ["Updated at", (s) => s.updatedAt],
  ]),
  "feedback-responses": paged("Feedback responses (a partner: its own people's, in its activities)", listQuery(feedbackResponseRoutes, "/"), listFeedbackResponses, [
    ["ID", (f) => f.id],
    ["Activity ID", (f) => f.activityId],
    ["Form ID", (f) => f.formId],
    ["Person ID", (f) => f.personId],
    ["Sex", (f) => f.respondentSex],
    ["Region ID", (f) => f.respondentRegionId],
    ["Relevance", (f) => f.ratingRelevance],
    ["Usefulness", (f) => f.ratingUsefulness],
    ["Trainers", (f) => f.ratingTrainers],
    ["Organisation", (f) => f.ratingOrganisation],
    ["Knowledge before", (f) => f.knowledgeBefore],
    ["Knowledge after", (f) => f.knowledgeAfter],
    ["Will apply", (f) => f.willApply],
    ["Comments", (f) => f.comments],
    ["Language", (f) => f.language],
    ["Consent to quote", (f) => String(f.consentToQuote)],
    ["Consent to attribution", (f) => String(f.consentToAttribution)],
    ["Submitted at", (f) => f.submittedAt],
  ]),
  "progress-funding": progress(
    "Donor progress: each funder's pledges and receipts per currency, in minor units and US cents",
    ["Donor code", "Donor", "Currency", "Pledged (minor units)", "Received (minor units)", "Pledged (US cents)", "Received (US cents)"],
    (p) =>
      p.funding.byDonor.flatMap((d) =>
        [...new Set([...d.pledged, ...d.received].map((m) => m.currency))].map((currency) => {
          const pledged = d.pledged.find((m) => m.currency === currency);
          const received = d.received.find((m) => m.currency === currency);
          return [d.donor.code, d.donor.name, currency, pledged?.amountMinor ?? 0, received?.amountMinor ?? 0, pledged ? pledged.usdMinor : 0, received ? received.usdMinor : 0];
        }),
      ),
  ),
  "progress-reach-by-sex": progress("Donor progress: people trained by sex (counts under 3 as <3)", ["Sex", "Trained"], (p) => p.reach.trainedBySex.map((r) => [r.sex, cell(r.count)])),
  "progress-reach-by-region": progress("Donor progress: people trained by region (counts under 3 as <3)", ["Region code", "Region", "Trained"], (p) =>
    p.reach.trainedByRegion.map((r) => [r.code, r.name, cell(r.count)]),
  ),
  "progress-indicators": progress(
    "Donor progress: each indicator's latest target and actual",
    ["Code", "Name", "Unit", "Measure", "Baseline", "Period start", "Period end", "Target", "Actual", "Actual from", "Achieved %", "Status"],
    (p) => p.indicators.map((i) => [i.code, i.name, i.unit, i.measure, i.baseline, i.periodStart, i.periodEnd, i.target, i.suppressed ? "<3" : i.actual, i.actualSource, i.achievedPercent, i.status]),
  ),
};
