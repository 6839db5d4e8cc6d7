/**
 * The only way the app builds DOM. Data from the corpus (article text, titles,
 * names, URLs) is always text: children are text nodes, attributes are set one
 * by one and never include event handlers, inline styles or links. A link to
 * the outside is made by `externalLink`, which accepts http(s) URLs only.
 */

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  /** Plain attributes; `href`, `src`, `style` and `on…` are refused (see `externalLink`, `apiLink`). */
  attrs?: Record<string, string>;
  text?: string;
}

const FORBIDDEN_ATTRIBUTE = /^(on|href$|src$|srcset$|style$|action$|formaction$|xlink:href$)/i;

export function setAttributes(element: Element, attrs: Record<string, string>): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (FORBIDDEN_ATTRIBUTE.test(name)) throw new Error(`setAttributes: "${name}" may not be set from data; use externalLink or apiLink for links`);
    element.setAttribute(name, value);
  }
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class !== undefined) element.className = props.class;
  if (props.attrs !== undefined) setAttributes(element, props.attrs);
  if (props.text !== undefined) element.textContent = props.text;
  append(element, ...children);
  return element;
}

const SVG_NS = "http://www.w3.org/2000/svg";

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  setAttributes(element, Object.fromEntries(Object.entries(attrs).map(([name, value]) => [name, String(value)])));
  append(element, ...children);
  return element;
}

export function clear(element: Element): void {
  element.replaceChildren();
}

/** The URL when it is an absolute http(s) URL, else null: anything else (javascript:, data:, relative paths) never becomes a link. */
export function safeHttpUrl(value: unknown): string | null {
  if (typeof value !== "string" || value === "") return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}

/** A link that opens an article's page in a new tab, or the text alone when the URL is not http(s). */
export function externalLink(url: unknown, text: string): HTMLElement {
  const href = safeHttpUrl(url);
  if (href === null) return h("span", { class: "unlinked", attrs: { dir: "auto" } }, text);
  const link = h("a", { attrs: { target: "_blank", rel: "noopener noreferrer nofollow", dir: "auto" } }, text);
  link.href = href;
  return link;
}

/** A link to the app's own API, e.g. an export; the query is built from values, never pasted. */
export function apiLink(path: `/api/${string}`, params: URLSearchParams, text: string): HTMLAnchorElement {
  const link = h("a", {}, text);
  const query = params.toString();
  link.href = query === "" ? path : `${path}?${query}`;
  return link;
}

export function button(label: string, onClick: (event: MouseEvent) => void, props: Props = {}): HTMLButtonElement {
  const element = h("button", { ...props, attrs: { type: "button", ...props.attrs } }, label);
  element.addEventListener("click", onClick);
  return element;
}

/** A definition list from label/value pairs, skipping absent values. */
export function facts(rows: readonly [string, Child | Child[]][]): HTMLDListElement {
  const list = h("dl", { class: "facts" });
  for (const [label, value] of rows) {
    if (value === null || value === undefined || value === false || value === "") continue;
    const values = Array.isArray(value) ? value : [value];
    if (values.length === 0) continue;
    append(list, h("dt", {}, label), h("dd", { attrs: { dir: "auto" } }, ...values));
  }
  return list;
}
