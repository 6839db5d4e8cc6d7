import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { DatasetText } from "./labelled-text.js";

/** semeval2023-fr/train-articles-subtask-3/articleN.txt: a title line, a blank line, paragraphs. */
export async function readSemevalArticles(folder: string): Promise<DatasetText[]> {
  const names = (await readdir(folder)).filter((name) => /^article\d+\.txt$/.test(name)).sort();
  return Promise.all(names.map(async (name) => ({ id: name.replace(/\.txt$/, ""), text: await readFile(join(folder, name), "utf8") })));
}
