export * from "./counting.js";
export * from "./people.js";
