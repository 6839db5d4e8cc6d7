/** Download links for the events under the current filters, one per export format. */
import { EXPORT_FORMATS, exportParams } from "./api.js";
import { apiLink, h } from "./dom.js";
import type { Filters } from "./url-state.js";

export function renderExportLinks(list: HTMLElement, filters: Filters): void {
  list.replaceChildren(
    ...EXPORT_FORMATS.map(({ format, label }) => {
      const link = apiLink("/api/export", exportParams(format, filters), label);
      link.download = "";
      link.dataset["format"] = format;
      return h("li", {}, link);
    }),
  );
}
