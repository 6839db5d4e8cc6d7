/**
 * Hostile articles: text, title, outlet and URL carrying <script> elements,
 * event-handler attributes and javascript:/data: URLs, plus a reviewer's
 * name and comment and a shared link's query string doing the same. The app
 * must show all of it as text and run none of it. The page is opened with
 * the CSP bypassed, so that the test sees what the app itself does rather
 * than what the policy would have blocked; the policy is checked apart.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CorpusEvent } from "../../src/corpus/types.js";
import { launchBrowser, openPage, waitForMap, type WatchedPage } from "./support/browser.js";
import { startTestApp, type SeedDocument, type TestApp } from "./support/corpus.js";

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

/** Each payload, if it ever ran, would set window.__pwned and call the binding the test exposes. */
const ran = (what: string) => `window.__pwned='${what}';window.__sitrepPwned('${what}')`;
const SCRIPT = `<script>${ran("script")}</script>`;
const IMG = `<img src=x onerror="${ran("img")}">`;
const SVG = `<svg onload="${ran("svg")}"></svg>`;
const ATTRIBUTE = `"><img src=x onerror=${ran("attribute")}>`;
const JAVASCRIPT_URL = `javascript:${ran("href")}//https://example.com/`;
const DATA_URL = `data:text/html,${SCRIPT}`;

const HOSTILE: readonly SeedDocument[] = [
  {
    name: "script-in-text",
    text: `Syrian troops clashed with Nusra fighters near Homs on Wednesday ${SCRIPT}, killing at least 12 people. ${IMG} The army said the town was calm ${SVG}.`,
    metadata: { language: "en", published: "2015-05-13", url: JAVASCRIPT_URL, title: `${IMG} Homs ${SCRIPT}`, outlet: `<b onmouseover="${ran("outlet")}">Evil</b>` },
  },
  {
    name: "data-url",
    text: `Protesters ${ATTRIBUTE} marched peacefully through Beirut on Friday, ${SCRIPT} witnesses said.`,
    metadata: { language: "en", published: "2015-06-07", url: DATA_URL, title: `${ATTRIBUTE}${SVG}` },
  },
];

let server: TestApp;
let browser: Browser;
let watched: WatchedPage;
const pwned: string[] = [];

