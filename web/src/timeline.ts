/**
 * The timeline: a histogram of the filtered events by date, drawn as SVG, with
 * a brush. Dragging across it (or choosing bars with the keyboard) sets the
 * date filter; the current date filter shows as the brush. It counts events
 * under every filter but the dates, so the whole period stays in view.
 */
import type { TimelineBucket } from "./api.js";
import { addDays, bucketEnd, bucketStart, dayMs, daysBetween, unitFor, type BucketUnit } from "./dates.js";
import { clear, h, svg } from "./dom.js";

export interface DateRange {
  from?: string;
  to?: string;
}

export interface TimelineOptions {
  container: HTMLElement;
  /** A range chosen on the timeline; null clears the dates. */
  onBrush: (range: DateRange | null) => void;
}

export interface Timeline {
  /** `buckets` are by day; the timeline groups them by week or month when the period is long. */
  render(buckets: readonly TimelineBucket[], selection: DateRange): void;
}

interface Bar {
  start: string;
  /** Day after the bar's last day. */
  end: string;
  count: number;
}

const HEIGHT = 112;
const MARGIN = { top: 8, right: 12, bottom: 22, left: 34 };

export function groupBuckets(buckets: readonly TimelineBucket[]): { unit: BucketUnit; bars: Bar[] } {
  const days = buckets.filter((bucket) => /^\d{4}-\d{2}-\d{2}/.test(bucket.start)).sort((a, b) => a.start.localeCompare(b.start));
  const first = days[0];
  const last = days[days.length - 1];
  if (first === undefined || last === undefined) return { unit: "day", bars: [] };
  const unit = unitFor(daysBetween(first.start, last.start));
  const counts = new Map<string, number>();
  for (const day of days) {
    const start = bucketStart(day.start, unit);
    counts.set(start, (counts.get(start) ?? 0) + day.count);
  }
  // Empty buckets are drawn too, so that a gap in reporting shows as a gap.
  const bars: Bar[] = [];
  for (let start = bucketStart(first.start, unit); start <= last.start; start = bucketEnd(start, unit)) {
    bars.push({ start, end: bucketEnd(start, unit), count: counts.get(start) ?? 0 });
  }
  return { unit, bars };
}

