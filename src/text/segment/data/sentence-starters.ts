/**
 * Words that often open a sentence. A `trailing` abbreviation or an initial
 * ends a sentence only when the next word is one of these: "U.S. The" splits,
 * "U.S. Army" and "J. Dupont" do not. Function words only, because a name after
 * an abbreviation is the case to protect.
 * Source: curated by the project from French and English press usage. Arabic has
 * no capitals, so an Arabic letter after a period always starts a sentence and
 * needs no list.
 */
export const SENTENCE_STARTERS: Readonly<Record<"fr" | "en", readonly string[]>> = {
  fr: [
    "Le", "La", "Les", "L'", "Un", "Une", "Des", "Du", "De", "D'",
    "Il", "Elle", "Ils", "Elles", "On", "Je", "J'", "Nous", "Vous",
    "Ce", "Cet", "Cette", "Ces", "C'", "Cela", "Ceci", "Ça",
    "Mais", "Et", "Ou", "Donc", "Or", "Car", "Puis", "Ainsi", "Alors", "Enfin",
    "Cependant", "Pourtant", "Toutefois", "Néanmoins", "Par", "Pour", "Selon",
    "Dans", "En", "Au", "Aux", "À", "Sur", "Sous", "Avec", "Sans", "Depuis",
    "Pendant", "Après", "Avant", "Lors", "Si", "S'", "Quand", "Lorsque", "Lorsqu'",
    "Comme", "Qui", "Que", "Qu'", "Son", "Sa", "Ses", "Leur", "Leurs", "Notre", "Nos",
    "Tout", "Tous", "Toute", "Toutes", "Plusieurs", "Certains", "Certaines",
    "Aucun", "Aucune", "Hier", "Aujourd'hui", "Y",
  ],
  en: [
    "The", "A", "An", "It", "Its", "He", "She", "They", "We", "I", "You",
    "His", "Her", "Their", "Our", "My", "Your",
    "This", "That", "These", "Those", "There", "Here",
    "But", "And", "Or", "So", "Yet", "However", "Meanwhile", "Also", "Still",
    "In", "On", "At", "By", "For", "From", "With", "Without", "After", "Before",
    "During", "Since", "Under", "Over", "According", "As",
    "When", "While", "Where", "If", "Although", "Though", "Because",
    "What", "Who", "Why", "How",
    "Some", "Many", "Most", "Several", "Other", "Others", "Another", "Both", "Each",
    "All", "No", "One", "Two", "Three", "Such", "Earlier", "Later", "Today", "Yesterday",
  ],
};
