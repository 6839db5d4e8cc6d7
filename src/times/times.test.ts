import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { ingestDocument } from "../analyze/input.js";
import type { Analysis, TimeMention } from "../model/analysis.js";
import { toAnalysis, type Doc } from "../model/document.js";
import { createSpanCheckStage } from "../pipeline/check-spans.js";
import { createTextStages } from "../pipeline/default.js";
import { runPipeline } from "../pipeline/stage.js";
import { assertValid, projectRoot } from "../test-support/schema.js";
import { sliceProblems } from "../test-support/spans.js";
import { createTimesStage, timesInRange } from "./index.js";

/** A Friday. */
const PUBLISHED = "2015-05-15";
const stages = [...createTextStages(), createTimesStage(), createSpanCheckStage()];

async function analyse(text: string, language: string, published: string | null = PUBLISHED): Promise<Doc> {
  const doc = runPipeline(stages, await ingestDocument(text, { metadata: { language, ...(published === null ? {} : { published }) } }));
  const analysis = toAnalysis(doc);
  assertValid("analysis", analysis);
  expect(sliceProblems(analysis)).toEqual([]);
  expectWellFormed(analysis);
  return doc;
}

function expectWellFormed(analysis: Analysis): void {
  analysis.times.forEach((time, i) => {
    expect(time.id).toBe(`t${i + 1}`);
    expect(time.text).toBe(analysis.document.text.slice(time.start, time.end));
    const next = analysis.times[i + 1];
    if (next) expect(time.end).toBeLessThanOrEqual(next.start);
  });
}

type Expected = [text: string, value: string | null, precision: 1 | 2 | 3 | null, by: string];
const summary = (times: readonly TimeMention[]): Expected[] => times.map((time) => [time.text, time.value, time.precision, time.by]);

describe("times stage: the founding example", () => {
  it("dates 'mercredi dernier' and 'pour le troisième jour consécutif' against the publication day", async () => {
    const doc = await analyse(
      "Lancée mercredi dernier en ripostant aux attaques menées par la branche d'al-Qaïda en Syrie le front al-Nosra et ses alliés, contre les positions de l’armée syrienne et du Hezbollah, ces deux derniers poursuivent leur avancée, pour le troisième jour consécutif.",
      "fr",
    );
    expect(summary(doc.times)).toEqual([
      ["mercredi dernier", "2015-05-13", 1, "times:weekday"],
      ["pour le troisième jour consécutif", "2015-05-15", 1, "times:consecutive-day"],
    ]);
  });

  it("finds exactly those expressions in the whole article", async () => {
    const text = readFileSync(new URL("examples/qalamoun-fr.txt", projectRoot), "utf8");
    const doc = await analyse(text, "fr");
    expect(summary(doc.times)).toEqual([
      ["mercredi dernier", "2015-05-13", 1, "times:weekday"],
      ["pour le troisième jour consécutif", "2015-05-15", 1, "times:consecutive-day"],
      ["mercredi dernier", "2015-05-13", 1, "times:weekday"],
    ]);
    expect(doc.messages.filter((message) => message.stage === "times")).toEqual([]);
  });
});

