import { ContributionPaymentSchema, ContributionPaymentUpdateSchema } from "@vep/domain";
import { serviceContext } from "../../http/context.js";
import { deleteRoute, patchRoute, versionedChanges, versionedDelete } from "../../http/openapi.js";
import { newRouter } from "../../http/router.js";
import { deletePayment, updatePayment } from "./service.js";

const tags = ["Contributions"];

export const contributionPaymentRoutes = newRouter()
  .openapi(patchRoute(tags, "Correct a payment received (STAFF, ADMIN)", ContributionPaymentUpdateSchema, ContributionPaymentSchema), async (c) =>
    c.json(await updatePayment({ ctx: serviceContext(c), input: versionedChanges(c, c.req.valid("param").id, c.req.valid("json")) }), 200),
  )
  .openapi(deleteRoute(tags, "Remove a payment received (STAFF, ADMIN)"), async (c) => {
    await deletePayment({ ctx: serviceContext(c), input: versionedDelete(c, c.req.valid("param").id) });
    return c.body(null, 204);
  });
