import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCasualtyLexicon } from "./casualties/lexicon.js";
import { type CasualtyCount, createCasualtyFinder, findCasualties, totalFatalities } from "./fatalities.js";

/** [text, kind, low, high, victims, rule] */
type Expected = [text: string, kind: "killed" | "injured", low: number, high: number, victims: string | null, rule: string];

/** Every count found, after checking that each slices to its text and that they come in text order. */
function counts(text: string, language: string): Expected[] {
  const found = findCasualties(text, language);
  for (const count of found) expect(text.slice(count.start, count.end)).toBe(count.text);
  expect(found.map((count) => count.start)).toEqual([...found.map((count) => count.start)].sort((a, b) => a - b));
  return found.map((c: CasualtyCount) => [c.text, c.kind, c.low, c.high, c.victims, c.by.replace(/^fatalities:/u, "")]);
}

describe("findCasualties: English", () => {
  it.each<[string, Expected[]]>([
    ["At least 12 people were killed when the convoy was ambushed.", [["At least 12 people were killed", "killed", 12, 12, "people", "count-then-casualty"]]],
    ["The blast ripped through the market, killing 6 civilians.", [["killing 6 civilians", "killed", 6, 6, "civilians", "casualty-then-count"]]],
    ["The strike left seven people dead near the river.", [["seven people dead", "killed", 7, 7, "people", "count-then-casualty"]]],
    ["By evening the death toll rose to 40.", [["death toll rose to 40", "killed", 40, 40, null, "death-toll"]]],
    ["Two soldiers died in the clash.", [["Two soldiers died", "killed", 2, 2, "soldiers", "count-then-casualty"]]],
    ["Officials counted 3 dead and 10 wounded.", [["3 dead", "killed", 3, 3, null, "count-then-casualty"], ["10 wounded", "injured", 10, 10, null, "count-then-casualty"]]],
    ["The ambush claimed the lives of 5 herders.", [["claimed the lives of 5 herders", "killed", 5, 5, "herders", "casualty-then-count"]]],
    ["Gunmen killed at least 12 people overnight.", [["killed at least 12 people", "killed", 12, 12, "people", "casualty-then-count"]]],
    ["A policeman was killed at the checkpoint.", [["A policeman was killed", "killed", 1, 1, "policeman", "count-then-casualty"]]],
    ["The mortar round fell on a school, wounding several people.", [["wounding several people", "injured", 10, 19, "people", "casualty-then-count"]]],
    ["Dozens of people were killed and hundreds injured.", [["Dozens of people were killed", "killed", 12, 99, "people", "count-then-casualty"], ["hundreds injured", "injured", 100, 999, null, "count-then-casualty"]]],
    ["Between 5 and 12 fighters were killed.", [["Between 5 and 12 fighters were killed", "killed", 5, 12, "fighters", "count-then-casualty"]]],
    ["More than 20 villagers lost their lives.", [["More than 20 villagers lost their lives", "killed", 21, 21, "villagers", "count-then-casualty"]]],
    ["Up to 30 miners are feared dead.", [["Up to 30 miners are feared dead", "killed", 1, 30, "miners", "count-then-casualty"]]],
    ["Five people, including two children, were killed.", [["Five people, including two children, were killed", "killed", 5, 5, "people", "count-then-casualty"]]],
    ["Three soldiers and five civilians were killed.", [["Three soldiers", "killed", 3, 3, "soldiers", "coordinated"], ["five civilians were killed", "killed", 5, 5, "civilians", "count-then-casualty"]]],
    ["The raid killed 3 soldiers and 2 policemen, and injured 20 others.", [["killed 3 soldiers", "killed", 3, 3, "soldiers", "casualty-then-count"], ["2 policemen", "killed", 2, 2, "policemen", "coordinated"], ["injured 20 others", "injured", 20, 20, "others", "casualty-then-count"]]],
    ["Gunmen opened fire, killing 12 in Gao.", [["killing 12", "killed", 12, 12, null, "casualty-then-count"]]],
    ["12 M23 fighters were killed.", [["12 M23 fighters were killed", "killed", 12, 12, "fighters", "count-then-casualty"]]],
    ["No one was killed in the attack.", [["No one was killed", "killed", 0, 0, null, "none"]]],
    ["There were no reports of casualties.", [["no reports of casualties", "killed", 0, 0, null, "none"], ["no reports of casualties", "injured", 0, 0, null, "none"]]],
  ])("%s", (text, expected) => {
    expect(counts(text, "en")).toEqual(expected);
  });
});

