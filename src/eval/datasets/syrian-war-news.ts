import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import type { DatasetText } from "./labelled-text.js";

/** fa-kes/FA-KES-Dataset.shared.csv: unit_id, article_title, article_content, source, date, location, labels. */
export async function readFaKes(path: string): Promise<DatasetText[]> {
  const rows = parse(await readFile(path, "utf8"), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return rows.map((row) => ({ id: row.unit_id ?? "", text: row.article_content ?? "", ...(row.article_title ? { title: row.article_title } : {}) }));
}
