import { newRouter } from "../http/router.js";

/** Participants, enrolments, attendance, erasure; feedback forms, responses and quotes. */
export const peopleRoutes = newRouter();
