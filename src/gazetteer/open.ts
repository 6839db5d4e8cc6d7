/**
 * The gazetteer sitrep reads: the file at `path` (by default in SITREP_HOME),
 * built from the embedded default the first time it is asked for. Opening an
 * existing file costs one stat and one SQLite open.
 */
import { existsSync } from "node:fs";
import type { BuildOptions } from "./default/index.js";
import { Gazetteer } from "./gazetteer.js";
import { defaultGazetteerPath } from "./home.js";

export interface OpenGazetteerOptions extends BuildOptions {
  path?: string;
}

/** Async because a missing gazetteer is built first, streaming its inputs; `onProgress` and `inputs` apply to that build. */
export async function openGazetteer(options: OpenGazetteerOptions = {}): Promise<Gazetteer> {
  const { path = defaultGazetteerPath(), ...build } = options;
  if (!existsSync(path)) {
    // Loaded only when needed: the builder's dependencies (zip, atlas, country names) cost more to load than opening does.
    const { buildDefaultGazetteer } = await import("./default/index.js");
    await buildDefaultGazetteer(path, build);
  }
  return new Gazetteer(path);
}
