import { describe, expect, it } from "vitest";
import { buildLanguageRules, type SegmentLanguage } from "./languages.js";
import { splitSentences } from "./sentences.js";

const rules = {
  fr: buildLanguageRules("fr", {}),
  en: buildLanguageRules("en", {}),
  ar: buildLanguageRules("ar", {}),
  und: buildLanguageRules("und", {}),
};

function sentences(language: SegmentLanguage, text: string): string[] {
  return splitSentences(text, rules[language].sentences).sentences.map((span) => text.slice(span.start, span.end));
}

type Case = [SegmentLanguage, string, string[]];

describe("French sentences", () => {
  it.each<Case>([
    ["fr", "« Il n’y a pas eu de combats », ont confié des résistants.", ["« Il n’y a pas eu de combats », ont confié des résistants."]],
    ["fr", "« Il n’y a pas eu de combats ! », ont confié des résistants.", ["« Il n’y a pas eu de combats ! », ont confié des résistants."]],
    [
      "fr",
      "« Nous tiendrons. Personne ne partira ? Jamais ! », a lancé un officier.",
      ["« Nous tiendrons. Personne ne partira ? Jamais ! », a lancé un officier."],
    ],
    ["fr", "« Nous ne céderons pas. » Les combats ont repris.", ["« Nous ne céderons pas. »", "Les combats ont repris."]],
    ["fr", "« Qui a tiré ? » demande-t-il. Personne ne répond.", ["« Qui a tiré ? » demande-t-il.", "Personne ne répond."]],
    ["fr", "“Nous tiendrons. Jusqu’au bout”, a-t-il dit. Puis il est parti.", ["“Nous tiendrons. Jusqu’au bout”, a-t-il dit.", "Puis il est parti."]],
    [
      "fr",
      "M. Hollande et Mme Merkel ont reçu MM. Dupont et Durand. Mlle Roux était absente.",
      ["M. Hollande et Mme Merkel ont reçu MM. Dupont et Durand.", "Mlle Roux était absente."],
    ],
    ["fr", "Mme. Haddad a vu le Dr. Karam et le gén. Aoun. Le sgt. Karim aussi.", ["Mme. Haddad a vu le Dr. Karam et le gén. Aoun.", "Le sgt. Karim aussi."]],
    ["fr", "Le lt. Samir, le cdt. Fares et le col. Ahmad sont à St. Louis.", ["Le lt. Samir, le cdt. Fares et le col. Ahmad sont à St. Louis."]],
    ["fr", "Ils ont fui par le col. Les combats ont cessé.", ["Ils ont fui par le col.", "Les combats ont cessé."]],
    ["fr", "En 300 av. J.-C. Les Perses dominaient la région.", ["En 300 av. J.-C.", "Les Perses dominaient la région."]],
    ["fr", "Des villes, p. ex. Homs, ont été touchées, etc. La trêve a échoué.", ["Des villes, p. ex. Homs, ont été touchées, etc.", "La trêve a échoué."]],
    ["fr", "Il y avait des armes, des vivres, etc. dans les tentes.", ["Il y avait des armes, des vivres, etc. dans les tentes."]],
    ["fr", "J. Dupont a signé. Il est parti.", ["J. Dupont a signé.", "Il est parti."]],
    ["fr", "Selon l’art. 5 de la loi n° 12, 1.200 soldats et 3.5 % des réservistes partent.", ["Selon l’art. 5 de la loi n° 12, 1.200 soldats et 3.5 % des réservistes partent."]],
    ["fr", "Ils attendaient… Puis ils ont fui... vers Aarsal.", ["Ils attendaient…", "Puis ils ont fui... vers Aarsal."]],
    ["fr", "Vraiment !? Oui. Quoi ?! Non !!! Si.", ["Vraiment !?", "Oui.", "Quoi ?!", "Non !!!", "Si."]],
    ["fr", "Le chef a dit : « Nous (…) vaincrons. » Puis il a quitté la salle.", ["Le chef a dit : « Nous (…) vaincrons. »", "Puis il a quitté la salle."]],
  ])("%s: %s", (language, text, expected) => {
    expect(sentences(language, text)).toEqual(expected);
  });
});

