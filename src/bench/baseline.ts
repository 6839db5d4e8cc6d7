/**
 * What a JavaScript user would reach for without sitrep: franc for the
 * language and the built-in Intl.Segmenter for sentences and words. It keeps
 * no provenance, folds nothing and knows no abbreviations or quotes; it is
 * here to show what the text stages cost on top of it.
 */
import { franc } from "franc-min";

const sentences = new Intl.Segmenter("und", { granularity: "sentence" });
const words = new Intl.Segmenter("und", { granularity: "word" });

export function baselineTextStages(text: string): { sentences: number; words: number; language: string } {
  let sentenceCount = 0;
  for (const _ of sentences.segment(text)) sentenceCount++;
  let wordCount = 0;
  for (const segment of words.segment(text)) if (segment.isWordLike) wordCount++;
  return { sentences: sentenceCount, words: wordCount, language: franc(text) };
}
