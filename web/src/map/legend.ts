/** The legend of the map's colours and sizes, as plain DOM. */
import { h } from "../dom.js";
import { EVENT_TYPES, OTHER_LABEL, typeClass } from "../event-types.js";

export function renderLegend(container: HTMLElement): void {
  const items = [...EVENT_TYPES.map((entry) => entry.type), null].map((type) =>
    h("li", {}, h("span", { class: `swatch ${typeClass(type)}`, attrs: { "aria-hidden": "true" } }), type ?? OTHER_LABEL),
  );
  container.replaceChildren(
    h("summary", { class: "legend-title" }, "Legend"),
    h("ul", { class: "legend-types", attrs: { "aria-label": "Event types" } }, ...items),
    h(
      "ul",
      { class: "legend-notes" },
      h("li", {}, h("span", { class: "swatch cluster", attrs: { "aria-hidden": "true" } }), "Cluster of events (count shown); click to zoom in"),
      h("li", {}, "Larger dots: more independent outlets"),
      h("li", {}, h("span", { class: "swatch ring-confirmed", attrs: { "aria-hidden": "true" } }), "Confirmed by a reviewer"),
      h("li", {}, h("span", { class: "swatch faded", attrs: { "aria-hidden": "true" } }), "Rejected (shown when asked for)"),
    ),
  );
}
