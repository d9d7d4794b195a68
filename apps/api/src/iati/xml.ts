// Reading XML back (codelists, stored exports, generated files) through xmlbuilder2's DOM: the few
// DOM members the IATI code needs.
import { create } from "xmlbuilder2";

export interface XmlElement {
  readonly nodeType: number;
  readonly localName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<XmlElement>;
  readonly attributes: ArrayLike<{ readonly name: string; readonly value: string }>;
  getAttribute(name: string): string | null;
}

const ELEMENT_NODE = 1;

/** The document element of an XML text. */
export function parseXml(xml: string): XmlElement {
  return create(xml).root().node as unknown as XmlElement;
}

/** The element children of `element`, or only those named `name`. */
export function elementChildren(element: XmlElement, name?: string): XmlElement[] {
  return Array.from(element.childNodes).filter((n) => n.nodeType === ELEMENT_NODE && (name === undefined || n.localName === name));
}

/** The element's own text (its text children, not its descendants'), trimmed. */
export function ownText(element: XmlElement): string {
  return Array.from(element.childNodes)
    .filter((n) => n.nodeType !== ELEMENT_NODE)
    .map((n) => n.textContent ?? "")
    .join("")
    .trim();
}
