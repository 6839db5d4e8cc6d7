/**
 * The article view: the document's text exactly as analysed, with every
 * extracted span highlighted. Hovering, focusing or clicking a highlight shows
 * what was extracted from it — the entity, its resolution, and the rule that
 * decided it — and the evidence of the event being examined is emphasised.
 * Text is always inserted as text nodes; Arabic (and other right-to-left)
 * articles are laid out right to left.
 */
import type { Analysis, EventRecord } from "../../../src/model/analysis.js";
import type { DocumentView } from "../api.js";
import { button, clear, externalLink, facts, h, type Child } from "../dom.js";
import { typeClass } from "../event-types.js";
import { ANNOTATION_KINDS, collectAnnotations, type Annotation } from "./annotations.js";
import { segmentText } from "./segments.js";

export interface ArticleViewOptions {
  onClose: () => void;
  onOpenEvent: (clusterId: string) => void;
  /** The analyst chose another of the article's events to examine. */
  onFocusEvent: (eventId: string) => void;
}

const RTL_LANGUAGES = new Set(["ar", "arz", "apc", "acm", "ary", "fa", "ur", "ps", "he", "yi", "ku", "ckb", "sd", "ug", "dv"]);

export function isRightToLeft(language: string): boolean {
  return RTL_LANGUAGES.has(language.toLowerCase().split("-")[0] ?? "");
}

const PRECISION = { 1: "the place itself", 2: "near it", 3: "the area around it" } as const;
const TIME_PRECISION = { 1: "day", 2: "week", 3: "month" } as const;

interface Lookup {
  analysis: Analysis;
  clusterOf: (event: EventRecord) => string | null;
}

function rule(by: string | readonly string[]): Child {
  const list = typeof by === "string" ? [by] : by;
  return h("ul", { class: "rules" }, ...list.map((entry) => h("li", {}, h("code", {}, entry))));
}

/** Quoted text from the article, isolated so that Arabic inside an English label keeps its own direction. */
function quoted(text: string): HTMLElement {
  return h("q", {}, h("bdi", {}, text));
}

function mentionText(analysis: Analysis, layer: "places" | "actors" | "times", id: string | null): string | null {
  if (id === null) return null;
  const mention = analysis[layer].find((entry) => entry.id === id);
  return mention === undefined ? id : mention.text;
}

