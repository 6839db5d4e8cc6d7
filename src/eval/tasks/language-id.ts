/**
 * Language identification on every gold set whose language is known: the
 * share of texts identified as the data set's language, and how many came
 * out `und` or as another language.
 */
import { identifyLanguage } from "../../text/language/index.js";
import { datasetPath } from "../data-dir.js";
import { readAnercorpSentences } from "../datasets/arabic-ner-sentences.js";
import { readFaKes } from "../datasets/syrian-war-news.js";
import { readHipeDocuments } from "../datasets/hipe-fr.js";
import { readIdrisiTweets } from "../datasets/idrisi-ar.js";
import type { DatasetText } from "../datasets/labelled-text.js";
import { readSemevalArticles } from "../datasets/persuasion-articles-fr.js";
import { readVoaStories } from "../datasets/voa-stories.js";
import type { EvalOutcome, EvalRow, EvalTask } from "../task.js";

interface Source {
  dataset: string;
  language: string;
  path: string[];
  read: (path: string) => Promise<DatasetText[]>;
}

const SOURCES: readonly Source[] = [
  { dataset: "voa-stories", language: "en", path: ["voa-stories", "voa_stories.jsonl"], read: readVoaStories },
  { dataset: "fa-kes", language: "en", path: ["fa-kes", "FA-KES-Dataset.shared.csv"], read: readFaKes },
  { dataset: "semeval2023-fr", language: "fr", path: ["semeval2023-fr", "train-articles-subtask-3"], read: readSemevalArticles },
  { dataset: "hipe-fr (dev)", language: "fr", path: ["hipe-fr", "HIPE-data-v1.4-dev-fr.tsv"], read: readHipeDocuments },
  { dataset: "idrisi-ar (tweets)", language: "ar", path: ["idrisi-ar"], read: readIdrisiTweets },
  { dataset: "anercorp (sentences)", language: "ar", path: ["anercorp", "ANERCorp.shared.txt"], read: readAnercorpSentences },
];

export const languageIdTask: EvalTask = {
  name: "language-id",
  description: "language identification (fr, en, ar) on gold sets of known language",
  async run(dataDir: string): Promise<EvalOutcome> {
    const rows: EvalRow[] = [];
    const notes: string[] = [];
    for (const source of SOURCES) {
      const path = datasetPath(dataDir, ...source.path);
      if (path === null) {
        notes.push(`${source.dataset}: not found under ${source.path.join("/")}, skipped`);
        continue;
      }
      const texts = (await source.read(path)).filter((item) => item.text.trim() !== "");
      const counts = new Map<string, number>();
      for (const item of texts) {
        const found = identifyLanguage(item.text).language;
        counts.set(found, (counts.get(found) ?? 0) + 1);
      }
      const correct = counts.get(source.language) ?? 0;
      const undetermined = counts.get("und") ?? 0;
      const others = [...counts].filter(([language]) => language !== source.language && language !== "und").sort((a, b) => b[1] - a[1]);
      rows.push({
        dataset: source.dataset,
        gold: source.language,
        texts: texts.length,
        accuracy: texts.length === 0 ? 0 : correct / texts.length,
        und: undetermined,
        wrong: texts.length - correct - undetermined,
        "wrong as": others.slice(0, 3).map(([language, n]) => `${language}:${n}`).join(" ") || "-",
      });
    }
    if (rows.length === 0) return { skipped: `no data set found under ${dataDir}` };
    return { rows, columns: ["dataset", "gold", "texts", "accuracy", "und", "wrong", "wrong as"], notes };
  },
};
