/**
 * Source resolution: what a source span names, and who relays it. Outlets
 * resolve through the registry and are recorded once; "notre correspondant"
 * is the publisher's reporter; "cette télévision" points back to the outlet
 * named last; "des sources" is anonymous; an actor speaks as itself. Every
 * cited source is relayed by the outlet it spoke to ("… pour al-Akhbar",
 * "told Reuters") or else by the publisher.
 */
import type { OutletInfo, SourceRecord, TextSpan } from "../model/analysis.js";
import type { Doc, Token } from "../model/document.js";
import type { Span } from "../model/span.js";
import { firstTokenAt, longestMatches, type PhraseMatcher } from "../text/phrases.js";
import type { OutletDefinition, OutletRegistry } from "./outlets.js";
import type { Publisher } from "./publisher.js";
import type { SourceKind } from "./source-kinds.js";

type OutletMention = ReturnType<OutletRegistry["mentions"]>[number];

/** Words that introduce whom a source spoke to: "pour le correspondant de…", "told Reuters", "لـ". Source: curated by the project. */
const RECIPIENT: ReadonlySet<string> = new Set(["pour", "a", "au", "aupres", "to", "told", "lors", "ل", "لـ"]);
/** How far after a source its recipient may be named, in words. */
const RECIPIENT_WINDOW = 14;
/** Source words that speak for the publisher itself: "notre correspondant", "our reporter". */
const OWN = /^(notre|nos|our)\b|نا$/u;

export class SourceResolver {
  readonly #doc: Doc;
  readonly #kinds: PhraseMatcher<SourceKind>;
  readonly #mentions: readonly OutletMention[];
  readonly #records: SourceRecord[] = [];
  readonly #byOutlet = new Map<string, string>();
  readonly #reporters = new Map<string, string>();
  readonly publisherId: string | null;

  constructor(doc: Doc, kinds: PhraseMatcher<SourceKind>, mentions: readonly OutletMention[], publisher: Publisher | null) {
    this.#doc = doc;
    this.#kinds = kinds;
    this.#mentions = mentions;
    this.publisherId = publisher
      ? this.#add({ kind: "publisher", name: publisher.outlet.name, span: publisher.span, outlet: publisher.outlet, via: null, actor: null, by: publisher.rule })
      : null;
    if (publisher && this.publisherId) this.#byOutlet.set(publisher.outlet.id, this.publisherId);
  }

  records(): SourceRecord[] {
    return this.#records;
  }

