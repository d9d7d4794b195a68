// A large, realistic programme for measuring: countries with their regions, a national partner each,
// donors with contributions, thousands of delivered activities with sessions, participants, attendance
// and feedback, and a results framework with quarterly targets. Deterministic (ids and values derive
// from row numbers), written with set-based SQL in one transaction, as a bulk load would be.
import type { PrismaClient } from "../generated/prisma/client.js";

export interface ScaleSize {
  countries: number;
  regionsPerCountry: number;
  activities: number;
  sessionsPerActivity: number;
  participantsPerActivity: number;
  feedbackPerActivity: number;
  indicators: number;
  periods: number;
  donors: number;
}

/**
 * L is the "programme at scale": 30 countries, 600 regions, 5,000 activities, 40,000 sessions,
 * 150,000 participants, 1,000,000 attendance rows, 300,000 feedback responses, 300 indicators with 12
 * periods each, 50 donors. S and M keep the proportions.
 */
export const SCALE_SIZES = {
  S: { countries: 3, regionsPerCountry: 10, activities: 100, sessionsPerActivity: 8, participantsPerActivity: 30, feedbackPerActivity: 60, indicators: 20, periods: 12, donors: 5 },
  M: { countries: 10, regionsPerCountry: 20, activities: 1000, sessionsPerActivity: 8, participantsPerActivity: 30, feedbackPerActivity: 60, indicators: 100, periods: 12, donors: 20 },
  L: { countries: 30, regionsPerCountry: 20, activities: 5000, sessionsPerActivity: 8, participantsPerActivity: 30, feedbackPerActivity: 60, indicators: 300, periods: 12, donors: 50 },
} as const satisfies Record<string, ScaleSize>;
export type ScaleSizeName = keyof typeof SCALE_SIZES;

/** Countries where such a programme runs (ISO 3166-1), first those of the region. */
const COUNTRY_CODES = ["KZ", "KG", "TJ", "UZ", "TM", "AZ", "GE", "AM", "MN", "AF", "PK", "IQ", "JO", "LB", "TN", "MA", "DZ", "EG", "NG", "NE", "ML", "TD", "KE", "SO", "ET", "ID", "PH", "MY", "BD", "LK"];

export const SCALE_PROGRAMME_ID = "00000000-0000-4000-8000-0000005ca1e0";
/** The period the activities and targets cover: three years, twelve quarters. */
const FIRST_DAY = "2023-01-02";
const DAYS = 1090;

export interface ScaleResult {
  programmeId: string;
  rows: Record<string, number>;
  seconds: number;
}

/**
 * Writes the programme into a migrated database that holds the reference case (for UNODC as the
 * reporting organisation and the demo donor, who then sees this programme too). Refuses to write twice.
 */
