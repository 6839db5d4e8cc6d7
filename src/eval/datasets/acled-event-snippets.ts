import { readFile } from "node:fs/promises";
import { SitrepError } from "../../model/errors.js";
import type { DatasetText } from "./labelled-text.js";

/** A CASE 2021 Task 2 snippet and its gold sub-event type code, e.g. AIR_STRIKE. */
export interface AcledEventSnippet extends DatasetText {
  label: string;
}

export const CASE_SNIPPETS_HEADER = ["id", "EventSnippet", "SubType"] as const;

/**
 * case2021-task2/test_set_final_release_with_labels.even.tsv: a header line
 * `id<TAB>EventSnippet<TAB>SubType`, then one snippet per line. Plain
 * tab-separated fields: quotes are part of the text, not CSV quoting.
 */
export async function readAcledEventSnippets(path: string): Promise<AcledEventSnippet[]> {
  const lines = (await readFile(path, "utf8")).split("\n").map((line) => line.replace(/\r$/, ""));
  const header = lines[0]?.split("\t") ?? [];
  if (header.join("\t") !== CASE_SNIPPETS_HEADER.join("\t")) {
    throw new SitrepError("input-format", `${path}: expected the CASE 2021 Task 2 header "${CASE_SNIPPETS_HEADER.join("\\t")}", found "${clip(lines[0] ?? "", 80)}"`);
  }
  const snippets: AcledEventSnippet[] = [];
  for (const [i, line] of lines.entries()) {
    if (i === 0 || line.trim() === "") continue;
    const fields = line.split("\t");
    const [id, text, label] = fields;
    if (fields.length !== 3 || id === undefined || text === undefined || label === undefined || label.trim() === "") {
      throw new SitrepError("input-format", `${path}:${i + 1}: expected 3 tab-separated fields (id, EventSnippet, SubType), found ${fields.length}: "${clip(line, 80)}"`);
    }
    snippets.push({ id: id.trim(), text, label: label.trim() });
  }
  return snippets;
}

function clip(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
