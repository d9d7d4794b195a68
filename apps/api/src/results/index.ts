import { newRouter } from "../http/router.js";

/** The results framework: outcomes, outputs, indicators with targets and values. */
export const resultsRoutes = newRouter();
