// The import form's upload endpoint when scripts run: the same work as the import pages' actions,
// answered in JSON so that the page can show upload progress and keep the chosen file.
import type { ActionFunctionArgs } from "@remix-run/node";
import { runImportForm } from "../lib/participant-import.server";
import { sheetKindOf } from "../lib/submissions";

export async function action({ request, context, params }: ActionFunctionArgs) {
  // The API decides whose list it is: a partner imports its own; staff name the organisation.
  return Response.json(await runImportForm(request, context, params.activityId ?? "", ["PARTNER", "STAFF", "ADMIN"], sheetKindOf(request.url)));
}
