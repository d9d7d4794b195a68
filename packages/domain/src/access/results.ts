import type { AccessTable } from "../access.js";

// The results framework: outcomes, outputs, indicators with targets and values.
export const RESULTS_ACCESS: AccessTable = {};
