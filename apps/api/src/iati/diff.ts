// What changed between two activity files, by path. Each element's path names it by what identifies it
// rather than by its position (iati-activity/budget[period-start=2020-01-01]/value), so that adding one
// budget does not shift every later one; a whole element added or removed is one change, not one per leaf.
import type { IatiChange } from "@vep/domain";
import { elementChildren, ownText, parseXml, type XmlElement } from "./xml.js";

/** Attributes that describe the file rather than the activity: they differ on every export. */
const IGNORED = new Set(["iati-activity/@last-updated-datetime"]);

const narrativeOf = (element: XmlElement | undefined) => (element ? (elementChildren(element, "narrative")[0]?.textContent?.trim() ?? null) : null);
const childAttribute = (element: XmlElement, child: string, attribute: string) => elementChildren(element, child)[0]?.getAttribute(attribute) ?? null;
const own = (...attributes: string[]) => (element: XmlElement) => attributes.map((a): [string, string | null] => [a, element.getAttribute(a)]);
const dimensions = (element: XmlElement) => elementChildren(element, "dimension").map((d): [string, string | null] => [d.getAttribute("name") ?? "", d.getAttribute("value")]);

/** What identifies an element among its siblings, as [name, value] pairs for its path segment. */
const IDENTITY: Record<string, (element: XmlElement) => [string, string | null][]> = {
  "participating-org": (e) => [["role", e.getAttribute("role")], e.getAttribute("ref") ? ["ref", e.getAttribute("ref")] : ["name", narrativeOf(e)]],
  "activity-date": own("type"),
  "recipient-country": own("code"),
  sector: own("vocabulary", "code"),
  description: own("type"),
  narrative: own("xml:lang"),
  budget: (e) => [["period-start", childAttribute(e, "period-start", "iso-date")]],
  transaction: own("ref"),
  result: (e) => [["type", e.getAttribute("type")], ["title", narrativeOf(elementChildren(e, "title")[0])]],
  indicator: (e) => [["title", narrativeOf(elementChildren(e, "title")[0])]],
  period: (e) => [["period-start", childAttribute(e, "period-start", "iso-date")], ["period-end", childAttribute(e, "period-end", "iso-date")]],
  target: dimensions,
  actual: dimensions,
  baseline: dimensions,
  dimension: own("name"),
};

interface Flat {
  /** Each element's path, with its parent's ("" for the top). */
  elements: Map<string, string>;
  /** Each attribute's and text's value, with the path of its element. */
  leaves: Map<string, { element: string; value: string }>;
}

const empty = (): Flat => ({ elements: new Map(), leaves: new Map() });

/** Every element's path, and every attribute's and text's value by path. */
export function flatten(xml: string): Flat {
  const flat = empty();
  const visit = (element: XmlElement, at: string, parent: string) => {
    flat.elements.set(at, parent);
    for (const { name, value } of Array.from(element.attributes)) if (!IGNORED.has(`${at}/@${name}`)) flat.leaves.set(`${at}/@${name}`, { element: at, value });
    const text = ownText(element);
    if (text) flat.leaves.set(at, { element: at, value: text });
    const seen = new Map<string, number>();
    for (const child of elementChildren(element)) {
      const identity = (IDENTITY[child.localName]?.(child) ?? []).filter(([, v]) => v !== null);
      const segment = child.localName + identity.map(([k, v]) => `[${k}=${v}]`).join("");
      // Siblings that nothing tells apart keep their order among themselves.
      const n = (seen.get(segment) ?? 0) + 1;
      seen.set(segment, n);
      visit(child, `${at}/${segment}${n > 1 ? `[${n}]` : ""}`, at);
    }
  };
  for (const activity of elementChildren(parseXml(xml), "iati-activity")) visit(activity, "iati-activity", "");
  return flat;
}

/** Elements and values added, removed or changed from `before` (null: no previous file) to `after`, by path. */
export function diffActivities(before: string | null, after: string): IatiChange[] {
  const old = before === null ? empty() : flatten(before);
  const now = flatten(after);
  const changes: IatiChange[] = [];
  // A whole element is one change, reported where it starts: where its parent is on both sides.
  const starts = (parent: string, other: Flat) => parent === "" || other.elements.has(parent);
  for (const [path, parent] of now.elements) if (!old.elements.has(path) && starts(parent, old)) changes.push({ change: "added", path });
  for (const [path, parent] of old.elements) if (!now.elements.has(path) && starts(parent, now)) changes.push({ change: "removed", path });
  for (const [path, { element, value }] of now.leaves) {
    const was = old.leaves.get(path);
    if (was === undefined) {
      if (old.elements.has(element)) changes.push({ change: "added", path, after: value });
    } else if (was.value !== value) changes.push({ change: "changed", path, before: was.value, after: value });
  }
  for (const [path, { element, value }] of old.leaves) if (!now.leaves.has(path) && now.elements.has(element)) changes.push({ change: "removed", path, before: value });
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
