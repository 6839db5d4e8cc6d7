export { decodeBytes, type DecodedText, type DecodeOptions } from "./decode.js";
export { decodeHtmlBytes, type DecodeHtmlOptions } from "./decode-html.js";
export { fetchUrl, type FetchedResource, type FetchOptions } from "./fetch-url.js";
export { extractArticle, type ExtractedArticle } from "./html.js";
export { parseJsonlLine, readJsonlLines, type JsonlLine, type JsonlRecord } from "./jsonl.js";
export { normalisePublished } from "./metadata.js";
export { readFileBytes, readStreamBytes } from "./read.js";
