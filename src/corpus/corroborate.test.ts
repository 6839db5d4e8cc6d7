import { describe, expect, it } from "vitest";
import { actorFacts, eventReport, outletFacts } from "../test-support/reports.js";
import { corroborate, independenceGroups } from "./corroborate.js";
import type { EventReport, OutletFacts } from "./types.js";

const reuters = outletFacts("reuters", { country: "GB", alignment: "wire" });
const afp = outletFacts("afp", { country: "FR", ownership: "public", alignment: "wire" });
const bbc = outletFacts("bbc", { country: "GB", ownership: "public", owner: "bbc", alignment: "public-service" });
const bbcArabic = outletFacts("bbc-arabic", { country: "GB", ownership: "public", owner: "bbc", alignment: "public-service" });
const leMonde = outletFacts("le-monde", { country: "FR" });
const guardian = outletFacts("guardian", { country: "GB" });
const sana = outletFacts("sana", { country: "SY", ownership: "state", alignment: "state-owned" });
const ikhbariya = outletFacts("ikhbariya-syria", { country: "SY", ownership: "state", alignment: "state-owned" });
const alManar = outletFacts("al-manar", { country: "LB", ownership: "party", alignment: "party-affiliated", affiliation: "hezbollah" });
const alNour = outletFacts("al-nour", { country: "LB", ownership: "party", alignment: "party-affiliated", affiliation: "hezbollah" });
const syrianArmy = actorFacts("generic:military:SY", { country: "SY" });
const idf = actorFacts("idf", { country: "IL" });

let documents = 0;
/** A report from a new document, published by `outlet`. */
function by(outlet: OutletFacts | null, overrides: Partial<EventReport> = {}): EventReport {
  documents += 1;
  return eventReport({ key: `doc${documents}/e1`, outlet, ...overrides });
}

function groupsOf(...reports: EventReport[]) {
  return corroborate(reports.map((report) => ({ report, merged: null }))).groups;
}

describe("independence groups", () => {
  it("counts outlets of one owner once, and independent outlets apart", () => {
    expect(groupsOf(by(bbc), by(bbcArabic), by(reuters))).toEqual([
      { key: "outlet:reuters", outlets: ["reuters"] },
      { key: "owner:bbc", outlets: ["bbc", "bbc-arabic"] },
    ]);
  });

  it("counts one country's state media once, and one party's media once", () => {
    expect(groupsOf(by(sana), by(ikhbariya), by(alManar), by(alNour))).toEqual([
      { key: "affiliation:hezbollah", outlets: ["al-manar", "al-nour"] },
      { key: "state:SY", outlets: ["ikhbariya-syria", "sana"] },
    ]);
  });

  it("does not count a wire as its country's state media", () => {
    expect(groupsOf(by(afp), by(outletFacts("france-24", { country: "FR", ownership: "public", alignment: "public-service" }))).map((group) => group.key)).toEqual([
      "outlet:afp",
      "outlet:france-24",
    ]);
  });

  it("joins outlets that relay one named origin, and names the group after it", () => {
    expect(groupsOf(by(leMonde, { origins: ["afp", "kind:witness"] }), by(guardian, { origins: ["afp"] }), by(reuters, { origins: ["kind:witness"] }))).toEqual([
      { key: "origin:afp", outlets: ["guardian", "le-monde"] },
      { key: "outlet:reuters", outlets: ["reuters"] },
    ]);
  });

  it("counts a wire's own report and a paper relaying it as one voice", () => {
    expect(groupsOf(by(afp), by(leMonde, { origins: ["afp"] }))).toEqual([{ key: "origin:afp", outlets: ["afp", "le-monde"] }]);
  });

  it("joins through a chain of keys: owner to one, origin to the next", () => {
    const groups = groupsOf(by(bbc), by(bbcArabic, { origins: ["actor:idf"] }), by(guardian, { origins: ["actor:idf"] }));
    expect(groups).toEqual([{ key: "origin:actor:idf", outlets: ["bbc", "bbc-arabic", "guardian"] }]);
  });

  it("keeps the narrower name when a group shares several keys", () => {
    const groups = groupsOf(by(bbc, { origins: ["reuters"] }), by(bbc, { origins: ["reuters"] }));
    expect(groups).toEqual([{ key: "outlet:bbc", outlets: ["bbc"] }]);
  });

  it("counts a report with no known publisher as its own voice", () => {
    const anonymous = (key: string) => eventReport({ key, outlet: null });
    expect(groupsOf(anonymous("x/e1"), anonymous("y/e1"), by(reuters)).map((group) => group.key)).toEqual(["document:x", "document:y", "outlet:reuters"]);
  });

  it("lists each group's reports", () => {
    const [first, second] = [by(bbc), by(bbcArabic)];
    expect(independenceGroups([first, second])).toEqual([{ key: "owner:bbc", outlets: ["bbc", "bbc-arabic"], reports: [first.key, second.key] }]);
  });
});

