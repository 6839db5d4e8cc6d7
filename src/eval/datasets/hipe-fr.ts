import { readFile } from "node:fs/promises";
import type { DatasetText } from "./labelled-text.js";

/**
 * hipe-fr/HIPE-data-*.tsv: one token per line, `# document_id = …` comments.
 * Documents are rebuilt from tokens, honouring the NoSpaceAfter and EndOfLine flags.
 */
export async function readHipeDocuments(path: string): Promise<DatasetText[]> {
  const documents: DatasetText[] = [];
  let current: { id: string; parts: string[] } | null = null;
  for (const line of (await readFile(path, "utf8")).split("\n")) {
    const id = /^# document_id = (.+)$/.exec(line)?.[1];
    if (id !== undefined) {
      if (current) documents.push({ id: current.id, text: current.parts.join("") });
      current = { id: id.trim(), parts: [] };
      continue;
    }
    if (line.startsWith("#") || line.startsWith("TOKEN\t") || line.trim() === "" || current === null) continue;
    const fields = line.split("\t");
    const misc = fields[9] ?? "";
    current.parts.push(fields[0] ?? "", misc.includes("NoSpaceAfter") ? "" : misc.includes("EndOfLine") ? "\n" : " ");
  }
  if (current) documents.push({ id: current.id, text: current.parts.join("") });
  return documents;
}
