// "Download CSV" for a list page: the whole list with the filters the page shows, as the signed-in
// user may see it (exports.$list[.]csv.ts streams it from the API). Pages that use it load the
// "exports" namespace (handle.i18n).
import { useTranslation } from "react-i18next";
import { PAGING_PARAMS, type ExportList } from "@vep/domain";

const paging = new Set<string>(PAGING_PARAMS);

export function csvHref(list: ExportList, query: Record<string, string | null | undefined> = {}): string {
  const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "" && !paging.has(entry[0])));
  const search = params.toString();
  return `/exports/${list}.csv${search ? `?${search}` : ""}`;
}

export function CsvLink({ list, query, className = "button button--secondary" }: { list: ExportList; query?: Record<string, string | null | undefined>; className?: string }) {
  const { t } = useTranslation("exports");
  // A document request (not client-side navigation): the browser saves the file the answer names.
  return (
    <a href={csvHref(list, query)} download className={className}>
      {t("download")}
      <span className="visually-hidden">: {t(`lists.${list}`)}</span>
    </a>
  );
}
