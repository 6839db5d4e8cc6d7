/**
 * What kind of source a span names, from its words (data/lexicons/source-kinds.tsv):
 * a reporter ("notre correspondant"), the publisher itself ("notre télévision"), a pointer back to an outlet named before
 * ("cette télévision", "the agency"), an anonymous source ("des sources",
 * "مصادر"), a witness, resident, activist, fighter, official or expert.
 */
import { fileURLToPath } from "node:url";
import { dataFileError, readDataFile, requiredField } from "../gazetteer/data-files.js";
import { phraseWords, PhraseMatcher } from "../text/phrases.js";

export const SOURCE_KINDS_FILE = fileURLToPath(new URL("../../data/lexicons/source-kinds.tsv", import.meta.url));

export const SOURCE_KINDS = ["reporter", "own-outlet", "outlet-anaphor", "anonymous", "witness", "resident", "activist", "fighter", "official", "expert"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

const isSourceKind = (value: string): value is SourceKind => (SOURCE_KINDS as readonly string[]).includes(value);

export function readSourceKinds(file: string = SOURCE_KINDS_FILE): PhraseMatcher<SourceKind> {
  const matcher = new PhraseMatcher<SourceKind>();
  for (const row of readDataFile(file, ["lang", "forms", "kind", "source"] as const)) {
    requiredField(row, "source");
    const kind = requiredField(row, "kind");
    if (!isSourceKind(kind)) throw dataFileError(row, `kind "${kind}" is none of ${SOURCE_KINDS.join(", ")}`);
    for (const form of requiredField(row, "forms").split("|")) matcher.add(phraseWords(form), kind);
  }
  return matcher;
}
