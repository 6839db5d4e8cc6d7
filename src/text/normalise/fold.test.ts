import { describe, expect, it } from "vitest";
import { foldKey } from "./fold.js";
import { foldArabicLetters } from "./rules/arabic-letters.js";
import { removeDiacritics } from "./rules/diacritics.js";
import { foldDigits } from "./rules/digits.js";
import { removeFormatCharacters } from "./rules/format-characters.js";
import { foldLatinLetters } from "./rules/latin-letters.js";
import { foldApostrophes, foldTypography } from "./rules/typography.js";

describe("foldKey", () => {
  it.each([
    ["case, locale-independent", "İSTANBUL Idlib", "istanbul idlib"],
    ["Latin diacritics", "Ersāl Qaïda Hassaké Eïn Lattaquié Çöl", "ersal qaida hassake ein lattaquie col"],
    ["ligatures and special letters", "Œuvre æther Straße Iğdır Øresund Đakovo Łódź", "oeuvre aether strasse igdir oresund dakovo lodz"],
    ["apostrophes", "l’armée d‘Alep Daʿish Qurʾan ma`arrat d´Idlib", "l'armee d'alep da'ish qur'an ma'arrat d'idlib"],
    ["hyphens and dashes", "al‐Nosra al‑Nosra 2014–2015 Homs — Hama", "al-nosra al-nosra 2014-2015 homs - hama"],
    ["quotes", "«Nosra» “Nusra” „x“", '"nosra" "nusra" "x"'],
    ["white space", "  Jor \t al-Inab\u00a0\n ", "jor al-inab"],
    ["harakat and superscript alef", "عَرْسالٌ هٰذا", "عرسال هذا"],
    ["tatweel", "عـرسـال", "عرسال"],
    ["alef variants", "أحمد إدلب آمنة ٱلله", "احمد ادلب امنه الله"],
    ["alef maqsura, ta marbuta, hamza carriers", "مصطفى حماة مؤتمر رئيس", "مصطفي حماه موتمر رييس"],
    ["Persian letters", "ایران کرد", "ايران كرد"],
    ["Arabic-Indic and Persian digits", "٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ ٣٫٥ ١٢٬٠٠٠", "0123456789 0123456789 3.5 12,000"],
    ["Arabic punctuation", "قال، ثم؛ لماذا؟ انتهى۔", "قال, ثم; لماذا? انتهي."],
    ["bidi controls and other format characters", "\u200fعرسال\u200e co\u00adop \ufeffx\u200b", "عرسال coop x"],
    ["presentation forms and ligatures", "ﻻ ﷲ ﬁn", "لا الله fin"],
  ])("folds %s", (_what, text, expected) => {
    expect(foldKey(text)).toBe(expected);
  });

  it("keeps the marks of scripts whose letters they change", () => {
    expect(foldKey("नमस्ते")).toBe("नमस्ते");
    expect(foldKey("한국어")).toBe("한국어");
  });

  it("is idempotent", () => {
    const samples = [
      "İSTANBUL", "ℌello", "Ǆemal", "ΟΔΟΣ", "Ἀθῆναι", "ﬀ", "ﷺ", "ﻷ", "ẞ", "ǅ", "①", "㎞", "…", "٣٫٥", "ۀ", "ﹱ",
      "عَرْسال", "Ersāl", "œ", "ŉ", "ǰ", "ΐ", "\u0130\u0307", "i\u0307\u0301",
    ];
    let seed = 3;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 2000; round++) {
      samples.push(Array.from({ length: 1 + random(6) }, () => String.fromCodePoint(random(0x3000))).join(""));
    }
    for (const sample of samples) {
      const once = foldKey(sample);
      expect(foldKey(once), JSON.stringify(sample)).toBe(once);
    }
  });
});

describe("foldKey shortcuts", () => {
  // The rule chain foldKey applies to text beyond plain ASCII, spelled out as its comment describes it.
  const chain = (text: string): string =>
    foldTypography(foldDigits(foldArabicLetters(foldLatinLetters(removeDiacritics(foldApostrophes(removeFormatCharacters(text)).toLowerCase()).toLowerCase())))).normalize("NFC");

  it("folds plain ASCII as the whole chain does", () => {
    const ascii = Array.from({ length: 0x80 }, (_, code) => String.fromCharCode(code)).join("");
    let seed = 5;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const samples = [ascii, "  Jor \t al-Inab\n ", "ma`arrat", "U.S.-led", "Dar'a", "AL-NOSRA"];
    for (let round = 0; round < 3000; round++) samples.push(Array.from({ length: 1 + random(20) }, () => ascii[random(ascii.length)]).join(""));
    for (const sample of samples) expect(foldKey(sample), JSON.stringify(sample)).toBe(chain(sample));
  });

  it("gives the same key from its memo as when first computed, for short and long texts", () => {
    const texts = ["Ersāl", "عَرْسال", "Œuvre", "x".repeat(65) + "É", "İSTANBUL"];
    const first = texts.map(foldKey);
    expect(texts.map(foldKey)).toEqual(first);
    expect(first).toEqual(texts.map(chain));
  });
});
