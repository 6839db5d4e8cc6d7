import { readFile } from "node:fs/promises";
import type { DatasetText } from "./labelled-text.js";

/**
 * anercorp/ANERCorp.shared.txt: `token tag` per line, no sentence breaks. As the
 * data set's README defines it, a sentence ends with a token that is exactly
 * . ! ? or ؟; tokens are joined with spaces.
 */
export async function readAnercorpSentences(path: string): Promise<DatasetText[]> {
  const sentences: DatasetText[] = [];
  let tokens: string[] = [];
  for (const line of (await readFile(path, "utf8")).split("\n")) {
    if (line.trim() === "") continue;
    const fields = line.trim().split(/\s+/);
    const token = fields.slice(0, -1).join(" ");
    tokens.push(token);
    if ([".", "!", "?", "؟"].includes(token)) {
      sentences.push({ id: String(sentences.length + 1), text: tokens.join(" ") });
      tokens = [];
    }
  }
  if (tokens.length > 0) sentences.push({ id: String(sentences.length + 1), text: tokens.join(" ") });
  return sentences;
}
