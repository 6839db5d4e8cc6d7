/**
 * The XML gold sets (GWN.xml, lgl.xml, TR-News.xml, GeoVirus.xml) read with
 * fast-xml-parser, set up so that text comes out exactly as written: no
 * trimming (offsets count leading spaces) and no number parsing (ids such as
 * "0123" and coordinates stay as written until a reader converts them).
 */
import { XMLParser } from "fast-xml-parser";

/** An element: child elements by name, attributes as `@name`. */
export type XmlElement = Record<string, unknown>;

export function parseXml(xml: string, arrayElements: readonly string[]): XmlElement {
  const repeated = new Set(arrayElements);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    htmlEntities: false,
    isArray: (name) => repeated.has(name),
  });
  return parser.parse(xml) as XmlElement;
}

/** The child elements called `name`; none when absent or empty (`<toponyms/>`). */
export function elements(parent: unknown, name: string): XmlElement[] {
  if (!isElement(parent)) return [];
  const value = parent[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter(isElement);
}

export function element(parent: unknown, name: string): XmlElement | undefined {
  return elements(parent, name)[0];
}

/** The text of child `name`, exactly as written; undefined when there is no such child. */
export function childText(parent: unknown, name: string): string | undefined {
  if (!isElement(parent)) return undefined;
  return textContent(parent[name]);
}

export function attribute(node: unknown, name: string): string | undefined {
  if (!isElement(node)) return undefined;
  const value = node[`@${name}`];
  return typeof value === "string" ? value : undefined;
}

/** A leaf's text; for an element that also has attributes, its `#text`. Empty elements give "". */
function textContent(value: unknown): string | undefined {
  if (Array.isArray(value)) return textContent(value[0]);
  if (typeof value === "string") return value;
  if (isElement(value)) {
    const text = value["#text"];
    return typeof text === "string" ? text : "";
  }
  return undefined;
}

function isElement(value: unknown): value is XmlElement {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