async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${server.origin}${path}`, init);
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Anything in the page that could run code or leave it: scripts beyond the app's, handlers, images, non-http links. */
async function dangers(): Promise<string[]> {
  return watched.page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll("*")) {
      for (const attribute of element.getAttributeNames()) {
        if (attribute.toLowerCase().startsWith("on")) found.push(`${element.tagName} has ${attribute}`);
      }
    }
    for (const script of document.querySelectorAll("script")) {
      if (!/^\/assets\/[\w.-]+\.js$/.test(script.getAttribute("src") ?? "")) found.push(`script ${script.outerHTML.slice(0, 80)}`);
    }
    for (const image of document.querySelectorAll("img, iframe, object, embed")) found.push(`${image.tagName} in the page`);
    for (const link of document.querySelectorAll("[href], [src], [action], [formaction]")) {
      for (const name of ["href", "src", "action", "formaction"]) {
        const value = link.getAttribute(name);
        if (value === null) continue;
        const url = new URL(value, location.href);
        if (url.protocol !== "http:" && url.protocol !== "https:") found.push(`${link.tagName} ${name}=${value}`);
      }
    }
    return found;
  });
}

async function expectNothingRan(): Promise<void> {
  expect(pwned).toEqual([]);
  expect(await watched.page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await dangers()).toEqual([]);
}

describe("the web app on hostile articles", () => {
  beforeAll(async () => {
    server = await startTestApp(HOSTILE);
    browser = await launchBrowser();
    watched = await openPage(browser, server.origin, { bypassCSP: true });
    await watched.context.exposeBinding("__sitrepPwned", (_source, what: unknown) => {
      pwned.push(String(what));
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("the hostile documents were stored with their payloads intact", async () => {
    const events = (await api<{ events: CorpusEvent[] }>("/api/events?limit=100")).events;
    expect(events.length).toBeGreaterThan(1);
    const urls = events.flatMap((event) => event.members.map((member) => member.report.url));
    expect(urls).toContain(JAVASCRIPT_URL);
    expect(urls).toContain(DATA_URL);
    const first = events[0] as CorpusEvent;
    await api(`/api/events/${first.id}/review`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ action: "reject", reviewer: `${IMG}Mallory`, comment: `${SCRIPT}${ATTRIBUTE}` }),
    });
  });

  it("lists and maps them as text", async () => {
    const { page } = watched;
    await page.goto(`${server.origin}/?includeRejected=true`);
    await waitForMap(watched);
    await page.waitForSelector(".event-item");
    expect(await page.textContent("#event-list")).toContain("Homs");
    await expectNothingRan();
  });

  it("opens every event, and every article, without running anything in them", async () => {
    const { page } = watched;
    const ids = await page.locator(".event-item").evaluateAll((items) => items.map((item) => item.getAttribute("data-event-id") ?? ""));
    expect(ids.length).toBeGreaterThan(1);
    for (const id of ids) {
      await page.click(`.event-item[data-event-id="${id}"]`);
      await page.waitForSelector(`#event-panel:not([hidden]) #event-heading`);
      await expect.poll(() => page.getAttribute(".event-item[aria-current='true']", "data-event-id")).toBe(id);
      const panel = (await page.textContent("#event-panel")) ?? "";
      // The title is shown as the characters it is, and its javascript:/data: URL is not a link.
      expect(panel).toMatch(/<img src=x onerror=|"><img src=x/);
      expect(await page.locator("#event-panel .member-title a").count()).toBe(0);
      await expectNothingRan();

      await page.locator("#event-panel button.open-article").first().click();
      await page.waitForSelector("#article-text");
      const documentId = new URL(page.url()).searchParams.get("doc") as string;
      const view = await api<{ analysis: { document: { text: string; title: string } } }>(`/api/documents/${encodeURIComponent(documentId)}`);
      expect(await page.textContent("#article-text")).toBe(view.analysis.document.text);
      expect(await page.textContent("#article-heading")).toBe(view.analysis.document.title);
      expect(await page.locator(".article-meta a").count()).toBe(0);
      for (const highlight of await page.locator("#article-text [data-annotations]").all()) await highlight.hover();
      await expectNothingRan();
      await page.click("text=Close article");
      await page.waitForSelector("#article", { state: "hidden" });
    }
  });

  it("shows a reviewer's name and comment as text", async () => {
    const { page } = watched;
    const rejected = await page.locator(".event-item:has(.status-rejected)").first().getAttribute("data-event-id");
    await page.click(`.event-item[data-event-id="${rejected}"]`);
    await expect.poll(() => page.textContent("#event-panel .decisions")).toContain("Mallory");
    expect(await page.textContent("#event-panel .decisions")).toContain("<script>");
    await expectNothingRan();
  });

  it("takes a shared link's query string as data", async () => {
    const { page } = watched;
    const query = new URLSearchParams({ type: IMG, actor: SCRIPT, outlet: ATTRIBUTE, event: SVG, doc: IMG, docEvent: SCRIPT, map: JAVASCRIPT_URL });
    await page.goto(`${server.origin}/?${query.toString()}`);
    await waitForMap(watched);
    // The event and the document it names do not exist: the app says so, as text.
    await expect.poll(() => page.textContent("#error")).toContain("no event with id");
    await expect.poll(() => page.textContent("#error")).toContain("no document with id");
    expect(await page.inputValue("#filter-actor")).toBe(SCRIPT);
    await expectNothingRan();
    // Export links carry the filters in their query string, on the app's own origin.
    for (const href of await page.locator("#export-links a").evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href))) {
      expect(new URL(href).origin).toBe(server.origin);
      expect(new URL(href).pathname).toBe("/api/export");
    }
  });

  it("sends the Content-Security-Policy with the page and the API, and asked nothing of anyone else", async () => {
    for (const path of ["/", "/api/events", "/api/stats"]) {
      const response = await fetch(`${server.origin}${path}`);
      const policy = response.headers.get("content-security-policy") ?? "";
      expect(policy, path).toContain("default-src 'self'");
      expect(policy, path).toContain("script-src 'self'");
      expect(policy, path).not.toContain("unsafe-inline");
      expect(policy, path).not.toContain("unsafe-eval");
      await response.arrayBuffer();
    }
    expect(watched.outside).toEqual([]);
  });
});
