/**
 * Arabic-script text is Arabic unless it uses letters Arabic lacks. Persian,
 * Urdu, Pashto, Kurdish, Malay (Jawi) and Uyghur writing all add letters of
 * their own (پ چ ژ گ, the Persian ی and ک, ے ٹ, ښ, ێ ۆ, ڠ …), and typed text in
 * those languages practically always contains some. Trigram profiles, by
 * contrast, rank Persian and Malay close behind Arabic on short or dialectal
 * text, so this test decides where they hesitate.
 */

const ARABIC_SCRIPT_LETTER = /[\u0620-\u064A\u066E-\u06D3\u06D5\u06EE-\u06FF\u0750-\u077F\u08A0-\u08FF]/gu;
/** Letters of the Arabic block that Modern Standard Arabic does not use (U+0671 wasla and U+06C1/U+06D2 aside, all in U+0679–U+06D3). */
const NON_ARABIC_LETTER = /[\u0679-\u06D3\u06EE\u06EF\u06FA-\u06FF\u0750-\u077F\u08A0-\u08FF]/gu;
const LETTER = /\p{L}/gu;
/** Test for any Arabic-script letter: most texts have none, and counting needs none then. */
const ANY_ARABIC_SCRIPT_LETTER = new RegExp(ARABIC_SCRIPT_LETTER.source, "u");

export interface ScriptEvidence {
  /** Share of letters written in Arabic script. */
  arabicScript: number;
  /** Letters of the Arabic script that Arabic itself does not use. */
  nonArabicLetters: number;
}

export function arabicScriptEvidence(text: string): ScriptEvidence {
  // Without Arabic-script letters there are none of the letters only other Arabic-script languages write either.
  if (!ANY_ARABIC_SCRIPT_LETTER.test(text)) return { arabicScript: 0, nonArabicLetters: 0 };
  const letters = (text.match(LETTER) ?? []).length;
  if (letters === 0) return { arabicScript: 0, nonArabicLetters: 0 };
  const arabic = (text.match(ARABIC_SCRIPT_LETTER) ?? []).length;
  const foreign = (text.match(NON_ARABIC_LETTER) ?? []).length;
  return { arabicScript: arabic / letters, nonArabicLetters: foreign };
}

/** Mostly Arabic script and none of the letters only other languages write: Arabic. */
export function readsAsArabic(evidence: ScriptEvidence): boolean {
  return evidence.arabicScript >= 0.5 && evidence.nonArabicLetters === 0;
}
