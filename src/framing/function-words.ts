/**
 * Function words (articles, pronouns, prepositions, auxiliaries, conjunctions
 * and the commonest adverbs) of French, English and Arabic, as fold keys:
 * repeating them is grammar, not rhetoric. Curated by the sitrep project from
 * the closed word classes of each language's grammar; Arabic words are listed
 * bare, since the matcher also tries a token's stem without proclitics.
 */
import { foldKey } from "../text/normalise/index.js";
import type { FramingLanguage } from "./lexicon.js";

const FRENCH = `
le la les l' un une des du de d' au aux ce cet cette ces ça cela ceci c' qui que qu' quoi dont où
je j' tu il elle on nous vous ils elles me m' te t' se s' lui leur leurs eux moi toi soi y en
mon ma mes ton ta tes son sa ses notre nos votre vos
et ou mais donc or ni car si comme quand lorsque puisque parce
à dans par pour sur sous avec sans entre vers chez contre depuis pendant avant après selon dès jusqu' jusque
est sont était étaient été être etre a ai as ont avait avaient avoir eu fait faire font peut peuvent doit
ne n' pas plus moins très trop bien aussi encore déjà alors ainsi même tout tous toute toutes autre autres
ici là cependant pourtant toutefois enfin puis
`;

const ENGLISH = `
the a an this that these those it its it's he him his she her hers they them their theirs we us our ours
you your yours i me my mine who whom whose which what where when why how
and or but nor so yet if as than then because while although though
of to in on at by for with from into onto about over under between through during before after against
without within upon across along around since until
is are was were be been being am has have had having do does did done can could will would shall should may might must
not no nor very too also just only even still already more most less such own same other another each every all any some
there here 's
`;

const ARABIC = `
في من إلى الى على عن مع بين حتى منذ خلال عند لدى بعد قبل ضد نحو حول دون غير سوى
و ف ثم أو او أم بل لكن لكنّ إن ان أن أنّ إنّ كان كانت يكون تكون كانوا ليس ليست قد لقد لم لن لا ما
هذا هذه ذلك تلك هؤلاء أولئك الذي التي الذين اللذين اللتين اللواتي
هو هي هم هن نحن أنا انا أنت انت أنتم انتم
كل بعض أي كما إذ إذا اذا لو عندما حيث أيضا ايضا فقط كذلك
له لها لهم لنا به بها بهم فيه فيها عليه عليها منه منها عنه عنها
`;

const lists: Readonly<Record<FramingLanguage, string>> = { fr: FRENCH, en: ENGLISH, ar: ARABIC };

const FUNCTION_WORDS: ReadonlyMap<FramingLanguage, ReadonlySet<string>> = new Map(
  (Object.keys(lists) as FramingLanguage[]).map((language) => [language, new Set(lists[language].split(/\s+/u).filter((word) => word !== "").map(foldKey))]),
);

/** Whether a fold key (or an Arabic stem's fold key) is a function word of the language. */
export function isFunctionWord(language: FramingLanguage, key: string): boolean {
  return FUNCTION_WORDS.get(language)?.has(key) ?? false;
}
