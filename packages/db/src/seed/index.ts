// The demo seed: writes the reference case (reference-case.ts) into an empty or partly seeded database.
// Idempotent by construction: every row has a deterministic id and is inserted with
// ON CONFLICT DO NOTHING (createMany + skipDuplicates), so a second run inserts and updates nothing.
import { createHash, randomBytes } from "node:crypto";
import { isTrained, normalisePersonName } from "@vep/domain";
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import { hashPassword } from "../password.js";
import {
  DEMO_USERS,
  PARTICIPANTS,
  PROGRAMME,
  QUOTES,
  REGIONS_2020,
  REGIONS_2020_VALID_FROM,
  REGIONS_2022_VALID_FROM,
  REGIONS_CHANGED_IN_2022,
  REGIONS_NEW_IN_2022,
  SESSIONS,
  TRAINERS,
  WEBINAR,
} from "./reference-case.js";

type Tx = Prisma.TransactionClient;

/** A stable UUID for a seed row, so that re-running the seed finds the same rows. */
export function seedId(key: string): string {
  const h = createHash("sha256").update(`vep-seed:${key}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const date = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

const departmentKey = (regionCode: string) => `org:department:${regionCode}`;
const region2020Id = (code: string) => seedId(`region:${code}:${REGIONS_2020_VALID_FROM}`);
const personId = (fullName: string) => seedId(`person:${fullName}`);

export interface SeedOptions {
  /** In production no demo users (with their published passwords) are created. */
  production?: boolean;
}

export interface SeedResult {
  /** The demo logins that exist after seeding (empty in production). */
  demoLogins: { email: string; role: string; password: string }[];
}

export async function seedReferenceCase(prisma: PrismaClient, options: SeedOptions = {}): Promise<SeedResult> {
  // Hash outside the transaction, and only for demo users that do not exist yet.
  const existing = new Set(
    (await prisma.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } }, select: { email: true } })).map((u) => u.email),
  );
  const newUsers = options.production
    ? []
    : await Promise.all(
        DEMO_USERS.filter((u) => !existing.has(u.email)).map(async (u) => ({ ...u, passwordHash: await hashPassword(u.password) })),
      );

  await prisma.$transaction(
    async (tx) => {
      await seedGeography(tx);
      await seedOrganisations(tx);
      await seedProgramme(tx);
      await seedWebinar(tx);
      await seedUsers(tx, newUsers);
      await seedSubmissionAndPeople(tx);
      await seedFeedback(tx);
      await seedResults(tx);
    },
    { timeout: 120_000, maxWait: 30_000 },
  );

  return {
    demoLogins: options.production ? [] : DEMO_USERS.map(({ email, role, password }) => ({ email, role, password })),
  };
}

async function seedGeography(tx: Tx) {
  const kz = seedId("country:KZ");
  await tx.country.createMany({
    data: [{ id: kz, code: "KZ", name: "Kazakhstan", nameTranslations: { ru: "Казахстан", kk: "Қазақстан" } }],
    skipDuplicates: true,
  });
  const changed = new Set<string>(REGIONS_CHANGED_IN_2022);
  const regions: Prisma.RegionCreateManyInput[] = REGIONS_2020.map((r) => ({
    id: region2020Id(r.code),
    countryId: kz,
    code: r.code,
    name: r.name,
    nameTranslations: { ru: r.ru, kk: r.kk },
    aliases: [r.ru, r.kk, ...r.aliases],
    kind: r.kind,
    validFrom: date(REGIONS_2020_VALID_FROM),
    validTo: changed.has(r.code) ? date("2022-06-07") : null,
  }));
  // The 2022 reform: the three reduced regions as new versions, and three new regions.
  for (const r of REGIONS_2020.filter((r) => changed.has(r.code))) {
    regions.push({
      id: seedId(`region:${r.code}:${REGIONS_2022_VALID_FROM}`),
      countryId: kz,
      code: r.code,
      name: r.name,
      nameTranslations: { ru: r.ru, kk: r.kk },
      aliases: [r.ru, r.kk, ...r.aliases],
      kind: r.kind,
      validFrom: date(REGIONS_2022_VALID_FROM),
      predecessorId: region2020Id(r.code),
    });
  }
  for (const r of REGIONS_NEW_IN_2022) {
    regions.push({
      id: seedId(`region:${r.code}:${REGIONS_2022_VALID_FROM}`),
      countryId: kz,
      code: r.code,
      name: r.name,
      nameTranslations: { ru: r.ru, kk: r.kk },
      aliases: [r.ru, r.kk, ...r.aliases],
      kind: r.kind,
      validFrom: date(REGIONS_2022_VALID_FROM),
    });
  }
  // Predecessors first: the 2022 versions point at the 2020 ones.
  await tx.region.createMany({ data: regions.filter((r) => !r.predecessorId), skipDuplicates: true });
  await tx.region.createMany({ data: regions.filter((r) => r.predecessorId), skipDuplicates: true });
}

async function seedOrganisations(tx: Tx) {
  const kz = seedId("country:KZ");
  const org = (key: string, data: Omit<Prisma.OrganisationCreateManyInput, "id">) => ({ id: seedId(`org:${key}`), ...data });
  await tx.organisation.createMany({
    data: [
      org("UNODC", { name: "United Nations Office on Drugs and Crime", nameTranslations: { ru: "Управление ООН по наркотикам и преступности" }, acronym: "UNODC", kind: "UN_ENTITY", iatiRef: "XM-DAC-41110", iatiType: "40" }),
      org("UNOCT", { name: "United Nations Office of Counter-Terrorism / UN Counter-Terrorism Centre", nameTranslations: { ru: "Контртеррористическое управление ООН / Контртеррористический центр ООН" }, acronym: "UNOCT/UNCCT", kind: "UN_ENTITY", iatiType: "40" }),
      org("UNCTED", { name: "United Nations Counter-Terrorism Committee Executive Directorate", nameTranslations: { ru: "Исполнительный директорат Контртеррористического комитета ООН" }, acronym: "UNCTED", kind: "UN_ENTITY", iatiType: "40" }),
      org("EU", { name: "European Union", nameTranslations: { ru: "Европейский союз" }, acronym: "EU", kind: "DONOR", iatiRef: "XI-IATI-EC_INTPA", iatiType: "15" }),
      org("NL", { name: "Government of the Netherlands", nameTranslations: { ru: "Правительство Нидерландов" }, acronym: "NL", kind: "DONOR", iatiRef: "XM-DAC-7", iatiType: "10" }),
      org("PRISON_COMMITTEE", { name: "Prison Committee of the Ministry of Interior of the Republic of Kazakhstan", nameTranslations: { ru: "Комитет уголовно-исполнительной системы МВД Республики Казахстан" }, acronym: "CES MoI", kind: "GOVERNMENT", iatiType: "10", countryId: kz }),
      org("MEDIA_TRAINERS", { name: "Independent media and public relations trainers", nameTranslations: { ru: "Независимые тренеры по работе со СМИ и связям с общественностью" }, kind: "TRAINING_PROVIDER", countryId: kz }),
    ],
    skipDuplicates: true,
  });
  // Regional departments of the Prison Committee, where the participants work.
  await tx.organisation.createMany({
    data: REGIONS_2020.map((r) => ({
      id: seedId(departmentKey(r.code)),
      name: `Department of the Penal System, ${r.name}`,
      nameTranslations: { ru: `Департамент уголовно-исполнительной системы (${r.ru})` },
      kind: "GOVERNMENT" as const,
      countryId: kz,
      parentId: seedId("org:PRISON_COMMITTEE"),
    })),
    skipDuplicates: true,
  });
  await tx.donor.createMany({
    data: ["EU", "NL", "UNOCT"].map((code) => ({ id: seedId(`donor:${code}`), organisationId: seedId(`org:${code}`), code })),
    skipDuplicates: true,
  });
}

async function seedProgramme(tx: Tx) {
  const programmeId = seedId("programme");
  await tx.programme.createMany({
    data: [
      {
        id: programmeId,
        iatiIdentifier: PROGRAMME.iatiIdentifier,
        title: PROGRAMME.title,
        titleTranslations: { ru: PROGRAMME.titleRu },
        description: PROGRAMME.description,
        descriptionTranslations: { ru: PROGRAMME.descriptionRu },
        status: "IMPLEMENTATION",
        dacSector: PROGRAMME.dacSector,
        startDate: date(PROGRAMME.startDate),
        endDate: date(PROGRAMME.endDate),
        defaultCurrency: PROGRAMME.defaultCurrency,
        reportingOrgId: seedId("org:UNODC"),
      },
    ],
    skipDuplicates: true,
  });
  await tx.programmeCountry.createMany({ data: [{ programmeId, countryId: seedId("country:KZ") }], skipDuplicates: true });
  const roles: [string, "FUNDING" | "ACCOUNTABLE" | "IMPLEMENTING"][] = [
    ["EU", "FUNDING"],
    ["NL", "FUNDING"],
    ["UNOCT", "FUNDING"],
    ["UNODC", "ACCOUNTABLE"],
    ["UNODC", "IMPLEMENTING"],
    ["UNOCT", "IMPLEMENTING"],
    ["UNCTED", "IMPLEMENTING"],
    ["PRISON_COMMITTEE", "IMPLEMENTING"],
  ];
  await tx.programmeOrganisation.createMany({
    data: roles.map(([org, role]) => ({ programmeId, organisationId: seedId(`org:${org}`), role })),
    skipDuplicates: true,
  });

  // Contributions (pledges) and what has been received, in the donors' currencies (minor units).
  const contributions = [
    { key: "EU", currency: "EUR", amount: 4_000_000_00n, pledgedOn: "2018-12-10", payments: [["2019-02-15", 2_000_000_00n], ["2020-03-20", 1_200_000_00n]] },
    { key: "NL", currency: "EUR", amount: 1_500_000_00n, pledgedOn: "2019-03-01", payments: [["2019-04-10", 1_500_000_00n]] },
    { key: "UNOCT", currency: "USD", amount: 1_000_000_00n, pledgedOn: "2019-01-20", payments: [["2019-02-01", 600_000_00n], ["2020-02-01", 250_000_00n]] },
  ] as const;
  await tx.contribution.createMany({
    data: contributions.map((c) => ({
      id: seedId(`contribution:${c.key}`),
      programmeId,
      donorId: seedId(`donor:${c.key}`),
      amountMinor: c.amount,
      currency: c.currency,
      pledgedOn: date(c.pledgedOn),
      earmarking: "EARMARKED" as const,
    })),
    skipDuplicates: true,
  });
  await tx.contributionPayment.createMany({
    data: contributions.flatMap((c) =>
      c.payments.map(([on, amount]) => ({
        id: seedId(`payment:${c.key}:${on}`),
        contributionId: seedId(`contribution:${c.key}`),
        receivedOn: date(on),
        amountMinor: amount,
        currency: c.currency,
      })),
    ),
    skipDuplicates: true,
  });
  // UN operational rates of exchange (USD per unit) for the months the money moved.
  const rates: [string, string, string][] = [
    ["EUR", "2018-12-01", "1.13600000"],
    ["EUR", "2019-02-01", "1.14500000"],
    ["EUR", "2019-03-01", "1.13600000"],
    ["EUR", "2019-04-01", "1.12100000"],
    ["EUR", "2020-03-01", "1.10400000"],
    ["EUR", "2020-05-01", "1.08700000"],
    ["USD", "2018-01-01", "1.00000000"],
  ];
  await tx.exchangeRate.createMany({
    data: rates.map(([currency, on, rate]) => ({ id: seedId(`rate:${currency}:${on}`), currency, effectiveOn: date(on), rateToUsd: rate })),
    skipDuplicates: true,
  });

  // Results framework: one outcome, one output.
  await tx.outcome.createMany({
    data: [
      {
        id: seedId("outcome:1"),
        programmeId,
        code: "OC1",
        title: "Prison administrations manage violent extremist prisoners in line with international standards and communicate openly about their work",
        titleTranslations: { ru: "Пенитенциарные администрации управляют заключёнными-экстремистами в соответствии с международными стандартами и открыто рассказывают о своей работе" },
      },
    ],
    skipDuplicates: true,
  });
  await tx.output.createMany({
    data: [
      {
        id: seedId("output:1.1"),
        outcomeId: seedId("outcome:1"),
        code: "OP1.1",
        title: "Prison officers have the skills to communicate with the media and the public",
        titleTranslations: { ru: "Сотрудники пенитенциарной системы владеют навыками работы со СМИ и общественностью" },
      },
    ],
    skipDuplicates: true,
  });
  await tx.budget.createMany({
    data: [
      { id: seedId("budget:2020"), programmeId, periodStart: date("2020-01-01"), periodEnd: date("2020-12-31"), amountMinor: 1_250_000_00n, currency: "USD" },
      { id: seedId("budget:2020:OP1.1"), programmeId, outputId: seedId("output:1.1"), periodStart: date("2020-01-01"), periodEnd: date("2020-12-31"), amountMinor: 180_000_00n, currency: "USD" },
    ],
    skipDuplicates: true,
  });
}

async function seedWebinar(tx: Tx) {
  const activityId = seedId("activity:webinar");
  const programmeId = seedId("programme");
  await tx.activity.createMany({
    data: [
      {
        id: activityId,
        programmeId,
        code: WEBINAR.code,
        type: "WEBINAR",
        modality: "ONLINE",
        title: WEBINAR.title,
        titleTranslations: { ru: WEBINAR.titleRu },
        description: WEBINAR.description,
        descriptionTranslations: { ru: WEBINAR.descriptionRu },
        objectives: WEBINAR.objectives,
        objectivesTranslations: { ru: WEBINAR.objectivesRu },
        topics: [...WEBINAR.topics],
        countryId: seedId("country:KZ"),
        startDate: date(WEBINAR.startDate),
        endDate: date(WEBINAR.endDate),
        completionSharePercent: WEBINAR.completionSharePercent,
        status: "DELIVERED",
      },
    ],
    skipDuplicates: true,
  });
  await tx.activityRegion.createMany({ data: REGIONS_2020.map((r) => ({ activityId, regionId: region2020Id(r.code) })), skipDuplicates: true });
  await tx.activityOutput.createMany({ data: [{ activityId, outputId: seedId("output:1.1") }], skipDuplicates: true });
  await tx.activityDonor.createMany({
    data: ["EU", "NL"].map((code) => ({ activityId, donorId: seedId(`donor:${code}`) })),
    skipDuplicates: true,
  });
  await tx.activityPartner.createMany({
    data: [{ activityId, organisationId: seedId("org:PRISON_COMMITTEE"), role: "NATIONAL_COUNTERPART" }],
    skipDuplicates: true,
  });
  await tx.session.createMany({
    data: SESSIONS.map((s, i) => ({
      id: seedId(`session:${i + 1}`),
      activityId,
      sequence: i + 1,
      startsAt: new Date(`${s.date}T04:00:00.000Z`),
      endsAt: new Date(`${s.date}T06:00:00.000Z`),
      topic: s.topic,
      topicTranslations: { ru: s.topicRu },
    })),
    skipDuplicates: true,
  });
  await tx.person.createMany({
    data: TRAINERS.map((t) => ({
      id: personId(t.fullName),
      fullName: t.fullName,
      normalisedName: normalisePersonName(t.fullName),
      sex: t.sex,
      position: t.position,
      organisationId: seedId("org:MEDIA_TRAINERS"),
    })),
    skipDuplicates: true,
  });
  await tx.trainer.createMany({
    data: TRAINERS.map((t) => ({
      id: seedId(`trainer:${t.fullName}`),
      personId: personId(t.fullName),
      organisationId: seedId("org:MEDIA_TRAINERS"),
      expertise: [...t.expertise],
    })),
    skipDuplicates: true,
  });
  await tx.sessionTrainer.createMany({
    data: SESSIONS.flatMap((s, i) =>
      s.trainers.map((t) => ({ sessionId: seedId(`session:${i + 1}`), trainerId: seedId(`trainer:${TRAINERS[t]!.fullName}`) })),
    ),
    skipDuplicates: true,
  });
  await tx.expenditure.createMany({
    data: [
      { id: seedId("expenditure:webinar"), programmeId, activityId, spentOn: date("2020-05-31"), amountMinor: 9_800_00n, currency: "USD", description: "Trainers' fees, online platform and interpretation for the media webinar" },
      { id: seedId("expenditure:2020:other"), programmeId, spentOn: date("2020-12-31"), amountMinor: 612_400_00n, currency: "USD", description: "Other programme activities in 2020" },
    ],
    skipDuplicates: true,
  });
}

async function seedUsers(tx: Tx, users: { email: string; displayName: string; role: "ADMIN" | "STAFF" | "PARTNER" | "DONOR"; organisation: string; passwordHash: string }[]) {
  if (users.length === 0) return;
  await tx.user.createMany({
    data: users.map((u) => ({
      id: seedId(`user:${u.email}`),
      email: u.email,
      displayName: u.displayName,
      passwordHash: u.passwordHash,
      role: u.role,
      organisationId: seedId(`org:${u.organisation}`),
    })),
    skipDuplicates: true,
  });
}

/** The participant list arrived as the Prison Committee's submission, approved by UNODC staff. */
async function seedSubmissionAndPeople(tx: Tx) {
  const activityId = seedId("activity:webinar");
  const submissionId = seedId("submission:participants");
  const staff = await tx.user.findUnique({ where: { email: "staff@vep.example" }, select: { id: true } });
  await tx.submission.createMany({
    data: [
      {
        id: submissionId,
        kind: "PARTICIPANT_LIST",
        activityId,
        organisationId: seedId("org:PRISON_COMMITTEE"),
        status: "APPROVED",
        reviewedById: staff?.id ?? null,
        reviewedAt: new Date("2020-06-02T09:00:00.000Z"),
        reviewerComment: "Checked against the attendance sheets of all nine sessions.",
      },
    ],
    skipDuplicates: true,
  });
  await tx.submissionRevision.createMany({
    data: [
      {
        id: seedId("submission:participants:1"),
        submissionId,
        number: 1,
        rowCount: PARTICIPANTS.length,
        fileName: "participants-media-webinar-2020.xlsx",
        submittedAt: new Date("2020-06-01T07:30:00.000Z"),
      },
    ],
    skipDuplicates: true,
  });
  await tx.person.createMany({
    data: PARTICIPANTS.map((p) => ({
      id: personId(p.fullName),
      fullName: p.fullName,
      normalisedName: normalisePersonName(p.fullName),
      sex: p.sex,
      position: p.position,
      organisationId: p.headquarters ? seedId("org:PRISON_COMMITTEE") : seedId(departmentKey(p.region)),
      regionId: region2020Id(p.region),
    })),
    skipDuplicates: true,
  });
  await tx.submissionRow.createMany({
    data: PARTICIPANTS.map((p, i) => ({
      id: seedId(`submission:participants:1:row:${i + 1}`),
      submissionId,
      revision: 1,
      // The sheet had a title and a header row above the first participant.
      rowNumber: i + 3,
      rowKey: seedId(`submission:participants:row:${p.fullName}`),
      fullName: p.fullName,
      normalisedName: normalisePersonName(p.fullName),
      sex: p.sex,
      regionId: region2020Id(p.region),
      position: p.position,
      personId: personId(p.fullName),
    })),
    skipDuplicates: true,
  });
  await tx.submissionEvent.createMany({
    data: [
      { id: seedId("submission:participants:event:imported"), submissionId, revision: 1, action: "IMPORTED", meta: { rows: PARTICIPANTS.length, fileName: "participants-media-webinar-2020.xlsx" }, createdAt: new Date("2020-06-01T07:20:00.000Z") },
      { id: seedId("submission:participants:event:submitted"), submissionId, revision: 1, action: "SUBMITTED", createdAt: new Date("2020-06-01T07:30:00.000Z") },
      { id: seedId("submission:participants:event:approved"), submissionId, revision: 1, action: "APPROVED", actorId: staff?.id ?? null, comment: "Checked against the attendance sheets of all nine sessions.", createdAt: new Date("2020-06-02T09:00:00.000Z") },
    ],
    skipDuplicates: true,
  });
  await tx.enrolment.createMany({
    data: PARTICIPANTS.map((p) => ({ id: seedId(`enrolment:${p.fullName}`), activityId, personId: personId(p.fullName), submissionId })),
    skipDuplicates: true,
  });
  // Who missed which sessions: spread the absences so that every session has a few.
  await tx.attendance.createMany({
    data: PARTICIPANTS.flatMap((p, i) => {
      const missed = SESSIONS.length - p.sessionsAttended;
      const absent = new Set(Array.from({ length: missed }, (_, k) => (i + k * 2) % SESSIONS.length));
      return SESSIONS.map((_, s) => s)
        .filter((s) => !absent.has(s))
        .map((s) => ({ sessionId: seedId(`session:${s + 1}`), personId: personId(p.fullName) }));
    }),
    skipDuplicates: true,
  });
}

/** Who answered the end-of-course questionnaire (all but two) and what they said. */
export const FEEDBACK_RESPONDENTS = PARTICIPANTS.filter((p) => p.fullName !== "Сергей Ким" && p.fullName !== "Светлана Павлова");

export function feedbackAnswers(i: number) {
  const knowledgeBefore = 2 + (i % 2);
  return {
    ratingRelevance: i % 3 === 2 ? 4 : 5,
    ratingUsefulness: i % 2 === 0 ? 5 : 4,
    ratingTrainers: i % 4 === 3 ? 4 : 5,
    ratingOrganisation: i === 7 ? 3 : i % 5 === 0 ? 4 : 5,
    knowledgeBefore,
    // Four respondents report no change; everyone else gains two points.
    knowledgeAfter: i % 6 === 5 ? knowledgeBefore : knowledgeBefore + 2,
  };
}

async function seedFeedback(tx: Tx) {
  const activityId = seedId("activity:webinar");
  const formId = seedId("feedback-form:webinar");
  const form = await tx.feedbackForm.findUnique({ where: { id: formId }, select: { id: true } });
  if (!form) {
    // The public link's token is random and shown once by the API; only its hash is kept.
    await tx.feedbackForm.create({
      data: {
        id: formId,
        activityId,
        tokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
        title: "End-of-course questionnaire",
        closesAt: new Date("2020-06-05T18:00:00.000Z"),
      },
    });
  }
  const quoteBy = new Map<string, (typeof QUOTES)[number]>(QUOTES.map((q) => [q.participant, q]));
  await tx.feedbackResponse.createMany({
    data: FEEDBACK_RESPONDENTS.map((p, i) => {
      const quote = quoteBy.get(p.fullName);
      return {
        id: seedId(`feedback:${p.fullName}`),
        activityId,
        formId,
        personId: personId(p.fullName),
        respondentSex: p.sex,
        respondentRegionId: region2020Id(p.region),
        ...feedbackAnswers(i),
        willApply: "Prepare press releases that follow the Nelson Mandela Rules and answer journalists quickly in a crisis.",
        language: /[а-яё]/i.test(p.fullName) ? "ru" : "en",
        consentToQuote: quote !== undefined,
        consentToAttribution: quote?.consentToAttribution ?? false,
        comments: quote?.text ?? null,
        submittedAt: new Date("2020-05-29T10:00:00.000Z"),
      };
    }),
    skipDuplicates: true,
  });
  await tx.quote.createMany({
    data: QUOTES.map((q) => ({
      id: seedId(`quote:${q.participant}`),
      activityId,
      feedbackResponseId: seedId(`feedback:${q.participant}`),
      personId: personId(q.participant),
      text: q.text,
      textTranslations: q.textRu ? { ru: q.textRu } : {},
      originalLanguage: /[а-яё]/i.test(q.text) ? "ru" : "en",
      consentToQuote: true,
      consentToAttribution: q.consentToAttribution,
      attribution: q.attribution,
    })),
    skipDuplicates: true,
  });
}

async function seedResults(tx: Tx) {
  const programmeId = seedId("programme");
  const year2020 = { periodStart: date("2020-01-01"), periodEnd: date("2020-12-31") };
  await tx.indicator.createMany({
    data: [
      {
        id: seedId("indicator:1"),
        programmeId,
        outputId: seedId("output:1.1"),
        code: "IND-1.1.1",
        name: "Number of prison officers trained in media relations",
        nameTranslations: { ru: "Число сотрудников пенитенциарной системы, обученных работе со СМИ" },
        measure: "UNIT",
        source: "COMPUTED",
        metric: "PEOPLE_TRAINED",
        definition: { completionShare: 0.7, activityTypes: ["WEBINAR", "TRAINING", "WORKSHOP"] },
        unit: "people",
        baselineValue: "0",
        baselineDate: date("2019-01-01"),
        disaggregations: ["sex", "region"],
      },
      {
        id: seedId("indicator:2"),
        programmeId,
        outputId: seedId("output:1.1"),
        code: "IND-1.1.2",
        name: "Regions whose prison departments took part",
        nameTranslations: { ru: "Регионы, департаменты которых приняли участие" },
        measure: "UNIT",
        source: "COMPUTED",
        metric: "REGIONS_COVERED",
        definition: { country: "KZ" },
        unit: "regions",
        baselineValue: "0",
        baselineDate: date("2019-01-01"),
      },
      {
        id: seedId("indicator:3"),
        programmeId,
        outcomeId: seedId("outcome:1"),
        code: "IND-1.1",
        name: "Share of participants reporting improved media-relations skills",
        nameTranslations: { ru: "Доля участников, отметивших улучшение навыков работы со СМИ" },
        measure: "PERCENTAGE",
        source: "COMPUTED",
        metric: "KNOWLEDGE_IMPROVED_SHARE",
        definition: { minimumGain: 1, scale: [1, 5] },
        unit: "%",
        baselineValue: "0",
        baselineDate: date("2019-01-01"),
      },
    ],
    skipDuplicates: true,
  });
  await tx.indicatorTarget.createMany({
    data: [
      { id: seedId("target:1:2020"), indicatorId: seedId("indicator:1"), ...year2020, value: "25" },
      { id: seedId("target:1:2020:F"), indicatorId: seedId("indicator:1"), ...year2020, value: "12", dimensions: { sex: "FEMALE" }, dimensionKey: "sex=FEMALE" },
      { id: seedId("target:1:2020:M"), indicatorId: seedId("indicator:1"), ...year2020, value: "13", dimensions: { sex: "MALE" }, dimensionKey: "sex=MALE" },
      { id: seedId("target:2:2020"), indicatorId: seedId("indicator:2"), ...year2020, value: "17" },
      { id: seedId("target:3:2020"), indicatorId: seedId("indicator:3"), ...year2020, value: "75" },
    ],
    skipDuplicates: true,
  });

  // Actuals for 2020 as reported at the year's close, derived from the records above.
  const trained = PARTICIPANTS.filter((p) => isTrained(p.sessionsAttended, SESSIONS.length, WEBINAR.completionSharePercent));
  const improved = FEEDBACK_RESPONDENTS.filter((_, i) => {
    const a = feedbackAnswers(i);
    return a.knowledgeAfter - a.knowledgeBefore >= 1;
  }).length;
  const improvedShare = ((improved / FEEDBACK_RESPONDENTS.length) * 100).toFixed(1);
  const evidence = { evidenceNote: "Computed from the approved participant list, attendance and feedback of the 2020 media webinar." };
  await tx.indicatorValue.createMany({
    data: [
      { id: seedId("value:1:2020"), indicatorId: seedId("indicator:1"), ...year2020, value: String(trained.length), ...evidence },
      { id: seedId("value:1:2020:F"), indicatorId: seedId("indicator:1"), ...year2020, value: String(trained.filter((p) => p.sex === "FEMALE").length), dimensions: { sex: "FEMALE" }, dimensionKey: "sex=FEMALE", ...evidence },
      { id: seedId("value:1:2020:M"), indicatorId: seedId("indicator:1"), ...year2020, value: String(trained.filter((p) => p.sex === "MALE").length), dimensions: { sex: "MALE" }, dimensionKey: "sex=MALE", ...evidence },
      { id: seedId("value:2:2020"), indicatorId: seedId("indicator:2"), ...year2020, value: String(new Set(PARTICIPANTS.map((p) => p.region)).size), ...evidence },
      { id: seedId("value:3:2020"), indicatorId: seedId("indicator:3"), ...year2020, value: improvedShare, ...evidence },
    ],
    skipDuplicates: true,
  });
}

export { generateScale, SCALE_SIZES, SCALE_PROGRAMME_ID, type ScaleSizeName, type ScaleSize, type ScaleResult } from "./scale.js";
