import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { nestsDeeperThan } from "./html-depth.js";

const body = (html: string): HTMLElement => new JSDOM(html).window.document.body;

describe("nestsDeeperThan", () => {
  it("measures the deepest branch, not the first", () => {
    const root = body("<p>a</p><div><div><span>b</span></div></div><p>c</p>");
    // body > div > div > span > text: four levels below body.
    expect(nestsDeeperThan(root, 4)).toBe(false);
    expect(nestsDeeperThan(root, 3)).toBe(true);
  });

  it("handles empty elements and an empty root", () => {
    expect(nestsDeeperThan(body("<br><hr><img>"), 1)).toBe(false);
    expect(nestsDeeperThan(body(""), 0)).toBe(false);
  });

  it("walks back up correctly after a deep branch", () => {
    const root = body(`${"<div>".repeat(10)}x${"</div>".repeat(10)}<p>y</p>`);
    expect(nestsDeeperThan(root, 11)).toBe(false);
    expect(nestsDeeperThan(root, 10)).toBe(true);
  });
});
