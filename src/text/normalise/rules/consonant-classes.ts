/**
 * Letters become consonant classes, so that the spellings of one Arabic name
 * in French, English and Arabic script meet. Classes follow the Arabic
 * consonants that press transliterations merge: ت ث ط "t", د ذ ض "d",
 * ز ظ "z", س ص "s", ح ه "h", ق ك "k", and ش "c" (sh, ch, sch), خ "x" (kh),
 * غ "g" (gh). Vowels and the letters that write them or stand for glides and
 * glottal stops — a e i o u y w, ا و ي ء, ع, apostrophes — are dropped: Arabic
 * script leaves short vowels out and Latin spellings disagree on all of them.
 * Latin digraphs are read before single letters; p and v, which Arabic lacks,
 * join b and f; x is "ks". Digits and letters of other scripts pass through.
 */
const LATIN: ReadonlyArray<readonly [string, string]> = [
  ["sch", "c"],
  ["tch", "c"],
  ["tsh", "c"],
  ["dzh", "j"],
  ["kh", "x"],
  ["gh", "g"],
  ["sh", "c"],
  ["ch", "c"],
  ["zh", "z"],
  ["dj", "j"],
  ["th", "t"],
  ["dh", "d"],
  ["ph", "f"],
  ["ck", "k"],
  ["q", "k"],
  ["c", "k"],
  ["x", "ks"],
  ["v", "f"],
  ["p", "b"],
];
const DROPPED = new Set(["a", "e", "i", "o", "u", "y", "w", "'", "ا", "و", "ي", "ء", "ع"]);
const ARABIC: Readonly<Record<string, string>> = {
  ب: "b",
  پ: "b",
  ت: "t",
  ث: "t",
  ط: "t",
  ج: "j",
  ژ: "j",
  ح: "h",
  ه: "h",
  خ: "x",
  د: "d",
  ذ: "d",
  ض: "d",
  ر: "r",
  ز: "z",
  ظ: "z",
  س: "s",
  ص: "s",
  ش: "c",
  چ: "c",
  غ: "g",
  گ: "g",
  ف: "f",
  ڤ: "f",
  ق: "k",
  ك: "k",
  ل: "l",
  م: "m",
  ن: "n",
};

/** The consonant classes of one folded word. */
export function consonantClasses(word: string): string {
  let out = "";
  let i = 0;
  while (i < word.length) {
    const digraph = LATIN.find(([spelling]) => word.startsWith(spelling, i));
    if (digraph !== undefined) {
      out += digraph[1];
      i += digraph[0].length;
      continue;
    }
    const char = String.fromCodePoint(word.codePointAt(i) ?? 0);
    i += char.length;
    if (!DROPPED.has(char)) out += ARABIC[char] ?? char;
  }
  return out;
}