  /** The id of the source a span names, recording it if it is new. */
  resolve(span: TextSpan, cue: TextSpan): string {
    const text = this.#doc.document.text;
    const kind = longestMatches(this.#kinds.matchAll(this.#doc, span))[0]?.value ?? null;
    const outlet = [...this.#mentions].reverse().find((mention) => mention.start >= span.start && mention.end <= span.end);

    if (kind === "own-outlet" && this.publisherId) return this.publisherId;
    if (kind === "reporter") {
      const own = OWN.test(span.text.trim().toLowerCase()) || (outlet !== undefined && this.#byOutlet.get(outlet.outlet.id) === this.publisherId);
      const employer = own || outlet === undefined ? this.publisherId : this.#outletSource(outlet.outlet, outlet, "sources:outlet");
      return this.#reporter(employer, span, own ? "sources:own-reporter" : "sources:outlet-reporter");
    }
    if (outlet) return this.#outletSource(outlet.outlet, outlet, "sources:outlet");
    if (kind === "outlet-anaphor") {
      const antecedent = [...this.#mentions].reverse().find((mention) => mention.end <= span.start && this.#byOutlet.get(mention.outlet.id) !== this.publisherId);
      if (antecedent) return this.#outletSource(antecedent.outlet, null, "sources:outlet-anaphor");
    }
    const via = this.#recipient(span, cue) ?? this.publisherId;
    const actor = this.#doc.actors.find((mention) => mention.start >= span.start && mention.end <= span.end);
    if (kind !== null && kind !== "outlet-anaphor" && kind !== "own-outlet") {
      return this.#add({ kind, name: text.slice(span.start, span.end), span, outlet: null, via, actor: actor?.id ?? null, by: `sources:${kind}` });
    }
    if (actor?.resolved) {
      const official = actor.resolved.type === 1 || actor.resolved.type === 8;
      return this.#add({ kind: official ? "official" : "organisation", name: actor.resolved.name, span, outlet: null, via, actor: actor.id, by: "sources:actor" });
    }
    return this.#add({ kind: "person", name: text.slice(span.start, span.end), span, outlet: null, via, actor: null, by: "sources:named" });
  }

  /** An outlet is one source however often it is cited; it is relayed by the publisher. */
  #outletSource(outlet: OutletDefinition, mention: OutletMention | null, by: string): string {
    const known = this.#byOutlet.get(outlet.id);
    if (known) return known;
    const id = this.#add({ kind: "outlet", name: outlet.name, span: mention, outlet, via: this.publisherId, actor: null, by });
    this.#byOutlet.set(outlet.id, id);
    return id;
  }

  #reporter(employer: string | null, span: TextSpan, by: string): string {
    const key = employer ?? "";
    const known = this.#reporters.get(key);
    if (known) return known;
    const name = employer ? `${this.#records.find((record) => record.id === employer)?.name ?? "the outlet"}'s correspondent` : "a correspondent";
    const id = this.#add({ kind: "reporter", name, span, outlet: null, via: employer, actor: null, by });
    this.#reporters.set(key, id);
    return id;
  }

  /** "ont confié des résistants pour le correspondant de … al-Mayadeen": the outlet the source spoke to relays it. */
  #recipient(span: Span, cue: Span): string | null {
    const { tokens } = this.#doc;
    const after = Math.max(span.end, cue.end);
    const first = firstTokenAt(tokens, after);
    if (first >= tokens.length) return null;
    const sentence = (tokens[first] as Token).sentence;
    // "told Reuters": the cue itself names the hearer; "لوكالة فرانس برس": the preposition is a clitic of the name.
    const cueWords = this.#doc.document.text.slice(cue.start, cue.end).toLowerCase().split(/\s+/u);
    const token = tokens[first] as Token;
    const clitic = token.stem ? this.#doc.document.text.slice(token.start, token.stem.start) : "";
    const marked = RECIPIENT.has(token.keys?.fold ?? "") || /^و?ل$/u.test(clitic) || (span.end <= cue.start && RECIPIENT.has(cueWords.at(-1) ?? ""));
    if (!marked) return null;
    const limit = tokens[Math.min(tokens.length - 1, first + RECIPIENT_WINDOW)] as Token;
    const mention = this.#mentions.find((candidate) => {
      if (candidate.start < token.start || candidate.end > limit.end) return false;
      const opening = tokens[firstTokenAt(tokens, candidate.start)];
      return opening !== undefined && opening.start === candidate.start && opening.sentence === sentence;
    });
    if (!mention) return null;
    const reporterWords = longestMatches(this.#kinds.matchAll(this.#doc, { start: (tokens[first] as Token).start, end: mention.start })).some((match) => match.value === "reporter");
    const outlet = this.#outletSource(mention.outlet, mention, "sources:outlet");
    return reporterWords ? this.#reporter(outlet, { start: (tokens[first] as Token).start, end: mention.end, text: this.#doc.document.text.slice((tokens[first] as Token).start, mention.end) }, "sources:outlet-reporter") : outlet;
  }

  #add(init: { kind: string; name: string; span: (Span & { text?: string }) | null; outlet: OutletDefinition | null; via: string | null; actor: string | null; by: string }): string {
    const id = `s${this.#records.length + 1}`;
    const text = this.#doc.document.text;
    this.#records.push({
      id,
      kind: init.kind,
      name: init.name,
      text: init.span ? text.slice(init.span.start, init.span.end) : null,
      start: init.span?.start ?? null,
      end: init.span?.end ?? null,
      outlet: init.outlet ? outletInfo(init.outlet) : null,
      via: init.via,
      actor: init.actor,
      by: init.by,
    });
    return id;
  }
}

function outletInfo(outlet: OutletDefinition): OutletInfo {
  return { id: outlet.id, country: outlet.country, alignment: outlet.alignment, affiliation: outlet.affiliation };
}
