/**
 * The casualty finder gives up on a sentence with none of the lexicon's
 * anchor words; these tests hold that it gives up on nothing it would have
 * counted. A lexicon whose `anchors` answers null makes the finder read every
 * sentence to the end, as it did before it had anchors.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DATE_SENTENCES } from "../../test-support/date-sentences.js";
import { projectRoot } from "../../test-support/schema.js";
import { createCasualtyFinder } from "../fatalities.js";
import { readCasualtyLexicon, type CasualtyLexicon } from "./lexicon.js";

const lexicon = readCasualtyLexicon();
const withoutAnchors: CasualtyLexicon = { forms: lexicon.forms, countedNouns: lexicon.countedNouns, anchors: () => null };
const anchored = createCasualtyFinder({ lexicon });
const unanchored = createCasualtyFinder({ lexicon: withoutAnchors });

/** Counts of every kind, denials and sentences with no count, and the same words glued to clitics, cased and accented otherwise. */
const SENTENCES: Readonly<Record<string, readonly string[]>> = {
  en: [
    "At least 12 people were killed when the convoy was ambushed, killing 6 civilians and wounding several people.",
    "The strike left seven people dead; by evening the death toll rose to 40 and two soldiers died.",
    "Officials counted 3 dead and 10 wounded; the ambush claimed the lives of 5 herders.",
    "A policeman was killed at the checkpoint. Dozens of people were killed and hundreds injured.",
    "Five people, including two children, were killed. Three soldiers and five civilians were killed.",
    "No one was killed in the attack. There were no reports of casualties. Nobody was hurt.",
    "No civilians were killed, but 3 soldiers died. 5 gunmen killed 12 civilians.",
    "The blast left one dead. THE ATTACK KILLED TWELVE PEOPLE. Up to 30 miners are feared dead.",
    "12 missiles were fired at 7 villages, 5 km from the border. Troops killed 5 km from the town were never identified.",
    "The number of fatalities reached 20, with a body count of 25 and 4 fatally wounded.",
    "By evening the toll rose to 40.",
    "Officials in the capital described a joint operation against the group.",
  ],
  fr: [
    "L’attaque a fait une dizaine de morts. L’explosion, faisant 12 morts, a secoué la ville.",
    "Douze personnes ont été tuées dans la nuit. Au moins cinq soldats tués dans une embuscade.",
    "Deux gendarmes ont trouvé la mort. L’assaut a coûté la vie à 5 casques bleus.",
    "Selon un bilan de 30 morts publié hier. On compte des dizaines de blessés. Un mort et trois blessés.",
    "Aucun mort n’est à déplorer. Personne n’a été blessé. Sans faire de victimes.",
    "Le bilan s’élève à 30.",
    "Entre 5 et 12 morts et plus d’une centaine de blessés. Les assaillants ont tué 4 soldats maliens.",
    "Les 12 véhicules ont parcouru 40 kilomètres en 2015. Le mouvement du 23 mars a signé l’accord.",
    "Les habitants ont fui vers le nord, selon des sources locales.",
  ],
  ar: [
    "أعلنت الشرطة مقتل خمسة. قتل 12 شخصا في الهجوم. أدى القصف إلى سقوط 3 قتلى و10 جرحى.",
    "أسفر الانفجار عن مقتل سبعة مدنيين وإصابة 12 آخرين. لقي ثلاثة أشخاص حتفهم في الحادث. لقي شخص حتفه.",
    "أعلنت الوزارة استشهاد 4 فلسطينيين. ارتفع عدد الشهداء إلى 15 شهيدا. أصيب 20 شخصا بجروح متفاوتة.",
    "مقتل جندي و3 آخرين. مقتل جندي وإصابة شخصين. عشرات القتلى ومئات الجرحى. سقط قتيل وثلاثة جرحى.",
    "قتلت القوات 3 مسلحين. مقتل 3 جنود و5 مدنيين. بين 5 و12 قتيلا وأكثر من 20 جريحا.",
    "لم يسفر القصف عن سقوط قتلى. دون وقوع إصابات. لم يصب أحد. وقُتِلَ خمسةٌ وجُرِحَ ثلاثةٌ.",
    "سقطت 12 قذيفة على 7 قرى في عام 2015. اجتمع المجلس يوم الأحد لمناقشة القرار 2254.",
    "لقي 3 أشخاص مصرعهم.",
    "ارتفعت الحصيلة إلى 40.",
    "أعلنت وزارة الدفاع عن عملية عسكرية في الشمال.",
  ],
};

function fixture(name: string): string {
  return readFileSync(new URL(name, projectRoot), "utf8");
}

/** Sentence-sized ranges of a text, as the events stage asks for them. */
function ranges(text: string): { start: number; end: number }[] {
  return [...text.matchAll(/[^.!?\n]+[.!?]?/gu)].map((match) => ({ start: match.index ?? 0, end: (match.index ?? 0) + match[0].length }));
}

describe("casualty anchors", () => {
  const texts: Array<[language: string, text: string]> = [
    ...Object.entries(SENTENCES).flatMap(([language, sentences]) => sentences.map((sentence): [string, string] => [language, sentence])),
    ...Object.entries(DATE_SENTENCES).map(([language, sentences]): [string, string] => [language, sentences.join(" ")]),
    ["en", fixture("fixtures/en-report.txt")],
    ["fr", fixture("fixtures/fr-brief.txt")],
    ["ar", fixture("fixtures/ar-report.txt")],
    ["fr", fixture("examples/qalamoun-fr.txt")],
  ];

  it.each(texts.map(([language, text]) => [language, text.slice(0, 60), text] as const))("%s: %s… counts the same with and without anchors", (language, _head, text) => {
    let found = 0;
    for (const asked of [language, "und"]) {
      for (const range of [undefined, ...ranges(text)]) {
        const expected = unanchored(text, asked, range);
        expect(anchored(text, asked, range)).toEqual(expected);
        found += expected.length;
      }
    }
    if (Object.values(SENTENCES).flat().includes(text) && !/operation|habitants|وزارة الدفاع|véhicules|قذيفة|missiles/u.test(text)) expect(found).toBeGreaterThan(0);
  });

  it("has anchors for each language and for an undetermined one", () => {
    for (const language of ["en", "fr", "ar", "und"]) expect(lexicon.anchors(language, ["none", "harm", "toll", "meet", "casualty", "trigger"])?.size).toBeGreaterThan(10);
  });

  it("answers null when a form has no word of letters to anchor on, and the finder then reads every sentence", () => {
    const file = join(mkdtempSync(join(tmpdir(), "sitrep-anchors-")), "words.tsv");
    writeFileSync(file, "# test lexicon\nlang\trole\tkind\twords\tsource\nen\tcasualty\tkilled\tslain|+\ttest\nar\tcasualty\tkilled\tقتيل|و\ttest\n");
    const custom = readCasualtyLexicon(file);
    expect(custom.anchors("en", ["casualty"])).toBeNull();
    expect(custom.anchors("ar", ["casualty"])).toBeNull();
    expect(createCasualtyFinder({ lexicon: custom })("3 +, then 4 slain.", "en").map((count) => count.text)).toEqual(["3 +", "4 slain"]);
  });
});
