import { readFile } from "node:fs/promises";
import { buildGeoDocument, parseCoordinates, type GeoDocument, type StatedToponym } from "./geo-document.js";
import { childText, element, elements, parseXml } from "./xml.js";

/**
 * geovirus/GeoVirus.xml (Gritta et al. 2018): `<article><source>…<text>…
 * <locations><location><name><start><end><lat><lon><page>`. Its offsets are
 * 1-based: the name is `text[start-1:end-1]` for every one of them, so they are
 * moved one to the left here. Articles have no id; the id is the position.
 */
export async function readGeoVirus(path: string): Promise<GeoDocument[]> {
  return parseGeoVirusXml(await readFile(path, "utf8"));
}

export function parseGeoVirusXml(xml: string): GeoDocument[] {
  const root = parseXml(xml, ["article", "location"]);
  return elements(element(root, "articles"), "article").map((article, i) => {
    const text = childText(article, "text") ?? "";
    const stated = elements(element(article, "locations"), "location").map(
      (location): StatedToponym => ({
        start: Number(childText(location, "start")) - 1,
        end: Number(childText(location, "end")) - 1,
        text: childText(location, "name") ?? "",
        ...parseCoordinates(childText(location, "lat"), childText(location, "lon")),
        geonameId: null,
      }),
    );
    const url = childText(article, "source")?.trim();
    return buildGeoDocument(String(i + 1), text, stated, url || undefined);
  });
}
