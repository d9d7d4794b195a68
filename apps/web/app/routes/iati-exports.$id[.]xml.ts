// A stored IATI export's file (/iati-exports/<id>.xml) as it was generated, streamed from the API with
// the user's session (staff only).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../lib/auth.server";
import { passThroughXml } from "../lib/iati.server";
import { STAFF_ROLES } from "../lib/programme-forms";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireUser(request, context, STAFF_ROLES);
  const id = params.id ?? "";
  return passThroughXml(request, () => api.api.v1["iati-exports"][":id"].xml.$get({ param: { id } }));
}
