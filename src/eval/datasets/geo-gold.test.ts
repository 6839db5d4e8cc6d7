import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SitrepError } from "../../model/errors.js";
import { detectGeoGold } from "./geo-gold.js";

const LGL_SCHEMA = `<articles><article docid="1"><text>Homs</text><toponyms><toponym><start>0</start><end>4</end><phrase>Homs</phrase></toponym></toponyms></article></articles>`;
const GEOVIRUS = `<articles><article><source>s</source><text>Homs</text><locations><location><name>Homs</name><start>1</start><end>5</end></location></locations></article></articles>`;
const GWN = `<articles><article file="0"><text>Homs</text><toponyms/></article></articles>`;

async function tree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "sitrep-geo-gold-"));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, path, ".."), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

describe("detectGeoGold", () => {
  it("tells each format from a file or a folder", async () => {
    const root = await tree({
      "gwn/GWN.xml": GWN,
      "brat/5.ann": "T1\tLiteral 0 4\tHoms\n",
      "brat/5.txt": "Homs",
      "lgl/lgl.xml": LGL_SCHEMA,
      "tr/TR-News.xml": LGL_SCHEMA,
      "gv/GeoVirus.xml": GEOVIRUS,
      "idrisi/some_event/train.jsonl": "{}\n",
    });
    const detect = async (path: string): Promise<[string, string]> => {
      const found = await detectGeoGold(join(root, path));
      return [found.set.format, found.path.slice(root.length + 1)];
    };
    expect(await detect("gwn")).toEqual(["geowebnews", "gwn"]);
    expect(await detect("gwn/GWN.xml")).toEqual(["geowebnews", "gwn/GWN.xml"]);
    expect(await detect("brat")).toEqual(["geowebnews", "brat"]);
    expect(await detect("lgl")).toEqual(["lgl", "lgl/lgl.xml"]);
    expect(await detect("lgl/lgl.xml")).toEqual(["lgl", "lgl/lgl.xml"]);
    expect(await detect("tr/TR-News.xml")).toEqual(["tr-news", "tr/TR-News.xml"]);
    expect(await detect("gv")).toEqual(["geovirus", "gv/GeoVirus.xml"]);
    expect(await detect("idrisi")).toEqual(["idrisi-ar", "idrisi"]);
    expect(await detect("idrisi/some_event")).toEqual(["idrisi-ar", "idrisi/some_event"]);
    expect(await detect("idrisi/some_event/train.jsonl")).toEqual(["idrisi-ar", "idrisi/some_event/train.jsonl"]);
  });

  it("refuses a missing path and an unknown format with the error the CLI maps to an exit status", async () => {
    const root = await tree({ "other/notes.txt": "nothing here", "other.xml": "<root/>" });
    await expect(detectGeoGold(join(root, "absent"))).rejects.toMatchObject({ name: "SitrepError", code: "input-not-found" });
    await expect(detectGeoGold(join(root, "other"))).rejects.toBeInstanceOf(SitrepError);
    await expect(detectGeoGold(join(root, "other.xml"))).rejects.toMatchObject({ code: "input-format" });
  });
});
