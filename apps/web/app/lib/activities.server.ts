// Staff activities: every API call of the area (/staff/activities…), and the parsing of its forms with
// the same zod schemas the API validates with.
import {
  ActivityInputSchema,
  ActivityStatusSchema,
  ActivityTypeSchema,
  ModalitySchema,
  PartnerRoleSchema,
  AttendanceInputSchema,
  EnrolmentInputSchema,
  ParticipantInputSchema,
  SessionInputSchema,
  SessionTrainersInputSchema,
  type ActivityDetail,
  type ActivityInput,
  type ActivitySummary,
  type Attendance,
  type Enrolment,
  type Participant,
  type ParticipantInput,
  type SessionInput,
  type Trainer,
} from "@vep/domain";
import { callApi, notFound, unexpectedResponse, type ApiClient } from "../api.server";
import { CONTENT_LANGUAGES, localised, type ContentLanguage } from "./localised";
import { getLocale } from "../i18n.server";


// ───────────────────────────── results of writes ─────────────────────────────

/** Field → message, keyed by the form's field names (the API's `body.title` becomes `title`). */
export type FieldErrors = Record<string, string>;

export type WriteResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: 400; fieldErrors: FieldErrors; detail: string | null }
  | { ok: false; status: 404 | 409; detail: string | null };

interface Problem {
  title?: string;
  detail?: string;
  errors?: Record<string, string>;
}

/** `body.partners.0.role` → `partners`; `query.from` → `from`. */
export function fieldOfApiKey(key: string): string {
  const parts = key.split(".");
  const rest = parts[0] === "body" || parts[0] === "query" || parts[0] === "param" ? parts.slice(1) : parts;
  return rest[0] ?? "form";
}

export function fieldErrorsOf(errors: Record<string, string> | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(errors ?? {})) out[fieldOfApiKey(key)] ??= message;
  return out;
}

async function readProblem(response: Response): Promise<Problem> {
  try {
    return (await response.json()) as Problem;
  } catch {
    return {};
  }
}

/** Turns an API answer to a write into a result the page can show; anything unexpected is an error page. */
export async function writeResult<T>(response: Response, read: () => Promise<T>): Promise<WriteResult<T>> {
  if (response.ok) return { ok: true, data: await read() };
  if (response.status === 400) {
    const problem = await readProblem(response);
    return { ok: false, status: 400, fieldErrors: fieldErrorsOf(problem.errors), detail: problem.detail ?? null };
  }
  if (response.status === 404 || response.status === 409) {
    const problem = await readProblem(response);
    return { ok: false, status: response.status, detail: problem.detail ?? null };
  }
  return unexpectedResponse(response);
}

/** Follows the cursor of a list endpoint until the end (or `maxPages` pages of 100). */
async function allPages<T>(fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>, maxPages = 20): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await fetchPage(cursor);
    items.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return items;
}

// ───────────────────────────── activities ─────────────────────────────

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}



export interface ActivityListQuery {
  programmeId?: string;
  countryId?: string;
  regionId?: string;
  donorId?: string;
  type?: string;
  modality?: string;
  status?: string;
  from?: string;
  to?: string;
  q?: string;
  sort?: string;
  cursor?: string;
  limit: number;
}

/** A page of activities, or the filters the API refused (shown beside the filter fields). */
export async function listActivities(api: ApiClient, query: ActivityListQuery, request: Request) {
  const { limit, ...rest } = query;
  const params = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== "")) as Record<string, string>;
  const response = await callApi(request, () =>
    // The filters are checked by the API; a refused one comes back as a 400 with the field named.
    api.api.v1.activities.$get({ query: { ...params, limit: String(limit) } }),
  );
  if (response.status === 400) {
    const problem = await readProblem(response);
    return { ok: false as const, fieldErrors: fieldErrorsOf(problem.errors) };
  }
  if (!response.ok) return unexpectedResponse(response);
  return { ok: true as const, page: (await response.json()) as Page<ActivitySummary> };
}

export async function getActivity(api: ApiClient, id: string, request: Request) {
  const response = await callApi(request, () => api.api.v1.activities[":id"].$get({ param: { id } }));
  if (response.status === 404 || response.status === 400) notFound("activity");
  if (!response.ok) return unexpectedResponse(response);
  return (await response.json()) as ActivityDetail;
}

