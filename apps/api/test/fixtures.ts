// A second world beside the seeded one, so that every scope has something it must NOT see:
// programme B (funded only by donor B) with activity B, assigned to partner B, whose officer took part.
// World A is the seed: the EU-funded programme, the webinar, the Prison Committee (partner A).
import { expect } from "vitest";
import { hashPassword } from "@vep/db";
import { seedId } from "@vep/db/seed";
import { startApi, type RunningApi } from "./harness.js";

export interface World {
  programmeA: string;
  programmeB: string;
  activityA: string;
  activityB: string;
  sessionB: string;
  partnerOrgA: string;
  partnerOrgB: string;
  donorA: string;
  donorB: string;
  /** A participant of activity B, in partner B's organisation: personal data A must never reach. */
  personB: { id: string; fullName: string; email: string; phone: string };
  /** A participant of the webinar, in partner A's regional department. */
  personA: { id: string; fullName: string };
  tokens: { admin: string; staff: string; partnerA: string; partnerB: string; donorA: string; donorB: string };
}

const PASSWORD = "fixture-password-2026";

async function login(api: RunningApi, email: string, password: string): Promise<string> {
  const res = await fetch(`${api.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

export async function createWorld(api: RunningApi): Promise<World> {
  const { prisma } = api.db;
  const kg = await prisma.country.create({ data: { code: "KG", name: "Kyrgyzstan", nameTranslations: { ru: "Кыргызстан" } } });
  const chuy = await prisma.region.create({ data: { countryId: kg.id, code: "KG-C", name: "Chuy Region", validFrom: new Date("2000-01-01") } });

  const donorOrgB = await prisma.organisation.create({ data: { name: "Government of Sweden", acronym: "SE", kind: "DONOR", iatiRef: "XM-DAC-10" } });
  const donorB = await prisma.donor.create({ data: { organisationId: donorOrgB.id, code: "SE" } });
  const partnerOrgB = await prisma.organisation.create({ data: { name: "Prison Service of the Kyrgyz Republic", kind: "GOVERNMENT", countryId: kg.id } });

  const programmeB = await prisma.programme.create({
    data: {
      iatiIdentifier: "XM-DAC-41110-TEST-B",
      title: "Programme B",
      status: "IMPLEMENTATION",
      dacSector: "15130",
      startDate: new Date("2021-01-01"),
      defaultCurrency: "USD",
      reportingOrgId: seedId("org:UNODC"),
      countries: { create: [{ countryId: kg.id }] },
      organisations: { create: [{ organisationId: donorOrgB.id, role: "FUNDING" }] },
      contributions: { create: [{ donorId: donorB.id, amountMinor: 50_000_00n, currency: "SEK", pledgedOn: new Date("2021-01-10") }] },
    },
  });
  const activityB = await prisma.activity.create({
    data: {
      programmeId: programmeB.id,
      type: "WORKSHOP",
      modality: "IN_PERSON",
      status: "DELIVERED",
      title: "Workshop B",
      countryId: kg.id,
      startDate: new Date("2021-03-01"),
      endDate: new Date("2021-03-02"),
      partners: { create: [{ organisationId: partnerOrgB.id, role: "NATIONAL_COUNTERPART" }] },
      donors: { create: [{ donorId: donorB.id }] },
      regions: { create: [{ regionId: chuy.id }] },
      sessions: { create: [{ sequence: 1, startsAt: new Date("2021-03-01T04:00:00Z"), topic: "Session B" }] },
    },
    include: { sessions: true },
  });
  const personB = await prisma.person.create({
    data: {
      fullName: "Айбек Fixtureов",
      normalisedName: "айбек fixtureов",
      sex: "MALE",
      position: "Inspector",
      organisationId: partnerOrgB.id,
      regionId: chuy.id,
      email: "aibek.fixture@example.org",
      phone: "+996 555 000 111",
    },
  });
  await prisma.enrolment.create({ data: { activityId: activityB.id, personId: personB.id } });
  await prisma.attendance.create({ data: { sessionId: activityB.sessions[0]!.id, personId: personB.id } });

  const passwordHash = await hashPassword(PASSWORD);
  await prisma.user.createMany({
    data: [
      { email: "partner-b@vep.example", displayName: "Partner B", role: "PARTNER", organisationId: partnerOrgB.id, passwordHash },
      { email: "donor-b@vep.example", displayName: "Donor B", role: "DONOR", organisationId: donorOrgB.id, passwordHash },
    ],
  });
  const personA = await prisma.person.findFirstOrThrow({ where: { fullName: "Елена Ковалёва" }, select: { id: true, fullName: true } });

  const [admin, staff, partnerA, partnerB, donorA, donorBToken] = await Promise.all([
    login(api, "admin@vep.example", "demo-admin-2020"),
    login(api, "staff@vep.example", "demo-staff-2020"),
    login(api, "partner@vep.example", "demo-partner-2020"),
    login(api, "partner-b@vep.example", PASSWORD),
    login(api, "donor@vep.example", "demo-donor-2020"),
    login(api, "donor-b@vep.example", PASSWORD),
  ]);
  return {
    programmeA: seedId("programme"),
    programmeB: programmeB.id,
    activityA: seedId("activity:webinar"),
    activityB: activityB.id,
    sessionB: activityB.sessions[0]!.id,
    partnerOrgA: seedId("org:PRISON_COMMITTEE"),
    partnerOrgB: partnerOrgB.id,
    donorA: seedId("donor:EU"),
    donorB: donorB.id,
    personB: { id: personB.id, fullName: personB.fullName, email: personB.email!, phone: personB.phone! },
    personA,
    tokens: { admin, staff, partnerA, partnerB, donorA, donorB: donorBToken },
  };
}

/** fetch against the API with a bearer token and JSON. */
export function client(api: RunningApi, token: string | null) {
  return (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${api.url}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "content-type": "application/json", ...headers },
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    });
}

/** A client per fixture user, by the user's name in `World["tokens"]`: `as.staff("GET", path)`. */
export type Clients = Record<keyof World["tokens"], ReturnType<typeof client>>;

export function clientsFor(api: RunningApi, world: World): Clients {
  return Object.fromEntries(Object.entries(world.tokens).map(([name, token]) => [name, client(api, token)])) as Clients;
}

/** A test file's API (seeded) with the second world and a client per fixture user; the file closes `api` after its tests. */
export async function startWorld(): Promise<{ api: RunningApi; world: World; as: Clients }> {
  const api = await startApi();
  const world = await createWorld(api);
  return { api, world, as: clientsFor(api, world) };
}

/** Every item of a paged list, `limit` at a time, following nextCursor; fails on anything but 200. */
export async function allPages<T>(call: ReturnType<typeof client>, path: string, limit = 100): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes("?") ? "&" : "?";
    const res: Response = await call("GET", `${path}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(res.status, path).toBe(200);
    const page = (await res.json()) as { items: T[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** The audit events of one action on one record. */
export function auditOf(api: RunningApi, action: string, entityId: string) {
  return api.db.prisma.auditEvent.findMany({ where: { action, entityId } });
}

/** An id no record has. */
export const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
/** Text that must come back as it was sent, never run as markup or SQL. */
export const HOSTILE = ["<script>alert(1)</script>", "'; DROP TABLE \"Person\"; --"] as const;

/** Which table the `:id` after a path segment names (for crawls and access attempts that need real ids). */
export const TABLE_OF_SEGMENT: Record<string, string> = {
  activities: "Activity",
  sessions: "Session",
  participants: "Person",
  trainers: "Trainer",
  programmes: "Programme",
  organisations: "Organisation",
  countries: "Country",
  regions: "Region",
  donors: "Donor",
  contributions: "Contribution",
  "contribution-payments": "ContributionPayment",
  "exchange-rates": "ExchangeRate",
  budgets: "Budget",
  expenditures: "Expenditure",
  outcomes: "Outcome",
  outputs: "Output",
  indicators: "Indicator",
  "indicator-targets": "IndicatorTarget",
  "indicator-values": "IndicatorValue",
  enrolments: "Enrolment",
  "feedback-forms": "FeedbackForm",
  "feedback-responses": "FeedbackResponse",
  quotes: "Quote",
  users: "User",
  submissions: "Submission",
  notifications: "Notification",
  "iati-exports": "IatiExport",
};
