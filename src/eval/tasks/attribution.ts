/**
 * Attribution on PolNeAR: each article runs through the text stages
 * (language given as English, segmentation, normalisation keys), then
 * `findQuotes` and `findAttributions`, and the sources, cues and contents
 * found are scored against the annotator's. Per role: word-level precision,
 * recall and F1, then span-level exact and overlap F1; and attributions whose
 * three roles all overlap.
 *
 * The dev split is scored by default (`<data>/polnear/dev`); rules are
 * developed on train, which `--gold <data>/polnear/train` scores (`--gold`
 * takes a split folder, with text/ and attributions/, or the polnear folder,
 * of which it scores dev).
 */
import { join } from "node:path";
import { ingestDocument } from "../../analyze/input.js";
import type { TextSpan } from "../../model/analysis.js";
import type { Doc } from "../../model/document.js";
import { SitrepError } from "../../model/errors.js";
import { overlaps, type Span } from "../../model/span.js";
import { createTextStages } from "../../pipeline/default.js";
import { runPipeline, type Stage } from "../../pipeline/stage.js";
import { findAttributions, type AttributionFinding } from "../../sources/attribution.js";
import { findQuotes } from "../../sources/quotes.js";
import { datasetPath } from "../data-dir.js";
import { isPolnearSplit, POLNEAR_ROLES, readPolnearSplit, type PolnearAnnotation, type PolnearArticle, type PolnearRole, type PolnearSpan } from "../datasets/polnear.js";
import type { EvalOutcome, EvalResult, EvalRow, EvalRunOptions, EvalTask } from "../task.js";
import { clip, count } from "./event-pipeline.js";

export const ATTRIBUTION_COLUMNS = ["scored", "gold", "predicted", "word P", "word R", "word F1", "exact P", "exact R", "exact F1", "overlap P", "overlap R", "overlap F1"];

export interface AttributionTaskOptions {
  /** The stages that make the document; by default the text stages. */
  createStages?: () => Stage[];
  /** What finds the attributions in a document; by default `findQuotes` then `findAttributions`. */
  find?: (doc: Doc) => AttributionFinding[];
}

/** A span as scored: its fragments, in text order. */
type Fragments = readonly Span[];

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Score {
  precision: number;
  recall: number;
  f1: number;
}

/** Span-level counts: predictions that match some gold span, and gold spans some prediction matches. */
export interface SpanCounts {
  gold: number;
  predicted: number;
  exact: { predicted: number; gold: number };
  overlap: { predicted: number; gold: number };
}

interface ArticleDetail {
  id: string;
  annotator: string;
  /** Every annotator of the article; the first is scored. */
  annotators: string[];
  gold: number;
  words: Record<PolnearRole, Counts>;
  predicted: { rule: string; source: string | null; cue: string; content: string; matched: boolean }[];
  error?: string;
}

const NOTES = [
  "words are the article's whitespace-delimited words; a word is positive for a role when it shares a character with a span of that role, gold or predicted; counts are summed over articles.",
  "exact: same start and end (a discontinuous gold span by its extent, first start to last end); overlap: at least one character in common (any fragment); equal spans are counted once.",
  "attribution: a prediction matches a gold attribution when their cues overlap, their contents overlap, and their sources overlap or are both absent.",
  "rules are developed on train (--gold <data>/polnear/train) and reported on dev.",
];

export function createAttributionTask(options: AttributionTaskOptions = {}): EvalTask {
  return {
    name: "attribution",
    description: "sources, cues and contents of reported speech on PolNeAR (dev; --gold <data>/polnear/train for train)",
    async run(dataDir: string, runOptions: EvalRunOptions = {}): Promise<EvalOutcome> {
      const root = runOptions.gold ?? datasetPath(dataDir, "polnear");
      if (root === null) return { skipped: `no PolNeAR data under polnear in ${dataDir}` };
      const split = splitFolder(root);
      if (split === null) {
        if (runOptions.gold === undefined) return { skipped: `no PolNeAR dev split (dev/text, dev/attributions) under ${root}` };
        throw new SitrepError("input-format", `${root}: expected a PolNeAR split (a folder with text/ and attributions/) or the polnear folder that holds dev/`);
      }
      const stages = options.createStages?.() ?? createTextStages();
      const find = options.find ?? ((doc: Doc) => findAttributions(doc, findQuotes(doc)));
      return scoreSplit(split, stages, find, runOptions);
    },
  };
}

