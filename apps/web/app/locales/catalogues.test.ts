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

// ───────────────────────────── no unused key ─────────────────────────────
// A key is used when a source file that works in its namespace (common everywhere; another namespace where
// the file names it: useTranslation("staff"), getAreaT(request, "staff"), "staff:key", handle.i18n) holds
// the key as a string literal, or when it starts with one of the prefixes below that the code completes at
// run time from an enum or a field name. Each prefix must itself appear in the source as the head of a
// template literal (`activityType.${type}`), so that the list cannot outlive the code that builds the keys.

const APP = path.dirname(LOCALES);
/** `namespace:static head of the key` for keys the code builds; the head must appear as `head${…}` in source. */
const DYNAMIC_PREFIXES = [
  // Enum values (one text per value of a domain enum).
  "common:activityType.", "common:modality.", "common:activityStatus.", "common:programmeStatus.", "common:progressStatus.",
  "common:sex.", "common:role.", "common:partnerRole.", "common:submissions.statuses.", "common:submissions.kinds.",
  "admin:organisationKind.", "admin:regionKind.", "admin:roles.", "admin:languages.", "admin:users.saved.",
  "programme:personSex.", "programme:earmarking.", "programme:budgetType.", "programme:budgetStatus.", "programme:direction.",
  "programme:measure.", "programme:indicatorSource.", "programme:disaggregation.", "programme:records.answer.", "programme:form.errors.",
  "staff:activities.participants.sexValue.", "staff:activities.participants.roleValue.", "staff:activities.list.sort.",
  "staff:activities.enrol.errors.", "staff:activities.form.languageName.",
  "partner:activity.enrolmentRole.",
  "submissions:sex.", "submissions:role.", "submissions:fields.", "submissions:feedbackFields.", "submissions:rows.errors.",
  "submissions:import.counts.", "submissions:import.delimiters.", "submissions:import.formats.", "submissions:history.actions.",
  "submissions:review.statusLead.", "submissions:review.done.", "submissions:page.statusLead.", "submissions:page.done.",
  "submissions:notifications.kinds.",
  "feedback:public.questions.", "feedback:public.errors.", "feedback:public.scale.", "feedback:public.sexValue.",
  "feedback:public.unavailable.", "feedback:public.languages.", "feedback:staff.responses.", "feedback:staff.forms.statusValue.",
  "feedback:staff.errors.",
  "reports:filters.errors.", "reports:contributions.earmarkingValue.",
  "donor:filters.errors.",
  "iati:result.source.", "iati:result.kind.",
  "exports:lists.",
  // Navigation items (root.tsx NAVIGATION), error pages by kind, sign-in errors, form field messages by form.
  "common:nav.", "common:error.", "common:auth.errors.", "staff:activities.errors.",
] as const;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "locales" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const sources = sourceFiles(APP).map((file) => readFileSync(file, "utf8"));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Files that work in `ns`: all of them for common, otherwise those that name it as a string or a `ns:` key. */
const filesIn = (ns: string) => (ns === "common" ? sources : sources.filter((s) => new RegExp(`["'\`]${ns}(["'\`]|:)`).test(s)));
const literally = (key: string) => new RegExp(`["'\`](?:\\w+:)?${escape(key)}["'\`]`);
const headOf = (prefix: string) => new RegExp(`\`(?:\\w+:)?${escape(prefix)}\\$\\{`);

describe("the English catalogues", () => {
  const keysByNs = new Map(namespaces.map((ns) => [ns, [...new Set(flatten(load("en", ns)).keys())].map(pluralBase)]));

  it("have no unused key", () => {
    const unused: string[] = [];
    for (const [ns, keys] of keysByNs) {
      const files = filesIn(ns);
      const dynamic = DYNAMIC_PREFIXES.filter((p) => p.startsWith(`${ns}:`)).map((p) => p.slice(ns.length + 1));
      for (const key of new Set(keys)) {
        if (dynamic.some((prefix) => key.startsWith(prefix))) continue;
        if (!files.some((source) => literally(key).test(source))) unused.push(`${ns}:${key}`);
      }
    }
    const count = [...keysByNs.values()].reduce((n, keys) => n + new Set(keys).size, 0);
    const ru = namespaces.reduce((n, ns) => n + flatten(load("ru", ns)).size, 0);
    console.log(`catalogue keys: ${count} (${[...keysByNs.values()].reduce((n, k) => n + k.length, 0)} English texts, ${ru} Russian texts with their plural forms)`);
    expect(unused).toEqual([]);
  });

  it.each(DYNAMIC_PREFIXES)("%s is built by the code and names some keys", (entry) => {
    const [ns, prefix] = entry.split(":") as [string, string];
    expect(keysByNs.get(ns)?.some((key) => key.startsWith(prefix)), "no key starts with it").toBe(true);
    expect(filesIn(ns).some((source) => headOf(prefix).test(source)), "no template literal builds it").toBe(true);
  });
});
