/**
 * The pre-filters only skip work: every rule pattern that matches a sentence
 * finds its pre-filter there too, and the stage says the same with and
 * without them.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ingestDocument } from "../analyze/input.js";
import type { TimeMention } from "../model/analysis.js";
import { createTextStages } from "../pipeline/default.js";
import { runPipeline } from "../pipeline/stage.js";
import { DATE_SENTENCES } from "../test-support/date-sentences.js";
import { createTimesStage } from "./index.js";
import type { TimesLanguage } from "./lexicon.js";
import * as arabicDate from "./rules/arabic-date.js";
import * as arabicYesterday from "./rules/arabic-yesterday.js";
import { CHRONO_PREFILTERS } from "./rules/chrono-prefilter.js";
import * as consecutiveDay from "./rules/consecutive-day.js";
import * as dayBeforeYesterday from "./rules/day-before-yesterday.js";
import * as frenchMonth from "./rules/french-month.js";
import * as partOfDay from "./rules/part-of-day.js";
import * as recentDays from "./rules/recent-days.js";
import * as relativeWeek from "./rules/relative-week.js";
import * as sinceDuration from "./rules/since-duration.js";
import * as weekday from "./rules/weekday.js";
import * as year from "./rules/year.js";

const LANGUAGES: readonly TimesLanguage[] = ["fr", "en", "ar"];

/** Every regular expression in a rule's pattern table, whatever its shape (list, record, [value, pattern] pairs). */
function patternsIn(table: unknown): RegExp[] {
  if (table instanceof RegExp) return [table];
  if (Array.isArray(table)) return table.flatMap(patternsIn);
  return [];
}

type Prefilters = Readonly<Partial<Record<TimesLanguage, RegExp>>>;

/** Each rule with its pre-filters and its patterns per language. */
const RULES: ReadonlyArray<[name: string, prefilters: Prefilters, patterns: Partial<Record<TimesLanguage, RegExp[]>>]> = [
  ["consecutive-day", consecutiveDay.PREFILTERS, byLanguage(consecutiveDay.PATTERNS)],
  ["since-duration", sinceDuration.PREFILTERS, byLanguage(sinceDuration.PATTERNS)],
  ["relative-week", relativeWeek.PREFILTERS, byLanguage(relativeWeek.WEEKS)],
  ["recent-days", recentDays.PREFILTERS, byLanguage(recentDays.PATTERNS)],
  ["part-of-day", partOfDay.PREFILTERS, byLanguage(partOfDay.PATTERNS)],
  ["day-before-yesterday", dayBeforeYesterday.PREFILTERS, byLanguage(dayBeforeYesterday.PATTERNS)],
  ["arabic-yesterday", arabicYesterday.PREFILTERS, { ar: [arabicYesterday.PATTERN] }],
  ["weekday", weekday.PREFILTERS, byLanguage(weekday.PATTERNS)],
  ["french-month", frenchMonth.PREFILTERS, { fr: [frenchMonth.FIRST_OF_MONTH, frenchMonth.MONTH_NAMED] }],
  ["arabic-date", arabicDate.PREFILTERS, { ar: [arabicDate.PATTERN] }],
  ["year", year.PREFILTERS, byLanguage(year.PATTERNS)],
];

function byLanguage(table: Readonly<Record<TimesLanguage, unknown>>): Record<TimesLanguage, RegExp[]> {
  return { fr: patternsIn(table.fr), en: patternsIn(table.en), ar: patternsIn(table.ar) };
}

/** The sentence's words, one after another, each starting a sentence of its own: patterns also meet text cut anywhere. */
function cuts(sentence: string): string[] {
  return [sentence, ...[...sentence.matchAll(/\s+/gu)].map((space) => sentence.slice((space.index ?? 0) + space[0].length))];
}

describe("rule pre-filters", () => {
  it.each(RULES)("%s: a sentence its patterns match passes its pre-filter, and every pattern meets a sentence", (_name, prefilters, patterns) => {
    for (const language of LANGUAGES) {
      const own = patterns[language] ?? [];
      const prefilter = prefilters[language];
      if (own.length === 0) {
        expect(prefilter, `${language}: a pre-filter for a language without patterns`).toBeUndefined();
        continue;
      }
      if (!prefilter) throw new Error(`${language}: expected a pre-filter beside the patterns, found none`);
      expect(prefilter.global || prefilter.sticky, "a pre-filter keeps no position between searches").toBe(false);
      for (const pattern of own) {
        const sentences = DATE_SENTENCES[language].flatMap(cuts);
        const matched = sentences.filter((sentence) => new RegExp(pattern.source, pattern.flags).test(sentence));
        expect(matched.length, `${language}: no sentence for ${pattern.source.slice(0, 80)}`).toBeGreaterThan(0);
        for (const sentence of matched) expect(prefilter.test(sentence), `${language}: ${sentence}`).toBe(true);
      }
    }
  });
});

/** Makes every pre-filter pass, so that the stage runs each rule on every sentence, as it did without them. */
function disablePrefilters(): () => void {
  const all: { test: (text: string) => boolean }[] = [...RULES.flatMap(([, prefilters]) => Object.values(prefilters)), ...Object.values(CHRONO_PREFILTERS)];
  const saved = all.map((prefilter) => [prefilter, Object.getOwnPropertyDescriptor(prefilter, "test")] as const);
  for (const prefilter of all) Object.defineProperty(prefilter, "test", { value: () => true, configurable: true, writable: true });
  return () => {
    for (const [prefilter, descriptor] of saved) {
      if (descriptor) Object.defineProperty(prefilter, "test", descriptor);
      else delete (prefilter as { test?: unknown }).test;
    }
  };
}

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

const textStages = createTextStages();
const times = createTimesStage();

async function mentions(text: string, language: string, published: string | null): Promise<{ times: TimeMention[]; messages: unknown[] }> {
  const doc = runPipeline(textStages, await ingestDocument(text, { metadata: { language, ...(published === null ? {} : { published }) } }));
  const result = times(doc, {});
  return { times: result.times, messages: result.messages };
}

describe("times stage with and without pre-filters", () => {
  const cases = LANGUAGES.flatMap((language) => [null, "2015-05-15", "2024-01-31T23:30:00-05:00"].map((published) => [language, published] as const));
  // A language without rules of its own reads the French sentences with chrono's English parser.
  const withOther = [...cases, ["und", "2015-05-15"] as const, ["und", null] as const];

  it.each(withOther)("%s, published %s: the same mentions and messages", async (language, published) => {
    const text = DATE_SENTENCES[language === "und" ? "fr" : language].join("\n\n");
    const filtered = await mentions(text, language, published);
    restore = disablePrefilters();
    const unfiltered = await mentions(text, language, published);
    restore();
    restore = null;
    expect(filtered).toEqual(unfiltered);
    if (language !== "und") expect(filtered.times.length).toBeGreaterThan(20);
  });

  it("the pre-filters rule out sentences with no date", () => {
    expect(CHRONO_PREFILTERS.en.test("Officials in the capital described a joint operation against the group.")).toBe(false);
    expect(CHRONO_PREFILTERS.fr.test("Les habitants ont fui vers le nord, selon des sources locales.")).toBe(false);
    expect(CHRONO_PREFILTERS.ar.test("أعلنت وزارة الدفاع عن عملية عسكرية في الشمال.")).toBe(false);
    expect(weekday.PREFILTERS.en.test("Officials described a joint operation.")).toBe(false);
  });
});
