// API calls of the partner's pages (/partner): the activities assigned to the partner's organisation
// and the people it enrolled in them. The API scopes every call to the partner's own organisation.
import { isTrained, type ActivityDetail, type ActivitySummary, type Enrolment } from "@vep/domain";
import { callApi, notFound, unexpectedResponse, type ApiClient } from "../api.server";
import { localised } from "./localised";

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}


const PAGE_SIZE = 50;
/** Enough for any one activity's participant list; the API pages by 100. */
const MAX_ENROLMENT_PAGES = 20;

export async function listAssignedActivities(api: ApiClient, cursor: string | undefined, request?: Request) {
  const response = await callApi(request, () =>
    api.api.v1.activities.$get({ query: { limit: String(PAGE_SIZE), sort: "-startDate", ...(cursor ? { cursor } : {}) } }),
  );
  if (!response.ok) return unexpectedResponse(response);
  return (await response.json()) as Page<ActivitySummary>;
}

export async function getAssignedActivity(api: ApiClient, id: string, request?: Request) {
  const response = await callApi(request, () => api.api.v1.activities[":id"].$get({ param: { id } }));
  // 400 = not a valid id; 404 = not one of the partner's activities. Both: no such page.
  if (response.status === 404 || response.status === 400) notFound("activity");
  if (!response.ok) return unexpectedResponse(response);
  return (await response.json()) as ActivityDetail;
}

/** Everyone of the partner's organisation enrolled in the activity (all pages). */
export async function listOwnEnrolments(api: ApiClient, activityId: string, request?: Request) {
  const items: Enrolment[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_ENROLMENT_PAGES; page++) {
    const response = await callApi(request, () =>
      api.api.v1.activities[":id"].enrolments.$get({ param: { id: activityId }, query: { limit: "100", ...(cursor ? { cursor } : {}) } }),
    );
    if (response.status === 404 || response.status === 400) notFound("activity");
    if (!response.ok) return unexpectedResponse(response);
    const body = (await response.json()) as Page<Enrolment>;
    items.push(...body.items);
    if (!body.nextCursor) break;
    cursor = body.nextCursor;
  }
  return items;
}

/** The partner's organisation and its departments, by id (to name the department a person belongs to), in `locale`. */
export async function getOwnOrganisationNames(api: ApiClient, request: Request | undefined, locale: string): Promise<Map<string, string>> {
  const response = await callApi(request, () => api.api.v1.organisations.$get({ query: { limit: "100" } }));
  if (!response.ok) return new Map();
  const body = await response.json();
  return new Map(body.items.map((organisation) => [organisation.id, localised(organisation, "name", locale)]));
}

/** A partner's view of one enrolment: the person, where they come from, and whether they completed. */
export function enrolmentRows(
  enrolments: Enrolment[],
  activity: { sessionCount: number; completionSharePercent: number; regions: { id: string; name: string; nameTranslations?: Record<string, string> | undefined }[] },
  organisations: Map<string, string>,
  locale: string,
) {
  const regions = new Map(activity.regions.map((region) => [region.id, localised(region, "name", locale)]));
  return enrolments
    .map((enrolment) => ({
      id: enrolment.id,
      fullName: enrolment.person.fullName,
      sex: enrolment.person.sex,
      organisation: enrolment.person.organisationId ? (organisations.get(enrolment.person.organisationId) ?? null) : null,
      region: enrolment.person.regionId ? (regions.get(enrolment.person.regionId) ?? null) : null,
      role: enrolment.role,
      sessionsAttended: enrolment.sessionsAttended,
      trained: enrolment.role === "PARTICIPANT" && isTrained(enrolment.sessionsAttended, activity.sessionCount, activity.completionSharePercent),
    }))
    .sort((a, b) => a.fullName.localeCompare(b.fullName));
}

