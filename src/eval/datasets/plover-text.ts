import type { DatasetText } from "./labelled-text.js";

/** A text with its gold PLOVER event type (upper case, e.g. ASSAULT) and mode (lower case, e.g. heavy-weapons), null when none is given. */
export interface PloverText extends DatasetText {
  event: string;
  mode: string | null;
}
