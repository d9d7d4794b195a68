import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { msg, PublicFeedbackAnswerSchema, PublicFeedbackFormSchema, PublicFeedbackReceiptSchema, QuoteFromResponseInputSchema, QuoteSchema } from "@vep/domain";
import { serviceContext } from "../http/context.js";
import { problem } from "../http/errors.js";
import { conflict, IdParam, json, notFound, refusals } from "../http/openapi.js";
import { bearerAuth, newRouter, ProblemSchema } from "../http/router.js";
import { getPublicFeedbackForm, openFeedbackForm, quoteFeedbackResponse, submitFeedback, type Unavailable } from "./service.js";
import type { FeedbackThrottle } from "./throttle.js";

// Any string: a malformed token gets the same 404 as an unknown one, not a 400 that tells them apart.
const TokenParam = z.object({ token: z.string().describe("The token of the form's public link") });

const unknownForm = { 404: { description: "No form has this link", content: ProblemSchema } };
const unavailable = {
  403: { description: "The form is not open yet", content: ProblemSchema },
  410: { description: "The form is closed", content: ProblemSchema },
};

const formRoute = createRoute({
  method: "get",
  path: "/public/feedback-forms/{token}",
  tags: ["Public feedback"],
  summary: "A feedback form by its public link: what a participant needs to answer it",
  request: { params: TokenParam },
  responses: { 200: { description: "The form", content: json(PublicFeedbackFormSchema) }, ...unknownForm, ...unavailable },
});

const answerRoute = createRoute({
  method: "post",
  path: "/public/feedback-forms/{token}/responses",
  tags: ["Public feedback"],
  summary: "Answer a feedback form, anonymously; limited per address",
  request: { params: TokenParam, body: { required: true, content: json(PublicFeedbackAnswerSchema) } },
  responses: {
    201: { description: "Received", content: json(PublicFeedbackReceiptSchema) },
    400: { description: "Invalid answers, named per field", content: ProblemSchema },
    ...unknownForm,
    ...unavailable,
    413: { description: "The request is too large", content: ProblemSchema },
    429: { description: "Too many answers from this address; see Retry-After", content: ProblemSchema },
  },
});

const quoteRoute = createRoute({
  method: "post",
  path: "/feedback-responses/{id}/quote",
  tags: ["Feedback responses"],
  security: bearerAuth,
  summary: "Make a quote of a response's comment (STAFF, ADMIN): needs the response's consent to quote; a name needs its consent to attribution",
  request: { params: IdParam, body: { required: true, content: json(QuoteFromResponseInputSchema) } },
  responses: { 201: { description: "The quote", content: json(QuoteSchema) }, ...notFound, ...conflict("A quote was already made from this response"), ...refusals },
});

function unavailableProblem(c: Context, found: Unavailable) {
  return found.state === "not-open-yet"
    ? problem(c, 403, msg("feedback.notOpenYet"), { detail: msg("feedback.opensAt", { at: found.opensAt.toISOString() }) })
    : problem(c, 410, msg("feedback.closed"), { detail: msg("feedback.closedAt", { at: found.closedAt.toISOString() }) });
}

export function feedbackRoutes(throttle: FeedbackThrottle) {
  return newRouter()
    .openapi(formRoute, async (c) => {
      const found = await getPublicFeedbackForm({ ctx: { db: c.var.db }, input: c.req.valid("param") });
      return found.state === "shown" ? c.json(found.form, 200) : unavailableProblem(c, found);
    })
    .openapi(answerRoute, async (c) => {
      const ctx = { db: c.var.db };
      const found = await openFeedbackForm({ ctx, input: c.req.valid("param") });
      if (found.state !== "open") return unavailableProblem(c, found);
      const wait = throttle.take(c.var.clientAddress, found.form.id);
      if (wait > 0) {
        c.header("Retry-After", String(wait));
        return problem(c, 429, msg("feedback.tooManyAnswers"), { detail: msg("feedback.tooManyAnswersDetail", { minutes: Math.ceil(wait / 60) }) });
      }
      return c.json(await submitFeedback({ ctx, input: { form: found.form, answer: c.req.valid("json") } }), 201);
    })
    .openapi(quoteRoute, async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await quoteFeedbackResponse({ ctx: serviceContext(c), input }), 201);
    });
}
