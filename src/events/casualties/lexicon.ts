/**
 * The casualty lexicon (data/lexicons/casualty-words.tsv): per language, the
 * words that say people died or were hurt, the nouns for whom, and the small
 * words the patterns step over. Forms are split the way `words.ts` splits
 * text and folded, so a form compares with a word's readings; a form may end
 * in ":1" or ":2" when it counts one or two people by itself (Arabic قتيل,
 * جنديين). The grammar lives in `rules/`; this file holds no pattern.
 */
import { fileURLToPath } from "node:url";
import { dataFileError, readDataFile, requiredField } from "../../gazetteer/data-files.js";
import { foldKey } from "../../text/normalise/index.js";
import { formKeys } from "./words.js";

export const CASUALTY_WORDS_FILE = fileURLToPath(new URL("../../../data/lexicons/casualty-words.tsv", import.meta.url));

export type CasualtyLanguage = "en" | "fr" | "ar";
export const CASUALTY_LANGUAGES: readonly CasualtyLanguage[] = ["en", "fr", "ar"];

export const CASUALTY_ROLES = [
  "victim",
  "person",
  "casualty",
  "trigger",
  "toll",
  "auxiliary",
  "link",
  "determiner",
  "object",
  "after",
  "aside",
  "when",
  "negator",
  "negation-filler",
  "harm",
  "none",
  "meet",
  "fate",
] as const;
export type CasualtyRole = (typeof CASUALTY_ROLES)[number];

/** "any" is for denials only: no casualties means neither deaths nor injuries. */
export type HarmKind = "killed" | "injured" | "any";

export interface LexiconForm {
  language: CasualtyLanguage;
  role: CasualtyRole;
  kind: HarmKind | null;
  /** Folded words of the form, in order. */
  keys: readonly string[];
  /** People the form counts by itself (Arabic singular and dual nouns), else null. */
  count: 1 | 2 | null;
  /** The row's first form, folded: the group a victim noun belongs to. */
  group: string;
}

export interface CasualtyLexicon {
  /** Forms of a role for a language (all languages for an undetermined one), by their first key. */
  forms(language: string, role: CasualtyRole): ReadonlyMap<string, readonly LexiconForm[]>;
  /**
   * One key of each form of the roles, its longest word of letters: a word
   * the text must hold for the form to match. Null when a form has no such
   * word (only signs, digits or a lone Arabic proclitic, which text cut
   * around a number may hold in ways a scan of its words does not show).
   */
  anchors(language: string, roles: readonly CasualtyRole[]): ReadonlySet<string> | null;
  /** Every form of nouns for people and casualties, as written, for the number finder. */
  countedNouns(): readonly string[];
}

const KINDS: ReadonlySet<string> = new Set(["killed", "injured", "any", "-"]);
/** Roles that say what happened, and so carry a kind. */
const HARM_ROLES: ReadonlySet<string> = new Set(["casualty", "trigger", "toll", "harm", "none", "meet", "fate"]);