function splitFolder(path: string): string | null {
  if (isPolnearSplit(path)) return path;
  if (isPolnearSplit(join(path, "dev"))) return join(path, "dev");
  return null;
}

async function scoreSplit(path: string, stages: readonly Stage[], find: (doc: Doc) => AttributionFinding[], runOptions: EvalRunOptions): Promise<EvalResult> {
  const started = performance.now();
  const split = await readPolnearSplit(path);
  const articles = runOptions.limit === undefined ? split.articles : split.articles.slice(0, runOptions.limit);
  const words = emptyRoleCounts();
  const spans = Object.fromEntries(POLNEAR_ROLES.map((role) => [role, { gold: 0, predicted: 0, exact: { predicted: 0, gold: 0 }, overlap: { predicted: 0, gold: 0 } }])) as Record<PolnearRole, SpanCounts>;
  const attributions = { gold: 0, predicted: 0, matchedPredicted: 0, matchedGold: 0 };
  const byRule = new Map<string, { predicted: number; matched: number }>();
  const details: ArticleDetail[] = [];
  const failures: string[] = [];
  const problems: string[] = [];
  const ignored: Record<string, number> = {};
  let multiple = 0;

  for (const [i, article] of articles.entries()) {
    const annotation = article.annotations[0] as PolnearAnnotation;
    if (article.annotations.length > 1) multiple++;
    problems.push(...annotation.problems.map((problem) => `${article.id}_${annotation.annotator}.ann ${problem}`));
    for (const [kind, n] of Object.entries(annotation.ignored)) ignored[kind] = (ignored[kind] ?? 0) + n;

    const outcome = await analyse(article, stages, find);
    if ("error" in outcome) failures.push(`${article.id}: ${outcome.error}`);
    const predicted = "error" in outcome ? [] : outcome.findings;
    const gold = goldByRole(annotation);
    const articleWords = emptyRoleCounts();
    for (const role of POLNEAR_ROLES) {
      const mine = predictedSpans(predicted, role);
      add(articleWords[role], wordCounts(article.text, gold[role], mine));
      add(words[role], articleWords[role]);
      addSpans(spans[role], spanCounts(gold[role], mine));
    }
    const goldTriples = goldAttributions(annotation);
    const matched = predicted.map((finding) => goldTriples.some((triple) => sameAttribution(triple, finding)));
    attributions.gold += goldTriples.length;
    attributions.predicted += predicted.length;
    attributions.matchedPredicted += matched.filter(Boolean).length;
    attributions.matchedGold += goldTriples.filter((triple) => predicted.some((finding) => sameAttribution(triple, finding))).length;
    predicted.forEach((finding, k) => {
      const rule = byRule.get(finding.rule) ?? { predicted: 0, matched: 0 };
      rule.predicted++;
      if (matched[k]) rule.matched++;
      byRule.set(finding.rule, rule);
    });
    details.push({
      id: article.id,
      annotator: annotation.annotator,
      annotators: article.annotations.map((other) => other.annotator),
      gold: goldTriples.length,
      words: articleWords,
      predicted: predicted.map((finding, k) => ({
        rule: finding.rule,
        source: finding.source?.text ?? null,
        cue: finding.cue.text,
        content: clip(finding.content.text, 160),
        matched: matched[k] as boolean,
      })),
      ...("error" in outcome ? { error: outcome.error } : {}),
    });
    runOptions.onProgress?.({ task: "attribution", dataset: "polnear", done: i + 1, total: articles.length });
  }
  const seconds = (performance.now() - started) / 1000;

  const rows: EvalRow[] = POLNEAR_ROLES.map((role) => {
    const word = score(words[role]);
    const exact = spanScore(spans[role], "exact");
    const overlap = spanScore(spans[role], "overlap");
    return {
      scored: role,
      gold: spans[role].gold,
      predicted: spans[role].predicted,
      "word P": word.precision,
      "word R": word.recall,
      "word F1": word.f1,
      "exact P": exact.precision,
      "exact R": exact.recall,
      "exact F1": exact.f1,
      "overlap P": overlap.precision,
      "overlap R": overlap.recall,
      "overlap F1": overlap.f1,
    };
  });
  const whole = ratios(attributions.matchedPredicted, attributions.predicted, attributions.matchedGold, attributions.gold);
  rows.push({
    scored: "attribution",
    gold: attributions.gold,
    predicted: attributions.predicted,
    "word P": "-",
    "word R": "-",
    "word F1": "-",
    "exact P": "-",
    "exact R": "-",
    "exact F1": "-",
    "overlap P": whole.precision,
    "overlap R": whole.recall,
    "overlap F1": whole.f1,
  });

  const limited = articles.length < split.articles.length ? `; the first ${count(articles.length)} scored` : "";
  const notes = [
    `polnear: ${path}: ${count(split.articles.length)} articles${limited}; read and analysed in ${seconds.toFixed(1)} s`,
    `${count(multiple)} of the scored articles have several annotators' files; each is scored against the first annotator's file in annotator-id order (named in the details)`,
    `predicted by rule (matched attributions / predicted): ${[...byRule].sort((a, b) => b[1].predicted - a[1].predicted).map(([rule, n]) => `${rule} ${n.matched}/${n.predicted}`).join(", ") || "none"}`,
    `not scored: ${Object.entries(ignored).sort().map(([kind, n]) => `${kind} ${count(n)}`).join(", ") || "nothing"}`,
    ...(problems.length > 0 ? [`${count(problems.length)} gold spans or links could not be used; first: ${clip(problems[0] ?? "", 200)}`] : []),
    ...(split.orphans.length > 0 ? [`${count(split.orphans.length)} annotation files have no article text and were left out: ${clip(split.orphans.join(", "), 200)}`] : []),
    ...(failures.length > 0 ? [`the pipeline failed on ${count(failures.length)} articles, scored as predicting nothing; first ${clip(failures[0] ?? "", 200)}`] : []),
    ...NOTES,
  ];
  return {
    rows,
    columns: ATTRIBUTION_COLUMNS,
    notes,
    details: { polnear: { path, rules: Object.fromEntries(byRule), problems, articles: details } },
  };
}