export type StaffActivity = ActivityDetail;

export async function createActivity(api: ApiClient, input: ActivityInput, request: Request) {
  const response = await callApi(request, () => api.api.v1.activities.$post({ json: input }));
  return writeResult(response, () => response.json() as Promise<StaffActivity>);
}

/** The fields the form edits; the objectives' translations stay as they are (the form does not offer them). */
export type ActivityChanges = Omit<ActivityInput, "objectivesTranslations">;

export async function updateActivity(api: ApiClient, id: string, version: number, changes: ActivityChanges, request: Request) {
  const response = await callApi(request, () => api.api.v1.activities[":id"].$patch({ param: { id }, json: { ...changes, version } }));
  return writeResult(response, () => response.json() as Promise<StaffActivity>);
}

// ───────────────────────────── reference data for the forms and filters ─────────────────────────────

export async function listProgrammes(api: ApiClient, request: Request) {
  return allPages(async (cursor) => {
    const response = await callApi(request, () => api.api.v1.programmes.$get({ query: { limit: "100", ...(cursor ? { cursor } : {}) } }));
    if (!response.ok) return unexpectedResponse(response);
    return response.json();
  });
}

/** A programme with its countries and the donors that contribute to it; null when unknown. */
export async function getProgramme(api: ApiClient, id: string, request: Request) {
  const response = await callApi(request, () => api.api.v1.programmes[":id"].$get({ param: { id } }));
  if (response.status === 404 || response.status === 400) return null;
  if (!response.ok) return unexpectedResponse(response);
  return response.json();
}

export async function listCountries(api: ApiClient, request: Request) {
  return allPages(async (cursor) => {
    const response = await callApi(request, () => api.api.v1.countries.$get({ query: { limit: "100", ...(cursor ? { cursor } : {}) } }));
    if (!response.ok) return unexpectedResponse(response);
    return response.json();
  });
}

/** Regions of a country, optionally only those in force on a date. */
export async function listRegions(api: ApiClient, query: { countryId?: string | undefined; validOn?: string | undefined }, request: Request) {
  return allPages(async (cursor) => {
    const response = await callApi(request, () =>
      api.api.v1.regions.$get({
        query: {
          limit: "100",
          ...(query.countryId ? { countryId: query.countryId } : {}),
          ...(query.validOn ? { validOn: query.validOn } : {}),
          ...(cursor ? { cursor } : {}),
        },
      }),
    );
    // A country id or date that is not valid yet (the form is being filled in): no regions to offer.
    if (response.status === 400) return { items: [], nextCursor: null };
    if (!response.ok) return unexpectedResponse(response);
    return response.json();
  });
}

export type RegionOption = { id: string; code: string; name: string; validFrom: string; validTo: string | null };

/** Regions of the country in force at the start or the end of the activity (the API's rule is "during its dates"). */
export async function regionsInForce(api: ApiClient, countryId: string, startDate: string, endDate: string, request: Request): Promise<RegionOption[]> {
  if (!countryId) return [];
  const dates = [...new Set([startDate, endDate].filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)))];
  const lists = dates.length === 0 ? [await listRegions(api, { countryId }, request)] : await Promise.all(dates.map((validOn) => listRegions(api, { countryId, validOn }, request)));
  const locale = await getLocale(request);
  const byId = new Map<string, RegionOption>();
  for (const region of lists.flat()) byId.set(region.id, { id: region.id, code: region.code, name: localised(region, "name", locale), validFrom: region.validFrom, validTo: region.validTo });
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, locale));
}

export async function listDonors(api: ApiClient, request: Request) {
  return allPages(async (cursor) => {
    const response = await callApi(request, () => api.api.v1.donors.$get({ query: { limit: "100", ...(cursor ? { cursor } : {}) } }));
    if (!response.ok) return unexpectedResponse(response);
    return response.json();
  });
}

export async function listOutputs(api: ApiClient, programmeId: string, request: Request) {
  if (!programmeId) return [];
  return allPages(async (cursor) => {
    const response = await callApi(request, () => api.api.v1.outputs.$get({ query: { limit: "100", programmeId, ...(cursor ? { cursor } : {}) } }));
    if (response.status === 400) return { items: [], nextCursor: null };
    if (!response.ok) return unexpectedResponse(response);
    return response.json();
  });
}

