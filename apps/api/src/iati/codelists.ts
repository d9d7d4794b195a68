// The IATI codelists the activity file uses, read once from apps/api/iati/codelists (copied into the repo
// with their licences, so CI needs nothing outside it), and the check of every code in a file against them.
import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { IatiProblem } from "@vep/domain";
import { elementChildren, parseXml, type XmlElement } from "./xml.js";

/**
 * apps/api/iati: found by walking up to @vep/api's package.json, so that it is the same folder from
 * src/iati (tsx, vitest) and from the bundle dist/server.js.
 */
function findDataDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "@vep/api") return path.join(dir, "iati");
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("apps/api/iati not found above " + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

let dataDir: string | undefined;
export const iatiDataPath = (...parts: string[]) => path.join((dataDir ??= findDataDir()), ...parts);

export const CODELISTS = [
  "ActivityDateType",
  "ActivityStatus",
  "BudgetStatus",
  "BudgetType",
  "Country",
  "Currency",
  "DescriptionType",
  "IndicatorMeasure",
  "Language",
  "OrganisationRole",
  "OrganisationType",
  "ResultType",
  "Sector",
  "SectorVocabulary",
  "TransactionType",
] as const;
export type CodelistName = (typeof CODELISTS)[number];
export type Codelists = ReadonlyMap<CodelistName, ReadonlySet<string>>;

/** The codes in force of one codelist file (withdrawn codes are not for new data). */
function codesOf(xml: string): Set<string> {
  const codes = new Set<string>();
  const items = elementChildren(parseXml(xml), "codelist-items")[0];
  for (const item of items ? elementChildren(items, "codelist-item") : []) {
    if (item.getAttribute("status") === "withdrawn") continue;
    const code = elementChildren(item, "code")[0]?.textContent?.trim();
    if (code) codes.add(code);
  }
  return codes;
}

let loading: Promise<Codelists> | undefined;

/** Every codelist, loaded on first use and kept for the life of the process. */
export function loadCodelists(): Promise<Codelists> {
  loading ??= Promise.all(CODELISTS.map(async (name) => [name, codesOf(await readFile(iatiDataPath("codelists", `${name}.xml`), "utf8"))] as const)).then(
    (entries) => new Map(entries),
  );
  return loading;
}

/** Which codelist each coded attribute of an activity file draws on, by element name. */
const CODED_ATTRIBUTES: Record<string, Record<string, CodelistName>> = {
  "iati-activity": { "default-currency": "Currency", "xml:lang": "Language" },
  "reporting-org": { type: "OrganisationType" },
  "participating-org": { role: "OrganisationRole", type: "OrganisationType" },
  "provider-org": { type: "OrganisationType" },
  description: { type: "DescriptionType" },
  "activity-status": { code: "ActivityStatus" },
  "activity-date": { type: "ActivityDateType" },
  "recipient-country": { code: "Country" },
  sector: { vocabulary: "SectorVocabulary" },
  budget: { type: "BudgetType", status: "BudgetStatus" },
  value: { currency: "Currency" },
  "transaction-type": { code: "TransactionType" },
  result: { type: "ResultType" },
  indicator: { measure: "IndicatorMeasure" },
  narrative: { "xml:lang": "Language" },
};

/** Sector codes are DAC 5-digit purpose codes only under vocabulary 1 (the codelist we hold). */
const DAC_VOCABULARY = "1";

/**
 * Every coded value in the file that is not in its codelist, by path with 1-based positions among
 * same-named siblings: "iati-activity/participating-org[2]/@role: 9 is not in OrganisationRole".
 */
export function checkCodes(root: XmlElement, codelists: Codelists): IatiProblem[] {
  const problems: IatiProblem[] = [];
  const check = (where: string, value: string | null, list: CodelistName) => {
    if (value !== null && !codelists.get(list)?.has(value)) problems.push({ source: "codelist", path: where, message: `${where}: ${value} is not in ${list}` });
  };
  const visit = (element: XmlElement, at: string) => {
    for (const [attribute, list] of Object.entries(CODED_ATTRIBUTES[element.localName] ?? {})) check(`${at}/@${attribute}`, element.getAttribute(attribute), list);
    if (element.localName === "sector" && (element.getAttribute("vocabulary") ?? DAC_VOCABULARY) === DAC_VOCABULARY) check(`${at}/@code`, element.getAttribute("code"), "Sector");
    const seen = new Map<string, number>();
    for (const child of elementChildren(element)) {
      const n = (seen.get(child.localName) ?? 0) + 1;
      seen.set(child.localName, n);
      visit(child, `${at}/${child.localName}[${n}]`);
    }
  };
  for (const activity of elementChildren(root, "iati-activity")) visit(activity, "iati-activity");
  return problems;
}
