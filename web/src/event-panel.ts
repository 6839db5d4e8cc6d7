/**
 * The event panel: what the cluster says happened, who says so (each member
 * report with its outlet, the sources it relays, the rules that coded it and
 * why it was merged), how well it is corroborated, and the reviewers' record.
 */
import type { ActorFacts, ClusterMember, Corroboration, FatalityClaim, PlaceFacts, ReviewDecision } from "../../src/corpus/types.js";
import type { EventDetail, EventEvidence } from "./api.js";
import { append, button, clear, externalLink, facts, h, type Child } from "./dom.js";
import { OTHER_LABEL, typeClass } from "./event-types.js";
import { renderReviewForm } from "./review-form.js";
import type { Settings } from "./settings.js";

export interface EventPanelOptions {
  settings: Settings;
  onClose: () => void;
  onOpenArticle: (documentId: string, eventId: string) => void;
  onReviewed: () => void;
  onShowOnMap: (place: PlaceFacts) => void;
}

const PRECISION = { 1: "exact", 2: "near", 3: "region" } as const;
const TIME_PRECISION = { 1: "day", 2: "week", 3: "month" } as const;

function actors(list: readonly ActorFacts[]): Child {
  if (list.length === 0) return null;
  return h("ul", { class: "inline-list" }, ...list.map((actor) => h("li", {}, actor.name, h("span", { class: "muted" }, ` (inter ${actor.inter}${actor.country === null ? "" : `, ${actor.country}`})`))));
}

function place(facts: PlaceFacts | null, geoPrecision: 1 | 2 | 3 | null, onShow: (place: PlaceFacts) => void): Child[] {
  if (facts === null) return ["unknown"];
  return [
    facts.name,
    h("span", { class: "muted" }, ` ${[facts.admin1, facts.country].filter((part) => part !== null).join(", ")} · ${facts.lat.toFixed(4)}, ${facts.lon.toFixed(4)}${geoPrecision === null ? "" : ` · ${PRECISION[geoPrecision]}`} · ${facts.id}`),
    " ",
    button("Show on map", () => onShow(facts), { class: "link-button" }),
  ];
}

function fatalities(claims: readonly FatalityClaim[], disagree: boolean): Child {
  if (claims.length === 0) return null;
  return h(
    "div",
    {},
    disagree ? h("p", { class: "warning" }, "Outlets disagree on the toll:") : null,
    h("ul", { class: "plain-list" }, ...claims.map((claim) => h("li", {}, claim.low === claim.high ? String(claim.low) : `${claim.low}–${claim.high}`, h("span", { class: "muted" }, claim.outlets.length === 0 ? "" : ` according to ${claim.outlets.join(", ")}`)))),
  );
}

function corroboration(facts: Corroboration): HTMLElement {
  const flags = [facts.singleSource ? "single source" : null, facts.oneSided ? `one-sided${facts.side === null ? "" : ` (${facts.side})`}` : null].filter((flag) => flag !== null);
  return h(
    "section",
    { class: "corroboration", attrs: { "aria-labelledby": "corroboration-heading" } },
    h("h3", { attrs: { id: "corroboration-heading" } }, "Corroboration"),
    h("p", { class: "corroboration-summary" }, `${facts.independentOutlets} independent outlet(s) · ${facts.reports} report(s) in ${facts.documents} document(s)`, flags.length === 0 ? null : h("span", { class: "warning" }, ` · ${flags.join(", ")}`)),
    facts.outlets.length === 0 ? null : h("p", {}, "Publishers: ", facts.outlets.join(", ")),
    Object.keys(facts.alignments).length === 0 ? null : h("p", {}, "Alignments: ", Object.entries(facts.alignments).map(([alignment, count]) => `${alignment} ×${count}`).join(", ")),
    facts.groups.length <= 1 ? null : h("details", {}, h("summary", {}, "Independence groups"), h("ul", { class: "plain-list" }, ...facts.groups.map((group) => h("li", {}, h("code", {}, group.key), ": ", group.outlets.join(", "))))),
  );
}

function rules(list: readonly string[]): Child {
  if (list.length === 0) return null;
  return h("ul", { class: "rules" }, ...list.map((rule) => h("li", {}, h("code", {}, rule))));
}

