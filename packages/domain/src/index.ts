export * from "./counting.js";
export * from "./people.js";
export * from "./public.js";
export * from "./errors.js";
export * from "./access.js";
export * from "./auth.js";
export * from "./organisations.js";
