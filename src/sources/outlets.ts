/**
 * The outlet registry (data/outlets/outlets.tsv): news organisations with the
 * names and web domains that identify them, who owns them and how they are
 * aligned. It answers which outlet published a report (from its URL or its
 * metadata) and which outlets the report cites (from its text). The file is
 * reviewed by hand, so a row that does not parse stops the load with the
 * file, the line and what to fix, never a skipped row.
 */
import { fileURLToPath } from "node:url";
import countryCodes from "i18n-iso-countries";
import { iso6393To1 } from "iso-639-3";
import { ACTORS_FILE, readActorDictionary } from "../actors/dictionary.js";
import { type DataRow, dataFileError, readDataFile, requiredField } from "../gazetteer/data-files.js";
import type { Doc, Token } from "../model/document.js";
import type { Span } from "../model/span.js";
import { foldKey } from "../text/normalise/index.js";
import { longestMatches, phraseWords, PhraseMatcher, type PhraseMatch } from "../text/phrases.js";

/** The project's outlet file, relative to this file in src/ and in dist/ alike. */
export const OUTLETS_FILE = fileURLToPath(new URL("../../data/outlets/outlets.tsv", import.meta.url));

export const OUTLET_ALIGNMENTS = ["state-owned", "party-affiliated", "armed-group-affiliated", "independent", "wire", "public-service", "unknown"] as const;
export type OutletAlignment = (typeof OUTLET_ALIGNMENTS)[number];

export const OUTLET_KINDS = ["wire", "broadcaster", "newspaper", "online", "agency", "magazine", "monitor", "group-media"] as const;
export type OutletKind = (typeof OUTLET_KINDS)[number];

export const OUTLET_OWNERSHIPS = ["state", "public", "private", "party", "armed-group", "religious", "ngo", "unknown"] as const;
export type OutletOwnership = (typeof OUTLET_OWNERSHIPS)[number];

export interface OutletName {
  /** ISO 639 code from the `lang:` prefix; null for a name given without one (acronyms such as "AFP"). */
  language: string | null;
  name: string;
}

export interface OutletDefinition {
  id: string;
  name: string;
  names: OutletName[];
  /** Hosts without scheme or "www.", some with a path prefix ("france24.com/ar"). */
  domains: string[];
  /** ISO 3166-1 alpha-2 of the outlet's seat; "" only for an armed group's media with no fixed seat. */
  country: string;
  /** ISO 639-1 codes of the languages it publishes in. */
  languages: string[];
  kind: OutletKind;
  ownership: OutletOwnership;
  /** Id of the media group that owns the outlet ("bbc", "france-medias-monde"), when it owns others in the registry or is known for sure; outlets of one owner are not independent of each other. */
  owner: string | null;
  alignment: OutletAlignment;
  /** Actor id (data/actors/actors.tsv) of the party, armed group or state body the outlet belongs to. */
  affiliation: string | null;
  source: string;
  line: number;
}

export interface OutletMention extends Span {
  text: string;
  outlet: OutletDefinition;
}

const HEADER = ["id", "name", "names", "domains", "country", "languages", "kind", "ownership", "owner", "alignment", "affiliation", "source"] as const;
type Column = (typeof HEADER)[number];

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const COUNTRY = /^[A-Z]{2}$/;
const LANGUAGE_PREFIX = /^([a-z]{2,3}):(.*)$/su;
/** A host name, optionally followed by a path prefix without a trailing slash. */
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?:\/[a-z0-9._~%-]+)*$/;
const URL_IN_SOURCE = /https?:\/\/\S+/;
const ARABIC = /\p{Script=Arabic}/u;
const LATIN = /\p{Script=Latin}/u;

const ISO_639_1: ReadonlySet<string> = new Set(Object.values(iso6393To1));

