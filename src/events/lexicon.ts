/**
 * The event lexicons: triggers (words that report an occurrence), cues (words
 * that change which sub-type an occurrence is but never make one alone) and
 * modality cues (words that say it did not, will or might happen, or is only
 * reported). Both files are reviewed by hand (data/lexicons/README.md), so a
 * row that does not parse stops the build with the file, line and problem.
 *
 * Forms are read by `text/lexicon-forms.ts`.
 */
import { fileURLToPath } from "node:url";
import { dataFileError, readDataFile, requiredField, type DataRow } from "../gazetteer/data-files.js";
import type { EventScope, Modality } from "../model/analysis.js";
import { patternKey, patternsField, weightField, type LexiconLanguage, type LexiconPattern } from "../text/lexicon-forms.js";

export type { LexiconLanguage, LexiconPattern, LexiconWord } from "../text/lexicon-forms.js";

export const EVENT_TRIGGERS_FILE = fileURLToPath(new URL("../../data/lexicons/event-triggers.tsv", import.meta.url));
export const MODALITY_CUES_FILE = fileURLToPath(new URL("../../data/lexicons/modality-cues.tsv", import.meta.url));

export const LEXICON_LANGUAGES: readonly LexiconLanguage[] = ["en", "fr", "ar"];

export type AcledEventType = "Battles" | "Explosions/Remote violence" | "Violence against civilians" | "Protests" | "Riots" | "Strategic developments";

/** ACLED's sub-event types, spelt as ACLED writes them (ACLED Codebook 2023), each with its event type. */
export const ACLED_EVENT_TYPE = {
  "Armed clash": "Battles",
  "Government regains territory": "Battles",
  "Non-state actor overtakes territory": "Battles",
  "Chemical weapon": "Explosions/Remote violence",
  "Air/drone strike": "Explosions/Remote violence",
  "Suicide bomb": "Explosions/Remote violence",
  "Shelling/artillery/missile attack": "Explosions/Remote violence",
  "Remote explosive/landmine/IED": "Explosions/Remote violence",
  Grenade: "Explosions/Remote violence",
  "Sexual violence": "Violence against civilians",
  Attack: "Violence against civilians",
  "Abduction/forced disappearance": "Violence against civilians",
  "Peaceful protest": "Protests",
  "Protest with intervention": "Protests",
  "Excessive force against protesters": "Protests",
  "Violent demonstration": "Riots",
  "Mob violence": "Riots",
  Agreement: "Strategic developments",
  Arrests: "Strategic developments",
  "Change to group/activity": "Strategic developments",
  "Disrupted weapons use": "Strategic developments",
  "Headquarters or base established": "Strategic developments",
  "Looting/property destruction": "Strategic developments",
  "Non-violent transfer of territory": "Strategic developments",
  Other: "Strategic developments",
} as const satisfies Record<string, AcledEventType>;

export type AcledSubEventType = keyof typeof ACLED_EVENT_TYPE;
export type OtherScope = Exclude<EventScope, "acled">;
export type EventCategory = AcledSubEventType | OtherScope;

export const ACLED_SUB_EVENT_TYPES = Object.keys(ACLED_EVENT_TYPE) as AcledSubEventType[];
export const OTHER_SCOPES: readonly OtherScope[] = ["diplomatic", "claim", "political", "organised-crime", "natural-disaster", "man-made-disaster"];
export const EVENT_CATEGORIES: readonly EventCategory[] = [...ACLED_SUB_EVENT_TYPES, ...OTHER_SCOPES];

/**
 * PLOVER event types and their modes, as the PLOVER codebook's 2021 revision
 * names them (the structured codebook distributed with NGEC). That revision
 * folded the older FIGHT into ASSAULT, DEMAND into REQUEST, and DISAPPROVE and
 * INVESTIGATE into ACCUSE, so rows that use the old names are refused with the
 * new one.
 */
export const PLOVER_MODES = {
  AGREE: [],
  CONSULT: ["visit", "third-party", "multilateral", "phone"],
  SUPPORT: [],
  CONCEDE: [],
  COOPERATE: [],
  AID: [],
  RETREAT: ["withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"],
  REQUEST: ["assist", "change", "yield", "meet"],
  ACCUSE: ["disapprove", "investigate", "allege"],
  REJECT: ["assist", "change", "yield", "meet"],
  THREATEN: ["restrict", "ban", "arrest", "relations", "rights", "expel", "territory", "violence"],
  PROTEST: ["demo", "riot", "strike", "hunger", "boycott", "obstruct"],
  SANCTION: ["convict", "expel", "withdraw", "discontinue"],
  MOBILIZE: ["troops", "weapons", "police", "militia"],
  COERCE: ["seize", "restrict", "ban", "censor", "curfew", "arrest", "deport", "withhold", "misinformation", "cyber"],
  ASSAULT: [
    "abduct",
    "beat",
    "torture",
    "execute",
    "sexual",
    "assassinate",
    "destroy",
    "primitive",
    "firearms",
    "explosives",
    "suicide-attack",
    "aerial",
    "drone",
    "heavy-weapons",
    "crowd-control",
    "cleansing",
    "massacre",
    "unconventional",
  ],
} as const satisfies Record<string, readonly string[]>;

export type PloverType = keyof typeof PLOVER_MODES;

const RENAMED_PLOVER_TYPES: Readonly<Record<string, string>> = {
  FIGHT: "ASSAULT",
  DEMAND: "REQUEST",
  DISAPPROVE: "ACCUSE with mode disapprove",
  INVESTIGATE: "ACCUSE with mode investigate",
};