describe("findCasualties: French", () => {
  it.each<[string, Expected[]]>([
    ["L’attaque a fait une dizaine de morts.", [["une dizaine de morts", "killed", 10, 12, null, "count-then-casualty"]]],
    ["L’explosion, faisant 12 morts, a secoué la ville.", [["12 morts", "killed", 12, 12, null, "count-then-casualty"]]],
    ["Douze personnes ont été tuées dans la nuit.", [["Douze personnes ont été tuées", "killed", 12, 12, "personnes", "count-then-casualty"]]],
    ["Au moins cinq soldats tués dans une embuscade.", [["Au moins cinq soldats tués", "killed", 5, 5, "soldats", "count-then-casualty"]]],
    ["Trois orpailleurs ont péri dans l’éboulement.", [["Trois orpailleurs ont péri", "killed", 3, 3, "orpailleurs", "count-then-casualty"]]],
    ["Deux gendarmes ont trouvé la mort.", [["Deux gendarmes ont trouvé la mort", "killed", 2, 2, "gendarmes", "count-then-casualty"]]],
    ["L’assaut a coûté la vie à 5 casques bleus.", [["coûté la vie à 5 casques bleus", "killed", 5, 5, "casques bleus", "casualty-then-count"]]],
    ["Selon un bilan de 30 morts publié hier.", [["bilan de 30 morts", "killed", 30, 30, null, "death-toll"]]],
    ["On compte des dizaines de blessés.", [["des dizaines de blessés", "injured", 10, 99, null, "count-then-casualty"]]],
    ["Un mort et trois blessés.", [["Un mort", "killed", 1, 1, null, "count-then-casualty"], ["trois blessés", "injured", 3, 3, null, "count-then-casualty"]]],
    ["Les assaillants ont tué 4 soldats maliens.", [["tué 4 soldats", "killed", 4, 4, "soldats", "casualty-then-count"]]],
    ["12 personnes, dont trois enfants, ont été tuées.", [["12 personnes, dont trois enfants, ont été tuées", "killed", 12, 12, "personnes", "count-then-casualty"]]],
    ["Entre 5 et 12 morts et plus d’une centaine de blessés.", [["Entre 5 et 12 morts", "killed", 5, 12, null, "count-then-casualty"], ["plus d’une centaine de blessés", "injured", 101, 120, null, "count-then-casualty"]]],
    ["Aucun mort n’est à déplorer.", [["Aucun mort", "killed", 0, 0, null, "none"]]],
    ["Personne n’a été blessé.", [["Personne n’a été blessé", "injured", 0, 0, null, "none"]]],
    ["Des hommes armés ont tué samedi douze villageois.", [["tué samedi douze villageois", "killed", 12, 12, "villageois", "casualty-then-count"]]],
    ["Des mercenaires auraient exécuté une dizaine de civils.", [["exécuté une dizaine de civils", "killed", 10, 12, "civils", "casualty-then-count"]]],
    ["L’attaque n’a pas fait de victimes.", [["pas fait de victimes", "killed", 0, 0, null, "none"], ["pas fait de victimes", "injured", 0, 0, null, "none"]]],
  ])("%s", (text, expected) => {
    expect(counts(text, "fr")).toEqual(expected);
  });
});

