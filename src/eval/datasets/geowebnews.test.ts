import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseBratDocument, readGeoWebNews } from "./geowebnews.js";

// An invented article in both GeoWebNews formats. The BRAT text starts with the
// generator's TITLE/LINK line; GWN.xml's text is the rest, with offsets relative to it.
const HEADER = "TITLE: Border town shelled LINK: http://example.org/a\n";
const BODY = "BORDERTOWN (AP) — Ruritania shelled a town in Freedonia & its capital. Freedonian officials protested.";
const at = (phrase: string, from = 0): number => BODY.indexOf(phrase, from);

const ANN = [
  `T1\tLiteral ${HEADER.length + at("BORDERTOWN")} ${HEADER.length + at("BORDERTOWN") + 10}\tBORDERTOWN`,
  `#1\tAnnotatorNotes T1\t45.5, 12.25`,
  `T2\tMetonymic ${HEADER.length + at("Ruritania")} ${HEADER.length + at("Ruritania") + 9}\tRuritania`,
  `#2\tAnnotatorNotes T2\t1000001`,
  `T3\tLiteral_Expression ${HEADER.length + at("town in")} ${HEADER.length + at("town in") + 4}\ttown`,
  `T4\tLiteral ${HEADER.length + at("Freedonia")} ${HEADER.length + at("Freedonia") + 9}\tFreedonia`,
  `#3\tAnnotatorNotes T4\t1000002`,
  `T5\tDemonym ${HEADER.length + at("Freedonian")} ${HEADER.length + at("Freedonian") + 10}\tFreedonian`,
  `#4\tAnnotatorNotes T5\tN/A`,
  `T6\tLiteral 7 12\tBorder`,
  `A1\tModifier_Type T2 Noun`,
  "",
].join("\n");

const toponym = (fields: Record<string, string>): string =>
  `\t\t\t<toponym>\n${Object.entries(fields)
    .map(([name, value]) => (value === "" ? `\t\t\t\t<${name}/>` : `\t\t\t\t<${name}>${value}</${name}>`))
    .join("\n")}\n\t\t\t</toponym>`;

const GWN_XML = `<?xml version="1.0" ?>
<articles>
\t<!--invented fixture-->
\t<article file="3">
\t\t<title>Border town shelled</title>
\t\t<link>http://example.org/a</link>
\t\t<text>${BODY.replace("&", "&amp;")}</text>
\t\t<toponyms>
${toponym({ extractedName: "BORDERTOWN", type: "Literal", nonLocational: "No", start: String(at("BORDERTOWN")), end: String(at("BORDERTOWN") + 10), geonamesID: "", latitude: "45.5", longitude: "12.25" })}
${toponym({ extractedName: "Ruritania", type: "Metonymic", nonLocational: "No", start: String(at("Ruritania")), end: String(at("Ruritania") + 9), geonamesID: "", latitude: "50", longitude: "10" })}
${toponym({ extractedName: "town", type: "Literal_Expression", nonLocational: "No", start: String(at("town in")), end: String(at("town in") + 4) })}
${toponym({ extractedName: "Freedonia", type: "Literal", nonLocational: "No", start: String(at("Freedonia")), end: String(at("Freedonia") + 9), geonamesID: "1000002", latitude: "40.5", longitude: "20.75" })}
${toponym({ extractedName: "Freedonian", type: "Demonym", nonLocational: "No", start: String(at("Freedonian")), end: String(at("Freedonian") + 10) })}
\t\t</toponyms>
\t</article>
</articles>
`;

async function fixture(withXml: boolean, withBrat: boolean): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "sitrep-gwn-"));
  if (withXml) await writeFile(join(folder, "GWN.xml"), GWN_XML);
  if (withBrat) {
    await mkdir(join(folder, "GeoWebNews"));
    await writeFile(join(folder, "GeoWebNews", "3.txt"), HEADER + BODY);
    await writeFile(join(folder, "GeoWebNews", "3.ann"), ANN);
  }
  return folder;
}

describe("readGeoWebNews", () => {
  it("reads GWN.xml: exact text, types as kind, coordinates, and fills a missing GeoNames id from the BRAT note", async () => {
    const [document, ...rest] = await readGeoWebNews(await fixture(true, true));
    expect(rest).toEqual([]);
    expect(document?.id).toBe("3");
    expect(document?.url).toBe("http://example.org/a");
    expect(document?.text).toBe(BODY);
    expect(document?.toponyms.map(({ text, kind, lat, lon, geonameId }) => ({ text, kind, lat, lon, geonameId }))).toEqual([
      { text: "BORDERTOWN", kind: "Literal", lat: 45.5, lon: 12.25, geonameId: null },
      { text: "Ruritania", kind: "Metonymic", lat: 50, lon: 10, geonameId: "1000001" },
      { text: "town", kind: "Literal_Expression", lat: null, lon: null, geonameId: null },
      { text: "Freedonia", kind: "Literal", lat: 40.5, lon: 20.75, geonameId: "1000002" },
      { text: "Freedonian", kind: "Demonym", lat: null, lon: null, geonameId: null },
    ]);
    for (const toponym of document?.toponyms ?? []) expect(BODY.slice(toponym.start, toponym.end)).toBe(toponym.text);
  });

  it("reads GWN.xml given as a file", async () => {
    const folder = await fixture(true, false);
    const [document] = await readGeoWebNews(join(folder, "GWN.xml"));
    expect(document?.toponyms).toHaveLength(5);
    expect(document?.toponyms[1]?.geonameId).toBeNull();
  });

  it("reads the BRAT folder alone: header line left out, its spans dropped, notes as ids or coordinates", async () => {
    const folder = await fixture(false, true);
    const [document] = await readGeoWebNews(folder);
    expect(document?.text).toBe(BODY);
    expect(document?.toponyms.map(({ text, kind, lat, lon, geonameId }) => ({ text, kind, lat, lon, geonameId }))).toEqual([
      { text: "BORDERTOWN", kind: "Literal", lat: 45.5, lon: 12.25, geonameId: null },
      { text: "Ruritania", kind: "Metonymic", lat: null, lon: null, geonameId: "1000001" },
      { text: "town", kind: "Literal_Expression", lat: null, lon: null, geonameId: null },
      { text: "Freedonia", kind: "Literal", lat: null, lon: null, geonameId: "1000002" },
      { text: "Freedonian", kind: "Demonym", lat: null, lon: null, geonameId: null },
    ]);
    expect(document?.dropped).toEqual([{ start: 7, end: 12, text: "Border", code: "unaligned", reason: expect.stringContaining("header") }]);
    expect(await readGeoWebNews(join(folder, "GeoWebNews"))).toEqual([document]);
  });

  it("keeps a BRAT file without a header as it is", () => {
    const document = parseBratDocument("x", "Aleppo today.", "T1\tLiteral 0 6\tAleppo\n#1\tAnnotatorNotes T1\t170063\n");
    expect(document.toponyms).toEqual([{ start: 0, end: 6, text: "Aleppo", lat: null, lon: null, geonameId: "170063", kind: "Literal" }]);
  });
});
