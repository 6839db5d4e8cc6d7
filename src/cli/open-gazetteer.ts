import { existsSync } from "node:fs";
import { SingleBar } from "cli-progress";
import type { Gazetteer } from "../gazetteer/gazetteer.js";
import { isStaleDefault } from "../gazetteer/default/fingerprint.js";
import { defaultGazetteerPath } from "../gazetteer/home.js";
import { openGazetteer } from "../gazetteer/open.js";
import type { Io } from "./io.js";

/** Opens the default gazetteer, telling the user, with a progress bar on a terminal, when it must be built first. */
export async function openGazetteerFor(io: Io): Promise<Gazetteer> {
  const path = defaultGazetteerPath();
  if (existsSync(path)) {
    if (isStaleDefault(path)) {
      io.stderr.write(`sitrep: ${path} was built from other data than this version embeds (an earlier sitrep, or curated tables changed since); \`sitrep gazetteer build\` rebuilds it, dropping imported dumps, which \`sitrep gazetteer import\` adds back\n`);
    }
    return openGazetteer({ path });
  }
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