export function readCasualtyLexicon(file: string = CASUALTY_WORDS_FILE): CasualtyLexicon {
  const index = new Map<string, Map<string, LexiconForm[]>>();
  const nouns: string[] = [];
  for (const row of readDataFile(file, ["lang", "role", "kind", "words", "source"] as const)) {
    requiredField(row, "source");
    const language = requiredField(row, "lang");
    const role = requiredField(row, "role");
    const kind = requiredField(row, "kind");
    if (!(CASUALTY_LANGUAGES as readonly string[]).includes(language)) throw dataFileError(row, `lang must be one of ${CASUALTY_LANGUAGES.join(", ")}, not ${JSON.stringify(language)}`);
    if (!(CASUALTY_ROLES as readonly string[]).includes(role)) throw dataFileError(row, `role must be one of ${CASUALTY_ROLES.join(", ")}, not ${JSON.stringify(role)}`);
    if (!KINDS.has(kind)) throw dataFileError(row, `kind must be killed, injured, any or -, not ${JSON.stringify(kind)}`);
    if (HARM_ROLES.has(role) === (kind === "-")) throw dataFileError(row, HARM_ROLES.has(role) ? `a ${role} row needs a kind (killed, injured or any)` : `a ${role} row takes no kind ("-"), not ${JSON.stringify(kind)}`);
    const written = requiredField(row, "words").split("|").map((form) => form.trim());
    const group = foldKey(withoutCount(written[0] ?? ""));
    for (const form of written) {
      const count = /:([12])$/u.exec(form);
      const bare = withoutCount(form);
      const keys = formKeys(bare);
      if (keys.length === 0) throw dataFileError(row, `empty form in ${JSON.stringify(requiredField(row, "words"))}`);
      const entry: LexiconForm = {
        language: language as CasualtyLanguage,
        role: role as CasualtyRole,
        kind: kind === "-" ? null : (kind as HarmKind),
        keys,
        count: count ? (Number(count[1]) as 1 | 2) : null,
        group,
      };
      const key = `${language}\t${role}`;
      const byFirst = index.get(key) ?? new Map<string, LexiconForm[]>();
      byFirst.set(keys[0] as string, [...(byFirst.get(keys[0] as string) ?? []), entry]);
      index.set(key, byFirst);
      if (role === "victim" || role === "person" || role === "casualty") nouns.push(bare);
    }
  }
  // The rules ask for forms once per word and role: the answer is kept per language (every other language shares
  // the "all languages" answer) and role, without building a string key on each call.
  const merged = new Map<string, Map<CasualtyRole, ReadonlyMap<string, readonly LexiconForm[]>>>();
  const anchorSets = new Map<string, ReadonlySet<string> | null>();
  const languageKey = (language: string): string => ((CASUALTY_LANGUAGES as readonly string[]).includes(language) ? language : "*");
  const forms = (language: string, role: CasualtyRole): ReadonlyMap<string, readonly LexiconForm[]> => {
    const key = languageKey(language);
    let byRole = merged.get(key);
    if (!byRole) merged.set(key, (byRole = new Map()));
    let found = byRole.get(role);
    if (!found) {
      const combined = new Map<string, LexiconForm[]>();
      for (const lang of key === "*" ? CASUALTY_LANGUAGES : [key]) {
        for (const [first, entries] of index.get(`${lang}\t${role}`) ?? []) combined.set(first, [...(combined.get(first) ?? []), ...entries]);
      }
      found = combined;
      byRole.set(role, found);
    }
    return found;
  };
  return {
    forms,
    countedNouns: () => nouns,
    anchors(language, roles) {
      const key = `${languageKey(language)}\t${roles.join(",")}`;
      if (!anchorSets.has(key)) anchorSets.set(key, anchorsOf(roles.map((role) => forms(language, role))));
      return anchorSets.get(key) ?? null;
    },
  };
}

/** A key a word of running text can hold whatever is cut around it: it has a letter, and is not only Arabic proclitics. */
const ANCHOR_KEY = /\p{L}/u;
const PROCLITICS_ONLY = /^[وفبكل]+$/u;

function anchorsOf(tables: ReadonlyArray<ReadonlyMap<string, readonly LexiconForm[]>>): ReadonlySet<string> | null {
  const anchors = new Set<string>();
  for (const table of tables) {
    for (const forms of table.values()) {
      for (const form of forms) {
        const usable = form.keys.filter((key) => ANCHOR_KEY.test(key) && !PROCLITICS_ONLY.test(key));
        // The longest word is the rarest in text, as a rule; on a tie the later one ("lost their lives": "lives").
        const anchor = usable.reduce<string | undefined>((best, key) => (best === undefined || key.length >= best.length ? key : best), undefined);
        if (anchor === undefined) return null;
        anchors.add(anchor);
      }
    }
  }
  return anchors;
}

function withoutCount(form: string): string {
  return form.replace(/:[12]$/u, "").trim();
}
