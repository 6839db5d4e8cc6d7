/** The filtered events as a list of buttons: the map's content, reachable by keyboard and screen reader. */
import type { CorpusEvent } from "./api.js";
import { h } from "./dom.js";
import { OTHER_LABEL, typeClass } from "./event-types.js";

export function describePlace(event: CorpusEvent): string {
  return event.summary.place?.name ?? "no place";
}

export function renderEventList(list: HTMLElement, events: readonly CorpusEvent[], selected: string | undefined, onSelect: (id: string) => void): void {
  list.replaceChildren(
    ...events.map((event) => {
      const { summary } = event;
      const item = h(
        "button",
        { class: "event-item", attrs: { type: "button", "data-event-id": event.id } },
        h("span", { class: `swatch ${typeClass(summary.eventType)}`, attrs: { "aria-hidden": "true" } }),
        h(
          "span",
          { class: "event-item-text" },
          h("span", { class: "event-item-title" }, summary.subEventType ?? summary.eventType ?? `${OTHER_LABEL} (${summary.scope})`),
          h("span", { class: "event-item-meta", attrs: { dir: "auto" } }, `${summary.dateValue ?? "undated"} · ${describePlace(event)}`),
          h(
            "span",
            { class: "event-item-meta" },
            `${summary.corroboration.reports} report(s), ${summary.corroboration.independentOutlets} independent outlet(s)`,
            event.review === null ? null : h("span", { class: `status status-${event.review.status}` }, event.review.status),
          ),
        ),
      );
      if (event.id === selected) item.setAttribute("aria-current", "true");
      item.addEventListener("click", () => onSelect(event.id));
      return h("li", {}, item);
    }),
  );
}
