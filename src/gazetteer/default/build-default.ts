/**
 * Builds the embedded default gazetteer: towns from cities500, first-level
 * regions, countries with their demonyms, continents, and the curated
 * overlay. It is written to a temporary file beside the target and renamed
 * into place only once complete, so a build that fails or is killed never
 * leaves a half database where sitrep would open it.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { SitrepError } from "../../model/errors.js";
import { importGeoNamesDump } from "../import/index.js";
import { GazetteerWriter, openGazetteerDatabase, type GazetteerDatabase } from "../store.js";
import { withNameIndexesDeferred } from "./bulk-load.js";
import { loadContinents } from "./continents.js";
import { loadAliases } from "./aliases.js";
import { loadCountries } from "./countries.js";
import { loadDemonyms } from "./demonyms.js";
import { FINGERPRINT_KEY, inputsFingerprint } from "./fingerprint.js";
import { defaultInputs, describeInput, inputFiles, type DefaultInputs } from "./inputs.js";
import { loadOverlay } from "./overlay.js";
import { loadDistricts, loadRegions } from "./regions.js";
import type { StepReport } from "./step-report.js";

export interface BuildOptions {
  /** Called as the build goes: bytes of input files done and in all. */
  onProgress?: (done: number, total: number) => void;
  /** Files to build from instead of the packaged ones, each on its own. */
  inputs?: Partial<DefaultInputs>;
}

export interface DefaultBuildReport {
  path: string;
  seconds: number;
  bytes: number;
  places: number;
  names: number;
  steps: StepReport[];
}

export async function buildDefaultGazetteer(path: string, options: BuildOptions = {}): Promise<DefaultBuildReport> {
  const started = performance.now();
  const inputs: DefaultInputs = { ...defaultInputs(), ...options.inputs };
  const sizes = inputSizes(inputs);
  const total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
  let done = 0;
  const finished = (...files: string[]): void => {
    for (const file of files) done += sizes.get(file) ?? 0;
    options.onProgress?.(done, total);
  };

  mkdirSync(dirname(path), { recursive: true });
  removeAbandonedBuilds(path);
  const temporary = `${path}.building-${process.pid}-${randomBytes(4).toString("hex")}`;
  const db = openGazetteerDatabase(temporary);
  let steps: StepReport[];
  try {
    // No journal to speak of: a failed build is thrown away whole, so there is nothing to recover.
    db.pragma("journal_mode = MEMORY");
    db.pragma("synchronous = OFF");
    const writer = new GazetteerWriter(db);
    steps = await withNameIndexesDeferred(db, async () => {
      const towns = await importGeoNamesDump(writer, inputs.cities, { onProgress: (bytes) => options.onProgress?.(done + bytes, total) });
      finished(inputs.cities);
      const loaded: StepReport[] = [
        { step: "towns", file: inputs.cities, places: towns.places, newNames: towns.newNames, notes: [`${towns.filteredNames.toLocaleString("en-US")} names in neither Latin nor Arabic script left out`] },
      ];
      loaded.push(loadRegions(writer, inputs.admin1));
      finished(inputs.admin1);
      loaded.push(loadDistricts(writer, inputs.admin2));
      finished(inputs.admin2);
      loaded.push(loadCountries(writer, inputs.countryNames, inputs.atlas, inputs.centres, inputs.countryPoints));
      finished(...inputs.countryNames, inputs.atlas, inputs.centres, inputs.countryPoints);
      loaded.push(loadDemonyms(writer, inputs.demonyms));
      finished(inputs.demonyms);
      loaded.push(loadContinents(writer, inputs.continents));
      finished(inputs.continents);
      for (const file of inputs.overlay) {
        loaded.push(loadOverlay(writer, file));
        finished(file);
      }
      loaded.push(loadAliases(writer, inputs.aliases));
      finished(inputs.aliases);
      return loaded;
    });
    recordBuild(db, inputs);
    db.close();
  } catch (error) {
    db.close();
    removeDatabase(temporary);
    throw error;
  }
  // The old file's journals belong to its name, not its contents: left beside the new file they would be replayed into it.
  rmSync(`${path}-wal`, { force: true });
  rmSync(`${path}-shm`, { force: true });
  renameSync(temporary, path);
  return { path, seconds: (performance.now() - started) / 1000, bytes: statSync(path).size, ...counts(path), steps };
}

/** Sizes of the input files, which also checks that they are all there before any time is spent on the first. */
function inputSizes(inputs: DefaultInputs): Map<string, number> {
  return new Map(
    inputFiles(inputs).map((file) => {
      try {
        return [file, statSync(file).size];
      } catch (error) {
        throw new SitrepError("input-not-found", `cannot build the default gazetteer: no input file ${file}`, { cause: error });
      }
    }),
  );
}

function recordBuild(db: GazetteerDatabase, inputs: DefaultInputs): void {
  const described = Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [name, Array.isArray(value) ? value.map(describeInput) : describeInput(value as string)]),
  );
  const setMeta = db.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  setMeta.run("default_built_at", new Date().toISOString());
  setMeta.run("default_inputs", JSON.stringify(described));
  setMeta.run(FINGERPRINT_KEY, inputsFingerprint(inputs));
}

function counts(path: string): { places: number; names: number } {
  const db = openGazetteerDatabase(path, { readonly: true });
  try {
    const count = (table: string): number => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return { places: count("places"), names: count("names") };
  } finally {
    db.close();
  }
}

/** Temporary files of builds whose process is gone (killed, crashed): each can weigh a hundred megabytes. */
function removeAbandonedBuilds(path: string): void {
  const pattern = new RegExp(`^${escapeRegExp(basename(path))}\\.building-(\\d+)-[0-9a-f]+$`);
  for (const name of readdirSync(dirname(path))) {
    const pid = Number(pattern.exec(name)?.[1] ?? Number.NaN);
    if (Number.isInteger(pid) && !isRunning(pid)) removeDatabase(join(dirname(path), name));
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function removeDatabase(path: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${path}${suffix}`, { force: true });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