function describe(annotation: Annotation, lookup: Lookup, options: ArticleViewOptions): HTMLElement {
  const { analysis } = lookup;
  const text = analysis.document.text.slice(annotation.start, annotation.end);
  const card = (title: string, rows: [string, Child | Child[]][], ...extra: Child[]) =>
    h("article", { class: `annotation-card k-${annotation.kind}` }, h("h4", {}, title, " ", quoted(text)), facts(rows), ...extra);

  switch (annotation.kind) {
    case "place": {
      const { record } = annotation;
      const resolved = record.resolved;
      return card("Place", [
        ["Resolved to", resolved === null ? "not resolved" : `${resolved.name} (${[resolved.admin1, resolved.country].filter((part) => part !== null).join(", ")})`],
        ["Coordinates", resolved === null ? null : `${resolved.lat.toFixed(4)}, ${resolved.lon.toFixed(4)}`],
        ["Gazetteer entry", resolved === null ? null : h("code", {}, `${resolved.gazetteer}:${resolved.id}`)],
        ["Feature", resolved?.feature ?? null],
        ["Population", resolved?.population == null ? null : resolved.population.toLocaleString()],
        ["Kind", record.kind],
        ["Score", record.score.toFixed(2)],
        ["Precision", record.precision === null ? null : PRECISION[record.precision]],
        ["Alternatives", record.alternatives.length === 0 ? null : h("ol", { class: "plain-list" }, ...record.alternatives.slice(0, 5).map((entry) => h("li", {}, `${entry.name} (${entry.country ?? "?"}) ${entry.score.toFixed(2)}`)))],
        ["Rule", rule(record.by)],
      ]);
    }
    case "actor": {
      const { record } = annotation;
      const resolved = record.resolved;
      return card("Actor", [
        ["Resolved to", resolved === null ? "not resolved" : resolved.name],
        ["Actor id", resolved === null ? null : h("code", {}, resolved.id)],
        ["Type (ACLED inter)", resolved === null ? null : String(resolved.type)],
        ["Country", resolved?.country ?? null],
        ["Part of", resolved?.parent ?? null],
        ["Rule", rule(record.by)],
      ]);
    }
    case "time": {
      const { record } = annotation;
      return card("Date", [
        ["Resolved to", record.value ?? "not anchored"],
        ["Precision", record.precision === null ? null : TIME_PRECISION[record.precision]],
        ["Rule", rule(record.by)],
      ]);
    }
    case "event": {
      const { record } = annotation;
      const cluster = lookup.clusterOf(record);
      const type = record.acled === null ? `${record.scope} (outside ACLED)` : `${record.acled.event_type} — ${record.acled.sub_event_type}`;
      return card(
        annotation.role === "trigger" ? "Event trigger" : "Event evidence",
        [
          ["Event", type],
          ["Trigger", quoted(record.trigger.text)],
          ["PLOVER", record.plover === null ? null : `${record.plover.type}${record.plover.mode === null ? "" : ` / ${record.plover.mode}`}`],
          ["Modality", record.modality],
          ["Date", record.date_value === null ? "undated" : [record.date_value, ...(record.date === null ? [] : [" from ", quoted(mentionText(analysis, "times", record.date) ?? "")])]],
          ["Place", mentionText(analysis, "places", record.location)],
          ["Actor 1", record.actor1.map((id) => mentionText(analysis, "actors", id)).join("; ")],
          ["Actor 2", record.actor2.map((id) => mentionText(analysis, "actors", id)).join("; ")],
          ["Fatalities", record.fatalities === null ? null : [`${record.fatalities.low}–${record.fatalities.high} `, quoted(record.fatalities.text)]],
          ["Confidence", record.confidence.toFixed(2)],
          ["Rules", rule(record.by)],
        ],
        h(
          "div",
          { class: "card-actions" },
          button("Emphasise this event", () => options.onFocusEvent(record.id), { class: "secondary" }),
          cluster === null ? null : button("Open event", () => options.onOpenEvent(cluster), { class: "secondary" }),
        ),
      );
    }
    case "source": {
      const { record } = annotation;
      const chain: string[] = [];
      const seen = new Set<string>();
      for (let via = record.via; via !== null && !seen.has(via); ) {
        seen.add(via);
        const next = analysis.sources.find((source) => source.id === via);
        if (next === undefined) break;
        chain.push(next.name);
        via = next.via;
      }
      return card("Source", [
        ["Name", record.name],
        ["Kind", record.kind],
        ["Outlet", record.outlet === null ? null : `${record.outlet.id}${record.outlet.alignment === null ? "" : ` (${record.outlet.alignment})`}${record.outlet.country === null ? "" : `, ${record.outlet.country}`}`],
        ["Relayed by", chain.length === 0 ? null : chain.join(" → ")],
        ["Is actor", mentionText(analysis, "actors", record.actor)],
        ["Rule", rule(record.by)],
      ]);
    }
    case "quote": {
      const { record } = annotation;
      const speaker = record.speaker === null ? null : analysis.sources.find((source) => source.id === record.speaker);
      return card("Quote", [
        ["Speaker", speaker === null ? "not named" : (speaker?.name ?? record.speaker)],
        ["Rule", rule(record.by)],
      ]);
    }
    case "framing": {
      const { record } = annotation;
      return card("Loaded language", [
        ["Technique", record.technique],
        ["Rule", rule(record.by)],
      ]);
    }
  }
}

/** The outlet as the document gives it, else as the sources stage identified the publisher. */
function publisher(analysis: Analysis): string {
  return analysis.document.outlet ?? analysis.sources.find((source) => source.kind === "publisher")?.name ?? "unknown outlet";
}