type Analysed = { findings: AttributionFinding[] } | { error: string };

async function analyse(article: PolnearArticle, stages: readonly Stage[], find: (doc: Doc) => AttributionFinding[]): Promise<Analysed> {
  try {
    const doc = runPipeline(stages, await ingestDocument({ text: article.text }, { metadata: { id: article.id, language: "en" } }));
    if (doc.document.text !== article.text) return { error: "the analysed text differs from the gold text, so their offsets cannot be compared" };
    return { findings: find(doc) };
  } catch (error) {
    // One failing article must not sink the split; it is reported in the details and the notes.
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

function goldByRole(annotation: PolnearAnnotation): Record<PolnearRole, Fragments[]> {
  const byRole = { Source: [], Cue: [], Content: [] } as Record<PolnearRole, Fragments[]>;
  for (const span of annotation.spans) byRole[span.role].push(span.fragments);
  return byRole;
}

function predictedSpans(findings: readonly AttributionFinding[], role: PolnearRole): Fragments[] {
  const spans: Fragments[] = [];
  for (const finding of findings) {
    const span = role === "Source" ? finding.source : role === "Cue" ? finding.cue : finding.content;
    if (span !== null) spans.push([{ start: span.start, end: span.end }]);
  }
  return spans;
}

interface GoldTriple {
  source: Fragments | null;
  cue: Fragments | null;
  content: Fragments | null;
}

function goldAttributions(annotation: PolnearAnnotation): GoldTriple[] {
  const byId = new Map<string, PolnearSpan>(annotation.spans.map((span) => [span.id, span]));
  const fragments = (id: string | null): Fragments | null => (id === null ? null : (byId.get(id)?.fragments ?? null));
  return annotation.attributions.map((attribution) => ({ source: fragments(attribution.source), cue: fragments(attribution.cue), content: fragments(attribution.content) }));
}

function sameAttribution(gold: GoldTriple, finding: AttributionFinding): boolean {
  const meets = (fragments: Fragments | null, span: TextSpan | null): boolean => fragments !== null && span !== null && fragments.some((fragment) => overlaps(fragment, span));
  const sources = gold.source === null && finding.source === null ? true : meets(gold.source, finding.source);
  return sources && meets(gold.cue, finding.cue) && meets(gold.content, finding.content);
}

/** The whitespace-delimited words of a text. */
export function textWords(text: string): Span[] {
  return [...text.matchAll(/\S+/gu)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

/** Word-level counts: a word is positive when it shares a character with any span of the list. */
export function wordCounts(text: string, gold: readonly Fragments[], predicted: readonly Fragments[]): Counts {
  const words = textWords(text);
  const goldWords = coveredWords(words, gold);
  const predictedWords = coveredWords(words, predicted);
  let tp = 0;
  for (const word of predictedWords) if (goldWords.has(word)) tp++;
  return { tp, fp: predictedWords.size - tp, fn: goldWords.size - tp };
}

function coveredWords(words: readonly Span[], spans: readonly Fragments[]): Set<number> {
  const covered = new Set<number>();
  for (const fragment of spans.flat()) {
    // Words are sorted and disjoint: find the first that ends after the fragment starts.
    let low = 0;
    let high = words.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((words[mid] as Span).end <= fragment.start) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < words.length && (words[i] as Span).start < fragment.end; i++) covered.add(i);
  }
  return covered;
}

/** Exact and overlap matches between gold and predicted spans of one role, equal spans counted once. */
export function spanCounts(gold: readonly Fragments[], predicted: readonly Fragments[]): SpanCounts {
  const golds = distinct(gold);
  const mine = distinct(predicted);
  const extent = (fragments: Fragments): Span => ({ start: (fragments[0] as Span).start, end: (fragments.at(-1) as Span).end });
  const exact = (a: Fragments, b: Fragments): boolean => {
    const x = extent(a);
    const y = extent(b);
    return x.start === y.start && x.end === y.end;
  };
  const overlapping = (a: Fragments, b: Fragments): boolean => a.some((x) => b.some((y) => overlaps(x, y)));
  return {
    gold: golds.length,
    predicted: mine.length,
    exact: { predicted: mine.filter((p) => golds.some((g) => exact(g, p))).length, gold: golds.filter((g) => mine.some((p) => exact(g, p))).length },
    overlap: { predicted: mine.filter((p) => golds.some((g) => overlapping(g, p))).length, gold: golds.filter((g) => mine.some((p) => overlapping(g, p))).length },
  };
}

function distinct(spans: readonly Fragments[]): Fragments[] {
  const seen = new Map<string, Fragments>();
  for (const fragments of spans) if (fragments.length > 0) seen.set(fragments.map((f) => `${f.start}-${f.end}`).join(";"), fragments);
  return [...seen.values()];
}

export function score(counts: Counts): Score {
  return ratios(counts.tp, counts.tp + counts.fp, counts.tp, counts.tp + counts.fn);
}

function spanScore(counts: SpanCounts, kind: "exact" | "overlap"): Score {
  return ratios(counts[kind].predicted, counts.predicted, counts[kind].gold, counts.gold);
}

/** Precision from the predictions that match, recall from the gold items matched; 0 where nothing is counted. */
function ratios(rightPredicted: number, predicted: number, foundGold: number, gold: number): Score {
  const precision = predicted === 0 ? 0 : rightPredicted / predicted;
  const recall = gold === 0 ? 0 : foundGold / gold;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

function emptyRoleCounts(): Record<PolnearRole, Counts> {
  return { Source: { tp: 0, fp: 0, fn: 0 }, Cue: { tp: 0, fp: 0, fn: 0 }, Content: { tp: 0, fp: 0, fn: 0 } };
}

function add(total: Counts, part: Counts): void {
  total.tp += part.tp;
  total.fp += part.fp;
  total.fn += part.fn;
}

function addSpans(total: SpanCounts, part: SpanCounts): void {
  total.gold += part.gold;
  total.predicted += part.predicted;
  total.exact.predicted += part.exact.predicted;
  total.exact.gold += part.exact.gold;
  total.overlap.predicted += part.overlap.predicted;
  total.overlap.gold += part.overlap.gold;
}
