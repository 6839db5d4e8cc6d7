/** The project's small stand-ins for the embedded default's inputs (fixtures/gazetteer), and zips built in tests. */
import { fileURLToPath } from "node:url";
import yazl from "yazl";
import type { DefaultInputs } from "../gazetteer/default/inputs.js";

export const gazetteerFixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/gazetteer/${name}`, import.meta.url));

export const SMALL_DEFAULT_INPUTS: DefaultInputs = {
  cities: gazetteerFixture("towns.txt"),
  admin1: gazetteerFixture("default/admin1.json"),
  admin2: gazetteerFixture("default/admin2.json"),
  countryNames: ["fr", "en", "ar"].map((lang) => gazetteerFixture(`default/${lang}.json`)),
  atlas: gazetteerFixture("default/atlas.json"),
  centres: gazetteerFixture("default/centres-none.json"),
  countryPoints: gazetteerFixture("default/country-points-none.tsv"),
  demonyms: gazetteerFixture("default/demonyms.tsv"),
  continents: gazetteerFixture("default/continents.tsv"),
  overlay: [gazetteerFixture("default/overlay.tsv")],
  aliases: gazetteerFixture("default/aliases.tsv"),
};

/** A zip archive of `entries`, as GeoNames distributes its dumps. */
export async function zipOf(entries: Record<string, string | Buffer>, compress = true): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(entries)) zip.addBuffer(Buffer.from(content), name, { compress });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
