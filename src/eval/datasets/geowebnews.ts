import { existsSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import {
  buildGeoDocument,
  parseCoordinates,
  parseGeonameId,
  type DroppedToponym,
  type GeoDocument,
  type StatedToponym,
} from "./geo-document.js";
import { attribute, childText, element, elements, parseXml } from "./xml.js";

/**
 * GeoWebNews (Gritta et al. 2019) types, grouped as the authors' own analysis
 * code groups them (`label_map` in their dataset scripts). Non_Toponym,
 * Literal_Expression and Non_Lit_Expression are annotated too but are not
 * toponyms: the enclosing name ("Louisiana State University") and common
 * nouns ("the city") kept for NER augmentation.
 */
export const GWN_LITERAL_TYPES: ReadonlySet<string> = new Set(["Literal", "Mixed", "Literal_Modifier", "Coercion", "Embedded_Literal"]);
export const GWN_ASSOCIATIVE_TYPES: ReadonlySet<string> = new Set(["Metonymic", "Demonym", "Non_Literal_Modifier", "Embedded_Non_Lit", "Homonym", "Language"]);

const BRAT_FOLDER = "GeoWebNews";
const XML_FILE = "GWN.xml";

/**
 * GeoWebNews from the folder that holds GWN.xml and the BRAT folder, from
 * GWN.xml alone, or from the BRAT folder alone. Every annotation is kept with
 * its type as `kind`; the task decides which types count.
 *
 * GWN.xml is preferred: it has the type, coordinates and GeoNames id of each
 * toponym, and fixes a BRAT span ("BA-Karachi" for "Karachi"). Its text is the
 * BRAT text without the generator's first line (`TITLE: … LINK: …`), and its
 * offsets are relative to that. Where GWN.xml has no GeoNames id but the BRAT
 * note of the same span and type has one, the BRAT id is used.
 */
export async function readGeoWebNews(path: string): Promise<GeoDocument[]> {
  if (!(await stat(path)).isDirectory()) {
    const brat = join(dirname(path), BRAT_FOLDER);
    return readGwnXml(path, existsSync(brat) ? brat : undefined);
  }
  const brat = existsSync(join(path, BRAT_FOLDER)) ? join(path, BRAT_FOLDER) : path;
  if (existsSync(join(path, XML_FILE))) return readGwnXml(join(path, XML_FILE), brat === path ? undefined : brat);
  return readGeoWebNewsBrat(brat);
}

export async function readGwnXml(file: string, bratFolder?: string): Promise<GeoDocument[]> {
  const documents = parseGwnXml(await readFile(file, "utf8"));
  if (bratFolder === undefined) return documents;
  return Promise.all(
    documents.map(async (document) => {
      // An article without BRAT files keeps GWN.xml's ids: the BRAT ids only fill gaps.
      if (!existsSync(join(bratFolder, `${document.id}.ann`))) return document;
      return withBratIds(document, await readBratDocument(bratFolder, document.id));
    }),
  );
}

export function parseGwnXml(xml: string): GeoDocument[] {
  const root = parseXml(xml, ["article", "toponym"]);
  return elements(element(root, "articles"), "article").map((article, i) => {
    const text = childText(article, "text") ?? "";
    const stated = elements(element(article, "toponyms"), "toponym").map((toponym): StatedToponym => {
      const type = childText(toponym, "type")?.trim();
      return {
        start: Number(childText(toponym, "start")),
        end: Number(childText(toponym, "end")),
        text: childText(toponym, "extractedName") ?? "",
        ...parseCoordinates(childText(toponym, "latitude"), childText(toponym, "longitude")),
        geonameId: parseGeonameId(childText(toponym, "geonamesID")),
        ...(type ? { kind: type } : {}),
      };
    });
    const url = childText(article, "link")?.trim();
    return buildGeoDocument(attribute(article, "file") ?? String(i), text, stated, url || undefined);
  });
}

/** The BRAT folder alone: `N.txt` + `N.ann` for every N, in numeric order. */
export async function readGeoWebNewsBrat(folder: string): Promise<GeoDocument[]> {
  const ids = (await readdir(folder))
    .filter((name) => name.endsWith(".ann"))
    .map((name) => name.slice(0, -".ann".length))
    .sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Promise.all(ids.map((id) => readBratDocument(folder, id)));
}

async function readBratDocument(folder: string, id: string): Promise<GeoDocument> {
  const [text, ann] = await Promise.all([readFile(join(folder, `${id}.txt`), "utf8"), readFile(join(folder, `${id}.ann`), "utf8")]);
  return parseBratDocument(id, text, ann);
}

/**
 * One BRAT document: `T1<TAB>Type start end<TAB>text` spans and
 * `#1<TAB>AnnotatorNotes T1<TAB>note` notes, where the note is a GeoNames id,
 * or "lat, lon" for places GeoNames lacks. The first line, `TITLE: … LINK: …`,
 * is left out of the text (as in GWN.xml); the few spans inside it are dropped.
 */
export function parseBratDocument(id: string, fileText: string, ann: string): GeoDocument {
  const header = fileText.startsWith("TITLE: ") && fileText.includes("\n") ? fileText.slice(0, fileText.indexOf("\n") + 1) : "";
  const text = fileText.slice(header.length);
  const spans = new Map<string, StatedToponym>();
  const unusable: DroppedToponym[] = [];
  const notes = new Map<string, string>();
  for (const line of ann.split("\n")) {
    const [key = "", info = "", value = ""] = line.replace(/\r$/, "").split("\t");
    if (key.startsWith("T")) {
      const [type = "", offsets = ""] = splitOnce(info, " ");
      const match = /^(\d+) (\d+)$/.exec(offsets);
      if (match === null) {
        const [first = Number.NaN, last = Number.NaN] = offsets.split(/[ ;]/).map(Number);
        unusable.push({ start: first, end: last, text: value, code: "unaligned", reason: `BRAT offsets "${offsets}" are not one contiguous span` });
        continue;
      }
      const start = Number(match[1]) - header.length;
      const end = Number(match[2]) - header.length;
      if (start < 0) {
        unusable.push({ start: start + header.length, end: end + header.length, text: value, code: "unaligned", reason: "inside the TITLE/LINK header line, which is not article text" });
        continue;
      }
      spans.set(key, { start, end, text: value, lat: null, lon: null, geonameId: null, kind: type });
    } else if (key.startsWith("#")) {
      const [kind = "", target = ""] = info.split(" ");
      if (kind === "AnnotatorNotes") notes.set(target, value.trim());
    }
  }
  for (const [target, note] of notes) {
    const span = spans.get(target);
    if (span === undefined) continue;
    const point = /^(-?\d+(?:\.\d+)?),\s*(-?\d+(?:\.\d+)?)$/.exec(note);
    if (point) Object.assign(span, parseCoordinates(point[1], point[2]));
    else span.geonameId = parseGeonameId(note);
  }
  const document = buildGeoDocument(id, text, [...spans.values()]);
  document.dropped.push(...unusable);
  return document;
}

function withBratIds(document: GeoDocument, brat: GeoDocument): GeoDocument {
  const ids = new Map(brat.toponyms.filter((toponym) => toponym.geonameId !== null).map((toponym) => [`${toponym.start}:${toponym.end}:${toponym.kind}`, toponym.geonameId]));
  return {
    ...document,
    toponyms: document.toponyms.map((toponym) =>
      toponym.geonameId === null ? { ...toponym, geonameId: ids.get(`${toponym.start}:${toponym.end}:${toponym.kind}`) ?? null } : toponym,
    ),
  };
}

function splitOnce(value: string, separator: string): [string, string] {
  const at = value.indexOf(separator);
  return at < 0 ? [value, ""] : [value.slice(0, at), value.slice(at + separator.length)];
}
