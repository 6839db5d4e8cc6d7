/**
 * SemEval-2023 Task 3 (subtask 3, persuasion techniques) in its original
 * layout: a folder of `articleN.txt`, the paragraph labels
 * `<split>-labels-subtask-3.txt` (`article<TAB>paragraph<TAB>techniques`, the
 * techniques comma-separated, empty for none) and, optionally, the span
 * labels `<split>-labels-subtask-3-spans/articleN-labels-subtask-3.txt`
 * (`article<TAB>technique<TAB>start<TAB>end`).
 *
 * A paragraph's number is the 1-based number of its line in the article
 * file: line 1 is the title, line 2 is blank, and every line that holds text
 * is labelled, including the lines that follow one another with no blank
 * line between them. Span offsets index the article file as read, line
 * breaks (CRLF in most files) included.
 */
import { existsSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { SitrepError } from "../../model/errors.js";
import type { Span } from "../../model/span.js";

export interface SemevalParagraph extends Span {
  /** Line number in the article file, as the label file gives it. */
  number: number;
  techniques: string[];
}

export interface SemevalSpan extends Span {
  technique: string;
}

export interface SemevalArticle {
  id: string;
  text: string;
  paragraphs: SemevalParagraph[];
  /** Null when the data set has no span labels for the article. */
  spans: SemevalSpan[] | null;
}

export interface SemevalCorpus {
  articlesDir: string;
  labelsFile: string;
  spansDir: string | null;
  /** Labelled articles, in the label file's order. */
  articles: SemevalArticle[];
  /** Articles in the folder that the label file does not mention. */
  unlabelled: string[];
  /** Articles the label file mentions that are not in the folder. */
  missing: string[];
}

/**
 * Where the parts of a SemEval split are: `path` is the split's folder
 * (holding `*-articles-subtask-3/`) or the articles folder itself, with the
 * labels beside it or inside it.
 */
export async function locateSemevalSplit(path: string): Promise<{ articlesDir: string; labelsFile: string; spansDir: string | null }> {
  if (!existsSync(path) || !(await stat(path)).isDirectory()) throw new SitrepError("input-not-found", `${path}: expected a SemEval-2023 Task 3 folder`);
  const inside = await readdir(path);
  const articlesName = inside.filter((name) => /-articles-subtask-3$/u.test(name)).sort()[0];
  const articlesDir = articlesName !== undefined ? join(path, articlesName) : path;
  if (!(await readdir(articlesDir)).some((name) => /^article\d+\.txt$/u.test(name))) {
    throw new SitrepError("input-format", `${path}: no articleN.txt files, and no *-articles-subtask-3 folder holding them`);
  }
  for (const folder of [articlesName !== undefined ? path : dirname(articlesDir), articlesDir]) {
    const names = await readdir(folder);
    const labels = names.filter((name) => /-labels-subtask-3\.txt$/u.test(name)).sort();
    if (labels.length === 0) continue;
    const preferred = labels.find((name) => name.startsWith(basename(articlesDir).replace(/-articles-subtask-3$/u, "-"))) ?? (labels[0] as string);
    const spans = names.find((name) => name === preferred.replace(/\.txt$/u, "-spans"));
    return { articlesDir, labelsFile: join(folder, preferred), spansDir: spans === undefined ? null : join(folder, spans) };
  }
  throw new SitrepError("input-format", `${path}: no *-labels-subtask-3.txt paragraph label file beside or inside ${articlesDir}`);
}

export async function readSemevalCorpus(path: string): Promise<SemevalCorpus> {
  const { articlesDir, labelsFile, spansDir } = await locateSemevalSplit(path);
  const labels = await readParagraphLabels(labelsFile);
  const articles: SemevalArticle[] = [];
  const missing: string[] = [];
  for (const [id, numbered] of labels) {
    const file = join(articlesDir, `article${id}.txt`);
    if (!existsSync(file)) {
      missing.push(id);
      continue;
    }
    const text = await readFile(file, "utf8");
    const lines = lineRanges(text);
    const paragraphs = [...numbered].map(([number, techniques]): SemevalParagraph => {
      const line = lines[number - 1];
      if (line === undefined) throw new SitrepError("input-format", `${labelsFile}: article ${id} paragraph ${number}, but ${file} has ${lines.length} lines`);
      return { number, start: line.start, end: line.end, techniques };
    });
    const spans = spansDir === null ? null : await readSpanLabels(join(spansDir, `article${id}-labels-subtask-3.txt`), text.length);
    articles.push({ id, text, paragraphs, spans });
  }
  const unlabelled = (await readdir(articlesDir))
    .map((name) => /^article(\d+)\.txt$/u.exec(name)?.[1])
    .filter((id): id is string => id !== undefined && !labels.has(id))
    .sort();
  return { articlesDir, labelsFile, spansDir, articles, unlabelled, missing };
}

/** article → paragraph number → techniques, in file order. */
async function readParagraphLabels(file: string): Promise<Map<string, Map<number, string[]>>> {
  const labels = new Map<string, Map<number, string[]>>();
  for (const [index, raw] of (await readFile(file, "utf8")).split("\n").entries()) {
    const line = raw.replace(/\r$/u, "");
    if (line.trim() === "") continue;
    const [article, paragraph, techniques = "", ...rest] = line.split("\t");
    const number = Number(paragraph);
    if (article === undefined || !/^\d+$/u.test(article) || !Number.isInteger(number) || number < 1 || rest.length > 0) {
      throw new SitrepError("input-format", `${file}, line ${index + 1}: expected article<TAB>paragraph<TAB>techniques, found ${JSON.stringify(line)}`);
    }
    let paragraphs = labels.get(article);
    if (!paragraphs) labels.set(article, (paragraphs = new Map()));
    paragraphs.set(number, techniques.trim() === "" ? [] : [...new Set(techniques.split(",").map((technique) => technique.trim()))].sort());
  }
  return labels;
}

async function readSpanLabels(file: string, length: number): Promise<SemevalSpan[]> {
  // An article with no technique has an empty span file, or none.
  if (!existsSync(file)) return [];
  const spans: SemevalSpan[] = [];
  for (const [index, raw] of (await readFile(file, "utf8")).split("\n").entries()) {
    const line = raw.replace(/\r$/u, "");
    if (line.trim() === "") continue;
    const [, technique, start, end] = line.split("\t");
    const span = { start: Number(start), end: Number(end) };
    if (technique === undefined || technique === "" || !Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end < span.start || span.end > length) {
      throw new SitrepError("input-format", `${file}, line ${index + 1}: expected article<TAB>technique<TAB>start<TAB>end within the article, found ${JSON.stringify(line)}`);
    }
    spans.push({ technique, ...span });
  }
  return spans;
}

/** Every line of the text, without its line break, numbered from 0. */
function lineRanges(text: string): Span[] {
  const lines: Span[] = [];
  let start = 0;
  for (const match of text.matchAll(/\r?\n/gu)) {
    lines.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  lines.push({ start, end: text.length });
  return lines;
}
