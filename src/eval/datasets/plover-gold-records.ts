import { readFile } from "node:fs/promises";
import { SitrepError } from "../../model/errors.js";
import type { PloverText } from "./plover-text.js";

interface GoldRecord {
  id?: unknown;
  event?: unknown;
  eventText?: unknown;
  mode?: unknown;
  text?: unknown;
}

/** A PLOVER gold-standard record: the text, its event and mode, and the words the coder marked as the event. */
export interface PloverGoldRecord extends PloverText {
  eventText: string | null;
}

/**
 * plover-gsr/PLOVER_GSR_CAMEO.txt: one JSON array of records (`id`, `event`,
 * `eventText`, `mode`, `text`, actors, …). The first is a `DOCUMENT` record
 * that documents the file and is no event; it is skipped. An empty `mode` is
 * no mode.
 */
export async function readPloverGoldRecords(path: string): Promise<PloverGoldRecord[]> {
  const records = parseArray(await readFile(path, "utf8"), path);
  return records.flatMap((record, i): PloverGoldRecord[] => {
    if (record.event === "DOCUMENT") return [];
    if (typeof record.event !== "string" || typeof record.text !== "string") {
      throw new SitrepError("input-format", `${path}: record ${i + 1} (${JSON.stringify(record.id ?? null)}) has no string "event" and "text"`);
    }
    const mode = typeof record.mode === "string" && record.mode.trim() !== "" ? record.mode.trim().toLowerCase() : null;
    return [
      {
        id: typeof record.id === "string" ? record.id : String(i + 1),
        text: record.text,
        event: record.event.trim().toUpperCase(),
        mode,
        eventText: typeof record.eventText === "string" ? record.eventText : null,
      },
    ];
  });
}

function parseArray(content: string, path: string): GoldRecord[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (error) {
    throw new SitrepError("input-format", `${path}: expected the PLOVER gold records as one JSON array; ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === "object" && item !== null)) {
    throw new SitrepError("input-format", `${path}: expected a JSON array of PLOVER records (objects)`);
  }
  return parsed as GoldRecord[];
}
