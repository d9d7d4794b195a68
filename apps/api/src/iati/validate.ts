// Validation of an activity file against the official IATI 2.03 XML schema, with libxml2's xmllint
// compiled to WebAssembly (no native binary, nothing downloaded).
import { readFile } from "node:fs/promises";
import type { IatiProblem } from "@vep/domain";
import { memoryPages, validateXML, type XMLFileInfo } from "xmllint-wasm";
import { iatiDataPath } from "./codelists.js";

const SCHEMA = "iati-activities-schema.xsd";
/** Files the schema includes or imports, by the names it uses for them. */
const PRELOADS = ["iati-common.xsd", "xml.xsd"];

let schemaFiles: Promise<{ schema: XMLFileInfo; preload: XMLFileInfo[] }> | undefined;

function loadSchemaFiles() {
  const load = async (fileName: string): Promise<XMLFileInfo> => ({ fileName, contents: await readFile(iatiDataPath(fileName), "utf8") });
  schemaFiles ??= Promise.all([load(SCHEMA), ...PRELOADS.map(load)]).then(([schema, ...preload]) => ({ schema: schema!, preload }));
  return schemaFiles;
}

/** Schema errors of the file (none when it is valid), each with its line in the file. */
export async function validateAgainstSchema(xml: string): Promise<IatiProblem[]> {
  const { schema, preload } = await loadSchemaFiles();
  const result = await validateXML({
    xml: [{ fileName: "activity.xml", contents: xml }],
    schema: [schema],
    preload,
    // The default 32 MiB ceiling is too low for a programme with many years of transactions and results.
    maxMemoryPages: 512 * memoryPages.MiB,
  });
  if (result.valid) return [];
  return result.errors.map((error) => ({ source: "schema" as const, path: error.loc ? `line ${error.loc.lineNumber}` : null, message: error.message }));
}
