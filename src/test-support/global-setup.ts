/**
 * Builds the embedded default gazetteer once for the whole test run, in a
 * SITREP_HOME of its own, so that tests run on the real default and never
 * touch the user's. The folder is named after a hash of what the build reads
 * (curated data and builder code), so a changed input gets a fresh build.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildDefaultGazetteer } from "../gazetteer/default/index.js";

declare module "vitest" {
  export interface ProvidedContext {
    sitrepHome: string;
  }
}

const root = new URL("../../", import.meta.url).pathname;

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export default async function setup(project: TestProject): Promise<void> {
  const hash = createHash("sha256");
  for (const file of [...filesUnder(join(root, "data", "gazetteer")), ...filesUnder(join(root, "src", "gazetteer"))].sort()) hash.update(file).update(readFileSync(file));
  const home = join(tmpdir(), `sitrep-test-home-${hash.digest("hex").slice(0, 16)}`);
  const path = join(home, "gazetteer.sqlite");
  if (!existsSync(path)) await buildDefaultGazetteer(path);
  project.provide("sitrepHome", home);
}
