/**
 * PolNeAR (Newell, Margolin & Ruths, "An Attribution Relations Corpus for
 * Political News", LREC 2018): one split is a folder with `text/<article>.txt`
 * and `attributions/<article>_<annotator>.ann`, BRAT standoff:
 *
 *     T1	Source 89 106	The New York Post
 *     T2	Cue 107 114	reports
 *     T3	Content 115 290	that …
 *     T4	Attribution 107 114	reports
 *     E1	Attribution:T4 Content:T3 Cue:T2 Source:T1
 *
 * Spans may be discontinuous ("315 448;463 553"); a few span texts hold a
 * newline, so the rest of that text arrives as lines of its own, which are
 * skipped (offsets, not the quoted text, say where a span is). `Attribution`
 * and `Attribution-no-source` spans only anchor the event; `Discuss` and
 * `Discard` mark passages the annotators set aside; `#` lines are notes.
 * Some articles were annotated by several annotators: each file is kept, and
 * the task chooses which to score.
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { SitrepError } from "../../model/errors.js";
import type { Span } from "../../model/span.js";

export type PolnearRole = "Source" | "Cue" | "Content";
export const POLNEAR_ROLES: readonly PolnearRole[] = ["Source", "Cue", "Content"];

export interface PolnearSpan {
  id: string;
  role: PolnearRole;
  /** In text order; one for a contiguous span. */
  fragments: Span[];
}

/** Ids of the spans of one attribution; a role the annotator left empty is null. */
export interface PolnearAttribution {
  id: string;
  source: string | null;
  cue: string | null;
  content: string | null;
}

export interface PolnearAnnotation {
  annotator: string;
  spans: PolnearSpan[];
  attributions: PolnearAttribution[];
  /** Lines and spans that could not be used, said once each. */
  problems: string[];
  /** Lines read but not scored, by kind: "Discuss", "Discard", "note", "continued text" … */
  ignored: Record<string, number>;
}

export interface PolnearArticle {
  id: string;
  text: string;
  /** One per annotator who annotated the article, sorted by annotator id. */
  annotations: PolnearAnnotation[];
}

export interface PolnearSplit {
  path: string;
  articles: PolnearArticle[];
  /** Annotation files whose article text is missing. */
  orphans: string[];
}

/** Whether `path` is one split: a folder with `text/` and `attributions/`. */
export function isPolnearSplit(path: string): boolean {
  return existsSync(join(path, "text")) && existsSync(join(path, "attributions"));
}

export async function readPolnearSplit(path: string): Promise<PolnearSplit> {
  if (!isPolnearSplit(path)) throw new SitrepError("input-format", `${path}: expected a PolNeAR split, a folder with text/ and attributions/`);
  const files = (await readdir(join(path, "attributions"))).filter((name) => name.endsWith(".ann")).sort();
  const byArticle = new Map<string, { annotator: string; file: string }[]>();
  for (const file of files) {
    const match = /^(.+)_([^_]+)\.ann$/u.exec(file);
    if (match === null) throw new SitrepError("input-format", `${join(path, "attributions", file)}: expected <article>_<annotator>.ann`);
    const [, article = "", annotator = ""] = match;
    let list = byArticle.get(article);
    if (!list) byArticle.set(article, (list = []));
    list.push({ annotator, file });
  }
  const articles: PolnearArticle[] = [];
  const orphans: string[] = [];
  for (const [id, annotated] of byArticle) {
    const textFile = join(path, "text", `${id}.txt`);
    if (!existsSync(textFile)) {
      orphans.push(...annotated.map((entry) => entry.file));
      continue;
    }
    const text = await readFile(textFile, "utf8");
    const annotations = await Promise.all(
      annotated
        .sort((a, b) => (a.annotator < b.annotator ? -1 : a.annotator > b.annotator ? 1 : 0))
        .map(async (entry) => parsePolnearAnn(await readFile(join(path, "attributions", entry.file), "utf8"), text, entry.annotator)),
    );
    articles.push({ id, text, annotations });
  }
  return { path, articles, orphans };
}

const TEXT_BOUND = /^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t|$)/u;
const EVENT = /^(E\d+)\t(\S+)/u;

export function parsePolnearAnn(ann: string, text: string, annotator: string): PolnearAnnotation {
  const spans = new Map<string, PolnearSpan>();
  const attributions: PolnearAttribution[] = [];
  const problems: string[] = [];
  const ignored: Record<string, number> = {};
  const ignore = (kind: string): void => void (ignored[kind] = (ignored[kind] ?? 0) + 1);
  const events: { id: string; line: string; number: number }[] = [];

  for (const [index, raw] of ann.split("\n").entries()) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.trim() === "") continue;
    const bound = TEXT_BOUND.exec(line);
    if (bound !== null) {
      const [, id = "", type = "", offsets = ""] = bound;
      if (!(POLNEAR_ROLES as readonly string[]).includes(type)) {
        ignore(type);
        continue;
      }
      const fragments = offsets.split(";").map((pair): Span => {
        const [start = Number.NaN, end = Number.NaN] = pair.split(" ").map(Number);
        return { start, end };
      });
      if (fragments.some((fragment) => !(fragment.start >= 0 && fragment.start < fragment.end && fragment.end <= text.length))) {
        problems.push(`line ${index + 1}: ${id} ${type} offsets ${offsets} fall outside the text (${text.length} characters)`);
        continue;
      }
      spans.set(id, { id, role: type as PolnearRole, fragments: fragments.sort((a, b) => a.start - b.start) });
    } else if (EVENT.test(line)) {
      events.push({ id: (EVENT.exec(line) as RegExpExecArray)[1] as string, line, number: index + 1 });
    } else if (line.startsWith("#")) {
      ignore("note");
    } else if (/^[ARMN*]\d*\t/u.test(line)) {
      ignore("other annotation");
    } else {
      // The rest of a span text that held a newline.
      ignore("continued text");
    }
  }

  for (const event of events) {
    const roles: Partial<Record<PolnearRole, string>> = {};
    for (const argument of (event.line.split("\t")[1] ?? "").split(" ").slice(1)) {
      const [role = "", target = ""] = argument.split(":");
      if (!(POLNEAR_ROLES as readonly string[]).includes(role)) continue;
      if (!spans.has(target)) {
        problems.push(`line ${event.number}: ${event.id} names ${role} ${target}, which is not a usable span`);
        continue;
      }
      roles[role as PolnearRole] = target;
    }
    attributions.push({ id: event.id, source: roles.Source ?? null, cue: roles.Cue ?? null, content: roles.Content ?? null });
  }
  return { annotator, spans: [...spans.values()], attributions, problems, ignored };
}
