/**
 * The actor dictionary (data/actors/actors.tsv): named actors with their
 * English, French and Arabic names and the labels particular outlets give
 * them; and the generic agents (data/actors/generic-actors.tsv): the nouns
 * the press uses for an actor it does not name. Both files are reviewed by
 * hand, so a row that does not parse stops the load with the file, the line
 * and what to fix, never a skipped row.
 */
import { fileURLToPath } from "node:url";
import { type DataRow, dataFileError, readDataFile, requiredField } from "../gazetteer/data-files.js";

/** The project's actor files, relative to this file in src/ and in dist/ alike. */
export const ACTORS_FILE = fileURLToPath(new URL("../../data/actors/actors.tsv", import.meta.url));
export const GENERIC_ACTORS_FILE = fileURLToPath(new URL("../../data/actors/generic-actors.tsv", import.meta.url));

/** ACLED inter codes: 1 state forces, 2 rebel groups, 3 political militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces. */
export type ActorType = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
export type ActorLanguage = "en" | "fr" | "ar";

export const ACTOR_LANGUAGES: readonly ActorLanguage[] = ["en", "fr", "ar"];

export interface ActorName {
  language: ActorLanguage;
  name: string;
}

export interface OutletLabel {
  outlet: string;
  label: string;
}

export interface ActorDefinition {
  id: string;
  name: string;
  type: ActorType;
  /** ISO 3166-1 alpha-2; null for transnational actors. */
  country: string | null;
  parent: string | null;
  /** Years of activity; null where the row leaves the bound open or unknown. */
  active: { from: number | null; to: number | null };
  /** Every en/fr/ar form, the canonical name included once (as English). */
  names: ActorName[];
  outletLabels: OutletLabel[];
  source: string;
}

export interface GenericActorDefinition {
  language: ActorLanguage;
  forms: string[];
  kind: string;
  type: ActorType;
  /** ACLED-style display name; `{country}` stands for the country's English name. */
  name: string;
  source: string;
}

const ACTOR_HEADER = ["id", "name", "type", "country", "parent", "active", "en", "fr", "ar", "outlet_labels", "source"] as const;
const GENERIC_HEADER = ["lang", "forms", "kind", "type", "name", "source"] as const;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const COUNTRY = /^[A-Z]{2}$/;
const ACTIVE = /^(\d{4})-(\d{4})?$/;
const PLACEHOLDER = /\{([^}]*)\}/g;

/** Named actors from `file` (data/actors/actors.tsv), in file order. */
export function readActorDictionary(file: string = ACTORS_FILE): ActorDefinition[] {
  const rows = readDataFile(file, ACTOR_HEADER);
  const actors: ActorDefinition[] = [];
  const lineOf = new Map<string, DataRow<(typeof ACTOR_HEADER)[number]>>();
  for (const row of rows) {
    const id = requiredField(row, "id");
    if (!SLUG.test(id)) throw dataFileError(row, `id must be a lowercase slug ([a-z0-9] words joined by "-"), not ${JSON.stringify(id)}`);
    const first = lineOf.get(id);
    if (first !== undefined) throw dataFileError(row, `actor "${id}": id already used on line ${first.line}`);
    lineOf.set(id, row);
    const problem = (text: string) => dataFileError(row, `actor "${id}": ${text}`);

    const name = requiredField(row, "name");
    const source = row.values.source;
    if (source === "") throw problem("source is empty: every row needs a reference a reviewer can check");
    const country = row.values.country;
    if (country !== "" && !COUNTRY.test(country)) throw problem(`country must be an ISO 3166-1 alpha-2 code (two capital letters) or empty, not ${JSON.stringify(country)}`);
    const parent = row.values.parent;
    if (parent === id) throw problem("parent is the actor itself");

    const names: ActorName[] = [{ language: "en", name }];
    for (const language of ACTOR_LANGUAGES) {
      for (const form of listField(row, language, problem)) {
        if (!names.some((known) => known.language === language && known.name === form)) names.push({ language, name: form });
      }
    }

    actors.push({
      id,
      name,
      type: actorType(row.values.type, problem),
      country: country === "" ? null : country,
      parent: parent === "" ? null : parent,
      active: activeField(row.values.active, problem),
      names,
      outletLabels: listField(row, "outlet_labels", problem).map((entry) => outletLabel(entry, problem)),
      source,
    });
  }
  for (const actor of actors) {
    if (actor.parent === null) continue;
    const row = lineOf.get(actor.id);
    if (row === undefined) throw new Error(`actor "${actor.id}" lost its row`);
    if (!lineOf.has(actor.parent)) throw dataFileError(row, `actor "${actor.id}": parent "${actor.parent}" is not the id of a row in this file`);
  }
  const cycle = parentCycle(actors);
  if (cycle !== null) {
    const row = lineOf.get(cycle[0] ?? "");
    throw dataFileError(row ?? { file, line: 1 }, `parents form a cycle: ${cycle.join(" → ")}`);
  }
  return actors;
}