export async function listOrganisations(api: ApiClient, request: Request) {
  return allPages(async (cursor) => {
    const response = await callApi(request, () => api.api.v1.organisations.$get({ query: { limit: "100", ...(cursor ? { cursor } : {}) } }));
    if (!response.ok) return unexpectedResponse(response);
    return response.json();
  });
}

export async function listTrainers(api: ApiClient, request: Request) {
  return allPages(async (cursor) => {
    const response = await callApi(request, () => api.api.v1.trainers.$get({ query: { limit: "100", ...(cursor ? { cursor } : {}) } }));
    if (!response.ok) return unexpectedResponse(response);
    return (await response.json()) as Page<Trainer>;
  });
}

// ───────────────────────────── sessions, enrolments, attendance ─────────────────────────────

export async function createSession(api: ApiClient, activityId: string, input: SessionInput, request: Request) {
  const response = await callApi(request, () => api.api.v1.activities[":id"].sessions.$post({ param: { id: activityId }, json: input }));
  return writeResult(response, async () => (await response.json()) as { id: string; sequence: number });
}

export async function setSessionTrainers(api: ApiClient, sessionId: string, trainerIds: string[], request: Request) {
  const json = SessionTrainersInputSchema.parse({ trainerIds });
  const response = await callApi(request, () => api.api.v1.sessions[":id"].trainers.$put({ param: { id: sessionId }, json }));
  return writeResult(response, async () => null);
}

export async function listEnrolments(api: ApiClient, activityId: string, request: Request) {
  return allPages(async (cursor) => {
    const response = await callApi(request, () =>
      api.api.v1.activities[":id"].enrolments.$get({ param: { id: activityId }, query: { limit: "100", ...(cursor ? { cursor } : {}) } }),
    );
    if (response.status === 404 || response.status === 400) notFound("activity");
    if (!response.ok) return unexpectedResponse(response);
    return (await response.json()) as Page<Enrolment>;
  });
}

export async function enrol(api: ApiClient, activityId: string, personId: string, request: Request) {
  const json = EnrolmentInputSchema.parse({ personId });
  const response = await callApi(request, () => api.api.v1.activities[":id"].enrolments.$post({ param: { id: activityId }, json }));
  return writeResult(response, async () => null);
}

export async function searchParticipants(api: ApiClient, q: string, request: Request) {
  const response = await callApi(request, () => api.api.v1.participants.$get({ query: { limit: "20", q } }));
  if (response.status === 400) return [];
  if (!response.ok) return unexpectedResponse(response);
  return ((await response.json()) as Page<Participant>).items;
}

export async function createParticipant(api: ApiClient, input: ParticipantInput, request: Request) {
  const response = await callApi(request, () => api.api.v1.participants.$post({ json: input }));
  return writeResult(response, async () => (await response.json()) as { id: string; fullName: string });
}

export async function getAttendance(api: ApiClient, sessionId: string, request: Request) {
  const response = await callApi(request, () => api.api.v1.sessions[":id"].attendance.$get({ param: { id: sessionId } }));
  if (response.status === 404 || response.status === 400) notFound();
  if (!response.ok) return unexpectedResponse(response);
  return (await response.json()) as Attendance;
}

export async function setAttendance(api: ApiClient, sessionId: string, personIds: string[], request: Request) {
  const json = AttendanceInputSchema.parse({ personIds });
  const response = await callApi(request, () => api.api.v1.sessions[":id"].attendance.$put({ param: { id: sessionId }, json }));
  return writeResult(response, async () => (await response.json()) as { count: number });
}

// ───────────────────────────── form parsing ─────────────────────────────

/** What the activity form sends, as typed (kept on error). */
export interface ActivityFormValues {
  programmeId: string;
  code: string;
  type: string;
  modality: string;
  status: string;
  title: string;
  description: string;
  objectives: string;
  topics: string;
  countryId: string;
  startDate: string;
  endDate: string;
  completionSharePercent: string;
  regionIds: string[];
  outputIds: string[];
  donorIds: string[];
  partners: { organisationId: string; role: string }[];
  /** The language the title and description are written in, and their text in the other content languages. */
  originalLanguage: string;
  translations: Record<ContentLanguage, { title: string; description: string }>;
}


