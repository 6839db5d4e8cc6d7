import { describe, expect, it } from "vitest";
import { arabicStem, arabicStemCandidates } from "./arabic-proclitics.js";

const whole = (text: string) => ({ start: 0, end: text.length });
const candidates = (word: string): string[] => arabicStemCandidates(word, whole(word)).map((span) => word.slice(span.start, span.end));

describe("arabicStemCandidates", () => {
  it.each([
    ["القلمون", ["قلمون"]],
    ["والقلمون", ["القلمون", "قلمون"]],
    ["فالجيش", ["الجيش", "جيش"]],
    ["بالقصير", ["القصير", "قصير"]],
    ["كالعادة", ["العادة", "عادة"]],
    ["للرقة", ["لرقة", "رقة"]],
    ["وللرقة", ["للرقة", "لرقة", "رقة"]],
    ["وبالقصير", ["بالقصير", "القصير", "قصير"]],
    ["وبحمص", ["بحمص", "حمص"]],
    ["ولبنان", ["لبنان", "بنان"]],
    ["بيروت", ["يروت"]],
    ["لحلب", ["حلب"]],
  ])("%s", (word, expected) => {
    expect(candidates(word)).toEqual(expected);
  });

  it.each(["حلب", "بين", "فقط", "ولد", "ال", "درعا", "Homs", "عرسال2", ""])("finds none in %j", (word) => {
    expect(candidates(word)).toEqual([]);
  });

  it("counts letters without diacritics or tatweel and starts the stem on a letter", () => {
    const word = "وَالرَّقَّة";
    expect(candidates(word)).toEqual([word.slice(word.indexOf("ا")), word.slice(word.indexOf("ر"))]);
    expect(candidates("بـحلب")).toEqual(["حلب"]);
  });

  it("works on a span inside a longer text", () => {
    const text = "في والقلمون اليوم";
    const stem = arabicStem(text, { start: 3, end: 11 });
    expect(stem).toEqual({ start: 6, end: 11 });
  });
});

describe("arabicStem", () => {
  it("is the longest candidate, or null", () => {
    expect(arabicStem("ولبنان", whole("ولبنان"))).toEqual({ start: 2, end: 6 });
    expect(arabicStem("حلب", whole("حلب"))).toBeNull();
  });
});
