/**
 * Persuasion techniques on SemEval-2023 Task 3 (subtask 3), French: each
 * article is analysed as a French document by the text stages and the
 * framing stage, and each labelled paragraph (a line of the article file)
 * gets the set of techniques of the framing spans inside it. Scored as the
 * task scores it, paragraph-level multi-label micro and macro F1 over the 23
 * techniques, with a row per technique; then, where the split has span
 * labels, span overlap for the two techniques a lexicon can find.
 */
import { analyze } from "../../analyze/analyze.js";
import { createFramingStage, paragraphTechniques, SEMEVAL_TECHNIQUES } from "../../framing/index.js";
import type { Analysis, FramingSpan } from "../../model/analysis.js";
import { overlaps } from "../../model/span.js";
import { createTextStages } from "../../pipeline/default.js";
import type { Stage } from "../../pipeline/stage.js";
import { harmonicMean, precisionRecallF1, ratio, sum } from "../classification-metrics.js";
import { datasetPath } from "../data-dir.js";
import { readSemevalCorpus, type SemevalArticle, type SemevalSpan } from "../datasets/persuasion-paragraphs-fr.js";
import type { EvalOutcome, EvalResult, EvalRow, EvalRunOptions, EvalTask } from "../task.js";
import { clip, count, failureNote } from "./event-pipeline.js";

const DATASET = "semeval2023-fr";

export const PERSUASION_COLUMNS = ["scored", "support", "predicted", "P", "R", "F1", "macro F1"];

/** The techniques the framing stage has rules or lexicon rows for, reported together. */
export const CORE_TECHNIQUES: readonly string[] = [
  "Loaded_Language",
  "Name_Calling-Labeling",
  "Exaggeration-Minimisation",
  "Repetition",
  "Doubt",
  "Appeal_to_Fear-Prejudice",
  "Flag_Waving",
  "Appeal_to_Authority",
];

/** Techniques whose gold spans are compared with the framing spans. */
export const SPAN_TECHNIQUES: readonly string[] = ["Loaded_Language", "Name_Calling-Labeling"];

const NOTES = [
  "paragraph-level multi-label: a technique is predicted for a paragraph when a framing span of that technique overlaps it; P, R and F1 per technique count paragraphs; micro sums the counts over the techniques, macro averages their F1 (a technique never predicted has P 0, one never in the gold R 0), as the task's scorer does.",
  "paragraphs are the lines of the article file, numbered from 1 (the title) as the label file numbers them, so two lines with no blank line between them stay two paragraphs.",
  "spans: a framing span is right when it overlaps a gold span of its technique in the same article, a gold span found when a framing span of its technique overlaps it.",
];

export interface PersuasionTaskOptions {
  /** The stages to run, made once per run; the text stages and the framing stage when not given. */
  createStages?: () => Stage[] | Promise<Stage[]>;
}

export interface LabelSets {
  gold: readonly string[];
  predicted: readonly string[];
}