function blankTranslations(): ActivityFormValues["translations"] {
  return { en: { title: "", description: "" }, ru: { title: "", description: "" } };
}

/** Non-blank translations, without one in the original's own language (the plain field holds that). */
function translationsOf(values: ActivityFormValues, field: "title" | "description"): Record<string, string> {
  return Object.fromEntries(
    CONTENT_LANGUAGES.filter((lng) => lng !== values.originalLanguage)
      .map((lng) => [lng, values.translations[lng][field].trim()] as const)
      .filter(([, text]) => text !== ""),
  );
}

/** Topics typed one per line or separated by commas. */
export function splitTopics(text: string): string[] {
  return [...new Set(text.split(/[,\n]/).map((t) => t.trim()).filter(Boolean))];
}

export function activityFormValues(form: FormData): ActivityFormValues {
  const text = (name: string) => String(form.get(name) ?? "");
  const partners: ActivityFormValues["partners"] = [];
  const rows = Number(form.get("partnerRows") ?? 0);
  for (let i = 0; i < Math.min(Number.isFinite(rows) ? rows : 0, 40); i++) {
    partners.push({ organisationId: text(`partners.${i}.organisationId`), role: text(`partners.${i}.role`) });
  }
  return {
    programmeId: text("programmeId"),
    code: text("code"),
    type: text("type"),
    modality: text("modality"),
    status: text("status"),
    title: text("title"),
    description: text("description"),
    objectives: text("objectives"),
    topics: text("topics"),
    countryId: text("countryId"),
    startDate: text("startDate"),
    endDate: text("endDate"),
    completionSharePercent: text("completionSharePercent"),
    regionIds: form.getAll("regionIds").map(String),
    outputIds: form.getAll("outputIds").map(String),
    donorIds: form.getAll("donorIds").map(String),
    partners,
    originalLanguage: text("originalLanguage") || "en",
    translations: Object.fromEntries(
      CONTENT_LANGUAGES.map((lng) => [lng, { title: text(`translations.${lng}.title`), description: text(`translations.${lng}.description`) }]),
    ) as ActivityFormValues["translations"],
  };
}