describe("findCasualties: Arabic", () => {
  it.each<[string, Expected[]]>([
    ["أعلنت الشرطة مقتل خمسة.", [["مقتل خمسة", "killed", 5, 5, null, "casualty-then-count"]]],
    ["قتل 12 شخصا في الهجوم.", [["قتل 12 شخصا", "killed", 12, 12, "شخصا", "casualty-then-count"]]],
    ["أدى القصف إلى سقوط 3 قتلى و10 جرحى.", [["3 قتلى", "killed", 3, 3, null, "count-then-casualty"], ["10 جرحى", "injured", 10, 10, null, "count-then-casualty"]]],
    ["أسفر الانفجار عن مقتل سبعة مدنيين وإصابة 12 آخرين.", [["مقتل سبعة مدنيين", "killed", 7, 7, "مدنيين", "casualty-then-count"], ["إصابة 12 آخرين", "injured", 12, 12, "آخرين", "casualty-then-count"]]],
    ["لقي ثلاثة أشخاص حتفهم في الحادث.", [["لقي ثلاثة أشخاص حتفهم", "killed", 3, 3, "أشخاص", "met-death"]]],
    ["لقي شخص حتفه.", [["لقي شخص حتفه", "killed", 1, 1, "شخص", "met-death"]]],
    ["أعلنت الوزارة استشهاد 4 فلسطينيين.", [["استشهاد 4 فلسطينيين", "killed", 4, 4, "فلسطينيين", "casualty-then-count"]]],
    ["ارتفع عدد الشهداء إلى 15 شهيدا.", [["عدد الشهداء إلى 15 شهيدا", "killed", 15, 15, null, "death-toll"]]],
    ["أصيب 20 شخصا بجروح متفاوتة.", [["أصيب 20 شخصا", "injured", 20, 20, "شخصا", "casualty-then-count"]]],
    ["مقتل جندي و3 آخرين.", [["مقتل جندي", "killed", 1, 1, "جندي", "implied-count"], ["3 آخرين", "killed", 3, 3, "آخرين", "coordinated"]]],
    ["مقتل جندي وإصابة شخصين.", [["مقتل جندي", "killed", 1, 1, "جندي", "implied-count"], ["إصابة شخصين", "injured", 2, 2, "شخصين", "implied-count"]]],
    ["عشرات القتلى ومئات الجرحى.", [["عشرات القتلى", "killed", 10, 99, null, "count-then-casualty"], ["مئات الجرحى", "injured", 100, 999, null, "count-then-casualty"]]],
    ["سقط قتيل وثلاثة جرحى.", [["قتيل", "killed", 1, 1, null, "implied-count"], ["ثلاثة جرحى", "injured", 3, 3, null, "count-then-casualty"]]],
    ["قتلت القوات 3 مسلحين.", [["قتلت القوات 3 مسلحين", "killed", 3, 3, "مسلحين", "casualty-then-count"]]],
    ["مقتل 3 جنود و5 مدنيين.", [["مقتل 3 جنود", "killed", 3, 3, "جنود", "casualty-then-count"], ["5 مدنيين", "killed", 5, 5, "مدنيين", "coordinated"]]],
    ["بين 5 و12 قتيلا وأكثر من 20 جريحا.", [["بين 5 و12 قتيلا", "killed", 5, 12, null, "count-then-casualty"], ["أكثر من 20 جريحا", "injured", 21, 21, null, "count-then-casualty"]]],
    ["لم يسفر القصف عن سقوط قتلى.", [["لم يسفر القصف عن سقوط قتلى", "killed", 0, 0, null, "none"]]],
    ["قتلت القوات أمس 3 مسلحين.", [["قتلت القوات أمس 3 مسلحين", "killed", 3, 3, "مسلحين", "casualty-then-count"]]],
    ["أعدم المسلحون ثلاثة شبان.", [["أعدم المسلحون ثلاثة شبان", "killed", 3, 3, "شبان", "casualty-then-count"]]],
  ])("%s", (text, expected) => {
    expect(counts(text, "ar")).toEqual(expected);
  });
});

