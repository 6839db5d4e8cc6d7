import { existsSync } from "node:fs";
import { SingleBar } from "cli-progress";
import type { Gazetteer } from "../gazetteer/gazetteer.js";
import { defaultGazetteerPath } from "../gazetteer/home.js";
import { openGazetteer } from "../gazetteer/open.js";
import type { Io } from "./io.js";

/** Opens the default gazetteer, telling the user, with a progress bar on a terminal, when it must be built first. */
export async function openGazetteerFor(io: Io): Promise<Gazetteer> {
  const path = defaultGazetteerPath();
  if (existsSync(path)) return openGazetteer({ path });
  io.stderr.write(`sitrep: building the default gazetteer in ${path} (first use; under a minute)\n`);
  if (!io.stderr.isTTY) return openGazetteer({ path });
  const bar = new SingleBar({ stream: io.stderr, format: "  gazetteer [{bar}] {percentage}% {eta_formatted}", hideCursor: true });
  bar.start(1, 0);
  try {
    return await openGazetteer({ path, onProgress: (done, total) => bar.setTotal(total) === undefined && bar.update(done) });
  } finally {
    bar.stop();
  }
}