/** The form's values as the API's ActivityInput, or the fields that are not valid. */
export function parseActivityForm(values: ActivityFormValues) {
  const share = values.completionSharePercent.trim();
  const candidate = {
    programmeId: values.programmeId,
    code: values.code.trim() === "" ? null : values.code,
    type: values.type,
    modality: values.modality,
    status: values.status,
    title: values.title,
    description: values.description,
    objectives: values.objectives,
    topics: splitTopics(values.topics),
    countryId: values.countryId,
    startDate: values.startDate,
    endDate: values.endDate,
    completionSharePercent: share === "" ? undefined : Number(share),
    regionIds: values.regionIds,
    outputIds: values.outputIds,
    donorIds: values.donorIds,
    // Blank partner rows are left out.
    partners: values.partners.filter((p) => p.organisationId !== ""),
    originalLanguage: values.originalLanguage,
    titleTranslations: translationsOf(values, "title"),
    descriptionTranslations: translationsOf(values, "description"),
  };
  const parsed = ActivityInputSchema.safeParse(candidate);
  if (parsed.success) return { ok: true as const, input: parsed.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
  return { ok: false as const, fieldErrors };
}

export function activityChanges(input: ActivityInput): ActivityChanges {
  const { objectivesTranslations: _o, ...changes } = input;
  return changes;
}

/** The stored activity as form values (for the edit form, and for showing a conflict). */
export function activityToFormValues(activity: StaffActivity): ActivityFormValues {
  return {
    programmeId: activity.programmeId,
    code: activity.code ?? "",
    type: activity.type,
    modality: activity.modality,
    status: activity.status,
    title: activity.title,
    description: activity.description,
    objectives: activity.objectives,
    topics: activity.topics.join("\n"),
    countryId: activity.country.id,
    startDate: activity.startDate,
    endDate: activity.endDate,
    completionSharePercent: String(activity.completionSharePercent),
    regionIds: activity.regions.map((r) => r.id),
    outputIds: activity.outputs.map((o) => o.id),
    donorIds: activity.donors.map((d) => d.id),
    partners: activity.partners.map((p) => ({ organisationId: p.organisationId, role: p.role })),
    originalLanguage: activity.originalLanguage,
    translations: Object.fromEntries(
      CONTENT_LANGUAGES.map((lng) => [lng, { title: activity.titleTranslations[lng] ?? "", description: activity.descriptionTranslations[lng] ?? "" }]),
    ) as ActivityFormValues["translations"],
  };
}

// ───────────────────────────── sessions form ─────────────────────────────

export interface SessionFormValues {
  sequence: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  topic: string;
  trainerIds: string[];
}

export function sessionFormValues(form: FormData): SessionFormValues {
  const text = (name: string) => String(form.get(name) ?? "");
  return {
    sequence: text("sequence"),
    startsAt: text("startsAt"),
    endsAt: text("endsAt"),
    timeZone: text("timeZone") || "+00:00",
    topic: text("topic"),
    trainerIds: form.getAll("trainerIds").map(String),
  };
}

/** `2020-05-13T10:00` from a datetime-local input plus the chosen offset → `2020-05-13T10:00:00+06:00`. */
export function withOffset(local: string, offset: string): string {
  const value = local.trim();
  if (value === "") return "";
  const withSeconds = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00` : value;
  return `${withSeconds}${offset === "+00:00" ? "Z" : offset}`;
}

export function parseSessionForm(values: SessionFormValues) {
  const fieldErrors: FieldErrors = {};
  if (!/^[+-]\d{2}:\d{2}$/.test(values.timeZone)) fieldErrors.timeZone = "invalid";
  const parsed = SessionInputSchema.safeParse({
    sequence: values.sequence.trim() === "" ? undefined : Number(values.sequence),
    startsAt: withOffset(values.startsAt, values.timeZone),
    endsAt: values.endsAt.trim() === "" ? null : withOffset(values.endsAt, values.timeZone),
    topic: values.topic,
  });
  const trainers = SessionTrainersInputSchema.safeParse({ trainerIds: values.trainerIds });
  if (!trainers.success) fieldErrors.trainerIds = trainers.error.issues[0]?.message ?? "invalid";
  if (!parsed.success) for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
  if (!parsed.success || Object.keys(fieldErrors).length > 0) return { ok: false as const, fieldErrors };
  return { ok: true as const, input: parsed.data, trainerIds: trainers.success ? trainers.data.trainerIds : [] };
}

// ───────────────────────────── participants form ─────────────────────────────

export interface ParticipantFormValues {
  fullName: string;
  sex: string;
  position: string;
  organisationId: string;
  regionId: string;
  email: string;
  phone: string;
  allowDuplicate: boolean;
}

export function participantFormValues(form: FormData): ParticipantFormValues {
  const text = (name: string) => String(form.get(name) ?? "");
  return {
    fullName: text("fullName"),
    sex: text("sex"),
    position: text("position"),
    organisationId: text("organisationId"),
    regionId: text("regionId"),
    email: text("email"),
    phone: text("phone"),
    allowDuplicate: form.get("allowDuplicate") === "on",
  };
}

export function parseParticipantForm(values: ParticipantFormValues) {
  const orNull = (v: string) => (v.trim() === "" ? null : v);
  const parsed = ParticipantInputSchema.safeParse({
    fullName: values.fullName,
    sex: values.sex,
    position: orNull(values.position),
    organisationId: orNull(values.organisationId),
    regionId: orNull(values.regionId),
    email: orNull(values.email),
    phone: orNull(values.phone),
    allowDuplicate: values.allowDuplicate,
  });
  if (parsed.success) return { ok: true as const, input: parsed.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
  return { ok: false as const, fieldErrors };
}

// ───────────────────────────── options of the activity form ─────────────────────────────

export interface ActivityFormOptions {
  types: readonly (typeof ActivityTypeSchema.options)[number][];
  modalities: readonly (typeof ModalitySchema.options)[number][];
  statuses: readonly (typeof ActivityStatusSchema.options)[number][];
  partnerRoles: readonly (typeof PartnerRoleSchema.options)[number][];
  programmes: { id: string; title: string }[];
  countries: { id: string; name: string }[];
  regions: RegionOption[];
  donors: { id: string; code: string; name: string }[];
  outputs: { id: string; code: string; title: string }[];
  organisations: { id: string; name: string; acronym: string | null }[];
  /** The date the regions are in force on, when the activity has no dates yet. */
  regionsValidOn: string | null;
}

/**
 * What the form offers for the values chosen so far: the programme's countries and contributing donors,
 * the country's regions in force during the dates, the programme's outputs, every organisation.
 */
export async function activityFormOptions(api: ApiClient, values: Pick<ActivityFormValues, "programmeId" | "countryId" | "startDate" | "endDate">, request: Request): Promise<ActivityFormOptions> {
  const [locale, programmes, programme, allCountries, organisations, outputs] = await Promise.all([
    getLocale(request),
    listProgrammes(api, request),
    values.programmeId ? getProgramme(api, values.programmeId, request) : Promise.resolve(null),
    listCountries(api, request),
    listOrganisations(api, request),
    listOutputs(api, values.programmeId, request),
  ]);
  // Names in the reader's language: the programme's own country list names them in the original only.
  const countryName = new Map(allCountries.map((c) => [c.id, localised(c, "name", locale)]));
  const countries =
    programme && programme.countries.length > 0
      ? programme.countries.map((c) => ({ id: c.countryId, name: countryName.get(c.countryId) ?? c.name }))
      : allCountries.map((c) => ({ id: c.id, name: localised(c, "name", locale) }));
  const hasDates = [values.startDate, values.endDate].some((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  const today = new Date().toISOString().slice(0, 10);
  const regions = hasDates
    ? await regionsInForce(api, values.countryId, values.startDate, values.endDate, request)
    : await regionsInForce(api, values.countryId, today, today, request);
  return {
    types: ActivityTypeSchema.options,
    modalities: ModalitySchema.options,
    statuses: ActivityStatusSchema.options,
    partnerRoles: PartnerRoleSchema.options,
    programmes: programmes.map((p) => ({ id: p.id, title: localised(p, "title", locale) })),
    countries,
    regions,
    donors: programme ? programme.donors.map((d) => ({ id: d.id, code: d.code, name: localised(d, "name", locale) })) : [],
    outputs: outputs.map((o) => ({ id: o.id, code: o.code, title: localised(o, "title", locale) })),
    organisations: organisations.map((o) => ({ id: o.id, name: localised(o, "name", locale), acronym: o.acronym })),
    regionsValidOn: hasDates ? null : today,
  };
}

/** Blank values for a new activity: the only programme and its only country preselected. */
export async function newActivityValues(api: ApiClient, request: Request): Promise<ActivityFormValues> {
  const programmes = await listProgrammes(api, request);
  const programmeId = programmes.length === 1 ? (programmes[0]?.id ?? "") : "";
  const programme = programmeId ? await getProgramme(api, programmeId, request) : null;
  const countryId = programme && programme.countries.length === 1 ? (programme.countries[0]?.countryId ?? "") : "";
  return {
    programmeId,
    code: "",
    type: "TRAINING",
    modality: "IN_PERSON",
    status: "PLANNED",
    title: "",
    description: "",
    objectives: "",
    topics: "",
    countryId,
    startDate: "",
    endDate: "",
    completionSharePercent: "70",
    regionIds: [],
    outputIds: [],
    donorIds: [],
    partners: [],
    originalLanguage: "en",
    translations: blankTranslations(),
  };
}

// ───────────────────────────── the activity form's action ─────────────────────────────

export type ActivityFormErrors = Partial<Record<string, "invalid" | "rule">>;

/** Partner rows to show: those sent (blank ones included), one more on "Add a partner row". */
export function partnerRowsFor(values: ActivityFormValues, intent: string | null, minimum = 1) {
  return Math.max(values.partners.length, minimum) + (intent === "add-partner" ? 1 : 0);
}

/** The API's 400 on a write, as the form's error kinds: its rules (links, dates) are "rule". */
export function apiFieldErrors(fieldErrors: FieldErrors): ActivityFormErrors {
  return Object.fromEntries(Object.keys(fieldErrors).map((field) => [field, "rule" as const]));
}

export function schemaFieldErrors(fieldErrors: FieldErrors): ActivityFormErrors {
  return Object.fromEntries(Object.keys(fieldErrors).map((field) => [field, "invalid" as const]));
}
