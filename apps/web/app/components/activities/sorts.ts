/** The orders the staff activity list offers (the API's `sort` values), the first being the default. */
export const ACTIVITY_SORTS = ["-startDate", "startDate", "title", "-title", "-createdAt"] as const;
export type ActivitySortKey = (typeof ACTIVITY_SORTS)[number];
