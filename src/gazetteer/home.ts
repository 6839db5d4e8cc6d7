import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import envPaths from "env-paths";

/**
 * Everything sitrep keeps (gazetteer, default corpus database) lives under
 * one folder, $SITREP_HOME or the platform's user data folder, so that two
 * settings never mix.
 */
export function sitrepHome(): string {
  const home = process.env.SITREP_HOME ? resolve(process.env.SITREP_HOME) : envPaths("sitrep", { suffix: "" }).data;
  mkdirSync(home, { recursive: true });
  return home;
}

export function defaultGazetteerPath(): string {
  return join(sitrepHome(), "gazetteer.sqlite");
}
export function defaultCorpusPath(): string {
  return join(sitrepHome(), "corpus.sqlite");
}