/** Outlets from `file` (data/outlets/outlets.tsv), in file order; affiliations are checked against `actorIds` (by default the ids of data/actors/actors.tsv). */
export function readOutletRegistry(file: string = OUTLETS_FILE, actorIds?: ReadonlySet<string>): OutletDefinition[] {
  const rows = readDataFile(file, HEADER);
  const outlets: OutletDefinition[] = [];
  const idLine = new Map<string, number>();
  const domainOwner = new Map<string, { id: string; line: number }>();
  let actors = actorIds ?? null;
  for (const row of rows) {
    const id = requiredField(row, "id");
    if (!SLUG.test(id)) throw dataFileError(row, `id must be a lowercase slug ([a-z0-9] words joined by "-"), not ${JSON.stringify(id)}`);
    const first = idLine.get(id);
    if (first !== undefined) throw dataFileError(row, `outlet "${id}": id already used on line ${first}`);
    idLine.set(id, row.line);
    const problem = (text: string) => dataFileError(row, `outlet "${id}": ${text}`);

    const name = requiredField(row, "name");
    const source = row.values.source;
    if (source === "") throw problem("source is empty: every row needs a reference a reviewer can check");
    if (!URL_IN_SOURCE.test(source)) throw problem(`source must include a URL a reviewer can open, found ${JSON.stringify(source)}`);

    const kind = oneOf(row, "kind", OUTLET_KINDS, problem);
    const ownership = oneOf(row, "ownership", OUTLET_OWNERSHIPS, problem);
    const alignment = oneOf(row, "alignment", OUTLET_ALIGNMENTS, problem);
    if (ownership === "party" && alignment !== "party-affiliated") throw problem(`ownership "party" needs alignment "party-affiliated", not "${alignment}"`);
    if (ownership === "armed-group" && alignment !== "armed-group-affiliated") throw problem(`ownership "armed-group" needs alignment "armed-group-affiliated", not "${alignment}"`);
    if (alignment === "public-service" && ownership !== "public") throw problem(`alignment "public-service" needs ownership "public", not "${ownership}"`);

    const country = row.values.country;
    if (country === "") {
      if (kind !== "group-media") throw problem("country is empty: only an armed group's or party's own media may have no seat");
    } else if (!COUNTRY.test(country) || !countryCodes.isValid(country)) {
      throw problem(`country must be an ISO 3166-1 alpha-2 code, not ${JSON.stringify(country)}`);
    }

    const languages = listField(row, "languages", problem);
    if (languages.length === 0) throw problem("languages is empty: list the ISO 639-1 codes the outlet publishes in");
    for (const language of languages) if (!ISO_639_1.has(language)) throw problem(`languages: ${JSON.stringify(language)} is not an ISO 639-1 code`);

    const domains = listField(row, "domains", problem);
    for (const domain of domains) {
      if (!DOMAIN.test(domain)) throw problem(`domains: expected a lowercase host without scheme, "www." or trailing "/" (a path prefix is allowed: "france24.com/ar"), found ${JSON.stringify(domain)}`);
      if (domain.startsWith("www.")) throw problem(`domains: write ${JSON.stringify(domain.slice(4))} without "www."`);
      const owner = domainOwner.get(domain);
      if (owner !== undefined) throw problem(`domain ${JSON.stringify(domain)} is already given to "${owner.id}" on line ${owner.line}`);
      domainOwner.set(domain, { id, line: row.line });
    }

    const owner = row.values.owner;
    if (owner !== "" && !SLUG.test(owner)) throw problem(`owner must be a lowercase slug ([a-z0-9] words joined by "-"), not ${JSON.stringify(owner)}`);

    const affiliation = row.values.affiliation;
    if (affiliation === "") {
      if (alignment === "armed-group-affiliated") throw problem("affiliation is empty: an armed-group-affiliated outlet names its group's actor id");
    } else {
      if (alignment !== "party-affiliated" && alignment !== "armed-group-affiliated" && alignment !== "state-owned") {
        throw problem(`affiliation is only for party-affiliated, armed-group-affiliated and state-owned outlets, not ${alignment} ones`);
      }
      actors ??= new Set(readActorDictionary(ACTORS_FILE).map((actor) => actor.id));
      if (!actors.has(affiliation)) throw problem(`affiliation "${affiliation}" is not an actor id in data/actors/actors.tsv`);
    }

    outlets.push({
      id,
      name,
      names: namesField(row, problem),
      domains,
      country,
      languages,
      kind,
      ownership,
      owner: owner === "" ? null : owner,
      alignment,
      affiliation: affiliation === "" ? null : affiliation,
      source,
      line: row.line,
    });
  }
  return outlets;
}