export function renderArticle(section: HTMLElement, view: DocumentView, focusEventId: string | undefined, options: ArticleViewOptions): void {
  const { analysis } = view;
  const { document: doc } = analysis;
  const clusters = new Map(view.events.map((entry) => [entry.eventId, entry.clusterId]));
  const clusterOf = (event: EventRecord) => clusters.get(event.id) ?? null;
  const lookup: Lookup = { analysis, clusterOf };
  const annotations = collectAnnotations(analysis);
  const focusEvent = focusEventId === undefined ? undefined : analysis.events.find((event) => event.id === focusEventId);
  const sentence = focusEvent === undefined ? [] : [{ start: focusEvent.sentence.start, end: focusEvent.sentence.end, sentence: true as const }];
  const segments = segmentText<Annotation | (typeof sentence)[number]>(doc.text.length, [...annotations, ...sentence]);

  const language = /^[a-z]{2,3}$/.test(doc.language) ? doc.language : "und";
  const text = h("div", { class: "article-text", attrs: { dir: isRightToLeft(language) ? "rtl" : "ltr", lang: language, id: "article-text" } });
  const elementsOf = new Map<number, HTMLElement[]>();
  for (const segment of segments) {
    const content = doc.text.slice(segment.start, segment.end);
    const covering = segment.covering.filter((entry): entry is Annotation => !("sentence" in entry));
    const inSentence = segment.covering.some((entry) => "sentence" in entry);
    if (covering.length === 0 && !inSentence) {
      text.append(document.createTextNode(content));
      continue;
    }
    const kinds = [...new Set(covering.map((entry) => `k-${entry.kind}`))];
    const isEvidence = focusEvent !== undefined && covering.some((entry) => entry.kind === "event" && entry.record === focusEvent);
    const classes = [covering.length > 0 ? "hl" : "", ...kinds, isEvidence ? "focus-evidence" : "", inSentence ? "focus-sentence" : ""].filter((name) => name !== "");
    const element = h("span", { class: classes.join(" ") }, content);
    if (covering.length > 0) {
      element.dataset["annotations"] = covering.map((entry) => entry.index).join(" ");
      if (covering.some((entry) => entry.start === segment.start)) {
        element.tabIndex = 0;
        element.setAttribute("role", "button");
        element.setAttribute("aria-describedby", "annotation-details");
      }
    }
    for (const entry of covering) {
      const list = elementsOf.get(entry.index);
      if (list === undefined) elementsOf.set(entry.index, [element]);
      else list.push(element);
    }
    text.append(element);
  }

  const details = h("div", { class: "annotation-details", attrs: { id: "annotation-details", "aria-live": "polite" } }, h("p", { class: "muted" }, "Point at, focus or click a highlight to see what was extracted from it."));
  let active: HTMLElement[] = [];
  const show = (target: EventTarget | null) => {
    if (!(target instanceof HTMLElement)) return;
    const element = target.closest<HTMLElement>("[data-annotations]");
    if (element === null || !text.contains(element)) return;
    const chosen = (element.dataset["annotations"] ?? "")
      .split(" ")
      .map(Number)
      .map((index) => annotations[index])
      .filter((entry): entry is Annotation => entry !== undefined);
    for (const previous of active) previous.classList.remove("active");
    active = chosen.length === 0 ? [] : (elementsOf.get((chosen[0] as Annotation).index) ?? []);
    for (const current of active) current.classList.add("active");
    details.replaceChildren(...chosen.map((entry) => describe(entry, lookup, options)));
  };
  text.addEventListener("click", (event) => show(event.target));
  text.addEventListener("focusin", (event) => show(event.target));
  text.addEventListener("mouseover", (event) => show(event.target));

  const toggles = h(
    "fieldset",
    { class: "kind-toggles" },
    h("legend", {}, "Highlight"),
    ...ANNOTATION_KINDS.map(({ kind, label }) => {
      const box = h("input", { attrs: { type: "checkbox", id: `show-${kind}` } });
      box.checked = true;
      box.addEventListener("change", () => text.classList.toggle(`hide-${kind}`, !box.checked));
      const count = annotations.filter((entry) => entry.kind === kind).length;
      return h("span", { class: "toggle" }, box, h("label", { class: `legend-chip k-${kind}`, attrs: { for: box.id } }, `${label} (${count})`));
    }),
  );

  const eventsList = h(
    "ol",
    { class: "article-events" },
    ...analysis.events.map((event) => {
      const choose = h(
        "button",
        { class: `event-choice${event === focusEvent ? " chosen" : ""}`, attrs: { type: "button" } },
        `${event.acled?.sub_event_type ?? event.scope} · `,
        quoted(event.trigger.text),
        ` · ${event.date_value ?? "undated"}`,
      );
      choose.addEventListener("click", () => options.onFocusEvent(event.id));
      if (event === focusEvent) choose.setAttribute("aria-current", "true");
      return h("li", {}, h("span", { class: `swatch ${typeClass(event.acled?.event_type)}`, attrs: { "aria-hidden": "true" } }), choose);
    }),
  );

  const messages = analysis.messages.length === 0 ? null : h("details", { class: "messages" }, h("summary", {}, `Pipeline messages (${analysis.messages.length})`), h("ul", { class: "plain-list" }, ...analysis.messages.map((message) => h("li", {}, h("code", {}, message.code), ` ${message.severity}: `, h("span", { attrs: { dir: "auto" } }, message.reason), h("span", { class: "muted" }, ` (${message.stage}${message.rule === null ? "" : `:${message.rule}`})`)))));

  clear(section);
  section.append(
    h(
      "header",
      { class: "article-header" },
      h("h2", { attrs: { id: "article-heading", tabindex: "-1", dir: "auto" } }, doc.title ?? "Untitled article"),
      h("p", { class: "article-meta" }, [publisher(analysis), doc.published ?? "no date", `language: ${doc.language}`].join(" · "), " · ", externalLink(doc.url, "original page"), " · ", h("code", {}, doc.id)),
      button("Close article", options.onClose, { class: "close" }),
    ),
    toggles,
    h(
      "div",
      { class: "article-body" },
      text,
      h(
        "aside",
        { class: "article-side", attrs: { "aria-label": "What was extracted" } },
        h("h3", {}, "Extracted"),
        details,
        h("h3", {}, `Events in this article (${analysis.events.length})`),
        eventsList,
        messages,
      ),
    ),
  );
  const first = text.querySelector<HTMLElement>(".focus-evidence") ?? text.querySelector<HTMLElement>(".focus-sentence");
  if (first !== null) {
    first.scrollIntoView({ block: "center" });
    show(first);
  }
}