export interface TechniqueScore {
  label: string;
  /** Paragraphs whose gold has the technique. */
  support: number;
  /** Paragraphs predicted to have it. */
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface MultiLabelScore {
  items: number;
  labels: TechniqueScore[];
  micro: { support: number; predicted: number; correct: number; precision: number; recall: number; f1: number };
  macroF1: number;
}

/** Multi-label scores over `labels`: per label, micro (counts summed) and macro (F1 averaged). */
export function scoreMultiLabel(items: readonly LabelSets[], labels: readonly string[]): MultiLabelScore {
  const scores = labels.map((label): TechniqueScore => {
    let support = 0;
    let predicted = 0;
    let correct = 0;
    for (const item of items) {
      const inGold = item.gold.includes(label);
      const inPredicted = item.predicted.includes(label);
      if (inGold) support++;
      if (inPredicted) predicted++;
      if (inGold && inPredicted) correct++;
    }
    return { label, support, predicted, correct, ...precisionRecallF1(correct, predicted, support) };
  });
  const support = sum(scores.map((score) => score.support));
  const predicted = sum(scores.map((score) => score.predicted));
  const correct = sum(scores.map((score) => score.correct));
  return {
    items: items.length,
    labels: scores,
    micro: { support, predicted, correct, ...precisionRecallF1(correct, predicted, support) },
    macroF1: scores.length === 0 ? 0 : sum(scores.map((score) => score.f1)) / scores.length,
  };
}

export interface SpanScore {
  technique: string;
  gold: number;
  predicted: number;
  /** Predicted spans that overlap a gold span of the technique. */
  rightPredicted: number;
  /** Gold spans overlapped by a predicted span of the technique. */
  foundGold: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Span overlap scores for one technique over articles, each a pair of gold and predicted spans. */
export function scoreSpanOverlap(technique: string, articles: readonly { gold: readonly SemevalSpan[]; predicted: readonly FramingSpan[] }[]): SpanScore {
  let gold = 0;
  let predicted = 0;
  let rightPredicted = 0;
  let foundGold = 0;
  for (const article of articles) {
    const goldSpans = article.gold.filter((span) => span.technique === technique);
    const predictedSpans = article.predicted.filter((span) => span.technique === technique);
    gold += goldSpans.length;
    predicted += predictedSpans.length;
    rightPredicted += predictedSpans.filter((span) => goldSpans.some((other) => overlaps(span, other))).length;
    foundGold += goldSpans.filter((span) => predictedSpans.some((other) => overlaps(span, other))).length;
  }
  const precision = ratio(rightPredicted, predicted);
  const recall = ratio(foundGold, gold);
  return { technique, gold, predicted, rightPredicted, foundGold, precision, recall, f1: harmonicMean(precision, recall) };
}

interface ParagraphDetail {
  article: string;
  paragraph: number;
  gold: string[];
  predicted: string[];
  /** The framing spans behind the prediction. */
  evidence: { technique: string; text: string; by: string }[];
}

interface ArticleOutcome {
  paragraphs: ParagraphDetail[];
  framing: FramingSpan[];
  stages: string[] | null;
  error?: string;
}

export function createPersuasionTask(options: PersuasionTaskOptions = {}): EvalTask {
  return {
    name: "persuasion",
    description: "persuasion techniques per paragraph (the framing stage) on SemEval-2023 Task 3, French",
    async run(dataDir: string, runOptions: EvalRunOptions = {}): Promise<EvalOutcome> {
      const path = runOptions.gold ?? datasetPath(dataDir, DATASET);
      if (path === null) return { skipped: `no SemEval-2023 Task 3 data under ${DATASET} in ${dataDir}` };
      const corpus = await readSemevalCorpus(path);
      const stages = options.createStages !== undefined ? await options.createStages() : [...createTextStages(), createFramingStage()];
      const started = performance.now();
      const articles = runOptions.limit === undefined ? corpus.articles : corpus.articles.slice(0, runOptions.limit);
      const outcomes: ArticleOutcome[] = [];
      for (const [i, article] of articles.entries()) {
        outcomes.push(await analyseArticle(article, stages));
        runOptions.onProgress?.({ task: "persuasion", dataset: DATASET, done: i + 1, total: articles.length });
      }
      const seconds = (performance.now() - started) / 1000;
      const limited = articles.length < corpus.articles.length ? `; the first ${count(articles.length)} scored` : "";
      const notes = [
        `${DATASET}: ${corpus.labelsFile}: ${count(corpus.articles.length)} labelled articles${limited}; analysed in ${seconds.toFixed(1)} s` +
          (corpus.missing.length > 0 ? `; labelled but missing from ${corpus.articlesDir}, not scored: ${corpus.missing.join(", ")}` : ""),
      ];
      return score(articles, outcomes, notes, path);
    },
  };
}

async function analyseArticle(article: SemevalArticle, stages: readonly Stage[]): Promise<ArticleOutcome> {
  const empty = (error: string): ArticleOutcome => ({
    paragraphs: article.paragraphs.map((paragraph) => ({ article: article.id, paragraph: paragraph.number, gold: paragraph.techniques, predicted: [], evidence: [] })),
    framing: [],
    stages: null,
    error,
  });
  let analysis: Analysis;
  try {
    analysis = await analyze({ text: article.text }, { metadata: { id: `semeval:${article.id}`, language: "fr" }, stages });
  } catch (error) {
    // One failing article must not sink the data set; it is scored as predicting nothing and reported.
    return empty(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }
  // Gold offsets index the article file; an ingest that changed the text would make every comparison wrong.
  if (analysis.document.text !== article.text) return empty("the analysed text differs from the article file, so their offsets cannot be compared");
  const techniques = paragraphTechniques(analysis, article.paragraphs);
  const paragraphs = article.paragraphs.map((paragraph, i): ParagraphDetail => ({
    article: article.id,
    paragraph: paragraph.number,
    gold: paragraph.techniques,
    predicted: techniques[i]?.techniques ?? [],
    evidence: analysis.framing.filter((span) => overlaps(span, paragraph)).map((span) => ({ technique: span.technique, text: span.text, by: span.by })),
  }));
  return { paragraphs, framing: analysis.framing, stages: analysis.stages };
}

function score(articles: readonly SemevalArticle[], outcomes: readonly ArticleOutcome[], notes: string[], path: string): EvalResult {
  const paragraphs = outcomes.flatMap((outcome) => outcome.paragraphs);
  const known = new Set<string>(SEMEVAL_TECHNIQUES);
  // A gold label outside the 23 is scored as a technique too, so it cannot pass unseen.
  const unknown = [...new Set(paragraphs.flatMap((paragraph) => paragraph.gold).filter((label) => !known.has(label)))].sort();
  const labels = [...SEMEVAL_TECHNIQUES, ...unknown];
  const all = scoreMultiLabel(paragraphs, labels);
  const core = scoreMultiLabel(paragraphs, CORE_TECHNIQUES);

  const withSpans = articles.flatMap((article, i) => (article.spans === null ? [] : [{ gold: article.spans, predicted: outcomes[i]?.framing ?? [] }]));
  const spans = withSpans.length === 0 ? [] : SPAN_TECHNIQUES.map((technique) => scoreSpanOverlap(technique, withSpans));

  const rows: EvalRow[] = [
    summaryRow(`all ${labels.length} techniques`, all),
    summaryRow(`${CORE_TECHNIQUES.length} framing-stage techniques`, core),
    ...[...CORE_TECHNIQUES, ...labels.filter((label) => !CORE_TECHNIQUES.includes(label))].map((label) => techniqueRow(all.labels.find((item) => item.label === label) as TechniqueScore)),
    ...spans.map((item): EvalRow => ({ ...dashes(), scored: `spans: ${item.technique}`, support: item.gold, predicted: item.predicted, P: item.precision, R: item.recall, F1: item.f1 })),
  ];

  const failures = outcomes.flatMap((outcome, i) => (outcome.error === undefined ? [] : [`article ${articles[i]?.id}: ${outcome.error}`]));
  const positive = paragraphs.filter((paragraph) => paragraph.gold.length > 0).length;
  notes.push(`${count(paragraphs.length)} paragraphs, ${count(positive)} with at least one technique` + (unknown.length > 0 ? `; gold labels outside the 23 techniques, scored as techniques of their own: ${unknown.join(", ")}` : ""));
  notes.push(...failureNote(DATASET, failures));
  if (withSpans.length === 0) notes.push(`${DATASET}: no span labels beside the paragraph labels, so no span rows`);
  notes.push(...NOTES);
  const stagesRan = outcomes.find((outcome) => outcome.stages !== null)?.stages;
  if (stagesRan) notes.push(`pipeline stages: ${stagesRan.join(", ")}`);
  return {
    rows,
    columns: PERSUASION_COLUMNS,
    notes,
    details: {
      [DATASET]: {
        path,
        score: { items: all.items, micro: all.micro, macroF1: all.macroF1 },
        core: { micro: core.micro, macroF1: core.macroF1 },
        spans,
        failures: failures.map((failure) => clip(failure, 500)),
        paragraphs,
      },
    },
  };
}

function summaryRow(scored: string, score: MultiLabelScore): EvalRow {
  const { support, predicted, precision, recall, f1 } = score.micro;
  return { scored, support, predicted, P: precision, R: recall, F1: f1, "macro F1": score.macroF1 };
}

function techniqueRow(score: TechniqueScore): EvalRow {
  return { ...dashes(), scored: score.label, support: score.support, predicted: score.predicted, P: score.precision, R: score.recall, F1: score.f1 };
}

function dashes(): EvalRow {
  return Object.fromEntries(PERSUASION_COLUMNS.map((column) => [column, "-"]));
}
