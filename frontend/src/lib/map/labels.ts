/**
 * Where the country names go on the map: plain geometry on screen pixels (no MapLibre, no DOM), so it is
 * unit-tested in Node. The map projects each country's label point (computed at build time) and its
 * largest polygon's bounds; this decides, most important country first, the first position where its full
 * name, then its short name, fits without touching a name or marker already placed, or drops it.
 */

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface LabelRequest {
  iso3: string;
  name: string;
  /** A shorter form tried when the name does not fit (the ISO code when there is nothing better). */
  short: string;
  /** Lower is more important: placed first, so it wins a contested spot. */
  priority: number;
  /** The label point on screen (px). */
  point: [number, number];
  /** The country's largest polygon on screen (px), for "does the name fit inside" and "is it tiny". */
  extent: Rect;
  /** The marker's fill, for a country too small to see. */
  fill: string;
}

export interface PlacedLabel {
  iso3: string;
  text: string;
  /** True when the short form was used. */
  shortened: boolean;
  rect: Rect;
}

export interface PlacedMarker {
  iso3: string;
  fill: string;
  /** Centre on screen. */
  x: number;
  y: number;
}

export interface Placement {
  labels: PlacedLabel[];
  markers: PlacedMarker[];
  /** Countries in view left without a name (no free spot). */
  dropped: string[];
}

export interface PlacementOptions {
  /** The map's size in px. */
  width: number;
  height: number;
  /** Width and height of a text in the labels' font. */
  measure: (text: string) => { width: number; height: number };
  /** Areas no label may cover (the zoom buttons). */
  obstacles?: Rect[];
  /** A country whose polygon is smaller than this on both sides gets a marker. */
  smallPx?: number;
  /** Diameter of a marker in px. */
  markerPx?: number;
}

/** Gap kept between two labels, and between a label and the map's edge. */
const GAP = 2;

const overlaps = (a: Rect, b: Rect) =>
  a.left < b.left + b.width + GAP &&
  b.left < a.left + a.width + GAP &&
  a.top < b.top + b.height + GAP &&
  b.top < a.top + a.height + GAP;

/** Short forms for names that are long and have a common short form; otherwise the ISO code. */
const commonShortNames: Record<string, string> = {
  ARE: 'UAE',
  USA: 'USA',
  GBR: 'UK',
};

export function shortName(iso3: string, name: string): string {
  return commonShortNames[iso3] ?? (name.length <= 6 ? name : iso3);
}

/**
 * Places markers for the tiny countries, then the names, most important first. Candidates, in order: the
 * full name centred on the label point (the point furthest inside the country), then beside it (right,
 * left, above, below); then the short name there, at the corners, and 10 px further out. A tiny country's name always goes beside its
 * marker.
 */
export function placeLabels(requests: readonly LabelRequest[], options: PlacementOptions): Placement {
  // Greedy placement first; while a name is dropped, a full name near it is shortened to make room (one that
  // spills over its country first, then the least important), and the names are placed again. The two most important (priority 0
  // and 1: the selection, Afghanistan) keep their full names.
  // A name more than twice as wide as its country starts short ("UAE", not "United Arab Emirates" across the Gulf).
  const preferShort = new Set(
    requests
      .filter((r) => r.priority > 1 && r.short !== r.name && options.measure(r.name).width > 2 * Math.max(r.extent.width, options.measure(r.short).width))
      .map((r) => r.iso3),
  );
  for (;;) {
    const placement = placeOnce(requests, options, preferShort);
    const dropped = new Set(placement.dropped);
    if (dropped.size === 0) return placement;
    const byIso3 = new Map(requests.map((r) => [r.iso3, r]));
    // Only a name close enough to a dropped one to be in its way.
    const near = (rect: Rect) =>
      [...dropped].some((iso3) => {
        const [x, y] = byIso3.get(iso3)!.point;
        const reach = options.measure(byIso3.get(iso3)!.name).width + 12;
        return x > rect.left - reach && x < rect.left + rect.width + reach && y > rect.top - 40 && y < rect.top + rect.height + 40;
      });
    const shortenable = placement.labels
      .filter((label) => !label.shortened && byIso3.get(label.iso3)!.short !== label.text && byIso3.get(label.iso3)!.priority > 1)
      .map((label) => ({ label, request: byIso3.get(label.iso3)!, spill: label.rect.width - byIso3.get(label.iso3)!.extent.width }))
      .filter(({ label }) => near(label.rect))
      // names that spill over their country first, then the least important
      .sort((a, b) => Number(b.spill > 0) - Number(a.spill > 0) || b.request.priority - a.request.priority || b.spill - a.spill);
    const next = shortenable[0];
    if (!next) return placement;
    preferShort.add(next.label.iso3);
  }
}

