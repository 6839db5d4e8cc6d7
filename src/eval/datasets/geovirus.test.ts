import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readGeoVirus } from "./geovirus.js";

// Invented, in GeoVirus's layout: offsets are 1-based (name = text[start-1:end-1]).
const GEOVIRUS = `<articles>
    <article>
        <source>https://example.org/wiki/Outbreak_in_Lakeside</source>
        <text>Cases rose in Lakeside, near Hilltown.</text>
        <locations>
            <location>
                <name>Lakeside</name>
                <start>15</start>
                <end>23</end>
                <lat>12.5</lat>
                <lon>-3.25</lon>
                <page>https://example.org/wiki/Lakeside</page>
            </location>
            <location>
                <name>Hilltown</name>
                <start>30</start>
                <end>38</end>
                <lat>12.75</lat>
                <lon>-3</lon>
                <page>https://example.org/wiki/Hilltown</page>
            </location>
        </locations>
    </article>
</articles>
    <!--<article>-->
        <!--<text></text>-->
    <!--</article>-->
`;

describe("readGeoVirus", () => {
  it("converts 1-based offsets to 0-based ones that slice the text, and ignores the commented-out template", async () => {
    const folder = await mkdtemp(join(tmpdir(), "sitrep-geovirus-"));
    await writeFile(join(folder, "GeoVirus.xml"), GEOVIRUS);
    const documents = await readGeoVirus(join(folder, "GeoVirus.xml"));
    expect(documents).toHaveLength(1);
    expect(documents[0]).toEqual({
      id: "1",
      url: "https://example.org/wiki/Outbreak_in_Lakeside",
      text: "Cases rose in Lakeside, near Hilltown.",
      toponyms: [
        { start: 14, end: 22, text: "Lakeside", lat: 12.5, lon: -3.25, geonameId: null },
        { start: 29, end: 37, text: "Hilltown", lat: 12.75, lon: -3, geonameId: null },
      ],
      dropped: [],
    });
  });
});
