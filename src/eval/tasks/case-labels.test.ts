import { describe, expect, it } from "vitest";
import type { EventScope } from "../../model/analysis.js";
import { NO_LABEL } from "../classification-metrics.js";
import { ACLED_SUB_EVENT_TYPES, CASE_LABELS, caseEventType, caseLabel, SCOPE_CASE_LABELS } from "./case-labels.js";
import { eventRecord } from "../../test-support/events.js";
import { topEvent } from "./top-event.js";

// The label list of the task (Note_on_EVENT_TYPES.txt), written out to check the table against.
const CASE_2021_TASK_2 =
  "ABDUCT_DISSAP AGREEMENT AIR_STRIKE ARMED_CLASH ARREST ART_MISS_ATTACK ATTACK ATTRIB CHANGE_TO_GROUP_ACT CHEM_WEAP DIPLO DISR_WEAP FORCE_AGAINST_PROTEST GOV_REGAINS_TERIT GRENADE " +
  "HQ_ESTABLISHED MAN_MADE_DISASTER MOB_VIOL NATURAL_DISASTER NON_STATE_ACTOR_OVERTAKES_TER NON_VIOL_TERRIT_TRANSFER ORG_CRIME OTHER PEACE_PROTEST PROPERTY_DISTRUCT PROTEST_WITH_INTER " +
  "REM_EXPLOS SEX_VIOL SUIC_BOMB VIOL_DEMONSTR";

describe("caseLabel", () => {
  it("maps each of ACLED's 25 sub-event types to a CASE label of its own", () => {
    expect(ACLED_SUB_EVENT_TYPES).toHaveLength(25);
    const labels = ACLED_SUB_EVENT_TYPES.map(({ subEventType }) => caseLabel(eventRecord({ start: 0, text: "x", subEventType })));
    expect(new Set(labels).size).toBe(25);
    expect(labels.every((label) => CASE_LABELS.includes(label))).toBe(true);
    expect(caseLabel(eventRecord({ start: 0, text: "x", subEventType: "Shelling/artillery/missile attack" }))).toBe("ART_MISS_ATTACK");
    expect(caseLabel(eventRecord({ start: 0, text: "x", subEventType: "Looting/property destruction" }))).toBe("PROPERTY_DISTRUCT");
  });

  it("maps every other scope to its unseen CASE type, and political to none", () => {
    const scopes = Object.keys(SCOPE_CASE_LABELS) as Exclude<EventScope, "acled">[];
    expect(Object.fromEntries(scopes.map((scope) => [scope, caseLabel(eventRecord({ start: 0, text: "x", scope }))]))).toEqual({
      "organised-crime": "ORG_CRIME",
      "natural-disaster": "NATURAL_DISASTER",
      "man-made-disaster": "MAN_MADE_DISASTER",
      diplomatic: "DIPLO",
      claim: "ATTRIB",
      political: NO_LABEL,
    });
  });

  it("has the task's 30 labels", () => {
    expect(CASE_LABELS.join(" ")).toBe(CASE_2021_TASK_2);
  });

  it("throws, naming what it expected, on an ACLED event outside the taxonomy", () => {
    expect(() => caseLabel(eventRecord({ start: 0, text: "x", subEventType: "Air strike" }))).toThrow(/"Air strike"; expected one of .*"Air\/drone strike"/);
    expect(() => caseLabel({ ...eventRecord({ start: 0, text: "x" }), acled: null })).toThrow(/no acled types/);
  });
});

describe("caseEventType", () => {
  it("groups sub-event types into ACLED's event types and keeps the unseen types and unknown labels as they are", () => {
    expect(caseEventType("AIR_STRIKE")).toBe("Explosions/Remote violence");
    expect(caseEventType("FORCE_AGAINST_PROTEST")).toBe("Protests");
    expect(caseEventType("ARREST")).toBe("Strategic developments");
    expect(caseEventType("DIPLO")).toBe("DIPLO");
    expect(caseEventType("SOMETHING_ELSE")).toBe("SOMETHING_ELSE");
    expect(new Set(CASE_LABELS.map(caseEventType)).size).toBe(11);
  });
});

describe("topEvent", () => {
  it("takes the most confident event, the earliest trigger on a tie, and null when there is none", () => {
    const late = eventRecord({ id: "late", start: 20, text: "shelled", confidence: 0.8 });
    const early = eventRecord({ id: "early", start: 3, text: "clashed", confidence: 0.8 });
    const weak = eventRecord({ id: "weak", start: 0, text: "hit", confidence: 0.4 });
    expect(topEvent([weak, late, early])?.id).toBe("early");
    expect(topEvent([weak])?.id).toBe("weak");
    expect(topEvent([])).toBeNull();
  });
});
