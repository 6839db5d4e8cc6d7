/**
 * Debian's Chromium driven by playwright-core, and pages that watch what the
 * app does: every request it makes (none may leave 127.0.0.1), every error
 * it throws, and every Content-Security-Policy violation the browser reports.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

/** Flags that keep Chromium from calling home (its connections would be refused here, and must not be made anyway). */
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`the browser tests need Debian's Chromium at ${CHROMIUM}: apt-get install -y chromium (.ci/run does it)`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** Every URL the page asked for, in order. */
  requests: string[];
  /** Requests to anywhere but the test server's host: aborted, and a failure of the test. */
  outside: string[];
  /** Uncaught exceptions and console errors, CSP violations among them. */
  errors: string[];
}

export async function openPage(browser: Browser, origin: string, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  const watched: WatchedPage = { context, page, requests: [], outside: [], errors: [] };
  const host = new URL(origin).host;
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    watched.requests.push(url);
    const parsed = new URL(url);
    if ((parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.host !== host) {
      watched.outside.push(url);
      await route.abort("blockedbyclient");
      return;
    }
    await route.continue();
  });
  page.on("pageerror", (error) => watched.errors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") watched.errors.push(`console: ${message.text()}`);
  });
  return watched;
}

/** Waits until the map has drawn the events it was last given (or said that it cannot draw); a page that broke says why. */
export async function waitForMap(watched: WatchedPage): Promise<void> {
  try {
    await watched.page.waitForSelector('#map[data-ready="true"], #map[data-ready="unavailable"]', { timeout: 20_000 });
  } catch (error) {
    throw new Error(`the map did not get ready; the page reported: ${JSON.stringify(watched.errors)}`, { cause: error });
  }
}
