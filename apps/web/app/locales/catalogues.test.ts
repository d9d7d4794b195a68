// The catalogues agree: every English text has its Russian one (with Russian's four plural forms where
// English has two), no Russian key lacks an English one, and both say the same {{placeholders}}.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const LOCALES = path.dirname(new URL(import.meta.url).pathname);
/** Languages whose catalogues must be complete; Kazakh, when added, falls back to Russian key by key. */
const COMPLETE = ["ru"];
const PLURAL = { en: ["one", "other"], ru: ["one", "few", "many", "other"] } as const;

type Tree = { [key: string]: string | Tree };
const load = (lng: string, ns: string) => JSON.parse(readFileSync(path.join(LOCALES, lng, `${ns}.json`), "utf8")) as Tree;

/** Every text by its dotted key. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** English keys as the language names them: "x_one", "x_other" → that language's plural forms of x. */
function expectedKeys(english: Map<string, string>, lng: keyof typeof PLURAL): Set<string> {
  const keys = new Set<string>();
  for (const key of english.keys()) {
    const plural = /^(.*)_(one|other)$/.exec(key);
    if (plural) for (const form of PLURAL[lng]) keys.add(`${plural[1]}_${form}`);
    else keys.add(key);
  }
  return keys;
}

const placeholders = (text: string) => [...new Set(text.match(/\{\{\s*[\w.]+\s*\}\}/g) ?? [])].map((p) => p.replace(/\s/g, "")).sort();
const pluralBase = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, "");

const namespaces = readdirSync(path.join(LOCALES, "en")).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5));

describe.each(COMPLETE)("the %s catalogues", (lng) => {
  it.each(namespaces)("%s: has every English key, and only those", (ns) => {
    const english = flatten(load("en", ns));
    const translated = flatten(load(lng, ns));
    const expected = expectedKeys(english, lng as keyof typeof PLURAL);
    expect([...expected].filter((k) => !translated.has(k)), "missing").toEqual([]);
    expect([...translated.keys()].filter((k) => !expected.has(k)), "not in English").toEqual([]);
  });

  it.each(namespaces)("%s: says the same {{placeholders}} as English", (ns) => {
    const english = flatten(load("en", ns));
    const byBase = new Map([...english].map(([key, text]) => [pluralBase(key), text]));
    const differing = [...flatten(load(lng, ns))]
      .filter(([key, text]) => {
        const source = english.get(key) ?? byBase.get(pluralBase(key));
        // A plural form may leave out {{count}} ("one" as a word), never add or rename one.
        const allowed = new Set(placeholders(source ?? ""));
        return placeholders(text).some((p) => !allowed.has(p)) || placeholders(source ?? "").filter((p) => p !== "{{count}}").some((p) => !placeholders(text).includes(p));
      })
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });
});