describe("times stage: French", () => {
  it.each<[string, Expected[]]>([
    ["Les combats se poursuivent pour la dixième journée consécutive.", [["pour la dixième journée consécutive", "2015-05-15", 1, "times:consecutive-day"]]],
    ["Les combats durent depuis trois jours.", [["depuis trois jours", "2015-05-12", 1, "times:since-duration"]]],
    ["La ville est assiégée depuis deux semaines.", [["depuis deux semaines", "2015-05-01", 2, "times:since-duration"]]],
    ["La ville est assiégée depuis trois mois.", [["depuis trois mois", "2015-02-15", 3, "times:since-duration"]]],
    ["La semaine dernière, l’aviation a frappé.", [["La semaine dernière", "2015-05-04", 2, "times:relative-week"]]],
    ["Des tirs ont été entendus ces derniers jours.", [["ces derniers jours", "2015-05-09", 2, "times:recent-days"]]],
    ["Ce matin, un obus est tombé.", [["Ce matin", "2015-05-15", 1, "times:part-of-day"]]],
    ["Hier soir, un obus est tombé.", [["Hier soir", "2015-05-14", 1, "times:part-of-day"]]],
    ["Cette nuit, un obus est tombé.", [["Cette nuit", "2015-05-14", 1, "times:part-of-day"]]],
    ["Avant-hier soir, un obus est tombé.", [["Avant-hier soir", "2015-05-13", 1, "times:day-before-yesterday"]]],
    ["L’attaque a eu lieu mercredi.", [["mercredi", "2015-05-13", 1, "times:weekday"]]],
    ["L’attaque a eu lieu vendredi.", [["vendredi", "2015-05-15", 1, "times:weekday"]]],
    ["L’attaque a eu lieu vendredi dernier.", [["vendredi dernier", "2015-05-08", 1, "times:weekday"]]],
    ["L’attaque a eu lieu dimanche matin.", [["dimanche matin", "2015-05-10", 1, "times:weekday"]]],
    ["Le sommet se tiendra lundi prochain.", [["lundi prochain", "2015-05-18", 1, "times:weekday"]]],
    ["L’attaque a eu lieu le 13 mai.", [["13 mai", "2015-05-13", 1, "times:chrono"]]],
    ["L’attaque a eu lieu le 13 mai 2015 à 10h.", [["13 mai 2015 à 10h", "2015-05-13", 1, "times:chrono"]]],
    ["L’attaque a eu lieu le 20 décembre.", [["20 décembre", "2014-12-20", 1, "times:chrono"]]],
    ["La trêve a été signée le premier mai.", [["le premier mai", "2015-05-01", 1, "times:french-month"]]],
    ["L’offensive a commencé en mars 2015.", [["mars 2015", "2015-03-01", 3, "times:french-month"]]],
    ["L’offensive a commencé mi-mai.", [["mi-mai", "2015-05-01", 3, "times:french-month"]]],
    ["L’offensive a commencé en juin dernier.", [["juin dernier", "2014-06-01", 3, "times:french-month"]]],
    ["L’offensive a commencé le mois dernier.", [["le mois dernier", "2015-04-01", 3, "times:chrono"]]],
    ["Les combats ont repris en 2014.", [["2014", "2014-01-01", 3, "times:year"]]],
    ["Aujourd’hui, hier et il y a deux jours.", [["Aujourd’hui", "2015-05-15", 1, "times:chrono"], ["hier", "2015-05-14", 1, "times:chrono"], ["il y a deux jours", "2015-05-13", 1, "times:chrono"]]],
    ["Dans la nuit de mardi à mercredi, des frappes.", [["Dans la nuit de mardi", "2015-05-12", 1, "times:weekday"], ["mercredi", "2015-05-13", 1, "times:weekday"]]],
    ["La semaine dernière, ce matin encore, des frappes.", [["La semaine dernière", "2015-05-04", 2, "times:relative-week"], ["ce matin", "2015-05-15", 1, "times:part-of-day"]]],
    ["Lancée mercredi dernier, hier encore.", [["mercredi dernier", "2015-05-13", 1, "times:weekday"], ["hier", "2015-05-14", 1, "times:chrono"]]],
  ])("%s", async (text, expected) => {
    expect(summary((await analyse(text, "fr")).times)).toEqual(expected);
  });
});

