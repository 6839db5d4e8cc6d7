import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { datasetPath } from "../eval/data-dir.js";
import { readFaKes } from "../eval/datasets/syrian-war-news.js";
import type { DatasetText } from "../eval/datasets/labelled-text.js";
import { readVoaStories } from "../eval/datasets/voa-stories.js";

export interface Corpus {
  name: string;
  texts: DatasetText[];
}

/** Real articles to measure on: the public sets when present, else the project's own example. */
export async function loadBenchCorpora(dataDir: string): Promise<Corpus[]> {
  const corpora: Corpus[] = [];
  const voa = datasetPath(dataDir, "voa-stories", "voa_stories.jsonl");
  if (voa) corpora.push({ name: "voa-stories", texts: await readVoaStories(voa) });
  const faKes = datasetPath(dataDir, "fa-kes", "FA-KES-Dataset.shared.csv");
  if (faKes) corpora.push({ name: "fa-kes", texts: (await readFaKes(faKes)).filter((item) => item.text.trim() !== "") });
  if (corpora.length === 0) {
    const example = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "examples", "qalamoun-fr.txt");
    corpora.push({ name: "examples/qalamoun-fr.txt", texts: [{ id: "qalamoun-fr", text: await readFile(example, "utf8") }] });
  }
  return corpora;
}
