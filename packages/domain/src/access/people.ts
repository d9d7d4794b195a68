import type { AccessTable } from "../access.js";

// Participants (personal data), enrolments, attendance, erasure; feedback forms, responses and quotes.
export const PEOPLE_ACCESS: AccessTable = {};