function placeOnce(requests: readonly LabelRequest[], options: PlacementOptions, preferShort: ReadonlySet<string>): Placement {
  const smallPx = options.smallPx ?? 8;
  const markerPx = options.markerPx ?? 10;
  const view: Rect = { left: 0, top: 0, width: options.width, height: options.height };
  const inView = (r: Rect) =>
    r.left >= GAP && r.top >= GAP && r.left + r.width <= view.width - GAP && r.top + r.height <= view.height - GAP;
  const pointInView = ([x, y]: [number, number]) => x >= 0 && y >= 0 && x <= view.width && y <= view.height;

  const taken: Rect[] = [...(options.obstacles ?? [])];
  const markers: PlacedMarker[] = [];
  const tiny = new Set<string>();
  for (const request of requests) {
    if (!pointInView(request.point)) continue;
    if (request.extent.width < smallPx && request.extent.height < smallPx) {
      tiny.add(request.iso3);
      const [x, y] = request.point;
      markers.push({ iso3: request.iso3, fill: request.fill, x, y });
      taken.push({ left: x - markerPx / 2, top: y - markerPx / 2, width: markerPx, height: markerPx });
    }
  }

  const ordered = [...requests].sort(
    (a, b) => a.priority - b.priority || b.extent.width * b.extent.height - a.extent.width * a.extent.height || a.iso3.localeCompare(b.iso3),
  );
  const labels: PlacedLabel[] = [];
  const dropped: string[] = [];
  for (const request of ordered) {
    if (!pointInView(request.point)) continue;
    const placed = firstFree(request, tiny.has(request.iso3) ? markerPx / 2 + 2 : 3);
    if (placed) {
      labels.push(placed);
      taken.push(placed.rect);
    } else dropped.push(request.iso3);
  }
  return { labels, markers, dropped };

  function firstFree(request: LabelRequest, offset: number): PlacedLabel | null {
    const [x, y] = request.point;
    const centred = (width: number, height: number): Rect[] =>
      tiny.has(request.iso3) ? [] : [{ left: x - width / 2, top: y - height / 2, width, height }];
    const sides = (d: number, width: number, height: number): Rect[] => [
      { left: x + d, top: y - height / 2, width, height },
      { left: x - d - width, top: y - height / 2, width, height },
      { left: x - width / 2, top: y - d - height, width, height },
      { left: x - width / 2, top: y + d, width, height },
    ];
    const corners = (d: number, width: number, height: number): Rect[] => [
      { left: x + d, top: y - d - height, width, height },
      { left: x + d, top: y + d, width, height },
      { left: x - d - width, top: y - d - height, width, height },
      { left: x - d - width, top: y + d, width, height },
    ];
    const full = options.measure(request.name);
    const short = options.measure(request.short);
    // A long name far from its point reads as another country's: further out, only the short form.
    const tries: [string, Rect[]][] = [];
    if (!preferShort.has(request.iso3)) tries.push([request.name, [...centred(full.width, full.height), ...sides(offset, full.width, full.height)]]);
    if (request.short !== request.name || preferShort.has(request.iso3)) {
      tries.push([
        request.short,
        [
          ...centred(short.width, short.height),
          ...sides(offset, short.width, short.height),
          ...corners(offset, short.width, short.height),
          ...sides(offset + 10, short.width, short.height),
          ...corners(offset + 10, short.width, short.height),
        ],
      ]);
    } else {
      tries.push([request.name, [...corners(offset, full.width, full.height), ...sides(offset + 10, full.width, full.height)]]);
    }
    for (const [text, rects] of tries) {
      for (const rect of rects) {
        if (inView(rect) && !taken.some((other) => overlaps(rect, other))) {
          return { iso3: request.iso3, text, shortened: text !== request.name, rect };
        }
      }
    }
    return null;
  }
}
