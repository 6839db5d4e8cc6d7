/**
 * The filter form. Every field is named as the API's query parameter, changes
 * apply as soon as a field is left (or after a pause in typing), and the form
 * shows whatever filters the URL carries.
 */
import type { OutletFacts } from "../../src/corpus/types.js";
import { fetchActors } from "./api.js";
import { button, h } from "./dom.js";
import { EVENT_TYPES, subTypesOf } from "./event-types.js";
import { isIsoDate, type Filters } from "./url-state.js";

export interface FiltersForm {
  show(filters: Filters): void;
  setOutlets(outlets: readonly OutletFacts[]): void;
}

function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id;
  return h("div", { class: "field" }, h("label", { attrs: { for: id } }, label), control, hint === undefined ? null : h("small", { class: "hint", attrs: { id: `${id}-hint` } }, hint));
}

function option(value: string, label: string = value): HTMLOptionElement {
  const element = h("option", {}, label);
  element.value = value;
  return element;
}

function select(id: string, name: string, options: readonly HTMLOptionElement[]): HTMLSelectElement {
  return h("select", { attrs: { id, name } }, ...options);
}

export function createFiltersForm(form: HTMLFormElement, onChange: (filters: Filters) => void): FiltersForm {
  const text = h("input", { attrs: { id: "filter-text", name: "text", type: "search", placeholder: "words in the articles" } });
  const type = select("filter-type", "type", [option("", "Any type"), ...EVENT_TYPES.map((entry) => option(entry.type))]);
  const subType = select("filter-subType", "subType", []);
  const actor = h("input", { attrs: { id: "filter-actor", name: "actor", type: "text", list: "actor-suggestions", autocomplete: "off", placeholder: "id or part of a name" } });
  const actorSuggestions = h("datalist", { attrs: { id: "actor-suggestions" } });
  const outlet = select("filter-outlet", "outlet", [option("", "Any outlet")]);
  const alignment = select("filter-alignment", "alignment", [option("", "Any alignment")]);
  const minCorroboration = h("input", { attrs: { id: "filter-minCorroboration", name: "minCorroboration", type: "number", min: "1", step: "1", inputmode: "numeric" } });
  const from = h("input", { attrs: { id: "filter-from", name: "from", type: "date" } });
  const to = h("input", { attrs: { id: "filter-to", name: "to", type: "date" } });
  const includeRejected = h("input", { attrs: { id: "filter-includeRejected", name: "includeRejected", type: "checkbox" } });

  const fillSubTypes = (chosen: string | undefined) => {
    const typeValue = type.value === "" ? undefined : type.value;
    subType.replaceChildren(option("", "Any sub-event type"), ...subTypesOf(typeValue).map((value) => option(value)));
    if (chosen !== undefined && !subTypesOf(typeValue).includes(chosen)) subType.append(option(chosen));
    subType.value = chosen ?? "";
  };

  const read = (): Filters => {
    const filters: Filters = {};
    const set = (name: "text" | "type" | "subType" | "actor" | "outlet" | "alignment", value: string) => {
      if (value.trim() !== "") filters[name] = value.trim();
    };
    set("text", text.value);
    set("type", type.value);
    set("subType", subType.value);
    set("actor", actor.value);
    set("outlet", outlet.value);
    set("alignment", alignment.value);
    const least = Number(minCorroboration.value);
    if (minCorroboration.value !== "" && Number.isInteger(least) && least > 0) filters.minCorroboration = least;
    if (isIsoDate(from.value)) filters.from = from.value;
    if (isIsoDate(to.value)) filters.to = to.value;
    if (includeRejected.checked) filters.includeRejected = true;
    return filters;
  };

  const apply = () => onChange(read());
  let typing: number | undefined;
  const applySoon = () => {
    window.clearTimeout(typing);
    typing = window.setTimeout(apply, 400);
  };

  type.addEventListener("change", () => {
    fillSubTypes(undefined);
    apply();
  });
  for (const control of [subType, outlet, alignment, from, to, includeRejected, minCorroboration]) control.addEventListener("change", apply);
  for (const control of [text, actor]) {
    control.addEventListener("change", apply);
    control.addEventListener("input", applySoon);
  }
  let suggesting = 0;
  actor.addEventListener("input", () => {
    const query = actor.value.trim();
    const current = ++suggesting;
    if (query.length < 2) return;
    void fetchActors(query)
      .then((actors) => {
        if (current !== suggesting) return;
        actorSuggestions.replaceChildren(...actors.slice(0, 20).map((entry) => option(entry.id, entry.name)));
      })
      .catch(() => undefined);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    window.clearTimeout(typing);
    apply();
  });

  const reset = button("Reset filters", () => {
    window.clearTimeout(typing);
    onChange({});
  }, { class: "secondary" });

  form.append(
    field("Text", text),
    field("Event type", type),
    field("Sub-event type", subType),
    field("Actor", actor),
    actorSuggestions,
    field("Outlet", outlet),
    field("Outlet alignment", alignment),
    field("At least this many independent outlets", minCorroboration),
    h("div", { class: "field-row" }, field("From", from), field("To", to)),
    h("div", { class: "field checkbox" }, includeRejected, h("label", { attrs: { for: includeRejected.id } }, "Include rejected events")),
    h("div", { class: "form-actions" }, h("button", { attrs: { type: "submit" } }, "Apply"), reset),
  );

  const ensureOption = (control: HTMLSelectElement, value: string | undefined) => {
    if (value !== undefined && ![...control.options].some((entry) => entry.value === value)) control.append(option(value));
    control.value = value ?? "";
  };

  let shown: Filters = {};
  return {
    show(filters) {
      shown = filters;
      if (document.activeElement !== text) text.value = filters.text ?? "";
      ensureOption(type, filters.type);
      fillSubTypes(filters.subType);
      if (document.activeElement !== actor) actor.value = filters.actor ?? "";
      ensureOption(outlet, filters.outlet);
      ensureOption(alignment, filters.alignment);
      minCorroboration.value = filters.minCorroboration === undefined ? "" : String(filters.minCorroboration);
      from.value = filters.from ?? "";
      to.value = filters.to ?? "";
      includeRejected.checked = filters.includeRejected === true;
    },
    setOutlets(outlets) {
      const sorted = [...outlets].sort((a, b) => a.name.localeCompare(b.name));
      outlet.replaceChildren(option("", "Any outlet"), ...sorted.map((entry) => option(entry.id, entry.name)));
      const alignments = [...new Set(outlets.map((entry) => entry.alignment).filter((value): value is string => typeof value === "string" && value !== ""))].sort();
      alignment.replaceChildren(option("", "Any alignment"), ...alignments.map((value) => option(value)));
      ensureOption(outlet, shown.outlet);
      ensureOption(alignment, shown.alignment);
    },
  };
}
