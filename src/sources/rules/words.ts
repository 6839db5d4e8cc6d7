/**
 * The closed-class words the attribution rules read a clause by: where a
 * noun phrase may start, continue and must stop, what may stand between a
 * subject and its verb, what opens reported content. Grammar, not lexicon:
 * these are the function words of each language, listed by the sitrep
 * project, and compared by fold key (`foldKey`), as tokens carry them.
 */
import type { LexiconLanguage } from "../../events/lexicon.js";
import { foldKey } from "../../text/normalise/index.js";

export interface ClauseWords {
  /** Subject pronouns: a whole noun phrase by themselves. */
  pronouns: ReadonlySet<string>;
  /** Words that open a noun phrase; nothing to their left belongs to it but a linking preposition. */
  determiners: ReadonlySet<string>;
  /** Prepositions inside a noun phrase: "the Observatory for Human Rights", "le correspondant de la chaîne". */
  links: ReadonlySet<string>;
  /** A preposition that is inside a noun phrase after one of these words only: "close to", "familiar with", "proche de". */
  pairedLinks: ReadonlyMap<string, ReadonlySet<string>>;
  /** Words a noun phrase never holds: conjunctions, relatives, prepositions, verbs that are not cues, adverbs. */
  stops: ReadonlySet<string>;
  /** Between a subject and its cue verb: auxiliaries and adverbs ("has also said", "a également déclaré"); they join the cue. */
  auxiliaries: ReadonlySet<string>;
  /** Words that open reported content: "that", que, أن. Part of the content, as PolNeAR and PARC mark it. */
  complementizers: ReadonlySet<string>;
  /** Prepositions that open an adjunct after a cue or a source: "to reporters", "pour al-Akhbar", "في بيان". */
  adjuncts: ReadonlySet<string>;
  /** Times that are no source: "Monday", "hier", أمس. */
  temporals: ReadonlySet<string>;
  /** Words that make the next one a time too: "last week", "ce matin". */
  temporalOpeners: ReadonlySet<string>;
  /** Cue verbs followed by the addressee before the content: "told reporters that". */
  addressed: ReadonlySet<string>;
  /** Relative pronouns, the source of the cue right after them ("Ted Cruz, who said he …"). */
  relatives: ReadonlySet<string>;
  /** Conjunctions that join a second verb to the clause's subject ("… and said"). */
  conjunctions: ReadonlySet<string>;
  /** Arabic: nouns after which a ل-word still names the same body ("المرصد السوري لحقوق الإنسان"). */
  bodies: ReadonlySet<string>;
}

const fold = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/u).map(foldKey));

const EN_TEMPORALS = "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight tomorrow earlier later recently ago week weeks weekend month months year years day days night morning afternoon evening";
const FR_TEMPORALS = "lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd'hui demain soir matin semaine mois année nuit veille";
const AR_TEMPORALS = "اليوم أمس غدا مساء صباح يوم الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد ليلة الليلة";

export const CLAUSE_WORDS: Readonly<Record<LexiconLanguage, ClauseWords>> = {
  en: {
    pronouns: fold("he she they we i you it"),
    determiners: fold("the a an this these those his her their its our my your some many several most other another both each every"),
    links: fold("of for from 's"),
    pairedLinks: new Map([
      ["to", fold("close closer")],
      ["with", fold("familiar")],
    ]),
    stops: fold(`
      and but or nor so yet because although though while whereas when whenever where wherever if unless until since as than
      that which who whom whose what whether how why then also still now just even not never too however meanwhile moreover
      to in on at by from with without about after before during into over under through across against between among upon like via per
      is are was were be been being am has have had do does did will would shall should can could may might must there here
      ${EN_TEMPORALS} last next`),
    auxiliaries: fold(`
      has have had also would will could did does do may might should must again later previously earlier repeatedly recently
      reportedly publicly privately frequently often once never not long already even still further initially originally
      subsequently explicitly flatly simply then first however don't doesn't didn't won't wouldn't can't cannot couldn't`),
    complementizers: fold("that"),
    adjuncts: fold("to in on at during from with before after via through for"),
    temporals: fold(EN_TEMPORALS),
    temporalOpeners: fold("last this next early late"),
    addressed: fold("told tells tell telling"),
    relatives: fold("who which whose"),
    conjunctions: fold("and but"),
    bodies: new Set(),
  },
  fr: {
    pronouns: fold("il elle ils elles on nous je vous"),
    determiners: fold("le la les l' un une des du cette ce cet ces son sa ses leur leurs notre nos votre vos mon ma mes plusieurs certains certaines"),
    links: fold("de d' du des"),
    pairedLinks: new Map(),
    stops: fold(`
      et mais ou donc or ni car que qu' qui dont où quand lorsque lorsqu' si comme puisque alors ainsi
      pour à au aux avec sans sur sous dans en par vers chez contre entre après avant depuis pendant lors selon auprès
      est sont était étaient a ont avait avaient sera seront été être avoir ne n' pas y se s' également aussi encore déjà
      toutefois cependant pourtant ${FR_TEMPORALS}`),
    auxiliaries: fold("a ont avait avaient aurait auraient aura auront également aussi encore déjà n' pas jamais"),
    complementizers: fold("que qu'"),
    adjuncts: fold("à au aux pour auprès lors dans sur chez devant en"),
    temporals: fold(FR_TEMPORALS),
    temporalOpeners: fold("ce cette"),
    addressed: new Set(),
    relatives: fold("qui"),
    conjunctions: fold("et mais"),
    bodies: new Set(),
  },
  ar: {
    pronouns: fold("هو هي هم"),
    determiners: new Set(),
    links: fold("باسم"),
    pairedLinks: new Map(),
    stops: fold(`
      و أو ثم لكن إن أن أنه أنها أنهم بأن بأنه بأنها فإن الذي التي الذين ما لا لم لن قد
      في على عن إلى من مع منذ خلال بعد قبل عند حيث حتى كما عبر أمام ${AR_TEMPORALS}`),
    auxiliaries: fold("قد كما"),
    complementizers: fold("إن أن أنه أنها أنهم بأن بأنه بأنها فإن"),
    adjuncts: fold("في عبر خلال أمام"),
    temporals: fold(AR_TEMPORALS),
    temporalOpeners: new Set(),
    addressed: fold("أبلغ أبلغت"),
    relatives: fold("الذي التي الذين"),
    conjunctions: fold("ثم لكن"),
    bodies: fold("مرصد المرصد مركز المركز منظمة المنظمة لجنة اللجنة هيئة الهيئة رابطة الرابطة شبكة الشبكة مجلس المجلس"),
  },
};
