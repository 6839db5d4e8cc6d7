import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readActorDictionary } from "../actors/dictionary.js";
import { ingestDocument } from "../analyze/input.js";
import type { Doc } from "../model/document.js";
import { createTextStages } from "../pipeline/default.js";
import { runPipeline } from "../pipeline/stage.js";
import { phraseWords } from "../text/phrases.js";
import { OUTLET_ALIGNMENTS, OutletRegistry, readOutletRegistry } from "./outlets.js";

const outlets = readOutletRegistry();
const registry = new OutletRegistry(outlets);
const stages = createTextStages();

async function doc(text: string): Promise<Doc> {
  return runPipeline(stages, await ingestDocument(text));
}

async function mentioned(text: string): Promise<[string, string][]> {
  return registry.mentions(await doc(text)).map((mention) => [mention.text, mention.outlet.id]);
}

/** Words the Arabic press puts before an outlet's name: channel, agency, newspaper, site, network, radio station, magazine, portal. */
const ARABIC_DESCRIPTORS: ReadonlySet<string> = new Set(["قناة", "وكالة", "صحيفة", "جريدة", "موقع", "شبكة", "إذاعة", "مجلة", "بوابة", "مركز", "منظمة"]);

const HEADER = "id\tname\tnames\tdomains\tcountry\tlanguages\tkind\townership\towner\talignment\taffiliation\tsource";
const GOOD_ROW = "test-tv\tTest TV\ten:Test TV\ttest-tv.example\tLB\tar\tbroadcaster\tprivate\t\tindependent\t\thttps://example.org/about";

function tempFile(...rows: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), "sitrep-outlets-")), "outlets.tsv");
  writeFileSync(file, ["# test outlets", HEADER, ...rows].join("\n") + "\n");
  return file;
}

