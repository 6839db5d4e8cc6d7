import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { SitrepError } from "../../model/errors.js";
import type { PloverText } from "./plover-text.js";

/** A synthetic story, with the mode as the CSV spells it when it had to be corrected. */
export interface PloverSyntheticStory extends PloverText {
  statedMode?: string;
}

export const SYNTHETIC_STORY_COLUMNS = ["disclaimer", "text", "title", "source", "prompt", "label", "mode"] as const;

/**
 * Two modes the generated labels misspell, corrected to the spelling of the
 * codebook the labels were drawn from (PLOVER_structured_codebook_updated.csv,
 * ASSAULT/primitive and COERCE/seize), so a system using the codebook's
 * names is not marked wrong for spelling them right.
 */
const MODE_SPELLING: Readonly<Record<string, string>> = { primative: "primitive", sieze: "seize" };

/**
 * ngec-synthetic/gpt_synthetic_events_*.csv: `disclaimer,text,title,source,
 * prompt,label,mode`, texts spanning lines inside quotes. Machine-written
 * stories with the PLOVER event (`label`) and mode they were prompted for; the
 * title keeps its `{country_1}` template slot, so only `text` is read as the
 * story. Ids are 1-based row numbers; the file has none.
 */
export async function readPloverSyntheticStories(path: string): Promise<PloverSyntheticStory[]> {
  let rows: Record<string, string>[];
  try {
    rows = parse(await readFile(path, "utf8"), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  } catch (error) {
    throw new SitrepError("input-format", `${path}: not readable as CSV; ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const columns = Object.keys(rows[0] ?? {});
  const missing = ["text", "label", "mode"].filter((column) => !columns.includes(column));
  if (rows.length > 0 && missing.length > 0) {
    throw new SitrepError("input-format", `${path}: expected the columns ${SYNTHETIC_STORY_COLUMNS.join(",")}; missing ${missing.join(", ")}`);
  }
  return rows.map((row, i) => {
    const stated = (row.mode ?? "").trim().toLowerCase();
    const mode = MODE_SPELLING[stated] ?? stated;
    return {
      id: String(i + 1),
      text: row.text ?? "",
      event: (row.label ?? "").trim().toUpperCase(),
      mode: mode === "" ? null : mode,
      ...(mode !== stated ? { statedMode: row.mode ?? "" } : {}),
    };
  });
}