export async function generateScale(prisma: PrismaClient, sizeName: ScaleSizeName): Promise<ScaleResult> {
  const size: ScaleSize = SCALE_SIZES[sizeName];
  const started = performance.now();
  if (await prisma.programme.findUnique({ where: { id: SCALE_PROGRAMME_ID }, select: { id: true } })) {
    throw new Error("This database already holds a generated programme; generate into a fresh database.");
  }
  // An md5 of the row's name, with the version (4) and variant bits of a UUID set so that validators accept it.
  const id = (prefix: string, expr: string) => `overlay(overlay(md5('${sizeName}:${prefix}:' || ${expr}) placing '4' from 13) placing '8' from 17)::uuid::text`;
  const codes = COUNTRY_CODES.slice(0, size.countries);
  const perActivity = size.participantsPerActivity;
  const sessions = size.sessionsPerActivity;

  await prisma.$transaction(
    async (tx) => {
      const run = (sql: string, ...values: unknown[]) => tx.$executeRawUnsafe(sql, ...values);
      await run(
        `INSERT INTO "Country" (id, code, name, "updatedAt") SELECT ${id("country", "c")}, c, 'Country ' || c, now() FROM unnest($1::text[]) c ON CONFLICT (code) DO NOTHING`,
        codes,
      );
      await run(
        `INSERT INTO "Region" (id, "countryId", code, name, "validFrom", "updatedAt")
         SELECT ${id("region", "c.code || r")}, c.id, c.code || '-S' || lpad(r::text, 2, '0'), 'Region ' || r || ' of ' || c.code, date '2000-01-01', now()
         FROM "Country" c, generate_series(1, $2) r WHERE c.code = ANY($1::text[])`,
        codes,
        size.regionsPerCountry,
      );
      await run(
        `INSERT INTO "Organisation" (id, name, kind, "countryId", "updatedAt")
         SELECT ${id("partner", "c.code")}, 'Penitentiary service of ' || c.code, 'GOVERNMENT', c.id, now() FROM "Country" c WHERE c.code = ANY($1::text[])`,
        codes,
      );
      await run(
        `INSERT INTO "Organisation" (id, name, kind, "updatedAt") SELECT ${id("donor-org", "d")}, 'Donor ' || d, 'DONOR', now() FROM generate_series(1, $1) d`,
        size.donors,
      );
      await run(`INSERT INTO "Donor" (id, "organisationId", code, "updatedAt") SELECT ${id("donor", "d")}, ${id("donor-org", "d")}, 'S' || lpad(d::text, 3, '0'), now() FROM generate_series(1, $1) d`, size.donors);

      await run(
        `INSERT INTO "Programme" (id, "iatiIdentifier", title, status, "dacSector", "startDate", "endDate", "defaultCurrency", "reportingOrgId", "updatedAt")
         SELECT $1, 'XM-DAC-41110-SCALE-' || $2, 'Generated programme (' || $2 || ')', 'IMPLEMENTATION', '15130', date '${FIRST_DAY}', date '${FIRST_DAY}' + ${DAYS}, 'USD', "reportingOrgId", now()
         FROM "Programme" ORDER BY "createdAt" LIMIT 1`,
        SCALE_PROGRAMME_ID,
        sizeName,
      );
      // Several recipient countries each need a share (IATI); the first takes what rounding leaves.
      await run(
        `INSERT INTO "ProgrammeCountry" ("programmeId", "countryId", percentage, "updatedAt")
         SELECT $1, id, CASE WHEN code = ($2::text[])[1] THEN 100 - round(100.0 / $3, 2) * ($3 - 1) ELSE round(100.0 / $3, 2) END, now()
         FROM "Country" WHERE code = ANY($2::text[])`,
        SCALE_PROGRAMME_ID,
        codes,
        codes.length,
      );
      await run(
        `INSERT INTO "ProgrammeOrganisation" ("programmeId", "organisationId", role, "updatedAt")
         SELECT $1, "organisationId", 'FUNDING'::"OrganisationRole", now() FROM "Donor"
         UNION ALL SELECT $1, "reportingOrgId", 'IMPLEMENTING'::"OrganisationRole", now() FROM "Programme" WHERE id = $1`,
        SCALE_PROGRAMME_ID,
      );
      // Every donor, the demo's included, pledges each year and pays half of it.
      await run(
        `INSERT INTO "Contribution" (id, "programmeId", "donorId", "amountMinor", currency, "pledgedOn", "updatedAt")
         SELECT ${id("contribution", "d.id || y")}, $1, d.id, 50000000 + (hashtext(d.id) & 1023) * 100000, 'USD', make_date(y, 1, 15), now()
         FROM "Donor" d, generate_series(2023, 2025) y`,
        SCALE_PROGRAMME_ID,
      );
      await run(
        `INSERT INTO "ContributionPayment" (id, "contributionId", "receivedOn", "amountMinor", currency, "updatedAt")
         SELECT ${id("payment", "c.id")}, c.id, c."pledgedOn" + 60, c."amountMinor" / 2, c.currency, now() FROM "Contribution" c WHERE c."programmeId" = $1`,
        SCALE_PROGRAMME_ID,
      );
      await run(
        `INSERT INTO "Budget" (id, "programmeId", "periodStart", "periodEnd", "amountMinor", currency, "updatedAt")
         SELECT ${id("budget", "y")}, $1, make_date(y, 1, 1), make_date(y, 12, 31), 900000000, 'USD', now() FROM generate_series(2023, 2025) y`,
        SCALE_PROGRAMME_ID,
      );

      // Activities, spread over three years and the countries; each with its national partner.
      await run(
        `INSERT INTO "Activity" (id, "programmeId", type, modality, title, "countryId", "startDate", "endDate", "completionSharePercent", status, "updatedAt")
         SELECT ${id("activity", "g")}, $1,
                (ARRAY['TRAINING','WEBINAR','WORKSHOP','STUDY_VISIT','TECHNICAL_ASSISTANCE'])[1 + g % 5]::"ActivityType",
                (ARRAY['ONLINE','IN_PERSON','HYBRID'])[1 + g % 3]::"Modality",
                'Generated activity ' || g, c.id,
                date '${FIRST_DAY}' + (g * ${DAYS} / $2), date '${FIRST_DAY}' + (g * ${DAYS} / $2) + ${sessions}, 70, 'DELIVERED', now()
         FROM generate_series(1, $2) g JOIN "Country" c ON c.code = ($3::text[])[1 + g % $4]`,
        SCALE_PROGRAMME_ID,
        size.activities,
        codes,
        codes.length,
      );
      await run(
        `INSERT INTO "ActivityPartner" ("activityId", "organisationId", role, "updatedAt")
         SELECT a.id, o.id, 'NATIONAL_COUNTERPART', now() FROM "Activity" a JOIN "Organisation" o ON o."countryId" = a."countryId" AND o.name LIKE 'Penitentiary service of %'
         WHERE a."programmeId" = $1`,
        SCALE_PROGRAMME_ID,
      );
      await run(
        `INSERT INTO "Session" (id, "activityId", sequence, "startsAt", topic, "updatedAt")
         SELECT ${id("session", "a.id || s")}, a.id, s, a."startDate" + s * interval '1 day' + interval '9 hours', 'Session ' || s, now()
         FROM "Activity" a, generate_series(1, $2) s WHERE a."programmeId" = $1`,
        SCALE_PROGRAMME_ID,
        sessions,
      );
      // Each participant takes part in one activity, from a region of its country.
      await run(
        `INSERT INTO "Person" (id, "fullName", "normalisedName", sex, "organisationId", "regionId", "updatedAt")
         SELECT ${id("person", "a.n || '/' || k")}, 'Participant ' || a.n || '-' || k, 'participant ' || a.n || '-' || k,
                (ARRAY['FEMALE','MALE'])[1 + (a.n + k) % 2]::"Sex", p.id, r.ids[1 + (a.n + k) % array_length(r.ids, 1)], now()
         FROM (SELECT id, "countryId", row_number() OVER (ORDER BY id) AS n FROM "Activity" WHERE "programmeId" = $1) a
         JOIN "Organisation" p ON p."countryId" = a."countryId" AND p.name LIKE 'Penitentiary service of %'
         JOIN (SELECT "countryId", array_agg(id ORDER BY code) AS ids FROM "Region" WHERE code ~ '^[A-Z]{2}-S[0-9]{2}$' GROUP BY 1) r ON r."countryId" = a."countryId",
         generate_series(1, $2) k`,
        SCALE_PROGRAMME_ID,
        perActivity,
      );
      await run(
        `INSERT INTO "Enrolment" (id, "activityId", "personId", "updatedAt")
         SELECT ${id("enrolment", "a.n || '/' || k")}, a.id, ${id("person", "a.n || '/' || k")}, now()
         FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM "Activity" WHERE "programmeId" = $1) a, generate_series(1, $2) k`,
        SCALE_PROGRAMME_ID,
        perActivity,
      );
      // Attendance: each participant misses the sessions where (participant + session) falls on a sixth,
      // so that 30 participants × 8 sessions give 200 attendances an activity.
      await run(
        `INSERT INTO "Attendance" ("sessionId", "personId", "updatedAt")
         SELECT ${id("session", "a.id || s")}, ${id("person", "a.n || '/' || k")}, now()
         FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM "Activity" WHERE "programmeId" = $1) a, generate_series(1, $2) k, generate_series(1, $3) s
         WHERE (k + s) % 6 <> 0`,
        SCALE_PROGRAMME_ID,
        perActivity,
        sessions,
      );
      await run(
        `INSERT INTO "FeedbackResponse" (id, "activityId", "respondentSex", "ratingRelevance", "ratingUsefulness", "ratingTrainers", "ratingOrganisation", "knowledgeBefore", "knowledgeAfter", "submittedAt", "updatedAt")
         SELECT ${id("feedback", "a.id || k")}, a.id, (ARRAY['FEMALE','MALE'])[1 + k % 2]::"Sex", 3 + k % 3, 2 + k % 4, 4 + k % 2, 3 + k % 3,
                CASE WHEN k % 7 = 0 THEN NULL ELSE 1 + k % 3 END, 2 + k % 4, a."endDate", now()
         FROM "Activity" a, generate_series(1, $2) k WHERE a."programmeId" = $1`,
        SCALE_PROGRAMME_ID,
        size.feedbackPerActivity,
      );

      // Results: ten outcomes; indicators alternate between computed (by each metric) and entered with
      // evidence; every indicator has a target per quarter, and an entered one a value per past quarter.
      await run(
        `INSERT INTO "Outcome" (id, "programmeId", code, title, position, "updatedAt")
         SELECT ${id("outcome", "o")}, $1, 'OC' || o, 'Generated outcome ' || o, o, now() FROM generate_series(1, 10) o`,
        SCALE_PROGRAMME_ID,
      );
      await run(
        `INSERT INTO "Indicator" (id, "programmeId", "outcomeId", code, name, measure, source, metric, definition, unit, "baselineValue", disaggregations, "updatedAt")
         SELECT ${id("indicator", "i")}, $1, ${id("outcome", "(1 + i % 10)")}, 'IND-' || lpad(i::text, 4, '0'), 'Generated indicator ' || i,
                CASE WHEN i % 2 = 1 AND (i / 2) % 5 IN (3, 4) THEN 'PERCENTAGE' ELSE 'UNIT' END::"IndicatorMeasure",
                CASE WHEN i % 2 = 1 THEN 'COMPUTED' ELSE 'MANUAL' END::"IndicatorSource",
                CASE WHEN i % 2 = 1 THEN (ARRAY['PEOPLE_TRAINED','REGIONS_COVERED','ACTIVITIES_DELIVERED','KNOWLEDGE_IMPROVED_SHARE','SATISFIED_SHARE'])[1 + (i / 2) % 5]::"IndicatorMetric" END,
                '{}'::jsonb, '', 0, CASE WHEN i % 2 = 1 AND (i / 2) % 5 = 0 THEN ARRAY['sex','region'] ELSE ARRAY[]::text[] END, now()
         FROM generate_series(1, $2) i`,
        SCALE_PROGRAMME_ID,
        size.indicators,
      );
      await run(
        `INSERT INTO "IndicatorTarget" (id, "indicatorId", "periodStart", "periodEnd", value, "updatedAt")
         SELECT ${id("target", "i.id || q")}, i.id, (date '2023-01-01' + make_interval(months => 3 * q))::date, (date '2023-01-01' + make_interval(months => 3 * q + 3))::date - 1, 100 + q * 10, now()
         FROM "Indicator" i, generate_series(0, $2 - 1) q WHERE i."programmeId" = $1`,
        SCALE_PROGRAMME_ID,
        size.periods,
      );
      await run(
        `INSERT INTO "IndicatorValue" (id, "indicatorId", "periodStart", "periodEnd", value, "evidenceNote", "lockedAt", "updatedAt")
         SELECT ${id("value", "t.id")}, t."indicatorId", t."periodStart", t."periodEnd", t.value * (70 + hashtext(t.id) % 40) / 100, 'Quarterly report', now(), now()
         FROM "IndicatorTarget" t JOIN "Indicator" i ON i.id = t."indicatorId" WHERE i."programmeId" = $1 AND i.source = 'MANUAL' AND t."periodEnd" < CURRENT_DATE`,
        SCALE_PROGRAMME_ID,
      );
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
  // As autovacuum would after a bulk load: statistics for the planner, and the visibility map set so
  // that index-only scans (attendance by session) need not visit the table.
  await prisma.$executeRawUnsafe("VACUUM ANALYZE");

  const count = async (sql: string) => Number(((await prisma.$queryRawUnsafe(sql, SCALE_PROGRAMME_ID)) as { n: bigint }[])[0]!.n);
  const ofActivities = `IN (SELECT id FROM "Activity" WHERE "programmeId" = $1)`;
  const rows = {
    countries: await count(`SELECT count(*) AS n FROM "ProgrammeCountry" WHERE "programmeId" = $1`),
    regions: await count(`SELECT count(*) AS n FROM "Region" r JOIN "ProgrammeCountry" pc ON pc."countryId" = r."countryId" WHERE pc."programmeId" = $1 AND r.code ~ '^[A-Z]{2}-S[0-9]{2}$'`),
    donors: await count(`SELECT count(DISTINCT "donorId") AS n FROM "Contribution" WHERE "programmeId" = $1`),
    activities: await count(`SELECT count(*) AS n FROM "Activity" WHERE "programmeId" = $1`),
    sessions: await count(`SELECT count(*) AS n FROM "Session" WHERE "activityId" ${ofActivities}`),
    participants: await count(`SELECT count(DISTINCT "personId") AS n FROM "Enrolment" WHERE "activityId" ${ofActivities}`),
    attendance: await count(`SELECT count(*) AS n FROM "Attendance" a JOIN "Session" s ON s.id = a."sessionId" WHERE s."activityId" ${ofActivities}`),
    feedback: await count(`SELECT count(*) AS n FROM "FeedbackResponse" WHERE "activityId" ${ofActivities}`),
    indicators: await count(`SELECT count(*) AS n FROM "Indicator" WHERE "programmeId" = $1`),
    targets: await count(`SELECT count(*) AS n FROM "IndicatorTarget" t JOIN "Indicator" i ON i.id = t."indicatorId" WHERE i."programmeId" = $1`),
  };
  return { programmeId: SCALE_PROGRAMME_ID, rows, seconds: (performance.now() - started) / 1000 };
}
