import { pageOf, SubmissionListQuerySchema, SubmissionSchema } from "@vep/domain";
import { serviceContext } from "../http/context.js";
import { getRoute, listRoute } from "../http/openapi.js";
import { newRouter } from "../http/router.js";
import { getSubmission, listSubmissions } from "./service.js";

const tags = ["Submissions"];

export const submissionRoutes = newRouter()
  .openapi(listRoute(tags, "Partner submissions, newest change first (a partner sees its own organisation's)", SubmissionListQuerySchema, pageOf(SubmissionSchema)), async (c) =>
    c.json(await listSubmissions({ ctx: serviceContext(c), input: c.req.valid("query") }), 200),
  )
  .openapi(getRoute(tags, "One submission", SubmissionSchema), async (c) => c.json(await getSubmission({ ctx: serviceContext(c), input: c.req.valid("param") }), 200));