describe("the shipped outlet registry", () => {
  it("loads, with at least 250 outlets, every one with a source and a known alignment", () => {
    expect(outlets.length).toBeGreaterThanOrEqual(250);
    for (const outlet of outlets) {
      expect(outlet.source, outlet.id).toMatch(/https?:\/\//);
      expect(OUTLET_ALIGNMENTS, outlet.id).toContain(outlet.alignment);
    }
  });

  it("links party and armed-group outlets to actors that exist", () => {
    const actorIds = new Set(readActorDictionary().map((actor) => actor.id));
    expect(registry.get("al-manar")).toMatchObject({ alignment: "party-affiliated", affiliation: "hezbollah", country: "LB" });
    expect(registry.get("amaq")).toMatchObject({ alignment: "armed-group-affiliated", affiliation: "isis" });
    for (const outlet of outlets) if (outlet.affiliation !== null) expect(actorIds.has(outlet.affiliation), outlet.id).toBe(true);
  });

  it("has an outlet for every outlet id that actors.tsv gives a label to", () => {
    const labelled = new Set(readActorDictionary().flatMap((actor) => actor.outletLabels.map((label) => label.outlet)));
    for (const id of labelled) expect(registry.get(id), id).toBeDefined();
  });

  it("lists no name that is another of its names with a descriptor before it (the name alone matches)", () => {
    const descriptor = (word: string) => /^\p{Ll}/u.test(word) || ARABIC_DESCRIPTORS.has(word);
    const redundant: string[] = [];
    for (const outlet of outlets) {
      const forms = outlet.names.map((entry) => entry.name.split(/[\s\-‐‑]+/u).filter((word) => word !== ""));
      for (const form of forms) {
        const shorter = forms.find((other) => other.length > 0 && other.length < form.length && other.join(" ").toLowerCase() === form.slice(-other.length).join(" ").toLowerCase());
        if (shorter && form.slice(0, -shorter.length).every(descriptor)) redundant.push(`${outlet.id}: ${form.join(" ")}`);
      }
    }
    expect(redundant).toEqual([]);
  });

  it("gives no name to two outlets", () => {
    const owner = new Map<string, string>();
    const shared: string[] = [];
    for (const outlet of outlets) {
      const keys = new Set([outlet.name, ...outlet.names.map((entry) => entry.name)].map((name) => phraseWords(name.replace(/[^\p{L}\p{M}\p{N}'’\s-]+/gu, " ")).map((word) => word.text).join(" ")));
      for (const key of keys) {
        const first = owner.get(key);
        if (first !== undefined && first !== outlet.id) shared.push(`${key}: ${first}, ${outlet.id}`);
        owner.set(key, outlet.id);
      }
    }
    expect(shared).toEqual([]);
  });
});

describe("OutletRegistry lookups", () => {
  it("finds the outlet of a URL by its host or a parent domain, the longest path prefix first", () => {
    expect(registry.byUrl("https://english.almanar.com.lb/123")?.id).toBe("al-manar");
    expect(registry.byUrl("https://www.france24.com/ar/الشرق-الأوسط/20240101")?.id).toBe("france-24-ar");
    expect(registry.byUrl("https://www.france24.com/fr/afrique/20240101")?.id).toBe("france-24");
    expect(registry.byUrl("https://www.bbc.com/arabic/articles/c123")?.id).toBe("bbc-arabic");
    expect(registry.byUrl("https://www.bbc.com/news/world-123")?.id).toBe("bbc");
    expect(registry.byUrl("https://www.rfi.fr/fr/afrique/20240101-mali")?.id).toBe("rfi-afrique");
    expect(registry.byUrl("https://today.lorientlejour.com/article/1")?.id).toBe("lorient-today");
    expect(registry.byUrl("almanar.com.lb")?.id).toBe("al-manar");
    expect(registry.byUrl("https://example.org/")).toBeUndefined();
    expect(registry.byUrl("not a url")).toBeUndefined();
  });

  it("finds the outlet a metadata string names: id, name or domain, folded", () => {
    expect(registry.byName("AFP")?.id).toBe("afp");
    expect(registry.byName("Agence France-Presse")?.id).toBe("afp");
    expect(registry.byName("Al-Manar")?.id).toBe("al-manar");
    expect(registry.byName("al manar")?.id).toBe("al-manar");
    expect(registry.byName("almanar.com.lb")?.id).toBe("al-manar");
    expect(registry.byName("المنار")?.id).toBe("al-manar");
    expect(registry.byName("Al-Akhbar (Lebanon)")?.id).toBe("al-akhbar");
    expect(registry.byName("sana")?.id).toBe("sana");
    expect(registry.byName("Nobody's Gazette")).toBeUndefined();
  });
});

describe("OutletRegistry.mentions", () => {
  it("finds outlets named in a French sentence", async () => {
    const found = await mentioned("Selon la chaîne al-Mayadeen et le quotidien al-Akhbar, proche du Hezbollah, l'AFP n'a pas pu confirmer.");
    expect(found).toEqual([
      ["al-Mayadeen", "al-mayadeen"],
      ["al-Akhbar", "al-akhbar"],
      ["AFP", "afp"],
    ]);
  });

  it("finds outlets named in an Arabic sentence, with and without a proclitic", async () => {
    const found = await mentioned("قالت المنار إن الغارة أصابت المبنى، ونقلت وكالة سانا عن مصدر عسكري أن وكالة رويترز لم تؤكد ذلك.");
    expect(found).toContainEqual(["المنار", "al-manar"]);
    expect(found).toContainEqual(["سانا", "sana"]);
    expect(found).toContainEqual(["رويترز", "reuters"]);
  });

  it("keeps the longest name and leaves out the possessive", async () => {
    expect(await mentioned("The Times of Israel and Al Jazeera's correspondent reported it, as did Al Jazeera English.")).toEqual([
      ["The Times of Israel", "times-of-israel"],
      ["Al Jazeera", "al-jazeera"],
      ["Al Jazeera English", "al-jazeera-english"],
    ]);
  });

  it("matches short capitals only as written and capitalised names only where capitalised", async () => {
    expect(await mentioned("The afp file and the sana region were mentioned, but SANA said so.")).toEqual([["SANA", "sana"]]);
    expect(await mentioned("Le monde entier regarde ; Le Monde a publié l'enquête.")).toEqual([["Le Monde", "le-monde"]]);
  });

  it("does not take a one-word name that runs on into a longer proper name", async () => {
    expect(await mentioned("The Guardian Council rejected the candidates, the Guardian reported.")).toEqual([["the Guardian", "guardian"]]);
    expect(await mentioned("The National Guard deployed; Reuters Institute data, Reuters Monday.")).toEqual([["Reuters", "reuters"]]);
  });
});

describe("readOutletRegistry refuses bad rows", () => {
  it("reads a good row", () => {
    expect(readOutletRegistry(tempFile(GOOD_ROW))).toMatchObject([{ id: "test-tv", names: [{ language: "en", name: "Test TV" }], line: 3 }]);
  });

  const bad: [string, string, RegExp][] = [
    ["a missing source", GOOD_ROW.replace("https://example.org/about", ""), /line 3: outlet "test-tv": source is empty/],
    ["an unknown alignment", GOOD_ROW.replace("independent", "pro-government"), /line 3: .*alignment must be one of/],
    ["an affiliation that is not an actor", GOOD_ROW.replace("private\t\tindependent\t", "party\t\tparty-affiliated\tnot-an-actor"), /line 3: .*affiliation "not-an-actor" is not an actor id/],
    ["a bad country code", GOOD_ROW.replace("\tLB\t", "\tXX\t"), /line 3: .*country must be an ISO 3166-1 alpha-2 code/],
    ["a domain with a scheme", GOOD_ROW.replace("test-tv.example", "https://test-tv.example"), /line 3: .*domains: expected a lowercase host/],
    ["Arabic marked as English", GOOD_ROW.replace("en:Test TV", "en:المنار"), /line 3: .*marked en but is in Arabic script/],
  ];
  for (const [what, row, message] of bad) {
    it(`refuses ${what}, naming the file and line`, () => {
      const file = tempFile(row);
      expect(() => readOutletRegistry(file)).toThrow(message);
      expect(() => readOutletRegistry(file)).toThrow(file);
    });
  }

  it("refuses a duplicate id or domain, naming the first line", () => {
    expect(() => readOutletRegistry(tempFile(GOOD_ROW, GOOD_ROW))).toThrow(/line 4: outlet "test-tv": id already used on line 3/);
    const other = GOOD_ROW.replace("test-tv\tTest TV", "other-tv\tOther TV");
    expect(() => readOutletRegistry(tempFile(GOOD_ROW, other))).toThrow(/line 4: outlet "other-tv": domain "test-tv.example" is already given to "test-tv" on line 3/);
  });
});