function member(entry: ClusterMember, evidence: EventEvidence | undefined, options: EventPanelOptions): HTMLElement {
  const { report, merged } = entry;
  const outlet = report.outlet;
  const chain = h(
    "p",
    { class: "source-chain" },
    h("strong", {}, outlet?.name ?? "unknown outlet"),
    outlet === null ? null : h("span", { class: "muted" }, ` (${[outlet.alignment, outlet.ownership, outlet.country].filter((part) => part !== null).join(", ") || "no registry facts"})`),
    ...report.origins.flatMap((origin) => [h("span", { class: "arrow", attrs: { "aria-label": "relays" } }, " → "), h("span", { class: "origin" }, origin)]),
  );
  return h(
    "li",
    { class: "member" },
    chain,
    h("p", { class: "member-title" }, externalLink(report.url, report.title ?? report.url ?? report.documentId)),
    h("blockquote", { class: "member-sentence", attrs: { dir: "auto", lang: report.language } }, report.sentence),
    facts([
      ["Published", report.published],
      ["Trigger", h("mark", { class: "trigger", attrs: { dir: "auto" } }, report.trigger)],
      ["Said date", report.dateText === null ? null : `${report.dateText} → ${report.dateValue ?? "unanchored"}`],
      ["Place", report.place?.name ?? null],
      ["Fatalities", report.fatalities === null ? null : `${report.fatalities.text} (${report.fatalities.low}–${report.fatalities.high})`],
      ["Modality", report.modality],
      ["Confidence", report.confidence.toFixed(2)],
      ["Evidence", evidence === undefined ? null : h("ul", { class: "inline-list" }, ...evidence.evidence.map((span) => h("li", {}, h("mark", { class: "evidence", attrs: { dir: "auto" } }, span.text))))],
      ["Coded by", rules(report.rules)],
      ["Merged", merged === null ? "founded this event" : [`with ${merged.with} (score ${merged.score.toFixed(2)}) by `, rules(merged.rules)]],
    ]),
    button("Open article", () => options.onOpenArticle(report.documentId, report.eventId), { class: "open-article", attrs: { "data-document-id": report.documentId } }),
  );
}

function decision(entry: ReviewDecision): HTMLElement {
  return h(
    "li",
    {},
    h("strong", {}, entry.action),
    ` by ${entry.reviewer} at ${entry.at}`,
    entry.changes.length === 0 ? null : h("ul", { class: "plain-list" }, ...entry.changes.map((change) => h("li", {}, h("code", {}, change.field), `: ${JSON.stringify(change.from)} → ${JSON.stringify(change.to)}`))),
    entry.comment === null ? null : h("p", { class: "muted", attrs: { dir: "auto" } }, entry.comment),
  );
}

export function renderEventPanel(panel: HTMLElement, event: EventDetail, options: EventPanelOptions): void {
  const { summary } = event;
  const evidenceFor = (entry: ClusterMember) => event.evidence.find((item) => item.documentId === entry.report.documentId && item.eventId === entry.report.eventId);
  const close = button("Close", options.onClose, { class: "close", attrs: { "aria-label": "Close the event panel" } });
  clear(panel);
  append(
    panel,
    h(
      "header",
      { class: "panel-header" },
      h("span", { class: `swatch ${typeClass(summary.eventType)}`, attrs: { "aria-hidden": "true" } }),
      h("h2", { attrs: { id: "event-heading", tabindex: "-1" } }, summary.eventType ?? `${OTHER_LABEL} (${summary.scope})`, summary.subEventType === null ? null : h("span", { class: "subtype" }, ` — ${summary.subEventType}`)),
      close,
    ),
    event.review === null ? h("p", { class: "status status-none", attrs: { id: "review-state" } }, "Not reviewed") : h("p", { class: `status status-${event.review.status}`, attrs: { id: "review-state" } }, event.review.status),
    facts([
      ["Date", summary.dateValue === null ? "undated" : `${summary.dateValue}${summary.timePrecision === null ? "" : ` (to the ${TIME_PRECISION[summary.timePrecision]})`}`],
      ["Place", place(summary.place, summary.geoPrecision, options.onShowOnMap)],
      ["Actor 1", actors(summary.actor1)],
      ["Actor 2", actors(summary.actor2)],
      ["Fatalities", fatalities(summary.fatalities, summary.fatalitiesDisagree)],
      ["Modality", summary.modality],
      ["PLOVER", summary.ploverType === null ? null : `${summary.ploverType}${summary.ploverMode === null ? "" : ` / ${summary.ploverMode}`}`],
      ["Confidence", summary.confidence.toFixed(2)],
      ["Notes", h("span", { attrs: { dir: "auto" } }, summary.notes)],
      ["Event id", h("code", {}, event.id)],
    ]),
    corroboration(summary.corroboration),
    renderReviewForm({ event, settings: options.settings, onReviewed: options.onReviewed }),
    event.review === null ? null : h("section", { class: "decisions" }, h("h3", {}, "Review record"), h("ol", { class: "plain-list" }, ...event.review.decisions.map(decision))),
    h("section", { class: "members", attrs: { "aria-labelledby": "members-heading" } }, h("h3", { attrs: { id: "members-heading" } }, `Reports (${event.members.length})`), h("ol", { class: "member-list" }, ...event.members.map((entry) => member(entry, evidenceFor(entry), options)))),
  );
}
