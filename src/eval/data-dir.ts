import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Where the public gold data lives: `--data`, else $SITREP_DATA, else a
 * `shared/data` folder beside the project checkout. sitrep reads it in its
 * original formats and never copies it.
 */
export function resolveDataDir(given: string | undefined): string {
  if (given !== undefined) return resolve(given);
  if (process.env.SITREP_DATA) return resolve(process.env.SITREP_DATA);
  const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
  return resolve(projectRoot, "..", "shared", "data");
}

export function datasetPath(dataDir: string, ...parts: string[]): string | null {
  const path = join(dataDir, ...parts);
  return existsSync(path) ? path : null;
}
