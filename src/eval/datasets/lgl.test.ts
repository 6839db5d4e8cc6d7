import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { countGeoDocuments } from "./geo-document.js";
import { readLgl } from "./lgl.js";
import { readTrNews } from "./tr-news.js";

// Invented articles in the LGL / TR-News schema.
const LGL = `<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="7001">
    <title>Flooding in Smallville</title>
    <url>http://example.org/smallville</url>
    <text><![CDATA[Smallville & Riverton flooded. Officials in Riverton said so.]]></text>
    <toponyms count="2">
      <toponym>
        <start>0</start>
        <end>10</end>
        <phrase>Smallville</phrase>
        <gaztag geonameid="1234567">
          <name>Smallville</name>
          <lat>38.5</lat>
          <lon>-97.25</lon>
        </gaztag>
      </toponym>
      <toponym>
        <start>44</start>
        <end>52</end>
        <phrase>Riverton</phrase>
      </toponym>
    </toponyms>
  </article>
  <article docid="7002">
    <text><![CDATA[ Nothing happened.]]></text>
    <toponyms/>
  </article>
</articles>
`;

// TR-News states some offsets a few characters right of the phrase, and one end short.
const TR_NEWS = `<?xml version="1.0" encoding="utf-8"?>
<articles>
    <article docid="9001">
        <text><![CDATA[Envoys met in Ankara.
Later, troops left Mosul for Kirkuk.]]></text>
        <toponyms>
            <toponym><start>14</start><end>20</end><phrase>Ankara</phrase>
                <gaztag geonameid="323786"><lat>39.91987</lat><lon>32.85427</lon></gaztag></toponym>
            <toponym><start>45</start><end>50</end><phrase>Mosul</phrase>
                <gaztag geonameid="99072"><lat>36.335</lat><lon>43.11889</lon></gaztag></toponym>
            <toponym><start>51</start><end>56</end><phrase>Kirkuk</phrase>
                <gaztag geonameid="94787"><lat>35.46806</lat><lon>44.39222</lon></gaztag></toponym>
            <toponym><start>3</start><end>9</end><phrase>Baghdad</phrase></toponym>
        </toponyms>
    </article>
</articles>
`;

async function fixture(name: string, content: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "sitrep-lgl-"));
  await writeFile(join(folder, name), content);
  return join(folder, name);
}

describe("readLgl", () => {
  it("reads text exactly (entities decoded, leading space kept), offsets, GeoNames ids and coordinates", async () => {
    const documents = await readLgl(await fixture("lgl.xml", LGL));
    expect(documents.map((document) => document.id)).toEqual(["7001", "7002"]);
    const [first, second] = documents;
    expect(first?.text).toBe("Smallville & Riverton flooded. Officials in Riverton said so.");
    expect(first?.url).toBe("http://example.org/smallville");
    expect(first?.toponyms).toEqual([
      { start: 0, end: 10, text: "Smallville", lat: 38.5, lon: -97.25, geonameId: "1234567" },
      { start: 44, end: 52, text: "Riverton", lat: null, lon: null, geonameId: null },
    ]);
    expect(second).toEqual({ id: "7002", text: " Nothing happened.", toponyms: [], dropped: [] });
  });
});

describe("readTrNews", () => {
  it("moves shifted offsets back onto the phrase, keeps what was stated, and drops what cannot be found", async () => {
    const [document] = await readTrNews(await fixture("TR-News.xml", TR_NEWS));
    const text = document?.text ?? "";
    for (const toponym of document?.toponyms ?? []) expect(text.slice(toponym.start, toponym.end)).toBe(toponym.text);
    expect(document?.toponyms.map(({ text: name, start, end, stated }) => ({ name, start, end, stated }))).toEqual([
      { name: "Ankara", start: 14, end: 20, stated: undefined },
      { name: "Mosul", start: 41, end: 46, stated: { start: 45, end: 50 } },
      { name: "Kirkuk", start: 51, end: 57, stated: { start: 51, end: 56 } },
    ]);
    expect(document?.dropped).toEqual([{ start: 3, end: 9, text: "Baghdad", code: "unaligned", reason: expect.stringContaining("Baghdad") }]);
    expect(countGeoDocuments(document ? [document] : [])).toEqual({
      documents: 1,
      toponyms: 3,
      withCoordinates: 3,
      withGeonameId: 3,
      corrected: 2,
      dropped: 1,
      duplicates: 0,
    });
  });
});
