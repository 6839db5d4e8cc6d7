/**
 * The web app in a real browser (Debian's Chromium) against the real server
 * over a real corpus: the analyst's day from the map to a reviewed, exported
 * event. Steps share one page, in order, as an analyst would go.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CorpusEvent } from "../../src/corpus/types.js";
import { launchBrowser, openPage, waitForMap, type WatchedPage } from "./support/browser.js";
import { BASE_DOCUMENTS, SCREENSHOTS, startTestApp, type TestApp } from "./support/corpus.js";

interface MapLike {
  jumpTo(options: { center: [number, number]; zoom: number }): void;
  once(event: "idle", listener: () => void): void;
  triggerRepaint(): void;
  queryRenderedFeatures(options: { layers: string[] }): { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[];
  project(point: [number, number]): { x: number; y: number };
  getCanvas(): HTMLCanvasElement;
}

declare global {
  interface Window {
    sitrepMap?: MapLike;
  }
}

const BATTLE_SUB_TYPES = ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"];

let server: TestApp;
let browser: Browser;
let watched: WatchedPage;

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${server.origin}${path}`);
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

const events = async (query: string) => (await api<{ events: CorpusEvent[] }>(`/api/events?limit=1000${query}`)).events;

async function screenshot(name: string, view?: { center: [number, number]; zoom: number }): Promise<void> {
  if (SCREENSHOTS === null) return;
  if (view !== undefined) {
    await watched.page.evaluate(
      (to) =>
        new Promise<void>((resolve) => {
          const map = window.sitrepMap as MapLike;
          map.once("idle", () => resolve());
          map.jumpTo(to);
          map.triggerRepaint();
        }),
      view,
    );
  }
  await watched.page.waitForTimeout(300);
  await watched.page.screenshot({ path: `${SCREENSHOTS}${name}.png` });
}

describe("the web app", () => {
  beforeAll(async () => {
    server = await startTestApp(BASE_DOCUMENTS);
    browser = await launchBrowser();
    watched = await openPage(browser, server.origin);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("is served under the Content-Security-Policy, with no inline script or style", async () => {
    const response = await watched.page.goto(`${server.origin}/`);
    const policy = response?.headers()["content-security-policy"] ?? "";
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    const html = await response?.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(html).not.toMatch(/<style\b|\sstyle=/i);
  });

  it("puts the Qalamoun events on the offline map, in the Syria–Lebanon border hills", async () => {
    const { page } = watched;
    await waitForMap(watched);
    expect(await page.getAttribute("#map", "data-ready")).toBe("true");
    const qalamoun = server.documents.get("qalamoun");
    const ids = (await events("")).filter((event) => event.summary.place !== null && event.members.some((member) => member.report.documentId === qalamoun)).map((event) => event.id);
    expect(ids.length).toBeGreaterThan(0);

    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const map = window.sitrepMap as MapLike;
          map.once("idle", () => resolve());
          map.jumpTo({ center: [36.5, 34], zoom: 9 });
          map.triggerRepaint();
        }),
    );
    const rendered = await page.evaluate(() => {
      const map = window.sitrepMap as MapLike;
      const canvas = map.getCanvas();
      return map.queryRenderedFeatures({ layers: ["event-points", "event-clusters"] }).map((feature) => {
        const at = feature.geometry.coordinates as [number, number];
        const point = map.project(at);
        return { id: feature.properties["id"], cluster: feature.properties["cluster_id"] !== undefined, at, inView: point.x >= 0 && point.y >= 0 && point.x <= canvas.clientWidth && point.y <= canvas.clientHeight };
      });
    });
    const drawn = rendered.filter((feature) => !feature.cluster && ids.includes(String(feature.id)));
    expect(drawn.length, `drawn features: ${JSON.stringify(rendered)}`).toBeGreaterThan(0);
    for (const feature of drawn) {
      const [lon, lat] = feature.at;
      expect(lon).toBeGreaterThan(35.8);
      expect(lon).toBeLessThan(37.2);
      expect(lat).toBeGreaterThan(33.4);
      expect(lat).toBeLessThan(34.6);
      expect(feature.inView).toBe(true);
    }
  });

  it("filters by event type, and keeps the filter in the URL", async () => {
    const { page } = watched;
    const battles = await events("&type=Battles");
    const points = (await api<{ points: unknown[] }>("/api/map?type=Battles")).points;
    await page.selectOption("#filter-type", "Battles");
    await page.waitForURL(/type=Battles/);
    await page.waitForFunction((count) => document.getElementById("events-count")?.textContent === `${count} event(s).`, battles.length);
    await page.waitForSelector(`#map[data-ready="true"][data-points="${points.length}"]`);
    const titles = await page.locator(".event-item-title").allTextContents();
    expect(titles).toHaveLength(battles.length);
    for (const title of titles) expect(BATTLE_SUB_TYPES).toContain(title);
    // The subtype list follows the type.
    const subTypes = await page.locator("#filter-subType option").allTextContents();
    expect(subTypes.slice(1)).toEqual(BATTLE_SUB_TYPES);
  });

  it("sets the date filter by brushing the timeline, and clears it", async () => {
    const { page } = watched;
    const chart = page.locator(".timeline-chart");
    const box = await chart.boundingBox();
    if (box === null) throw new Error("expected the timeline to be drawn");
    await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2, { steps: 5 });
    await page.mouse.move(box.x + box.width - 14, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
    const url = new URL(page.url());
    const from = url.searchParams.get("from") as string;
    const to = url.searchParams.get("to") as string;
    expect(from <= to).toBe(true);
    const inRange = await events(`&type=Battles&from=${from}&to=${to}`);
    await page.waitForFunction((count) => document.getElementById("events-count")?.textContent === (count === 0 ? "No events under these filters." : `${count} event(s).`), inRange.length);
    expect(await page.inputValue("#filter-from")).toBe(from);
    await screenshot("map", { center: [36.6, 34.05], zoom: 8.6 });

    await page.click("#timeline-clear");
    await page.waitForURL((next) => !next.searchParams.has("from") && next.searchParams.get("type") === "Battles");
  });

  it("opens an event: its facts, corroboration, source chain and the rules that coded it", async () => {
    const { page } = watched;
    const qalamoun = server.documents.get("qalamoun");
    const target = (await events("&type=Battles")).find((event) => event.members.some((member) => member.report.documentId === qalamoun) && event.summary.place !== null);
    if (target === undefined) throw new Error("expected a battle from the Qalamoun report");
    await page.click(`.event-item[data-event-id="${target.id}"]`);
    await page.waitForURL(new RegExp(`event=${target.id}`));
    await expect.poll(() => page.textContent("#event-heading")).toContain("Battles");
    const panel = page.locator("#event-panel");
    await expect.poll(() => panel.textContent()).toContain(target.summary.place?.name ?? "");
    const text = (await panel.textContent()) ?? "";
    expect(text).toContain("Corroboration");
    expect(text).toContain(target.members[0]?.report.outlet?.name ?? "");
    for (const rule of target.members[0]?.report.rules ?? []) expect(text).toContain(rule);
    expect(await page.textContent("#review-state")).toBe("Not reviewed");
    // The article's link is the report's own http(s) URL, opened without handing it this page.
    const link = panel.locator(".member-title a").first();
    expect(await link.getAttribute("href")).toBe("https://french.almanar.com.lb/qalamoun");
    expect(await link.getAttribute("rel")).toContain("noopener");
    await screenshot("event-panel");
  });

  it("shows the article with the event's evidence emphasised and every extraction explained", async () => {
    const { page } = watched;
    const eventId = new URL(page.url()).searchParams.get("event") as string;
    const detail = await api<CorpusEvent & { evidence: { documentId: string; trigger: { text: string }; evidence: { start: number; end: number; text: string }[] }[] }>(`/api/events/${eventId}`);
    const evidence = detail.evidence[0];
    if (evidence === undefined) throw new Error("expected evidence for the event");
    await page.locator("button.open-article").first().click();
    await page.waitForSelector("#article-text");
    expect(await page.getAttribute("#article-text", "dir")).toBe("ltr");
    expect(await page.getAttribute("#article-text", "lang")).toBe("fr");
    const article = await api<{ analysis: { document: { text: string } } }>(`/api/documents/${encodeURIComponent(evidence.documentId)}`);
    // The text is the analysed text, character for character.
    expect(await page.textContent("#article-text")).toBe(article.analysis.document.text);
    const emphasised = (await page.locator("#article-text .focus-evidence").allTextContents()).join("");
    // Evidence spans may overlap ("positions", "positions de l'armée"): what is emphasised is their union.
    const text = article.analysis.document.text;
    const emphasisedAt = new Set(evidence.evidence.flatMap((span) => Array.from({ length: span.end - span.start }, (_, index) => span.start + index)));
    const expected = [...emphasisedAt].sort((a, b) => a - b).map((index) => text[index]).join("");
    expect(emphasised).toBe(expected);
    expect(emphasised).toContain(evidence.trigger.text);
    // The emphasised trigger explains itself on arrival.
    await expect.poll(() => page.textContent("#annotation-details")).toContain("Rules");

    const place = page.locator("#article-text .k-place[tabindex='0']").first();
    await place.hover();
    const card = page.locator("#annotation-details .annotation-card.k-place").first();
    await expect.poll(() => card.textContent()).toContain("Resolved to");
    expect(await card.textContent()).toContain("Rule");
    // Keyboard: focus reaches a highlight and explains it too.
    await page.locator("#article-text .k-actor[tabindex='0']").first().focus();
    await expect.poll(() => page.locator("#annotation-details .annotation-card.k-actor").count()).toBeGreaterThan(0);
    await place.hover();
    await screenshot("article");
    await page.click("text=Close article");
    await page.waitForURL((next) => !next.searchParams.has("doc"));
  });

  it("confirms the event, shows the review status, and remembers the reviewer", async () => {
    const { page } = watched;
    const eventId = new URL(page.url()).searchParams.get("event") as string;
    await page.fill("#reviewer", "Analyst One");
    await page.press("#reviewer", "Tab");
    await page.fill("#review-comment", "Matches al-Mayadeen's footage.");
    await page.click("#event-panel button.confirm");
    await expect.poll(() => page.textContent("#review-state")).toBe("confirmed");
    await expect.poll(() => page.textContent("#event-panel .decisions")).toContain("Analyst One");
    const stored = await api<CorpusEvent>(`/api/events/${eventId}`);
    expect(stored.review?.status).toBe("confirmed");
    expect(stored.review?.decisions[0]?.reviewer).toBe("Analyst One");

    await page.reload();
    await waitForMap(watched);
    expect(await page.inputValue("#reviewer")).toBe("Analyst One");
    await expect.poll(() => page.textContent("#review-state")).toBe("confirmed");
    await expect.poll(() => page.locator(`.event-item[data-event-id="${eventId}"] .status-confirmed`).count()).toBe(1);
  });

  it("corrects a field of the event: the new value is stored with the old one", async () => {
    const { page } = watched;
    const eventId = new URL(page.url()).searchParams.get("event") as string;
    await page.click("#event-panel details.correct summary");
    await page.selectOption("#correct-field", "fatalities");
    await page.fill("#correct-fatalities-low", "3");
    await page.fill("#correct-fatalities-high", "5");
    await page.click("#event-panel .correct-form button[type=submit]");
    await expect.poll(() => page.textContent("#review-state")).toBe("corrected");
    const stored = await api<CorpusEvent>(`/api/events/${eventId}`);
    expect(stored.summary.fatalities.map((claim) => [claim.low, claim.high])).toEqual([[3, 5]]);
    expect(stored.review?.decisions.map((decision) => decision.action)).toEqual(["confirm", "correct"]);
    expect(await page.textContent("#event-panel .decisions")).toContain("fatalities");
  });

  it("exports the current filter: the download holds the filtered events", async () => {
    const { page } = watched;
    const battles = await events("&type=Battles");
    const link = page.locator('#export-links a[data-format="acled-csv"]');
    expect(await link.getAttribute("href")).toContain("type=Battles");
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const path = await download.path();
    const rows = parse(readFileSync(path, "utf8"), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(battles.length);
    for (const row of rows) expect(row["event_type"]).toBe("Battles");
    expect(new Set(rows.map((row) => row["sitrep_cluster_id"]))).toEqual(new Set(battles.map((event) => event.id)));
  });

  it("lays an Arabic article out right to left", async () => {
    const { page } = watched;
    const arabic = server.documents.get("arsal-ar") as string;
    const view = await api<{ events: { eventId: string }[] }>(`/api/documents/${encodeURIComponent(arabic)}`);
    await page.goto(`${server.origin}/?doc=${encodeURIComponent(arabic)}&docEvent=${view.events[1]?.eventId ?? ""}`);
    await page.waitForSelector("#article-text");
    expect(await page.getAttribute("#article-text", "dir")).toBe("rtl");
    expect(await page.getAttribute("#article-text", "lang")).toBe("ar");
    expect(await page.locator("#article-text .focus-evidence").count()).toBeGreaterThan(0);
    expect(await page.textContent("#article-heading")).toBe("اشتباكات عنيفة في جرود عرسال");
    await page.locator("#article-text .k-actor[tabindex='0']").first().hover();
    await screenshot("article-arabic");
  });

  it("asked for nothing but 127.0.0.1, and ran without an error or a CSP violation", () => {
    expect(watched.requests.length).toBeGreaterThan(5);
    expect(watched.outside).toEqual([]);
    expect(watched.errors).toEqual([]);
    // The basemap and MapLibre's worker are the app's own files.
    expect(watched.requests.some((url) => /\/assets\/countries-50m-[\w-]+\.json$/.test(url))).toBe(true);
    expect(watched.requests.some((url) => /\/assets\/maplibre-gl-worker-[\w-]+\.mjs/.test(url))).toBe(true);
  });
});
