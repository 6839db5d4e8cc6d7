/**
 * The working document that flows through the pipeline: the analysis being
 * built plus layers that stages share but the output contract leaves out.
 */
import { ANALYSIS_SCHEMA, type Analysis, type AnalysisDocument } from "./analysis.js";
import type { Message } from "./message.js";
import type { Span } from "./span.js";
import { VERSION } from "../version.js";

export type TokenKind = "word" | "number" | "punctuation" | "symbol";

export interface Token extends Span {
  text: string;
  kind: TokenKind;
  /** Index into `sentences`. */
  sentence: number;
  /**
   * Arabic: where proclitics (و ف ب ك ل ال …) may end and a stem begin. Only a
   * candidate: "بيروت" starts with ب and is no clitic, so matchers try both.
   */
  stem: Span | null;
  /** Normalisation keys, set by the normalise stage. */
  keys: TokenKeys | null;
}

export interface TokenKeys {
  /** Case, diacritics, Arabic letter variants and typography folded. */
  fold: string;
  /** Transliteration-insensitive consonant skeleton ("Aarsale", "Ersal", "عرسال" → "rsl"). */
  skeleton: string;
}

export interface Doc extends Analysis {
  tokens: Token[];
}

export function createDoc(document: AnalysisDocument, messages: Message[] = []): Doc {
  return {
    schema: ANALYSIS_SCHEMA,
    generator: { name: "sitrep", version: VERSION },
    stages: [],
    document,
    sentences: [],
    places: [],
    actors: [],
    times: [],
    events: [],
    sources: [],
    quotes: [],
    attributions: [],
    source_summary: [],
    framing: [],
    framing_paragraphs: [],
    messages,
    tokens: [],
  };
}

/** The public analysis: the working document without its internal layers. */
export function toAnalysis(doc: Doc): Analysis {
  const { tokens: _tokens, ...analysis } = doc;
  return analysis;
}
