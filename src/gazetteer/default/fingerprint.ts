/**
 * What a default gazetteer was built from, as one hash: the installed
 * packages' names and versions and the content of the project's curated
 * tables. A default built from other inputs (an earlier sitrep, tables edited
 * since) is stale: it lacks names and places this version would give it, and
 * is rebuilt only on request, since a rebuild drops the dumps imported into it.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { openGazetteerDatabase } from "../store.js";
import { defaultInputs, describeInput, inputFiles, type DefaultInputs } from "./inputs.js";

export const FINGERPRINT_KEY = "default_fingerprint";

export function inputsFingerprint(inputs: DefaultInputs): string {
  const hash = createHash("sha256");
  for (const file of inputFiles(inputs)) {
    // A package's file by its name and version (reading cities500 would cost more than opening the gazetteer does),
    // a curated table by its content.
    const described = describeInput(file);
    hash.update(described === file ? readFileSync(file) : described);
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** Whether the default gazetteer at `path` was built from other inputs than these; false for a file it cannot read. */
export function isStaleDefault(path: string, inputs: DefaultInputs = defaultInputs()): boolean {
  let built: string | undefined;
  try {
    const db = openGazetteerDatabase(path, { readonly: true });
    try {
      built = db.prepare("SELECT value FROM meta WHERE key = ?").pluck().get(FINGERPRINT_KEY) as string | undefined;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
  return built !== inputsFingerprint(inputs);
}
