/**
 * Who published the document: the `outlet` metadata, else the URL's domain,
 * else the text's own words for itself ("notre chaîne de télévision
 * al-Manar", "our correspondent for Reuters"). The message says which.
 */
import type { Doc, Token } from "../model/document.js";
import type { Span } from "../model/span.js";
import type { OutletDefinition, OutletRegistry } from "./outlets.js";

export interface Publisher {
  outlet: OutletDefinition;
  /** Where the text names it, for a self-reference. */
  span: (Span & { text: string }) | null;
  rule: "sources:publisher-metadata" | "sources:publisher-url" | "sources:publisher-self-reference";
}

/** Possessives by which a text speaks of its own outlet. Source: curated by the project. */
const OWN: ReadonlySet<string> = new Set(["notre", "nos", "our", "قناتنا", "موقعنا", "صحيفتنا", "لقناتنا", "وكالتنا"]);
/** How many words may stand between the possessive and the outlet's name ("notre chaîne de télévision al-Manar"). */
const SELF_WINDOW = 5;

export function findPublisher(doc: Doc, registry: OutletRegistry, mentions: ReturnType<OutletRegistry["mentions"]>): Publisher | null {
  const { outlet, url } = doc.document;
  const named = outlet === null ? undefined : registry.byName(outlet);
  if (named) return { outlet: named, span: null, rule: "sources:publisher-metadata" };
  const hosted = url === null ? undefined : registry.byUrl(url);
  if (hosted) return { outlet: hosted, span: null, rule: "sources:publisher-url" };
  for (const mention of mentions) {
    if (ownedBefore(doc, mention.start)) return { outlet: mention.outlet, span: { start: mention.start, end: mention.end, text: mention.text }, rule: "sources:publisher-self-reference" };
  }
  return null;
}

function ownedBefore(doc: Doc, offset: number): boolean {
  const index = doc.tokens.findIndex((token) => token.start >= offset);
  const sentence = doc.tokens[index]?.sentence;
  for (let i = index - 1, words = 0; i >= 0 && words < SELF_WINDOW; i--) {
    const token = doc.tokens[i] as Token;
    if (token.sentence !== sentence || token.kind === "punctuation") return false;
    if (OWN.has(token.keys?.fold ?? "")) return true;
    words++;
  }
  return false;
}
