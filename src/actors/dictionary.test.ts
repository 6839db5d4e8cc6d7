import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { foldKey } from "../text/normalise/index.js";
import { type ActorDefinition, readActorDictionary, readGenericActors } from "./dictionary.js";

const actors = readActorDictionary();
const generic = readGenericActors();
const byId = new Map(actors.map((actor) => [actor.id, actor]));

function actor(id: string): ActorDefinition {
  const found = byId.get(id);
  if (found === undefined) throw new Error(`no actor "${id}" in the shipped dictionary`);
  return found;
}

/**
 * Aliases that two actors share on purpose: both are what the press calls them,
 * and the resolver has to tell them apart by country. Anything else shared is a
 * mistake to fix in the data.
 */
const SHARED_ALIASES: Readonly<Record<string, readonly string[]>> = {
  // Syrian National Army (Turkish-backed opposition) and Somali National Army.
  SNA: ["military-forces-of-somalia", "syrian-national-army"],
};

describe("the shipped actor dictionary", () => {
  it("loads several hundred named actors, every one with a source", () => {
    expect(actors.length).toBeGreaterThanOrEqual(400);
    for (const { id, source } of actors) expect(source, id).not.toBe("");
    for (const { id, source } of actors) expect(source, id).toMatch(/^https:\/\/\S+$/);
  });

  it("gives every actor a unique id", () => {
    expect(new Set(actors.map(({ id }) => id)).size).toBe(actors.length);
  });

  it("resolves every parent, and no chain of parents loops", () => {
    for (const { id, parent } of actors) {
      const seen = new Set([id]);
      let next = parent;
      while (next !== null) {
        expect(byId.has(next), `${id}: parent ${next}`).toBe(true);
        expect(seen.has(next), `${id}: parent cycle through ${next}`).toBe(false);
        seen.add(next);
        next = actor(next).parent;
      }
    }
    expect(actor("nusra-front").parent).toBe("al-qaeda");
    expect(actor("iswap").parent).toBe("isis");
    expect(actor("qassam-brigades").parent).toBe("hamas");
  });

  it("names every actor in French and in Arabic", () => {
    const named = (language: string) => actors.filter(({ names }) => names.some((name) => name.language === language)).length / actors.length;
    const both = actors.filter(({ names }) => names.some(({ language }) => language === "fr") && names.some(({ language }) => language === "ar")).length / actors.length;
    // The real ratio today: every row has at least one French and one Arabic form (brief floor: 80%).
    expect(named("fr")).toBe(1);
    expect(named("ar")).toBe(1);
    expect(both).toBe(1);
  });

  it("gives every actor its own canonical name", () => {
    expect(new Set(actors.map(({ name }) => name)).size).toBe(actors.length);
  });

  it("includes the canonical name once, as English", () => {
    for (const { id, name, names } of actors) {
      expect(names.filter((entry) => entry.language === "en" && entry.name === name), id).toHaveLength(1);
    }
  });

  it("writes Arabic names in Arabic script and English and French names in Latin script", () => {
    for (const { id, names } of actors) {
      for (const { language, name } of names) {
        if (language === "ar") expect(name, id).toMatch(/\p{Script=Arabic}/u);
        else expect(name, id).not.toMatch(/\p{Script=Arabic}/u);
      }
    }
  });

  it("keeps outlet labels, with their outlet", () => {
    expect(actor("hezbollah").outletLabels).toContainEqual({ outlet: "al-manar", label: "la Résistance" });
    expect(actor("military-forces-of-syria").outletLabels).toContainEqual({ outlet: "sana", label: "الجيش العربي السوري" });
    expect(actor("isis").outletLabels).toContainEqual({ outlet: "amaq", label: "جنود الخلافة" });
  });

  it("reads years of activity, open or closed", () => {
    expect(actor("nusra-front").active).toEqual({ from: 2012, to: 2017 });
    expect(actor("hezbollah").active).toEqual({ from: 1982, to: null });
    expect(actor("isis").country).toBeNull();
  });

  it("shares no alias between two actors outside the allow-list", () => {
    const owners = new Map<string, Set<string>>();
    for (const { id, names } of actors) {
      for (const { name } of names) {
        const key = foldKey(name);
        owners.set(key, (owners.get(key) ?? new Set()).add(id));
      }
    }
    const shared = [...owners].filter(([, ids]) => ids.size > 1).map(([key, ids]) => [key, [...ids].sort()] as const);
    const allowed = Object.entries(SHARED_ALIASES).map(([alias, ids]) => [foldKey(alias), [...ids].sort()] as const);
    expect(shared.sort()).toEqual(allowed.sort());
  });

  it("gives no outlet label to two actors of the same outlet", () => {
    const owners = new Map<string, Set<string>>();
    for (const { id, outletLabels } of actors) {
      for (const { outlet, label } of outletLabels) {
        const key = `${outlet}:${foldKey(label)}`;
        owners.set(key, (owners.get(key) ?? new Set()).add(id));
      }
    }
    expect([...owners].filter(([, ids]) => ids.size > 1)).toEqual([]);
  });

  it("keeps generic nouns out of named actors' aliases", () => {
    const genericForms = new Set(generic.flatMap(({ forms }) => forms.map(foldKey)));
    const clashes = actors.flatMap(({ id, names }) => names.filter(({ name }) => genericForms.has(foldKey(name))).map(({ name }) => `${id}: ${name}`));
    expect(clashes).toEqual([]);
  });
});

