import type { AccessTable } from "../access.js";

// Activities with their sessions, regions, partners, outputs and donors; trainers and their sessions.
export const ACTIVITIES_ACCESS: AccessTable = {};
