import { describe, expect, it } from "vitest";
import { filterParams, readState, writeState } from "../src/url-state.js";

describe("the URL state", () => {
  it("reads filters under the API's names and the view, and writes them back the same", () => {
    const search = "?type=Battles&subType=Armed+clash&actor=hezbollah&outlet=al-manar&alignment=party-affiliated&text=Arsal&from=2015-05-01&to=2015-05-31&minCorroboration=2&includeRejected=true&event=c1&doc=sha256%3Aab&docEvent=e3&map=36.5000%2C34.0000%2C8.00";
    const state = readState(search);
    expect(state.filters).toEqual({ type: "Battles", subType: "Armed clash", actor: "hezbollah", outlet: "al-manar", alignment: "party-affiliated", text: "Arsal", from: "2015-05-01", to: "2015-05-31", minCorroboration: 2, includeRejected: true });
    expect(state.view).toEqual({ event: "c1", doc: "sha256:ab", docEvent: "e3", map: { lon: 36.5, lat: 34, zoom: 8 } });
    expect(writeState(state)).toBe(search);
  });

  it("drops values the API would refuse: impossible dates, counts that are not whole, maps off the globe", () => {
    const state = readState("?from=2015-02-30&to=yesterday&minCorroboration=1.5&map=200,0,3&docEvent=e1&includeRejected=yes");
    expect(state.filters).toEqual({});
    expect(state.view).toEqual({});
  });

  it("keeps hostile text as text, to be encoded again on the way out", () => {
    const state = readState(`?actor=${encodeURIComponent("<script>x</script>")}&type=${encodeURIComponent('"><img src=x>')}`);
    expect(state.filters.actor).toBe("<script>x</script>");
    expect(filterParams(state.filters).toString()).toBe("type=%22%3E%3Cimg+src%3Dx%3E&actor=%3Cscript%3Ex%3C%2Fscript%3E");
  });
});