describe("the shipped generic actors", () => {
  it("covers English, French and Arabic with the same kinds", () => {
    const kinds = (language: string) => new Set(generic.filter((row) => row.language === language).map(({ kind }) => kind));
    for (const language of ["en", "fr", "ar"]) expect(kinds(language).size, language).toBeGreaterThanOrEqual(20);
    expect([...kinds("fr")].sort()).toEqual([...kinds("en")].sort());
    // Arabic news has no separate nouns for these: it says المتمردين (rebels) and المسلحين (gunmen).
    const arabicGaps = ["insurgents", "militants"];
    expect([...kinds("ar")].sort()).toEqual([...kinds("en")].filter((kind) => !arabicGaps.includes(kind)).sort());
  });

  it("gives each kind one type and one name template in every language", () => {
    const byKind = new Map<string, Set<string>>();
    for (const { kind, type, name } of generic) byKind.set(kind, (byKind.get(kind) ?? new Set()).add(`${type} ${name}`));
    for (const [kind, variants] of byKind) expect([...variants], kind).toHaveLength(1);
    expect(generic.find(({ language, kind }) => language === "en" && kind === "military")).toMatchObject({ type: 1, name: "Military Forces of {country}" });
    expect(generic.find(({ language, kind }) => language === "ar" && kind === "gunmen")).toMatchObject({ type: 3, name: "Unidentified Armed Group ({country})" });
    for (const { kind, name } of generic) expect(name, kind).toContain("{country}");
  });

  it("puts no form in two kinds of the same language", () => {
    const owners = new Map<string, string[]>();
    for (const { language, kind, forms } of generic) {
      for (const form of forms) {
        const key = `${language}:${foldKey(form)}`;
        owners.set(key, [...(owners.get(key) ?? []), kind]);
      }
    }
    expect([...owners].filter(([, kinds]) => kinds.length > 1)).toEqual([]);
  });

  it("writes forms without a leading French or English article", () => {
    for (const { language, forms } of generic) {
      if (language === "ar") continue;
      for (const form of forms) expect(form).not.toMatch(/^(?:the|a|an|le|la|les|l'|des|du|de la|un|une) /iu);
    }
  });
});

describe("refusing bad files", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "sitrep-actors-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const ACTOR_HEADER = "id\tname\ttype\tcountry\tparent\tactive\ten\tfr\tar\toutlet_labels\tsource";
  const GOOD = "al-qaeda\tAl Qaeda\t2\t\t\t1988-\tal-Qaeda\tal-Qaïda\tتنظيم القاعدة\t\thttps://en.wikipedia.org/wiki/Al-Qaeda";
  async function actorsFile(name: string, rows: string[]): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, `# test actors\n${ACTOR_HEADER}\n${rows.join("\n")}\n`);
    return path;
  }
  function row(overrides: Partial<Record<"id" | "type" | "country" | "parent" | "active" | "en" | "outlet_labels" | "source", string>>): string {
    const fields = GOOD.split("\t");
    const columns = ACTOR_HEADER.split("\t");
    for (const [column, value] of Object.entries(overrides)) fields[columns.indexOf(column)] = value;
    return fields.join("\t");
  }

  it("reads a good row", async () => {
    const [only] = readActorDictionary(await actorsFile("good.tsv", [GOOD]));
    expect(only).toEqual({
      id: "al-qaeda",
      name: "Al Qaeda",
      type: 2,
      country: null,
      parent: null,
      active: { from: 1988, to: null },
      names: [
        { language: "en", name: "Al Qaeda" },
        { language: "en", name: "al-Qaeda" },
        { language: "fr", name: "al-Qaïda" },
        { language: "ar", name: "تنظيم القاعدة" },
      ],
      outletLabels: [],
      source: "https://en.wikipedia.org/wiki/Al-Qaeda",
    });
  });

  it.each([
    ["no-source.tsv", [row({ source: "" })], /no-source\.tsv, line 3: actor "al-qaeda": source is empty/],
    ["type.tsv", [row({ type: "9" })], /type\.tsv, line 3: actor "al-qaeda": type must be an ACLED inter code from 1 to 8, not "9"/],
    ["parent.tsv", [row({ parent: "isis" })], /parent\.tsv, line 3: actor "al-qaeda": parent "isis" is not the id of a row/],
    ["duplicate.tsv", [GOOD, GOOD], /duplicate\.tsv, line 4: actor "al-qaeda": id already used on line 3/],
    ["active.tsv", [row({ active: "since 1988" })], /active\.tsv, line 3: actor "al-qaeda": active must be "YYYY-YYYY", "YYYY-" or empty, not "since 1988"/],
    ["backwards.tsv", [row({ active: "2017-2012" })], /backwards\.tsv, line 3: actor "al-qaeda": active ends \(2012\) before it starts \(2017\)/],
    ["country.tsv", [row({ country: "sy" })], /country\.tsv, line 3: actor "al-qaeda": country must be an ISO 3166-1 alpha-2 code/],
    ["slug.tsv", [row({ id: "Al Qaeda" })], /slug\.tsv, line 3: id must be a lowercase slug/],
    ["empty-alias.tsv", [row({ en: "al-Qaeda||AQ" })], /empty-alias\.tsv, line 3: actor "al-qaeda": en has an empty entry/],
    ["outlet.tsv", [row({ outlet_labels: "la Résistance" })], /outlet\.tsv, line 3: actor "al-qaeda": outlet_labels: expected outlet-id:label, found "la Résistance"/],
    ["cycle.tsv", [row({ id: "a", parent: "b" }), row({ id: "b", parent: "a" })], /cycle\.tsv, line 3: parents form a cycle: a → b → a/],
  ])("refuses %s", async (name, rows, message) => {
    const path = await actorsFile(name, rows);
    expect(() => readActorDictionary(path)).toThrow(message);
  });

  const GENERIC_HEADER = "lang\tforms\tkind\ttype\tname\tsource";
  async function genericFile(name: string, rows: string[]): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, `# test generic actors\n${GENERIC_HEADER}\n${rows.join("\n")}\n`);
    return path;
  }

  it("reads a good generic row", async () => {
    const path = await genericFile("generic-good.tsv", ["fr\tarmée|soldats\tmilitary\t1\tMilitary Forces of {country}\tACLED Codebook"]);
    expect(readGenericActors(path)).toEqual([
      { language: "fr", forms: ["armée", "soldats"], kind: "military", type: 1, name: "Military Forces of {country}", source: "ACLED Codebook" },
    ]);
  });

  it.each([
    ["generic-name.tsv", ["fr\tarmée\tmilitary\t1\t\tACLED Codebook"], /generic-name\.tsv, line 3: fr "military": name \(the display-name template\) is empty/],
    ["generic-source.tsv", ["fr\tarmée\tmilitary\t1\tMilitary Forces of {country}\t"], /generic-source\.tsv, line 3: fr "military": source is empty/],
    ["generic-type.tsv", ["fr\tarmée\tmilitary\t0\tMilitary Forces of {country}\tACLED"], /generic-type\.tsv, line 3: fr "military": type must be an ACLED inter code from 1 to 8, not "0"/],
    ["generic-lang.tsv", ["de\tArmee\tmilitary\t1\tMilitary Forces of {country}\tACLED"], /generic-lang\.tsv, line 3: lang must be one of en, fr, ar, not "de"/],
    ["generic-placeholder.tsv", ["fr\tarmée\tmilitary\t1\tMilitary Forces of {pays}\tACLED"], /generic-placeholder\.tsv, line 3: fr "military": name may only use the placeholder \{country\}, not \{pays\}/],
    [
      "generic-twice.tsv",
      ["fr\tarmée\tmilitary\t1\tMilitary Forces of {country}\tACLED", "fr\tsoldats\tmilitary\t1\tMilitary Forces of {country}\tACLED"],
      /generic-twice\.tsv, line 4: fr "military": the same language and kind are already on line 3/,
    ],
  ])("refuses %s", async (name, rows, message) => {
    const path = await genericFile(name, rows);
    expect(() => readGenericActors(path)).toThrow(message);
  });
});