describe("English sentences", () => {
  it.each<Case>([
    ["en", "Mr. Smith, Mrs. Jones and Ms. Lee met Dr. Khan.", ["Mr. Smith, Mrs. Jones and Ms. Lee met Dr. Khan."]],
    ["en", "Gen. Idris, Col. Saleh, Lt. Ahmad, Maj. Omar, Capt. Ali and Sgt. Nasser were there.", ["Gen. Idris, Col. Saleh, Lt. Ahmad, Maj. Omar, Capt. Ali and Sgt. Nasser were there."]],
    ["en", "Sen. McCain, Rep. King, Gov. Perry and Pres. Obama spoke. They left.", ["Sen. McCain, Rep. King, Gov. Perry and Pres. Obama spoke.", "They left."]],
    ["en", "He met Lt.-Gen. Ali on St. Mark Street in St. Louis.", ["He met Lt.-Gen. Ali on St. Mark Street in St. Louis."]],
    ["en", "The convoy stopped on Main St. The drivers fled.", ["The convoy stopped on Main St.", "The drivers fled."]],
    [
      "en",
      "On Jan. 5 and Feb. 12 the U.S. and U.N. envoys met U.K. officials. The talks failed.",
      ["On Jan. 5 and Feb. 12 the U.S. and U.N. envoys met U.K. officials.", "The talks failed."],
    ],
    ["en", "The U.S. Army denied it. Sanctions were imposed by the U.S. The move angered Moscow.", ["The U.S. Army denied it.", "Sanctions were imposed by the U.S.", "The move angered Moscow."]],
    ["en", "It ended at 5 p.m. The next day it resumed at 6 a.m. local time.", ["It ended at 5 p.m.", "The next day it resumed at 6 a.m. local time."]],
    ["en", "Some towns, e.g. Homs, i.e. the centre, were hit by No. 5 Brigade.", ["Some towns, e.g. Homs, i.e. the centre, were hit by No. 5 Brigade."]],
    ["en", "They took guns, ammunition, etc. Rebels burned the rest.", ["They took guns, ammunition, etc.", "Rebels burned the rest."]],
    ["en", "The rate was 3.5 percent. J. Smith said so. Was it? No.", ["The rate was 3.5 percent.", "J. Smith said so.", "Was it?", "No."]],
    ["en", 'He said: "Stop. Now." Then he left.', ['He said: "Stop. Now."', "Then he left."]],
    ["en", "“We will win. We always do,” he said.", ["“We will win. We always do,” he said."]],
    ["en", "The shells were 12\" long. None exploded.", ["The shells were 12\" long.", "None exploded."]],
  ])("%s: %s", (language, text, expected) => {
    expect(sentences(language, text)).toEqual(expected);
  });
});

describe("Arabic sentences", () => {
  it.each<Case>([
    [
      "ar",
      "قال مصدر، إن القوات تقدمت؛ وسيطرت على التلال. هل انسحب المسلحون؟ نعم! وانتهى الأمر۔ ثم عاد الهدوء.",
      ["قال مصدر، إن القوات تقدمت؛ وسيطرت على التلال.", "هل انسحب المسلحون؟", "نعم!", "وانتهى الأمر۔", "ثم عاد الهدوء."],
    ],
    ["ar", "قال: «انتهت المعركة. انسحبوا». ثم غادر.", ["قال: «انتهت المعركة. انسحبوا».", "ثم غادر."]],
    ["ar", "قال “انتهى الأمر. لا عودة” ثم صمت.", ["قال “انتهى الأمر. لا عودة” ثم صمت."]],
    ["ar", "وقال د. خالد إن نسبة الخسائر بلغت ٣٫٥ في المئة. وانتهى الاجتماع؟!", ["وقال د. خالد إن نسبة الخسائر بلغت ٣٫٥ في المئة.", "وانتهى الاجتماع؟!"]],
  ])("%s: %s", (language, text, expected) => {
    expect(sentences(language, text)).toEqual(expected);
  });
});

