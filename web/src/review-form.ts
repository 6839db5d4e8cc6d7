/**
 * The reviewer's actions on an event: confirm it, reject it, or correct one
 * field of its summary. The reviewer's name comes from the header (kept in
 * localStorage); the decision is the server's to store and to audit.
 */
import type { CorpusEvent } from "../../src/corpus/types.js";
import { ApiError, postReview, type ReviewBody } from "./api.js";
import { button, h } from "./dom.js";
import { EVENT_TYPES, MODALITIES, subTypesOf } from "./event-types.js";
import type { Settings } from "./settings.js";
import { isIsoDate } from "./url-state.js";

export interface ReviewFormOptions {
  event: CorpusEvent;
  settings: Settings;
  onReviewed: () => void;
}

interface FieldEditor {
  label: string;
  controls: HTMLElement[];
  /** The new value, or an error message. */
  value: () => { value: unknown } | { error: string };
}

function labelled(label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): HTMLElement {
  return h("div", { class: "field" }, h("label", { attrs: { for: control.id } }, label), control);
}

function selectOf(id: string, values: readonly string[], current: string | null, emptyLabel: string): HTMLSelectElement {
  const control = h("select", { attrs: { id } });
  const empty = h("option", {}, emptyLabel);
  empty.value = "";
  control.append(empty);
  for (const value of values) {
    const option = h("option", {}, value);
    option.value = value;
    control.append(option);
  }
  if (current !== null && !values.includes(current)) {
    const option = h("option", {}, current);
    option.value = current;
    control.append(option);
  }
  control.value = current ?? "";
  return control;
}

function editors(event: CorpusEvent): Record<string, FieldEditor> {
  const { summary } = event;
  const eventType = selectOf("correct-eventType", EVENT_TYPES.map((entry) => entry.type), summary.eventType, "none (outside ACLED)");
  const subEventType = selectOf("correct-subEventType", subTypesOf(summary.eventType ?? undefined), summary.subEventType, "none");
  const date = h("input", { attrs: { id: "correct-dateValue", type: "date" } });
  date.value = summary.dateValue ?? "";
  const modality = selectOf("correct-modality", MODALITIES, summary.modality, "choose");
  const low = h("input", { attrs: { id: "correct-fatalities-low", type: "number", min: "0", step: "1" } });
  const high = h("input", { attrs: { id: "correct-fatalities-high", type: "number", min: "0", step: "1" } });
  const placeName = h("input", { attrs: { id: "correct-place-name", type: "text" } });
  placeName.value = summary.place?.name ?? "";
  const lat = h("input", { attrs: { id: "correct-place-lat", type: "number", min: "-90", max: "90", step: "any" } });
  lat.value = summary.place === null ? "" : String(summary.place.lat);
  const lon = h("input", { attrs: { id: "correct-place-lon", type: "number", min: "-180", max: "180", step: "any" } });
  lon.value = summary.place === null ? "" : String(summary.place.lon);
  const notes = h("textarea", { attrs: { id: "correct-notes", rows: "3" } });
  notes.value = summary.notes;
  const count = (input: HTMLInputElement) => (input.value !== "" && Number.isInteger(Number(input.value)) && Number(input.value) >= 0 ? Number(input.value) : null);

  return {
    eventType: { label: "Event type", controls: [labelled("New event type", eventType)], value: () => ({ value: eventType.value === "" ? null : eventType.value }) },
    subEventType: { label: "Sub-event type", controls: [labelled("New sub-event type", subEventType)], value: () => ({ value: subEventType.value === "" ? null : subEventType.value }) },
    dateValue: {
      label: "Date",
      controls: [labelled("New date", date)],
      value: () => (date.value === "" ? { value: null } : isIsoDate(date.value) ? { value: date.value } : { error: "The date must be a day (YYYY-MM-DD)." }),
    },
    modality: { label: "Modality", controls: [labelled("New modality", modality)], value: () => (modality.value === "" ? { error: "Choose a modality." } : { value: modality.value }) },
    fatalities: {
      label: "Fatalities",
      controls: [labelled("At least", low), labelled("At most", high)],
      value: () => {
        const least = count(low);
        const most = count(high) ?? least;
        if (least === null || most === null || least > most) return { error: "Give whole numbers of deaths, the least no more than the most." };
        return { value: [{ low: least, high: most, reports: [], outlets: [] }] };
      },
    },
    place: {
      label: "Place",
      controls: [labelled("Place name", placeName), labelled("Latitude", lat), labelled("Longitude", lon)],
      value: () => {
        const latitude = Number(lat.value);
        const longitude = Number(lon.value);
        if (placeName.value.trim() === "" || lat.value === "" || lon.value === "" || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
          return { error: "Give the place's name, a latitude (−90 to 90) and a longitude (−180 to 180)." };
        }
        const name = placeName.value.trim();
        return { value: { id: `reviewer:${name}`, name, country: null, admin1: null, lat: latitude, lon: longitude, feature: null } };
      },
    },
    notes: { label: "Notes", controls: [labelled("New notes", notes)], value: () => ({ value: notes.value }) },
  };
}

