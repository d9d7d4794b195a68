// The programme's current IATI file (/iati/<programmeId>.xml), fetched from the API with the user's
// session and streamed through: for staff, and for donors on the programmes they co-fund.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getAreaT } from "../i18n.server";
import { requireUser } from "../lib/auth.server";
import { passThroughXml } from "../lib/iati.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireUser(request, context, ["STAFF", "ADMIN", "DONOR"]);
  const t = await getAreaT(request, "iati");
  const id = params.programmeId ?? "";
  return passThroughXml(request, () => api.api.v1.programmes[":id"].iati.$get({ param: { id } }), t("download.invalid"));
}
