/**
 * What the app remembers about the analyst: the reviewer name (kept across
 * visits, in localStorage) and the API token (kept for this tab only, in
 * sessionStorage, and only when the analyst types one).
 */

const REVIEWER_KEY = "sitrep.reviewer";
const TOKEN_KEY = "sitrep.token";

function read(storage: () => Storage, key: string): string {
  try {
    return storage().getItem(key) ?? "";
  } catch {
    return "";
  }
}

function write(storage: () => Storage, key: string, value: string): void {
  try {
    if (value === "") storage().removeItem(key);
    else storage().setItem(key, value);
  } catch {
    // Storage refused (private mode, quota): the value lasts as long as the page.
  }
}

export interface Settings {
  reviewer(): string;
  token(): string | null;
  /** Moves focus to the reviewer field, for an action that needs a name. */
  askReviewer(): void;
  askToken(): void;
}

export function createSettings(reviewerInput: HTMLInputElement, tokenInput: HTMLInputElement): Settings {
  reviewerInput.value = read(() => localStorage, REVIEWER_KEY);
  tokenInput.value = read(() => sessionStorage, TOKEN_KEY);
  reviewerInput.addEventListener("change", () => write(() => localStorage, REVIEWER_KEY, reviewerInput.value.trim()));
  tokenInput.addEventListener("change", () => write(() => sessionStorage, TOKEN_KEY, tokenInput.value.trim()));
  return {
    reviewer: () => reviewerInput.value.trim(),
    token: () => (tokenInput.value.trim() === "" ? null : tokenInput.value.trim()),
    askReviewer: () => reviewerInput.focus(),
    askToken: () => {
      const details = tokenInput.closest("details");
      if (details !== null) details.open = true;
      tokenInput.focus();
    },
  };
}