describe("times stage: English", () => {
  it.each<[string, Expected[]]>([
    ["Troops advanced for the third consecutive day.", [["for the third consecutive day", "2015-05-15", 1, "times:consecutive-day"]]],
    ["Protesters marched for a tenth straight day.", [["for a tenth straight day", "2015-05-15", 1, "times:consecutive-day"]]],
    ["Fighting has raged for three days.", [["for three days", "2015-05-12", 1, "times:since-duration"]]],
    ["The town has been besieged for the past two weeks.", [["for the past two weeks", "2015-05-01", 2, "times:since-duration"]]],
    ["Clashes erupted last week.", [["last week", "2015-05-04", 2, "times:relative-week"]]],
    ["Clashes erupted earlier this week.", [["earlier this week", "2015-05-11", 2, "times:relative-week"]]],
    ["Clashes erupted in recent days.", [["in recent days", "2015-05-09", 2, "times:recent-days"]]],
    ["Shells fell this morning.", [["this morning", "2015-05-15", 1, "times:part-of-day"]]],
    ["Shells fell overnight.", [["overnight", "2015-05-14", 1, "times:part-of-day"]]],
    ["Shells fell last night.", [["last night", "2015-05-14", 1, "times:part-of-day"]]],
    ["The attack took place on Wednesday.", [["on Wednesday", "2015-05-13", 1, "times:weekday"]]],
    ["The attack took place on Sunday.", [["on Sunday", "2015-05-10", 1, "times:weekday"]]],
    ["The attack took place last Friday.", [["last Friday", "2015-05-08", 1, "times:weekday"]]],
    ["The attack took place on the night of Tuesday.", [["on the night of Tuesday", "2015-05-12", 1, "times:weekday"]]],
    ["The attack took place on May 13.", [["May 13", "2015-05-13", 1, "times:chrono"]]],
    ["The attack took place on 13 May 2015.", [["on 13 May 2015", "2015-05-13", 1, "times:chrono"]]],
    ["The offensive began in March.", [["March", "2015-03-01", 3, "times:chrono"]]],
    ["The offensive began last month.", [["last month", "2015-04-01", 3, "times:chrono"]]],
    ["The offensive began the day before yesterday.", [["the day before yesterday", "2015-05-13", 1, "times:day-before-yesterday"]]],
    ["The group has held the town since 2014.", [["2014", "2014-01-01", 3, "times:year"]]],
    ["Two days ago, at 10 am, shells fell.", [["Two days ago", "2015-05-13", 1, "times:chrono"]]],
  ])("%s", async (text, expected) => {
    expect(summary((await analyse(text, "en")).times)).toEqual(expected);
  });
});

