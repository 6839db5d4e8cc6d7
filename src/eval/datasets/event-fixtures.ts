import { readFile } from "node:fs/promises";
import { EVENT_CATEGORIES, OTHER_SCOPES } from "../../events/lexicon.js";
import type { Modality } from "../../model/analysis.js";
import { SitrepError } from "../../model/errors.js";
import type { Span } from "../../model/span.js";
import type { DatasetText } from "./labelled-text.js";

/** The gold label of a sentence that reports no event. */
export const NO_EVENT = "none";

export const EVENT_FIXTURE_COLUMNS = ["id", "published", "text", "sub_event_type", "modality", "fatalities", "date", "location", "actor1", "actor2"] as const;

const MODALITIES: readonly Modality[] = ["asserted", "negated", "future", "hypothetical", "reported"];
const LABELS: ReadonlySet<string> = new Set<string>([...EVENT_CATEGORIES, NO_EVENT]);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LANGUAGE = /\blanguage:\s*([a-z]{2,3})\b/;

/** A piece of the sentence a gold column names, found in the text. */
export interface GoldSpan extends Span {
  text: string;
}

/** One sentence of the project's event fixtures and the event a careful ACLED coder would code from it. */
export interface EventFixture extends DatasetText {
  published: string;
  language: string;
  /** An ACLED sub-event type, a scope outside ACLED ("diplomatic", "claim", …), or `NO_EVENT`. */
  label: string;
  /** Null exactly when the label is `NO_EVENT`. */
  modality: Modality | null;
  fatalities: { low: number; high: number } | null;
  /** ISO date the event happened (or is to happen), anchored on `published`. */
  date: string | null;
  location: GoldSpan | null;
  actor1: GoldSpan | null;
  actor2: GoldSpan | null;
  /** 1-based line in the file, for messages. */
  line: number;
}

export interface EventFixtureFile {
  path: string;
  language: string;
  fixtures: EventFixture[];
}

/**
 * fixtures/events/*.tsv: `#` comment lines, one of which names the language
 * ("language: fr"), then the header `id published text sub_event_type modality
 * fatalities date location actor1 actor2`, then one sentence per line. Plain
 * tab-separated fields. `fatalities` is "low-high" (or one number); location
 * and actors are substrings of the text, with `#n` after one that occurs more
 * than once to say which occurrence is meant. Anything else is refused with
 * the line and the reason, since a gold value read wrongly scores silently.
 */
export async function readEventFixtures(path: string): Promise<EventFixtureFile> {
  const lines = (await readFile(path, "utf8")).replace(/^\uFEFF/, "").split("\n").map((line) => line.replace(/\r$/, ""));
  let language: string | null = null;
  let header = -1;
  for (const [i, line] of lines.entries()) {
    if (line.startsWith("#")) {
      language ??= LANGUAGE.exec(line)?.[1] ?? null;
      continue;
    }
    if (line.trim() === "") continue;
    header = i;
    break;
  }
  const fail = (line: number, problem: string): SitrepError => new SitrepError("input-format", `${path}:${line}: ${problem}`);
  if (header < 0) throw fail(1, "expected the header line of the event fixtures, found none");
  if (lines[header] !== EVENT_FIXTURE_COLUMNS.join("\t")) {
    throw fail(header + 1, `expected the header "${EVENT_FIXTURE_COLUMNS.join("\\t")}", found "${clip(lines[header] ?? "", 80)}"`);
  }
  if (language === null) throw fail(1, 'expected a "#" comment line before the header naming the language, e.g. "# … language: fr"');

  const fixtures: EventFixture[] = [];
  const ids = new Set<string>();
  for (let i = header + 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === "" || line.startsWith("#")) continue;
    const fixture = readRow(line, i + 1, language, (problem) => fail(i + 1, problem));
    if (ids.has(fixture.id)) throw fail(i + 1, `id "${fixture.id}" is used twice`);
    ids.add(fixture.id);
    fixtures.push(fixture);
  }
  return { path, language, fixtures };
}

function readRow(line: string, number: number, language: string, fail: (problem: string) => SitrepError): EventFixture {
  const fields = line.split("\t");
  if (fields.length !== EVENT_FIXTURE_COLUMNS.length) {
    throw fail(`expected ${EVENT_FIXTURE_COLUMNS.length} tab-separated fields (${EVENT_FIXTURE_COLUMNS.join(", ")}), found ${fields.length}: "${clip(line, 80)}"`);
  }
  const [id = "", published = "", text = "", label = "", modality = "", fatalities = "", date = "", location = "", actor1 = "", actor2 = ""] = fields.map((field) => field.trim());
  if (id === "" || text === "") throw fail("id and text must not be empty");
  if (!isIsoDate(published)) throw fail(`published must be an ISO date (YYYY-MM-DD), found "${published}"`);
  if (!LABELS.has(label)) throw fail(`sub_event_type "${label}" is neither an ACLED sub-event type, a scope (${OTHER_SCOPES.join(", ")}) nor "${NO_EVENT}"`);

  const span = (column: string, value: string): GoldSpan | null => (value === "" ? null : findSpan(text, value, (problem) => fail(`${column}: ${problem}`)));
  const fixture: EventFixture = {
    id,
    text,
    published,
    language,
    label,
    modality: null,
    fatalities: null,
    date: null,
    location: span("location", location),
    actor1: span("actor1", actor1),
    actor2: span("actor2", actor2),
    line: number,
  };
  if (label === NO_EVENT) {
    // A sentence with no event has no arguments to score; a value here is a slip in the gold.
    if ([modality, fatalities, date, location, actor1, actor2].some((value) => value !== "")) throw fail(`a "${NO_EVENT}" sentence leaves modality, fatalities, date, location and actors empty`);
    return fixture;
  }
  if (!MODALITIES.includes(modality as Modality)) throw fail(`modality must be one of ${MODALITIES.join(", ")}, found "${modality}"`);
  fixture.modality = modality as Modality;
  if (fatalities !== "") {
    const match = /^(\d+)(?:-(\d+))?$/.exec(fatalities);
    const low = Number(match?.[1]);
    const high = Number(match?.[2] ?? match?.[1]);
    if (match === null || low > high) throw fail(`fatalities must be "low-high" with low <= high, or one number, found "${fatalities}"`);
    fixture.fatalities = { low, high };
  }
  if (date !== "") {
    if (!isIsoDate(date)) throw fail(`date must be an ISO date (YYYY-MM-DD), found "${date}"`);
    fixture.date = date;
  }
  return fixture;
}

/** `value` in `text`: the only occurrence, or the n-th when written `value#n`. */
function findSpan(text: string, value: string, fail: (problem: string) => SitrepError): GoldSpan {
  const numbered = /^(.*)#(\d+)$/.exec(value);
  const wanted = numbered?.[1] ?? value;
  const starts: number[] = [];
  for (let at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) starts.push(at);
  if (starts.length === 0) throw fail(`"${wanted}" is not in the text`);
  if (numbered === null && starts.length > 1) throw fail(`"${wanted}" occurs ${starts.length} times in the text; write "${wanted}#n" for the n-th`);
  const start = numbered === null ? starts[0] : starts[Number(numbered[2]) - 1];
  if (start === undefined) throw fail(`"${value}" asks for occurrence ${numbered?.[2]} of "${wanted}", which occurs ${starts.length} times`);
  return { start, end: start + wanted.length, text: wanted };
}

function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function clip(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
