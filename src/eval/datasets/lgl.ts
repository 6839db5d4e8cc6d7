import { readFile } from "node:fs/promises";
import { buildGeoDocument, parseCoordinates, parseGeonameId, type GeoDocument, type StatedToponym } from "./geo-document.js";
import { attribute, childText, element, elements, parseXml } from "./xml.js";

/**
 * lgl/lgl.xml (Lieberman et al. 2010), and the same schema in TR-News.xml:
 * `<article docid><url><text>…</text><toponyms><toponym><start><end><phrase>`
 * with, for resolved toponyms, `<gaztag geonameid><lat><lon>…</gaztag>`.
 * Offsets are 0-based, end exclusive.
 */
export async function readLgl(path: string): Promise<GeoDocument[]> {
  return parseLglXml(await readFile(path, "utf8"));
}

export function parseLglXml(xml: string): GeoDocument[] {
  const root = parseXml(xml, ["article", "toponym"]);
  return elements(element(root, "articles"), "article").map((article, i) => {
    const text = childText(article, "text") ?? "";
    const stated = elements(element(article, "toponyms"), "toponym").map((toponym): StatedToponym => {
      const gaztag = element(toponym, "gaztag");
      return {
        start: Number(childText(toponym, "start")),
        end: Number(childText(toponym, "end")),
        text: childText(toponym, "phrase") ?? "",
        ...parseCoordinates(childText(gaztag, "lat"), childText(gaztag, "lon")),
        geonameId: parseGeonameId(attribute(gaztag, "geonameid")),
      };
    });
    const url = childText(article, "url")?.trim();
    return buildGeoDocument(attribute(article, "docid") ?? String(i + 1), text, stated, url || undefined);
  });
}
