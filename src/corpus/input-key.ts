/**
 * The identity of an ingestion input, recorded with the document it gave, so
 * that a resumed or repeated run skips inputs it has stored already without
 * fetching or analysing them again. The store's own identities (content hash,
 * canonical URL) still decide what counts as one document.
 */
import { createHash } from "node:crypto";
import type { AnalyzeInput } from "../analyze/input.js";
import { canonicalUrl } from "../store/identity.js";

export function inputKey(input: AnalyzeInput): string {
  const hash = createHash("sha256");
  if (typeof input === "string") hash.update("text\0").update(input);
  else if ("bytes" in input) hash.update("bytes\0").update(input.bytes);
  else if ("text" in input) hash.update("text\0").update(input.text);
  else if ("html" in input) hash.update("html\0").update(input.html);
  else hash.update("url\0").update(canonicalUrl(input.url));
  return `input:${hash.digest("hex")}`;
}
