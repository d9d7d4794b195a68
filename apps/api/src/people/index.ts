import { newRouter } from "../http/router.js";
import { attendanceRoutes } from "./attendance/routes.js";
import { enrolmentRoutes } from "./enrolments/routes.js";
import { feedbackFormRoutes } from "./feedback-forms/routes.js";
import { feedbackResponseRoutes } from "./feedback-responses/routes.js";
import { participantRoutes } from "./participants/routes.js";
import { quoteRoutes } from "./quotes/routes.js";

/** Participants, enrolments, attendance, erasure; feedback forms, responses and quotes. */
export const peopleRoutes = newRouter()
  .route("/participants", participantRoutes)
  .route("/", enrolmentRoutes)
  .route("/sessions", attendanceRoutes)
  .route("/feedback-forms", feedbackFormRoutes)
  .route("/feedback-responses", feedbackResponseRoutes)
  .route("/quotes", quoteRoutes);