function oneOf<T extends string>(row: DataRow<Column>, column: Column, allowed: readonly T[], problem: (text: string) => Error): T {
  const value = row.values[column];
  if (!(allowed as readonly string[]).includes(value)) throw problem(`${column} must be one of ${allowed.join(", ")}, not ${JSON.stringify(value)}`);
  return value as T;
}

/** A `|`-separated field; an empty field is an empty list, an empty entry is an error. */
function listField(row: DataRow<Column>, column: Column, problem: (text: string) => Error): string[] {
  const value = row.values[column];
  if (value === "") return [];
  const entries = value.split("|").map((entry) => entry.trim());
  if (entries.includes("")) throw problem(`${column} has an empty entry (a doubled or trailing "|")`);
  return entries;
}

/** "en:Al-Manar|ar:المنار|AFP": an entry without a language prefix is a name used in every language. */
function namesField(row: DataRow<Column>, problem: (text: string) => Error): OutletName[] {
  const names: OutletName[] = [];
  for (const entry of listField(row, "names", problem)) {
    const prefixed = LANGUAGE_PREFIX.exec(entry);
    const language = prefixed ? (prefixed[1] as string) : null;
    const name = prefixed ? (prefixed[2] as string).trim() : entry;
    if (name === "") throw problem(`names: ${JSON.stringify(entry)} has a language but no name`);
    if (language !== null && !ISO_639_1.has(language)) throw problem(`names: ${JSON.stringify(language)} in ${JSON.stringify(entry)} is not an ISO 639-1 code`);
    if (language === "ar" && !ARABIC.test(name)) throw problem(`names: ${JSON.stringify(entry)} is marked Arabic but has no Arabic letters`);
    if ((language === "en" || language === "fr") && ARABIC.test(name)) throw problem(`names: ${JSON.stringify(entry)} is marked ${language} but is in Arabic script`);
    if (phraseWords(name).length === 0) throw problem(`names: ${JSON.stringify(entry)} has no words`);
    if (names.some((known) => known.language === language && known.name === name)) throw problem(`names: ${JSON.stringify(entry)} is listed twice`);
    names.push({ language, name });
  }
  return names;
}

/** One name of one outlet as the matcher compares it with a text. */
interface OutletForm {
  outlet: OutletDefinition;
  /** The words as the registry writes them, aligned with `phraseWords(form)`. */
  written: string[];
  /** Words that must appear exactly as written: short all-capital words ("AFP", "SANA") and one-word names of up to five letters ("dpa", "Dawn"). */
  asWritten: boolean[];
  /** Words that must start with a capital in the text: every capitalised word but an article ("The", "Al", "Le") or a generic word ("News", "Agency"). */
  capitalised: boolean[];
  /** A name with a single distinctive word ("Reuters", "The Guardian", "Le Monde") may not run on into a longer proper name ("Reuters Institute", "the Guardian Council"). */
  standalone: boolean;
  /** Matched through an English possessive ("Al Jazeera's"): the last token carries "'s", which the mention leaves out. */
  possessive: boolean;
}

/** Articles that a name may write with a capital and a text without ("Al-Manar" / "al-Manar", "The Guardian" / "the Guardian"). */
const ARTICLES: ReadonlySet<string> = new Set(["the", "le", "la", "les", "l'", "al", "el", "an", "ad", "ar", "as", "at", "az", "ash", "ech", "der", "die", "das", "il", "lo"]);
/**
 * Capitalised words that may follow a standalone name without making it part of a longer proper name: dates ("told
 * Reuters Monday") and the words outlets add to their own names ("Al-Manar TV", "Dawn News").
 */