describe("corroborate", () => {
  it("counts reports, documents, outlets, voices and alignments", () => {
    const members = [by(bbc), by(bbcArabic), by(reuters), by(reuters), by(null)].map((report) => ({ report, merged: null }));
    expect(corroborate(members)).toEqual({
      reports: 5,
      documents: 5,
      outlets: ["bbc", "bbc-arabic", "reuters"],
      independentOutlets: 3,
      groups: [expect.objectContaining({ key: expect.stringMatching(/^document:/) as string }), { key: "outlet:reuters", outlets: ["reuters"] }, { key: "owner:bbc", outlets: ["bbc", "bbc-arabic"] }],
      alignments: { "public-service": 2, wire: 1 },
      singleSource: false,
      oneSided: false,
      side: null,
    });
  });

  it("calls one voice a single source, however many outlets carry it", () => {
    const members = [by(leMonde, { origins: ["afp"] }), by(guardian, { origins: ["afp"] })].map((report) => ({ report, merged: null }));
    expect(corroborate(members)).toMatchObject({ independentOutlets: 1, singleSource: true, alignments: { independent: 2 } });
  });

  it("counts outlets of unknown alignment as unknown", () => {
    const members = [{ report: by(outletFacts("domain:example.org", { alignment: null })), merged: null }];
    expect(corroborate(members).alignments).toEqual({ unknown: 1 });
  });

  describe("one-sidedness", () => {
    const sided = (...reports: EventReport[]) => {
      const { oneSided, side } = corroborate(reports.map((report) => ({ report, merged: null })));
      return { oneSided, side };
    };

    it("when every report comes from one party's outlets", () => {
      expect(sided(by(alManar), by(alNour))).toEqual({ oneSided: true, side: "hezbollah" });
      expect(sided(by(alManar), by(reuters))).toEqual({ oneSided: false, side: null });
    });

    it("when every report comes from state outlets of a country whose forces are in the event", () => {
      expect(sided(by(sana, { actor1: [syrianArmy] }), by(ikhbariya))).toEqual({ oneSided: true, side: "state:SY" });
      expect(sided(by(sana), by(ikhbariya))).toEqual({ oneSided: false, side: null });
    });

    it("when every report relays only the statements of one party to the event", () => {
      expect(sided(by(reuters, { origins: ["actor:idf"], actor1: [idf] }), by(guardian, { origins: ["actor:idf"] }))).toEqual({ oneSided: true, side: "idf" });
      expect(sided(by(reuters, { origins: ["actor:idf", "kind:witness"], actor1: [idf] }), by(guardian, { origins: ["actor:idf"] }))).toEqual({ oneSided: false, side: null });
      expect(sided(by(reuters, { origins: ["actor:idf"] }), by(guardian, { origins: ["actor:idf"] }))).toEqual({ oneSided: false, side: null });
    });

    it("when the reports mix a party's outlets and its statements", () => {
      const hezbollah = actorFacts("hezbollah", { inter: 2, country: "LB" });
      expect(sided(by(alManar), by(reuters, { origins: ["actor:hezbollah"], actor1: [hezbollah] }))).toEqual({ oneSided: true, side: "hezbollah" });
    });
  });

  it("says what it expected when given no members", () => {
    expect(() => corroborate([])).toThrow(/expected at least one cluster member/);
  });
});