describe("line breaks", () => {
  it.each<Case>([
    ["fr", "Nosra: fuite, capitulation\nDu côté de la milice, c’est la débâcle.", ["Nosra: fuite, capitulation", "Du côté de la milice, c’est la débâcle."]],
    ["fr", "Premier paragraphe sans point\n\nsecond paragraphe.", ["Premier paragraphe sans point", "second paragraphe."]],
    ["fr", "Titre\r\nLe texte suit.\r\n\r\nAutre.", ["Titre", "Le texte suit.", "Autre."]],
    ["fr", "Un\u2029deux.", ["Un", "deux."]],
    ["fr", "Il a rencontré M.\nHollande hier.", ["Il a rencontré M.\nHollande hier."]],
    ["fr", "Il a dit :\n« Nous resterons. »", ["Il a dit :\n« Nous resterons. »"]],
    ["fr", "  \u200f Bonjour.  \n\n\t", ["Bonjour."]],
    [
      "fr",
      "Les forces syriennes ont avancé vers la\nfrontière libanaise, selon des sources\nproches du Hezbollah. Les combats continuent.",
      ["Les forces syriennes ont avancé vers la\nfrontière libanaise, selon des sources\nproches du Hezbollah.", "Les combats continuent."],
    ],
    [
      "en",
      "The army said on Monday that its\ntroops had surrounded rebels near the town of\nQusayr, and that Hezbollah was helping.",
      ["The army said on Monday that its\ntroops had surrounded rebels near the town of\nQusayr, and that Hezbollah was helping."],
    ],
    [
      "en",
      "Rebels retreat\nThe army said on Monday that its troops had\nsurrounded rebels near the town of Qusayr.",
      ["Rebels retreat", "The army said on Monday that its troops had\nsurrounded rebels near the town of Qusayr."],
    ],
    ["ar", "بيروت ـ «الأخبار»\nأفادت مصادر بأن الجيش تقدم.", ["بيروت ـ «الأخبار»", "أفادت مصادر بأن الجيش تقدم."]],
  ])("%s: %j", (language, text, expected) => {
    expect(sentences(language, text)).toEqual(expected);
  });
});

describe("unclosed quotations", () => {
  it("stay inside their paragraph and are reported at the opening mark", () => {
    const text = "« Nous resterons. Ils partiront.\nLa ville est calme. Les habitants reviennent.";
    const split = splitSentences(text, rules.fr.sentences);
    expect(split.sentences.map((span) => text.slice(span.start, span.end))).toEqual([
      "« Nous resterons.",
      "Ils partiront.",
      "La ville est calme.",
      "Les habitants reviennent.",
    ]);
    expect(split.messages).toEqual([
      {
        code: "segment-unclosed-quote",
        severity: "warning",
        reason: expect.stringContaining("«") as unknown as string,
        stage: "segment",
        rule: "sentences/unclosed-quote",
        start: 0,
        end: 1,
      },
    ]);
  });

  it("are reported for straight quotes and for inner quotes a closing mark skips", () => {
    const straight = 'He said "we will stay. They will go.\n\nThe town is calm.';
    const opening = straight.indexOf('"');
    expect(splitSentences(straight, rules.en.sentences).messages.map((m) => [m.start, m.end])).toEqual([[opening, opening + 1]]);
    const inner = "« Il a dit “ non. » Puis il est parti.";
    const split = splitSentences(inner, rules.fr.sentences);
    const innerOpening = inner.indexOf("“");
    expect(split.messages.map((m) => [m.start, m.end])).toEqual([[innerOpening, innerOpening + 1]]);
    expect(split.sentences.map((span) => inner.slice(span.start, span.end))).toEqual(["« Il a dit “ non. »", "Puis il est parti."]);
  });

  it("are not reported when every quotation closes", () => {
    const text = "« Un. » “Deux.” \"Trois.\" »Quatre.« 12\" guns.";
    expect(splitSentences(text, rules.und.sentences).messages).toEqual([]);
  });
});

describe("undetermined language", () => {
  it("uses the abbreviations of all three languages", () => {
    expect(sentences("und", "M. Hollande a vu Mr. Smith et د. خالد. Ils ont parlé.")).toEqual(["M. Hollande a vu Mr. Smith et د. خالد.", "Ils ont parlé."]);
  });
});