/** Generic agents from `file` (data/actors/generic-actors.tsv), in file order. */
export function readGenericActors(file: string = GENERIC_ACTORS_FILE): GenericActorDefinition[] {
  const rows = readDataFile(file, GENERIC_HEADER);
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const language = requiredField(row, "lang");
    if (!isLanguage(language)) throw dataFileError(row, `lang must be one of ${ACTOR_LANGUAGES.join(", ")}, not ${JSON.stringify(language)}`);
    const kind = requiredField(row, "kind");
    if (!SLUG.test(kind)) throw dataFileError(row, `kind must be a lowercase slug, not ${JSON.stringify(kind)}`);
    const problem = (text: string) => dataFileError(row, `${language} "${kind}": ${text}`);
    const key = `${language}/${kind}`;
    const first = seen.get(key);
    if (first !== undefined) throw problem(`the same language and kind are already on line ${first}`);
    seen.set(key, row.line);
    if (row.values.source === "") throw problem("source is empty: every row needs a reference a reviewer can check");
    const name = row.values.name;
    if (name === "") throw problem("name (the display-name template) is empty");
    for (const [, placeholder] of name.matchAll(PLACEHOLDER)) {
      if (placeholder !== "country") throw problem(`name may only use the placeholder {country}, not {${placeholder}}`);
    }
    const forms = listField(row, "forms", problem);
    if (forms.length === 0) throw problem("forms is empty");
    return { language, forms, kind, type: actorType(row.values.type, problem), name, source: row.values.source };
  });
}

function isLanguage(value: string): value is ActorLanguage {
  return (ACTOR_LANGUAGES as readonly string[]).includes(value);
}

function actorType(value: string, problem: (text: string) => Error): ActorType {
  if (!/^[1-8]$/.test(value)) throw problem(`type must be an ACLED inter code from 1 to 8, not ${JSON.stringify(value)}`);
  return Number(value) as ActorType;
}

function activeField(value: string, problem: (text: string) => Error): ActorDefinition["active"] {
  if (value === "") return { from: null, to: null };
  const match = ACTIVE.exec(value);
  if (match === null) throw problem(`active must be "YYYY-YYYY", "YYYY-" or empty, not ${JSON.stringify(value)}`);
  const from = Number(match[1]);
  const to = match[2] === undefined ? null : Number(match[2]);
  if (to !== null && to < from) throw problem(`active ends (${to}) before it starts (${from})`);
  return { from, to };
}

/** A `|`-separated field; an empty field is an empty list, an empty entry is an error. */
function listField<Column extends string>(row: DataRow<Column>, column: Column, problem: (text: string) => Error): string[] {
  const value = row.values[column];
  if (value === "") return [];
  const entries = value.split("|").map((entry) => entry.trim());
  if (entries.includes("")) throw problem(`${column} has an empty entry (a doubled or trailing "|")`);
  return entries;
}

function outletLabel(entry: string, problem: (text: string) => Error): OutletLabel {
  const colon = entry.indexOf(":");
  const outlet = entry.slice(0, colon).trim();
  const label = entry.slice(colon + 1).trim();
  if (colon < 0 || !SLUG.test(outlet) || label === "") throw problem(`outlet_labels: expected outlet-id:label, found ${JSON.stringify(entry)}`);
  return { outlet, label };
}

/** The first chain of ids that leads back to itself through parents, or null. */
function parentCycle(actors: readonly ActorDefinition[]): string[] | null {
  const parentOf = new Map(actors.map((actor) => [actor.id, actor.parent]));
  const cleared = new Set<string>();
  for (const actor of actors) {
    const path: string[] = [];
    let id: string | null = actor.id;
    while (id !== null && !cleared.has(id)) {
      const at = path.indexOf(id);
      if (at >= 0) return [...path.slice(at), id];
      path.push(id);
      id = parentOf.get(id) ?? null;
    }
    for (const step of path) cleared.add(step);
  }
  return null;
}