describe("findCasualties: what is not a casualty count", () => {
  it.each<[string, string]>([
    ["en", "12 missiles were fired at 7 villages, 5 km from the border."],
    ["en", "M23 rebels took the town in 2015 and held it until March 2016."],
    ["en", "Resolution 2254 was adopted at 3 p.m. on 18 December."],
    ["en", "Troops killed 5 km from the town were never identified."],
    ["en", "Dozens of casualties were reported."],
    ["fr", "Les 12 véhicules ont parcouru 40 kilomètres en 2015."],
    ["fr", "Le mouvement du 23 mars a signé l’accord."],
    ["ar", "سقطت 12 قذيفة على 7 قرى في عام 2015."],
    ["ar", "اجتمع المجلس يوم الأحد لمناقشة القرار 2254."],
  ])("%s: %s", (language, text) => {
    expect(counts(text, language)).toEqual([]);
  });

  it("does not count the killers: an active verb counts its object", () => {
    expect(counts("5 gunmen killed 12 civilians.", "en")).toEqual([["killed 12 civilians", "killed", 12, 12, "civilians", "casualty-then-count"]]);
  });

  it("keeps a denial and a count apart", () => {
    expect(counts("No civilians were killed, but 3 soldiers died.", "en")).toEqual([
      ["No civilians were killed", "killed", 0, 0, "civilians", "none"],
      ["3 soldiers died", "killed", 3, 3, "soldiers", "count-then-casualty"],
    ]);
  });
});

describe("findCasualties: range and lexicon", () => {
  it("searches only the range, with offsets into the whole text", () => {
    const text = "Two soldiers died. Later 4 civilians were killed.";
    const found = findCasualties(text, "en", { start: 19, end: text.length });
    expect(found.map((count) => [count.text, count.start])).toEqual([["4 civilians were killed", 25]]);
  });

  it("reads every language's words when the language is undetermined", () => {
    expect(counts("12 killed; 5 morts; مقتل 3 أشخاص", "und").map(([text, , low]) => [text, low])).toEqual([["12 killed", 12], ["5 morts", 5], ["مقتل 3 أشخاص", 3]]);
  });

  it("takes a lexicon of the caller's", () => {
    const file = join(mkdtempSync(join(tmpdir(), "sitrep-casualties-")), "words.tsv");
    writeFileSync(file, "# test lexicon\nlang\trole\tkind\twords\tsource\nen\tcasualty\tkilled\tslain\ttest\nen\tvictim\t-\tshepherd|shepherds\ttest\n");
    const finder = createCasualtyFinder({ lexicon: readCasualtyLexicon(file) });
    expect(finder("Four shepherds slain, 3 killed.", "en").map((count) => count.text)).toEqual(["Four shepherds slain"]);
  });

  it("stops on a lexicon row that does not parse, naming the line", () => {
    const file = join(mkdtempSync(join(tmpdir(), "sitrep-casualties-")), "words.tsv");
    writeFileSync(file, "# test lexicon\nlang\trole\tkind\twords\tsource\nen\tcasualty\t-\tslain\ttest\n");
    expect(() => readCasualtyLexicon(file)).toThrow(/words\.tsv, line 3: a casualty row needs a kind/);
  });
});

describe("totalFatalities", () => {
  const total = (text: string, language: string): { low: number; high: number } | null => totalFatalities(findCasualties(text, language));

  it.each<[string, string, string, { low: number; high: number } | null]>([
    ["adds distinct groups", "en", "Three soldiers and five civilians were killed.", { low: 8, high: 8 }],
    ["keeps the larger restatement of one group", "en", "Two soldiers died. Officials later said 4 soldiers were killed.", { low: 4, high: 4 }],
    ["takes a general total that includes the groups", "en", "Twelve people were killed, among them 3 soldiers who died at the gate.", { low: 12, high: 12 }],
    ["lets a rising toll supersede", "en", "Three soldiers were killed. The death toll rose to 40.", { low: 40, high: 40 }],
    ["adds the others", "ar", "مقتل جندي و3 آخرين.", { low: 4, high: 4 }],
    ["keeps a vague count's range", "fr", "Des dizaines de morts.", { low: 10, high: 99 }],
    ["counts a denial as zero", "fr", "Aucun mort, trois blessés.", { low: 0, high: 0 }],
    ["is null without deaths", "en", "Ten people were wounded.", null],
  ])("%s", (_what, language, text, expected) => {
    expect(total(text, language)).toEqual(expected);
  });
});
