import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { createReferenceDecoder } from "./html-source-align.js";
import { renderText } from "./html-text.js";

function render(body: string) {
  const html = `<!doctype html><html><head></head><body>${body}</body></html>`;
  const dom = new JSDOM(html, { includeNodeLocations: true });
  return { html, ...renderText(dom, html, dom.window.document.body, createReferenceDecoder()) };
}

describe("renderText", () => {
  it("separates blocks by a blank line and collapses whitespace as a browser does", () => {
    expect(render("  <h2> Title </h2>\n<p>One  <b>two</b>\n three </p><div><p>Four</p></div>").text).toBe(
      "Title\n\nOne two three\n\nFour",
    );
  });

  it("collapses whitespace across inline elements to one space", () => {
    expect(render("<p>Alep <b> et </b> <i>Homs</i></p>").text).toBe("Alep et Homs");
  });

  it("breaks lines at <br> and trims around the break", () => {
    expect(render("<p>first  <br>  second<br><br>third</p>").text).toBe("first\nsecond\n\nthird");
  });

  it("keeps whitespace inside <pre>", () => {
    expect(render("<p>x</p><pre>\n  a\n    b</pre>").text).toBe("x\n\n  a\n    b");
  });

  it("sets table cells apart", () => {
    expect(render("<table><tr><th>Place</th><th>Killed</th></tr><tr><td>Homs</td><td>12</td></tr></table>").text).toBe(
      "Place Killed\n\nHoms 12",
    );
  });

  it("leaves out what is not prose", () => {
    const { text } = render(
      "<p>a<!-- note -->b<script>evil()</script><style>p{}</style>c<noscript>enable JS</noscript>" +
        "<template>hidden</template><iframe>frame</iframe><svg><text>chart</text></svg><textarea>form</textarea>d</p>",
    );
    expect(text).toBe("abcd");
  });

  it("keeps non-breaking spaces, which are not collapsible whitespace", () => {
    expect(render("<p>12&nbsp;km</p>").text).toBe("12\u00a0km");
  });

  it("maps text to source, with separators unmapped", () => {
    const { html, text, sourceMap } = render("<p>Caf&eacute;   <b>bar</b></p><p>x</p>");
    expect(text).toBe("Café bar\n\nx");
    const at = html.indexOf("Caf&");
    expect(sourceMap).toEqual([
      { start: 0, end: 3, source_start: at, source_end: at + 3 },
      { start: 3, end: 4, source_start: at + 3, source_end: at + 11 },
      { start: 4, end: 5, source_start: at + 11, source_end: at + 14 },
      { start: 5, end: 8, source_start: html.indexOf("bar"), source_end: html.indexOf("bar") + 3 },
      { start: 10, end: 11, source_start: html.indexOf("x</p>"), source_end: html.indexOf("x</p>") + 1 },
    ]);
  });

  it("walks nesting deeper than the call stack", () => {
    // Built from the inside out: jsdom's own parser could not build a tree this deep.
    const dom = new JSDOM("", { includeNodeLocations: true });
    const document = dom.window.document;
    let node: Node = document.createTextNode("deep");
    for (let depth = 0; depth < 50_000; depth++) {
      const span = document.createElement("span");
      span.append(node);
      node = span;
    }
    const root = document.createElement("div");
    root.append(node, document.createElement("p"), "after");
    expect(renderText(dom, "", root, createReferenceDecoder())).toEqual({ text: "deep\n\nafter", sourceMap: [] });
  });
});