export function createTimeline(options: TimelineOptions): Timeline {
  const { container } = options;
  let last: { buckets: readonly TimelineBucket[]; selection: DateRange } | null = null;
  let focused = 0;

  const draw = () => {
    const hadFocus = container.contains(document.activeElement);
    clear(container);
    if (last === null) return;
    const { bars, unit } = groupBuckets(last.buckets);
    if (bars.length === 0) {
      container.append(h("p", { class: "timeline-empty" }, "No dated events under these filters."));
      return;
    }
    const first = bars[0] as Bar;
    const final = bars[bars.length - 1] as Bar;
    const width = Math.max(320, container.clientWidth);
    const inner = { width: width - MARGIN.left - MARGIN.right, height: HEIGHT - MARGIN.top - MARGIN.bottom };
    const t0 = dayMs(first.start);
    const t1 = dayMs(final.end);
    const x = (day: string) => MARGIN.left + ((dayMs(day) - t0) / (t1 - t0)) * inner.width;
    const dayAt = (px: number) => {
      const ratio = Math.min(1, Math.max(0, (px - MARGIN.left) / inner.width));
      return addDays(first.start, Math.floor((ratio * (t1 - t0)) / 86_400_000));
    };
    const max = Math.max(1, ...bars.map((bar) => bar.count));
    const y = (count: number) => MARGIN.top + inner.height - (count / max) * inner.height;
    const { from, to } = last.selection;
    const inRange = (bar: Bar) => (from === undefined || bar.end > from) && (to === undefined || bar.start <= to);

    const chart = svg("svg", { width, height: HEIGHT, class: "timeline-chart", role: "group", "aria-label": `Events per ${unit}; arrow keys move between bars, Enter selects one, Shift+Enter extends the selection` });
    chart.append(svg("line", { x1: MARGIN.left, x2: width - MARGIN.right, y1: MARGIN.top + inner.height, y2: MARGIN.top + inner.height, class: "axis" }));
    chart.append(svg("text", { x: MARGIN.left - 4, y: MARGIN.top + 8, class: "axis-label", "text-anchor": "end" }, String(max)));
    chart.append(svg("text", { x: MARGIN.left - 4, y: MARGIN.top + inner.height, class: "axis-label", "text-anchor": "end" }, "0"));

    const tickEvery = Math.max(1, Math.ceil(bars.length / Math.max(2, Math.floor(inner.width / 90))));
    bars.forEach((bar, index) => {
      // A label that would run off the right edge is left out rather than cut.
      if (index % tickEvery !== 0 || x(bar.start) > width - MARGIN.right - 62) return;
      chart.append(svg("text", { x: x(bar.start), y: HEIGHT - 6, class: "axis-label" }, unit === "month" ? bar.start.slice(0, 7) : bar.start));
    });

    const selectionRect = svg("rect", { class: "brush", y: MARGIN.top, height: inner.height, x: 0, width: 0, visibility: "hidden" });
    const showSelection = (start: string | undefined, endExclusive: string | undefined) => {
      const left = start === undefined ? MARGIN.left : Math.max(MARGIN.left, x(start));
      const right = endExclusive === undefined ? width - MARGIN.right : Math.min(width - MARGIN.right, x(endExclusive));
      if (right <= left) return selectionRect.setAttribute("visibility", "hidden");
      selectionRect.setAttribute("x", String(left));
      selectionRect.setAttribute("width", String(right - left));
      selectionRect.setAttribute("visibility", "visible");
    };
    if (from !== undefined || to !== undefined) showSelection(from, to === undefined ? undefined : addDays(to, 1));
    chart.append(selectionRect);

    const barWidth = Math.max(1, inner.width / bars.length - 1);
    focused = Math.min(focused, bars.length - 1);
    const rects = bars.map((bar, index) => {
      const top = y(bar.count);
      const rect = svg(
        "rect",
        {
          x: x(bar.start) + 0.5,
          y: top,
          width: barWidth,
          height: MARGIN.top + inner.height - top,
          class: `bar${inRange(bar) ? " in-range" : ""}`,
          tabindex: index === focused ? 0 : -1,
          role: "button",
          "aria-label": `${bar.start}${unit === "day" ? "" : ` (${unit})`}: ${bar.count} event(s)`,
        },
        svg("title", {}, `${bar.start}: ${bar.count}`),
      );
      return rect;
    });
    // A bar's hit area is the full height, so that a click on a short bar is not missed.
    chart.append(...rects);

    const selectBar = (index: number, extend: boolean) => {
      const bar = bars[index];
      if (bar === undefined) return;
      const lastDay = addDays(bar.end, -1);
      if (extend && from !== undefined) {
        options.onBrush(bar.start < from ? { from: bar.start, to: to ?? lastDay } : { from, to: lastDay });
      } else {
        options.onBrush({ from: bar.start, to: lastDay });
      }
    };

    const moves: Readonly<Record<string, (index: number) => number>> = {
      ArrowRight: (index) => Math.min(bars.length - 1, index + 1),
      ArrowLeft: (index) => Math.max(0, index - 1),
      Home: () => 0,
      End: () => bars.length - 1,
    };
    chart.addEventListener("keydown", (event) => {
      const target = event.target;
      const index = rects.findIndex((rect) => rect === target);
      if (index < 0) return;
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        focused = index;
        selectBar(index, event.shiftKey);
        return;
      }
      if (event.key === "Escape") {
        event.preventDefault();
        options.onBrush(null);
        return;
      }
      const move = moves[event.key];
      if (move === undefined) return;
      event.preventDefault();
      const next = move(index);
      rects[index]?.setAttribute("tabindex", "-1");
      rects[next]?.setAttribute("tabindex", "0");
      rects[next]?.focus();
      focused = next;
    });

    let dragFrom: number | null = null;
    const pointX = (event: PointerEvent) => event.clientX - chart.getBoundingClientRect().left;
    chart.addEventListener("pointerdown", (event) => {
      if (event.button !== 0) return;
      dragFrom = pointX(event);
      chart.setPointerCapture(event.pointerId);
    });
    chart.addEventListener("pointermove", (event) => {
      if (dragFrom === null) return;
      const a = dayAt(Math.min(dragFrom, pointX(event)));
      const b = dayAt(Math.max(dragFrom, pointX(event)));
      showSelection(a, addDays(b, 1));
    });
    chart.addEventListener("pointerup", (event) => {
      if (dragFrom === null) return;
      const start = dragFrom;
      const end = pointX(event);
      dragFrom = null;
      if (Math.abs(end - start) < 4) {
        // A click: the bar under the pointer.
        const day = dayAt(end);
        const index = bars.findIndex((bar) => bar.start <= day && day < bar.end);
        if (index >= 0) {
          focused = index;
          selectBar(index, event.shiftKey);
        }
        return;
      }
      options.onBrush({ from: dayAt(Math.min(start, end)), to: dayAt(Math.max(start, end)) });
    });
    chart.addEventListener("pointercancel", () => (dragFrom = null));
    container.append(chart);
    if (hadFocus) rects[Math.min(focused, rects.length - 1)]?.focus();
  };

  let resizeTimer: number | undefined;
  new ResizeObserver(() => {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(draw, 100);
  }).observe(container);

  return {
    render(buckets, selection) {
      last = { buckets, selection };
      draw();
    },
  };
}