describe("times stage: Arabic", () => {
  it.each<[string, Expected[]]>([
    ["تواصلت المعارك لليوم الثالث على التوالي.", [["لليوم الثالث على التوالي", "2015-05-15", 1, "times:consecutive-day"]]],
    ["تواصلت المعارك لليوم العاشر على التوالي.", [["لليوم العاشر على التوالي", "2015-05-15", 1, "times:consecutive-day"]]],
    ["المعارك مستمرة منذ ثلاثة أيام.", [["منذ ثلاثة أيام", "2015-05-12", 1, "times:since-duration"]]],
    ["المدينة محاصرة منذ أسبوعين.", [["منذ أسبوعين", "2015-05-01", 2, "times:since-duration"]]],
    ["المدينة محاصرة منذ ٣ أشهر.", [["منذ ٣ أشهر", "2015-02-15", 3, "times:since-duration"]]],
    ["قتل عشرة في الأسبوع الماضي.", [["الأسبوع الماضي", "2015-05-04", 2, "times:relative-week"]]],
    ["قصف الطيران فجر اليوم مواقع في حمص.", [["فجر اليوم", "2015-05-15", 1, "times:part-of-day"]]],
    ["قصف الطيران صباح اليوم مواقع في حمص.", [["صباح اليوم", "2015-05-15", 1, "times:part-of-day"]]],
    ["قصف الطيران مساء أمس مواقع في حمص.", [["مساء أمس", "2015-05-14", 1, "times:part-of-day"]]],
    ["قصف الطيران بالأمس مواقع في حمص.", [["بالأمس", "2015-05-14", 1, "times:arabic-yesterday"]]],
    ["قصف الطيران أمس الأول مواقع في حمص.", [["أمس الأول", "2015-05-13", 1, "times:day-before-yesterday"]]],
    ["بدأ الهجوم يوم الأربعاء.", [["يوم الأربعاء", "2015-05-13", 1, "times:weekday"]]],
    ["بدأ الهجوم يوم الأربعاء الماضي.", [["يوم الأربعاء الماضي", "2015-05-13", 1, "times:weekday"]]],
    ["بدأ الهجوم مساء الثلاثاء.", [["مساء الثلاثاء", "2015-05-12", 1, "times:weekday"]]],
    ["وقع الهجوم في ١٣ أيار.", [["١٣ أيار", "2015-05-13", 1, "times:arabic-date"]]],
    ["وقع الهجوم في 13 أيار (مايو) 2015.", [["13 أيار (مايو) 2015", "2015-05-13", 1, "times:arabic-date"]]],
    ["وقع الهجوم في 13 مايو 2015.", [["13 مايو 2015", "2015-05-13", 1, "times:arabic-date"]]],
    ["وقع الهجوم في 13 جوان 2015.", [["13 جوان 2015", "2015-06-13", 1, "times:arabic-date"]]],
    ["بدأ الهجوم في كانون الثاني 2015.", [["كانون الثاني 2015", "2015-01-01", 3, "times:arabic-date"]]],
    ["بدأ الهجوم في آذار الماضي.", [["آذار الماضي", "2015-03-01", 3, "times:arabic-date"]]],
    ["بدأ الهجوم الشهر الماضي.", [["الشهر الماضي", "2015-04-01", 3, "times:chrono"]]],
    ["بدأ الهجوم خلال الأيام الماضية.", [["خلال الأيام الماضية", "2015-05-09", 2, "times:recent-days"]]],
    ["بدأ الهجوم عام 2014.", [["عام 2014", "2014-01-01", 3, "times:year"]]],
    ["وقع الهجوم في ١٣ أيار/مايو ٢٠١٥.", [["١٣ أيار/مايو ٢٠١٥", "2015-05-13", 1, "times:arabic-date"]]],
    ["وقع الهجوم في 13 يوليوز 2014.", [["13 يوليوز 2014", "2014-07-13", 1, "times:arabic-date"]]],
    ["وقع الهجوم الثلاثاء 12 أيار.", [["الثلاثاء 12 أيار", "2015-05-12", 1, "times:arabic-date"]]],
    ["المعارك مستمرة منذ يوم الجمعة.", [["يوم الجمعة", "2015-05-15", 1, "times:weekday"]]],
    ["يسيطر الجيش على المدينة منذ عام 2011.", [["عام 2011", "2011-01-01", 3, "times:year"]]],
    ["التقى الطرفان مطلع الأسبوع الجاري.", [["مطلع الأسبوع الجاري", "2015-05-11", 2, "times:relative-week"]]],
    ["قتل ثلاثة ليلة أمس.", [["ليلة أمس", "2015-05-14", 1, "times:part-of-day"]]],
  ])("%s", async (text, expected) => {
    expect(summary((await analyse(text, "ar")).times)).toEqual(expected);
  });
});

describe("times stage: what is not a date", () => {
  it.each<[string, string]>([
    ["fr", "Mars est la quatrième planète. Mai Ghoussoub a écrit un livre."],
    ["fr", "Il a 20 ans. Les tirs ont commencé vers 10 h 30, le soir même, dans la matinée."],
    ["fr", "Le lendemain et la veille, rien. Il est parti maintenant."],
    ["en", "Theresa May said he may attack. The March on Rome and Black September."],
    ["en", "The Sunday Times reported on Good Friday that 200 fighters and Resolution 2254 matter."],
    ["en", "In the evening they left, at 3 they returned; the next day, nothing. He is here now."],
    ["en", "The 2014 offensive killed 1999 people in an overnight raid."],
    ["ar", "قال أحد القادة إن اثنين من المقاتلين قتلا. التقى الشيخ خميس بأب وابنه في إب."],
    ["ar", "في اليوم التالي، حتى الآن، منذ سنوات، مارس الضغط، في الساعة 10."],
  ])("%s: %s", async (language, text) => {
    expect(summary((await analyse(text, language)).times)).toEqual([]);
  });
});