export function renderReviewForm(options: ReviewFormOptions): HTMLElement {
  const { event, settings } = options;
  const status = h("p", { class: "review-status", attrs: { role: "status" } });
  const comment = h("textarea", { attrs: { id: "review-comment", rows: "2", placeholder: "why (optional)" } });

  const send = async (body: Omit<ReviewBody, "reviewer">, controls: HTMLButtonElement[]) => {
    const reviewer = settings.reviewer();
    if (reviewer === "") {
      status.textContent = "Type your name in the Reviewer field at the top first.";
      settings.askReviewer();
      return;
    }
    const note = comment.value.trim();
    for (const control of controls) control.disabled = true;
    status.textContent = "Saving…";
    try {
      await postReview(event.id, { ...body, reviewer, ...(note === "" ? {} : { comment: note }) }, settings.token());
      status.textContent = "Saved.";
      options.onReviewed();
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
        status.textContent = `${error.message} — this server needs a token: type it under "API token" at the top.`;
        settings.askToken();
      } else {
        status.textContent = `Not saved: ${error instanceof Error ? error.message : String(error)}`;
      }
    } finally {
      for (const control of controls) control.disabled = false;
    }
  };

  const fieldEditors = editors(event);
  const fieldChoice = h("select", { attrs: { id: "correct-field" } });
  for (const [name, editor] of Object.entries(fieldEditors)) {
    const option = h("option", {}, editor.label);
    option.value = name;
    fieldChoice.append(option);
  }
  const editorArea = h("div", { class: "correct-editor" });
  const showEditor = () => editorArea.replaceChildren(...(fieldEditors[fieldChoice.value]?.controls ?? []));
  fieldChoice.addEventListener("change", showEditor);
  showEditor();

  const confirm: HTMLButtonElement = button("Confirm", () => void send({ action: "confirm" }, actions), { class: "confirm" });
  const reject: HTMLButtonElement = button("Reject", () => void send({ action: "reject" }, actions), { class: "reject" });
  const correct = h("button", { attrs: { type: "submit" } }, "Save correction");
  const actions = [confirm, reject, correct];
  const correctForm = h("form", { class: "correct-form" }, labelled("Field", fieldChoice), editorArea, correct);
  correctForm.addEventListener("submit", (submit) => {
    submit.preventDefault();
    const editor = fieldEditors[fieldChoice.value];
    if (editor === undefined) return;
    const result = editor.value();
    if ("error" in result) {
      status.textContent = result.error;
      return;
    }
    void send({ action: "correct", changes: { [fieldChoice.value]: result.value } }, actions);
  });

  return h(
    "section",
    { class: "review", attrs: { "aria-labelledby": "review-heading" } },
    h("h3", { attrs: { id: "review-heading" } }, "Review"),
    labelled("Comment", comment),
    h("div", { class: "review-actions" }, confirm, reject),
    h("details", { class: "correct" }, h("summary", {}, "Correct a field…"), correctForm),
    status,
  );
}