/**
 * Scopes PLOVER has no event type for (a claim of responsibility, a robbery,
 * an earthquake, a train crash): their triggers may leave `plover` empty.
 * Every other trigger must name one.
 */
const PLOVER_OPTIONAL: ReadonlySet<EventCategory> = new Set<EventCategory>(["claim", "organised-crime", "natural-disaster", "man-made-disaster"]);

export interface TriggerEntry {
  language: LexiconLanguage;
  role: "trigger" | "cue";
  patterns: LexiconPattern[];
  category: EventCategory;
  plover: PloverType | null;
  mode: string | null;
  weight: 1 | 2 | 3;
  source: string;
  line: number;
}

export type CueModality = Exclude<Modality, "asserted">;
/** Where a cue sits relative to its trigger; `adjacent`: right beside it, as an adjective on the event noun ("the alleged massacre", "le prétendu massacre"). */
export type CuePosition = "before" | "after" | "sentence" | "adjacent";

export interface ModalityCue {
  language: LexiconLanguage;
  patterns: LexiconPattern[];
  modality: CueModality;
  position: CuePosition;
  source: string;
  line: number;
}

const TRIGGER_HEADER = ["lang", "role", "forms", "category", "plover", "mode", "weight", "source"] as const;
const MODALITY_HEADER = ["lang", "forms", "modality", "position", "source"] as const;
const MODALITIES: readonly CueModality[] = ["negated", "future", "hypothetical", "reported"];
const POSITIONS: readonly CuePosition[] = ["before", "after", "sentence", "adjacent"];

export function readEventTriggers(file: string = EVENT_TRIGGERS_FILE): TriggerEntry[] {
  const listed = new Map<string, number>();
  return readDataFile(file, TRIGGER_HEADER).map((row) => {
    const language = languageField(row);
    const role = oneOf(row, "role", ["trigger", "cue"] as const);
    const category = oneOf(row, "category", EVENT_CATEGORIES);
    const plover = ploverField(row);
    const mode = modeField(row, plover);
    if (role === "trigger" && plover === null && !PLOVER_OPTIONAL.has(category)) {
      throw dataFileError(row, `plover is empty; a trigger of ${JSON.stringify(category)} must name a PLOVER event type (only ${[...PLOVER_OPTIONAL].join(", ")} may leave it empty)`);
    }
    const patterns = patternsField(row, language);
    for (const pattern of patterns) {
      const key = [language, role, category, patternKey(pattern)].join("\t");
      const first = listed.get(key);
      if (first !== undefined) throw dataFileError(row, `forms: ${JSON.stringify(pattern.form)} is already a ${role} of ${JSON.stringify(category)} on line ${first}`);
      listed.set(key, row.line);
    }
    return { language, role, patterns, category, plover, mode, weight: weightField(row), source: requiredField(row, "source"), line: row.line };
  });
}

export function readModalityCues(file: string = MODALITY_CUES_FILE): ModalityCue[] {
  const listed = new Map<string, number>();
  return readDataFile(file, MODALITY_HEADER).map((row) => {
    const language = languageField(row);
    const modality = oneOf(row, "modality", MODALITIES);
    const patterns = patternsField(row, language);
    for (const pattern of patterns) {
      const key = [language, modality, patternKey(pattern)].join("\t");
      const first = listed.get(key);
      if (first !== undefined) throw dataFileError(row, `forms: ${JSON.stringify(pattern.form)} is already a ${modality} cue on line ${first}`);
      listed.set(key, row.line);
    }
    return { language, patterns, modality, position: oneOf(row, "position", POSITIONS), source: requiredField(row, "source"), line: row.line };
  });
}

function languageField(row: DataRow<"lang">): LexiconLanguage {
  return oneOf(row, "lang", LEXICON_LANGUAGES);
}

function oneOf<Column extends string, Value extends string>(row: DataRow<Column>, column: Column, values: readonly Value[]): Value {
  const value = requiredField(row, column);
  if (!(values as readonly string[]).includes(value)) {
    throw dataFileError(row, `${column}: unknown ${JSON.stringify(value)}; expected one of ${values.map((known) => JSON.stringify(known)).join(", ")}`);
  }
  return value as Value;
}

function ploverField(row: DataRow<"plover">): PloverType | null {
  const value = row.values.plover;
  if (value === "") return null;
  if (Object.hasOwn(PLOVER_MODES, value)) return value as PloverType;
  const renamed = RENAMED_PLOVER_TYPES[value];
  const hint = renamed === undefined ? `expected one of ${Object.keys(PLOVER_MODES).join(", ")}` : `the PLOVER codebook's 2021 revision codes it as ${renamed}`;
  throw dataFileError(row, `plover: unknown event type ${JSON.stringify(value)}; ${hint}`);
}

function modeField(row: DataRow<"mode">, plover: PloverType | null): string | null {
  const value = row.values.mode;
  if (value === "") return null;
  if (plover === null) throw dataFileError(row, `mode ${JSON.stringify(value)} is given without a plover event type`);
  const modes: readonly string[] = PLOVER_MODES[plover];
  if (!modes.includes(value)) {
    const expected = modes.length === 0 ? `${plover} has no modes; leave it empty` : `the modes of ${plover} are ${modes.join(", ")}`;
    throw dataFileError(row, `mode: unknown ${JSON.stringify(value)}; ${expected}`);
  }
  return value;
}