describe("times stage: anchoring", () => {
  it("without a publication date keeps the expressions, dates only those with a year, and says so once", async () => {
    const doc = await analyse("Lancée mercredi dernier, hier, le 13 mai, puis le 13 mai 2015 et en mars 2015, pour le troisième jour consécutif.", "fr", null);
    expect(summary(doc.times)).toEqual([
      ["mercredi dernier", null, null, "times:weekday"],
      ["hier", null, null, "times:chrono"],
      ["13 mai", null, null, "times:chrono"],
      ["13 mai 2015", "2015-05-13", 1, "times:chrono"],
      ["mars 2015", "2015-03-01", 3, "times:french-month"],
      ["pour le troisième jour consécutif", null, null, "times:consecutive-day"],
    ]);
    const messages = doc.messages.filter((message) => message.stage === "times");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ code: "time-unanchored", severity: "warning", rule: null, start: null, end: null });
    expect(messages[0]?.reason).toMatch(/^4 time expressions .*no publication date.*--published/);
  });

  it("says nothing when every expression names its own date", async () => {
    const doc = await analyse("وقع الهجوم في ١٣ أيار ٢٠١٥.", "ar", null);
    expect(summary(doc.times)).toEqual([["١٣ أيار ٢٠١٥", "2015-05-13", 1, "times:arabic-date"]]);
    expect(doc.messages.filter((message) => message.code === "time-unanchored")).toEqual([]);
  });

  it("takes the day the publisher wrote, not the UTC day of the instant", async () => {
    const doc = await analyse("L’attaque a eu lieu hier.", "fr", "2015-05-15T23:30:00-05:00");
    expect(summary(doc.times)).toEqual([["hier", "2015-05-14", 1, "times:chrono"]]);
  });

  describe("in any machine time zone", () => {
    const original = process.env.TZ;
    afterEach(() => {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    });

    it.each(["Pacific/Kiritimati", "Pacific/Pago_Pago", "America/Los_Angeles", "UTC"])("%s", async (zone) => {
      process.env.TZ = zone;
      const doc = await analyse("Lancée mercredi dernier, hier, le 13 mai, il y a deux jours, le mois dernier, cette nuit.", "fr");
      expect(doc.times.map((time) => time.value)).toEqual(["2015-05-13", "2015-05-14", "2015-05-13", "2015-05-13", "2015-04-01", "2015-05-14"]);
    });
  });

  it("reads only ISO dates in a language it has no rules for", async () => {
    const doc = await analyse("Am 13. Mai 2015 und gestern, am 2015-05-12.", "de");
    expect(summary(doc.times)).toEqual([["2015-05-12", "2015-05-12", 1, "times:chrono"]]);
  });
});

describe("timesInRange", () => {
  it("returns the times inside a sentence, in text order", async () => {
    const doc = await analyse("Hier, des frappes. Ce matin et mercredi, d’autres.", "fr");
    const [first, second] = doc.sentences;
    expect(timesInRange(doc, first ?? { start: 0, end: 0 }).map((time) => time.text)).toEqual(["Hier"]);
    expect(timesInRange(doc, second ?? { start: 0, end: 0 }).map((time) => time.text)).toEqual(["Ce matin", "mercredi"]);
    expect(timesInRange(doc, { start: 0, end: 3 })).toEqual([]);
  });
});