const RUN_ON_ALLOWED: ReadonlySet<string> = new Set([
  ...["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
  ...["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
  ...["tv", "television", "télévision", "radio", "news", "online", "english", "arabic", "arabe", "français", "afrique", "channel", "network", "agency", "digital", "live"],
].map(foldKey));
/** Generic words inside names ("Fars News Agency", "Radio Okapi") that texts write in lower case as often as not; the other capitalised words still count. */
const GENERIC_WORDS: ReadonlySet<string> = new Set(
  ["news", "agency", "agence", "tv", "television", "télévision", "radio", "network", "channel", "chaîne", "daily", "newspaper", "media", "médias", "online", "magazine", "foundation", "fondation", "center", "centre", "website", "site"].map(foldKey),
);
const POSSESSIVE = /['’]s$/u;
const HYPHEN = /^[-‐‑]$/u;
const UPPER_FIRST = /^\p{Lu}/u;
const ALL_CAPITALS = /^(?=.*\p{Lu})[\p{Lu}\p{N}]{2,5}$/u;
const SHORT_NAME = /^[\p{L}\p{N}]{2,5}$/u;

/** Splits a name into words exactly as `phraseWords` does, keeping the case. */
function writtenWords(form: string): string[] {
  const words: string[] = [];
  for (const raw of form.trim().split(/[\s\-‐‑]+/u)) {
    if (raw === "") continue;
    const elided = /^(\p{L}{1,2}['’])(\p{L}.*)$/u.exec(raw);
    if (elided) words.push(elided[1] as string, elided[2] as string);
    else words.push(raw);
  }
  return words;
}

function compileForm(outlet: OutletDefinition, form: string, possessive: boolean): OutletForm {
  const written = writtenWords(form);
  const isArticle = written.map((word) => ARTICLES.has(foldKey(word.replace("’", "'"))));
  const asWritten = written.map((word) => ALL_CAPITALS.test(word) || (written.length === 1 && SHORT_NAME.test(word) && LATIN.test(word)));
  const capitalised = written.map((word, i) => !isArticle[i] && !asWritten[i] && UPPER_FIRST.test(word) && !GENERIC_WORDS.has(foldKey(word)));
  const distinctive = written.filter((_, i) => !isArticle[i]);
  const standalone = distinctive.length === 1 && !ALL_CAPITALS.test(distinctive[0] as string);
  return { outlet, written, asWritten, capitalised, standalone, possessive };
}

/** Lower-cased host and path of a URL or bare domain, without "www."; null when it does not parse. */
function hostAndPath(url: string): { host: string; path: string } | null {
  const trimmed = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`);
  } catch {
    return null;
  }
  const host = parsed.hostname.toLowerCase().replace(/\.$/u, "").replace(/^www\./u, "");
  if (!host.includes(".")) return null;
  return { host, path: parsed.pathname.toLowerCase() };
}

/** The key under which names are compared: fold keys of the words, punctuation aside ("Al-Akhbar (Lebanon)" → "al akhbar lebanon"). */
function nameKey(name: string): string {
  return phraseWords(name.replace(/[^\p{L}\p{M}\p{N}'’\s\-‐‑]+/gu, " "))
    .map((word) => word.text)
    .join(" ");
}

const LOOKS_LIKE_URL = /^(?:[a-z][a-z0-9+.-]*:\/\/)?[^\s/]+\.[a-z]{2,}(?:\/\S*)?$/i;

export class OutletRegistry {
  readonly outlets: readonly OutletDefinition[];
  readonly #byId = new Map<string, OutletDefinition>();
  /** Host → its entries, the longest path prefix first and the bare host last. */
  readonly #byHost = new Map<string, { path: string; outlet: OutletDefinition }[]>();
  /** Folded name → outlet; null where two outlets share the name, which then names neither. */
  readonly #byName = new Map<string, OutletDefinition | null>();
  readonly #matcher = new PhraseMatcher<OutletForm>();

  constructor(outlets: readonly OutletDefinition[]) {
    this.outlets = outlets;
    for (const outlet of outlets) {
      if (this.#byId.has(outlet.id)) throw new Error(`OutletRegistry: expected unique outlet ids, found "${outlet.id}" twice`);
      this.#byId.set(outlet.id, outlet);
      for (const domain of outlet.domains) {
        const slash = domain.indexOf("/");
        const host = slash < 0 ? domain : domain.slice(0, slash);
        const path = slash < 0 ? "" : domain.slice(slash);
        const entries = this.#byHost.get(host) ?? [];
        entries.push({ path, outlet });
        entries.sort((a, b) => b.path.length - a.path.length);
        this.#byHost.set(host, entries);
      }
      const keys = new Set([outlet.id, outlet.name, ...outlet.names.map((entry) => entry.name)].map(nameKey));
      for (const key of keys) {
        if (key === "") continue;
        const known = this.#byName.get(key);
        this.#byName.set(key, known === undefined || known === outlet ? outlet : null);
      }
      const forms = new Set(outlet.names.map((entry) => entry.name));
      for (const form of forms) {
        const words = phraseWords(form);
        this.#matcher.add(words, compileForm(outlet, form, false));
        const last = words[words.length - 1];
        if (last && LATIN.test(form) && /\p{L}$/u.test(form) && !POSSESSIVE.test(form)) {
          this.#matcher.add([...words.slice(0, -1), { text: `${last.text}'s`, prefix: false }], compileForm(outlet, form, true));
        }
      }
    }
  }

  get(id: string): OutletDefinition | undefined {
    return this.#byId.get(id);
  }

  /** The outlet a URL belongs to: its host or any parent domain ("english.almanar.com.lb" → al-manar), the longest listed path prefix first. */
  byUrl(url: string): OutletDefinition | undefined {
    const parsed = hostAndPath(url);
    if (!parsed) return undefined;
    for (let host = parsed.host; host.includes("."); host = host.slice(host.indexOf(".") + 1)) {
      for (const entry of this.#byHost.get(host) ?? []) {
        if (entry.path === "" || parsed.path === entry.path || parsed.path.startsWith(`${entry.path}/`)) return entry.outlet;
      }
    }
    return undefined;
  }

  /** The outlet a metadata string names: an id, a name or a domain, compared folded ("Al-Manar", "almanar.com.lb"). */
  byName(name: string): OutletDefinition | undefined {
    const trimmed = name.trim();
    if (trimmed === "") return undefined;
    const byId = this.#byId.get(trimmed);
    if (byId) return byId;
    if (LOOKS_LIKE_URL.test(trimmed)) {
      const byUrl = this.byUrl(trimmed);
      if (byUrl) return byUrl;
    }
    return this.#byName.get(nameKey(trimmed)) ?? undefined;
  }

  /**
   * Every mention of an outlet name in a document, in text order. Overlapping
   * names keep the longest ("The Times of Israel" over "The Times"). Short
   * all-capital names match only as written, capitalised words only where the
   * text capitalises them, and a one-word name not where it runs on into a
   * longer proper name.
   */
  mentions(doc: Doc): OutletMention[] {
    const text = doc.document.text;
    const accepted: PhraseMatch<OutletForm>[] = [];
    for (const match of this.#matcher.matchAll(doc)) {
      if (!writtenAsListed(doc, match)) continue;
      if (match.value.possessive) match.end -= 2;
      accepted.push(match);
    }
    return longestMatches(accepted).map((match) => ({ start: match.start, end: match.end, text: text.slice(match.start, match.end), outlet: match.value.outlet }));
  }
}

function writtenAsListed(doc: Doc, match: PhraseMatch<OutletForm>): boolean {
  const form = match.value;
  const words: Token[] = [];
  for (let i = match.first; i <= match.last; i++) {
    const token = doc.tokens[i] as Token;
    if (token.kind === "word" || token.kind === "number") words.push(token);
  }
  if (words.length !== form.written.length) return true;
  for (const [i, token] of words.entries()) {
    const written = form.possessive && i === words.length - 1 ? token.text.replace(POSSESSIVE, "") : token.text;
    if (form.asWritten[i] && written !== form.written[i]) return false;
    if (form.capitalised[i] && !UPPER_FIRST.test(written)) return false;
  }
  if (form.standalone && !form.possessive) {
    const next = runOnWord(doc, match.last);
    if (next && UPPER_FIRST.test(next.text) && !RUN_ON_ALLOWED.has(next.keys?.fold ?? foldKey(next.text))) return false;
  }
  return true;
}

/** The word a name runs on into: the next word of the sentence across one space ("Guardian Council") or one hyphen ("Croix-Rouge"), not across an apostrophe ("Reuters' Beirut bureau"). */
function runOnWord(doc: Doc, last: number): Token | null {
  const { tokens } = doc;
  const text = doc.document.text;
  const end = (tokens[last] as Token).end;
  const sentence = (tokens[last] as Token).sentence;
  let next = tokens[last + 1];
  if (next && HYPHEN.test(next.text) && next.start === end) {
    const after = tokens[last + 2];
    next = after && after.start === next.end ? after : undefined;
  } else if (next && !/^\s$/u.test(text.slice(end, next.start))) {
    next = undefined;
  }
  return next && next.kind === "word" && next.sentence === sentence ? next : null;
}
