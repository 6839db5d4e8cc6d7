import { readdirSync, readFileSync } from "node:fs";
import { francAll } from "franc-min";
import { describe, expect, it } from "vitest";
import { trigramRanking } from "./trigram-ranking.js";

const folder = (path: string): URL => new URL(path, import.meta.url);
const texts = [
  ...readdirSync(folder("../../../fixtures/")).filter((name) => name.endsWith(".txt")).map((name) => readFileSync(folder(`../../../fixtures/${name}`), "utf8")),
  readFileSync(folder("../../../examples/qalamoun-fr.txt"), "utf8"),
];

describe("trigramRanking", () => {
  it("ranks as franc does on articles, their parts and their repetitions", () => {
    expect(texts.length).toBeGreaterThan(2);
    for (const text of texts) {
      // Prefixes and windows of every size, up to past franc's 2,048-character cap.
      for (const length of [12, 20, 57, 150, 400, 1000, 1500, 2047, 2048, 2049, 5000]) {
        for (const from of [0, 7, 333]) {
          const sample = text.repeat(4).slice(from, from + length);
          expect(trigramRanking(sample, 12), JSON.stringify(sample.slice(0, 40))).toEqual(francAll(sample, { minLength: 12 }));
        }
      }
    }
  });

  it.each([
    ["empty", ""],
    ["too short", "Gaza ?"],
    ["digits and punctuation only", "12 345 678 !!! ??? 2015-2016"],
    ["white space only", " \n\t ".repeat(10)],
    ["a script with one language", "ኢትዮጵያ በአፍሪካ ቀንድ የምትገኝ ሀገር ናት።"],
    ["Cyrillic", "Армия вновь взяла под контроль город после трёх дней боёв."],
    ["Devanagari", "सेना ने तीन दिनों की लड़ाई के बाद शहर पर फिर से नियंत्रण कर लिया।"],
    ["Chinese", "军队经过三天的战斗后重新控制了该城市。"],
    ["Persian", "ارتش سوریه پس از سه روز درگیری کنترل شهر را دوباره به دست گرفت."],
    ["mixed scripts", "Le 12 mai, l’armée a repris عرسال après trois jours. Армия 军队 ok"],
    ["a word repeated", "Alep ".repeat(600)],
    ["astral characters", "𝐀𝐫𝐦𝐲 took the town 😀😀 after three days of fighting 𠀀𠀁."],
  ])("ranks as franc does on %s", (_name, text) => {
    expect(trigramRanking(text, 12)).toEqual(francAll(text, { minLength: 12 }));
  });

  it("ranks as franc does on random text in the scripts it knows", () => {
    let seed = 11;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const alphabets = ["abcdefghijklmnopqrstuvwxyz éèàç’'-.,", "ابتثجحخدذرزسشصضطظعغفقكلمنهوي ءة،", "абвгдежзийклмнопрстуфхцчшщыэюя "];
    for (let round = 0; round < 300; round++) {
      const alphabet = alphabets[round % alphabets.length] as string;
      const text = Array.from({ length: 12 + random(400) }, () => alphabet[random(alphabet.length)]).join("");
      expect(trigramRanking(text, 12), JSON.stringify(text)).toEqual(francAll(text, { minLength: 12 }));
    }
  });
});
