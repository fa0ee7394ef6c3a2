/**
 * The map as SVG text, drawn from the same boundary file, frame and palette table as the live MapLibre map
 * (style.ts): the picture in the built page's HTML (frontend/build/prerender.ts) and the "Download SVG/PNG"
 * images (map-image.ts). Pure string building over d3-geo, so it runs in Node at build time and in the
 * browser, where it is loaded only when a visitor asks for an image.
 *
 * Drawn in the order of style.ts's layers: fills, the neighbours' hatch, white borders, the base casings,
 * the category outlines (same widths and dash patterns), joint-statement dashes, the selection, the names.
 * Strokes do not scale with the picture (`vector-effect`), as MapLibre's line widths are in pixels.
 */
import { geoClipRectangle, geoPath, geoTransform } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { CountryHighlight } from '../state/view-types.ts';
import { mainlandBounds } from './geometry.ts';
import { placeLabels, shortName, type LabelRequest, type Placement, type Rect } from './labels.ts';
import {
  allCategories,
  baseStyles,
  categoryLine,
  countryBorder,
  dashArrays,
  isDarkFill,
  jointStatementLine,
  land,
  neighbourHatch,
  neighbourHatchOnDark,
  roundCapped,
  sea,
  selectedLine,
  type CategoryStyle,
} from './palette.ts';
import { project, unproject, type Frame } from './frame.ts';
import type { MapLabel } from './map-labels.ts';

/** A country of the boundary file (frontend/build/boundaries.ts). */
export type CountryFeature = Feature<Polygon | MultiPolygon, { iso3: string | null; name: string; label?: [number, number] }>;

export interface SvgMapInput {
  countries: readonly CountryFeature[];
  highlights: ReadonlyMap<string, CountryHighlight>;
  selected?: string | null;
  labels: readonly MapLabel[];
  /** The map's size in pixels and the frame that puts lng/lat on it. */
  width: number;
  height: number;
  frame: Frame;
  /** Draw beyond the map's box (the page's picture shows more when its box is wider or taller). */
  clip?: { left: number; top: number; right: number; bottom: number };
  /** CSS pixels per unit of the picture: hatch spacing and dashes are in CSS pixels. 1 for an image. */
  pixelsPerUnit?: number;
  /** Width and height of a name in the labels' font (12 px, weight 600). */
  measure?: (text: string) => { width: number; height: number };
  /** Write the names as SVG text (an image); otherwise only the placement is returned (the page writes HTML). */
  textLabels?: boolean;
  /** Prefix of the ids inside the SVG, unique in the document that holds it. */
  idPrefix?: string;
}

export interface SvgMap {
  /** The SVG's content (no <svg> element): the caller sets the viewBox and the size. */
  content: string;
  placement: Placement;
}

export const labelFont = { family: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif", size: 12, weight: 600, lineHeight: 16 } as const;

/**
 * An estimate of a name's width in the labels' font, for where no text can be measured (Node at build time):
 * per-character widths of a typical sans-serif at 12 px, weight 600, plus the 4 px the halo takes.
 */
export function estimateLabelSize(text: string): { width: number; height: number } {
  let width = 0;
  for (const character of text) {
    if (character === ' ') width += 3.4;
    else if (/[il.,'’()]/.test(character)) width += 3.6;
    else if (/[mwMW]/.test(character)) width += 10.5;
    else if (/[A-Z]/.test(character)) width += 8.2;
    else width += 6.9;
  }
  return { width: Math.ceil(width + 4), height: labelFont.lineHeight };
}

/** d3-geo path context writing compact relative SVG path data, dropping points closer than `tolerance`. */
class PathText {
  private parts: string[] = [];
  private ring: string[] = [];
  private x = 0;
  private y = 0;
  private startX = 0;
  private startY = 0;
  constructor(private readonly tolerance: number) {}
  moveTo(x: number, y: number): void {
    this.endRing();
    const [rx, ry] = [Math.round(x), Math.round(y)];
    this.ring = [`M${rx} ${ry}`];
    [this.x, this.y, this.startX, this.startY] = [rx, ry, rx, ry];
  }
  lineTo(x: number, y: number): void {
    const [rx, ry] = [Math.round(x), Math.round(y)];
    if (Math.abs(rx - this.x) + Math.abs(ry - this.y) < this.tolerance) return;
    this.ring.push(`l${rx - this.x} ${ry - this.y}`.replace(/ -/g, '-'));
    [this.x, this.y] = [rx, ry];
  }
  closePath(): void {
    this.ring.push('z');
    [this.x, this.y] = [this.startX, this.startY];
    this.endRing();
  }
  arc(): void {}
  private endRing(): void {
    // A ring that shrank to fewer than three points draws nothing at this size.
    if (this.ring.length >= 4) this.parts.push(this.ring.join(''));
    this.ring = [];
  }
  text(): string {
    this.endRing();
    const text = this.parts.join('');
    this.parts = [];
    return text;
  }
}

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!);

const attrs = (values: Record<string, string | number | undefined>) =>
  Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${typeof value === 'string' ? escapeXml(value) : Number(value!.toFixed(2))}"`)
    .join('');

/** Is the point (lng, lat) inside one of the polygons (even-odd over every ring)? */
function contains(geometry: Polygon | MultiPolygon, [x, y]: [number, number]): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let inside = false;
  for (const ring of polygons.flat() as Position[][]) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

const categoryByKey = new Map<string, CategoryStyle>(allCategories.map((c) => [c.key, c]));

export function renderSvgMap(input: SvgMapInput): SvgMap {
  const { width, height, frame, highlights } = input;
  const px = input.pixelsPerUnit ?? 1;
  const prefix = input.idPrefix ?? 'map';
  const measure = input.measure ?? estimateLabelSize;
  const clip = input.clip ?? { left: 0, top: 0, right: width, bottom: height };
  const clipRect = geoClipRectangle(clip.left, clip.top, clip.right, clip.bottom);
  const toPixels = geoTransform({
    point(lng: number, lat: number) {
      const [x, y] = project(frame, lng, lat);
      this.stream.point(x, y);
    },
  });
  const context = new PathText(0.8 / Math.max(px, 0.5));
  const path = geoPath({ stream: (stream) => toPixels.stream(clipRect(stream)) }, context as never);

  const shapes: { iso3: string | null; id: string; d: string }[] = [];
  input.countries.forEach((country, index) => {
    path(country);
    const d = context.text();
    if (d) shapes.push({ iso3: country.properties.iso3, id: `${prefix}-${country.properties.iso3 ?? `x${index}`}`, d });
  });

  const use = (id: string, extra: Record<string, string | number | undefined>) => `<use${attrs({ href: `#${id}`, ...extra })}/>`;
  const stroke = (color: string, strokeWidth: number, extra: Record<string, string | number | undefined> = {}) => ({
    fill: 'none',
    stroke: color,
    'stroke-width': strokeWidth,
    'stroke-linejoin': 'round',
    ...extra,
  });
  const dash = (category: { line: keyof typeof dashArrays; lineWidth: number }) =>
    dashArrays[category.line]?.map((d) => d * Math.max(category.lineWidth, 1)).join(' ');

  const defs: string[] = shapes.map((shape) => `<path${attrs({ id: shape.id, d: shape.d, 'vector-effect': 'non-scaling-stroke' })}/>`);
  for (const [id, hatch] of [
    ['hatch', neighbourHatch],
    ['hatch-dark', neighbourHatchOnDark],
  ] as const) {
    const s = hatch.spacing / px;
    defs.push(
      `<pattern${attrs({ id: `${prefix}-${id}`, width: s, height: s, patternUnits: 'userSpaceOnUse' })}>` +
        `<path${attrs({ d: `M${-s / 2} ${s / 2}L${s / 2} ${-s / 2}M0 ${s}L${s} 0M${s / 2} ${s * 1.5}L${s * 1.5} ${s / 2}`, stroke: hatch.color, 'stroke-opacity': hatch.opacity, 'stroke-width': hatch.width / px })}/></pattern>`,
    );
  }

  const fills: string[] = [];
  const hatches: string[] = [];
  const borders: string[] = [];
  const casings: string[] = [];
  const outlines: string[] = [];
  const over: string[] = [];
  for (const shape of shapes) {
    const highlight = (shape.iso3 !== null ? highlights.get(shape.iso3) : undefined) ?? {};
    const category = highlight.cat != null ? categoryByKey.get(highlight.cat) : undefined;
    const fill = category?.fill ?? (highlight.base ? baseStyles[highlight.base].fill : land);
    fills.push(use(shape.id, { fill, 'data-iso3': shape.iso3 ?? undefined }));
    borders.push(use(shape.id, {}));
    if (highlight.base === 'neighbour') hatches.push(use(shape.id, { fill: `url(#${prefix}-${category && isDarkFill(category.fill) ? 'hatch-dark' : 'hatch'})` }));
    if (highlight.base) casings.push(use(shape.id, stroke(baseStyles[highlight.base].casing, baseStyles[highlight.base].casingWidth)));
    if (category) {
      outlines.push(
        use(shape.id, stroke(categoryLine, category.lineWidth, { 'stroke-dasharray': dash(category), 'stroke-linecap': roundCapped.has(category.line) ? 'round' : undefined })),
      );
    }
    if (highlight.joint) over.push(use(shape.id, stroke(jointStatementLine.color, jointStatementLine.width, { 'stroke-dasharray': dash({ line: jointStatementLine.line, lineWidth: jointStatementLine.width }) })));
    if (input.selected != null && shape.iso3 === input.selected) {
      over.push(use(shape.id, stroke(selectedLine.outer, selectedLine.outerWidth)), use(shape.id, stroke(selectedLine.inner, selectedLine.innerWidth)));
    }
  }

  const placement = placeNames(input, measure);
  const names: string[] = [];
  if (input.textLabels) {
    for (const marker of placement.markers) {
      names.push(`<circle${attrs({ cx: marker.x, cy: marker.y, r: 5, fill: marker.fill, stroke: '#1A1A1A', 'stroke-width': 1.5 })}/>`);
    }
    for (const label of placement.labels) {
      names.push(
        `<text${attrs({ x: label.rect.left + label.rect.width / 2, y: label.rect.top + label.rect.height / 2 })}>${escapeXml(label.text)}</text>`,
      );
    }
  }

  const content = [
    `<defs>${defs.join('')}</defs>`,
    `<rect${attrs({ x: clip.left, y: clip.top, width: clip.right - clip.left, height: clip.bottom - clip.top, fill: sea })}/>`,
    `<g>${fills.join('')}</g>`,
    `<g>${hatches.join('')}</g>`,
    `<g${attrs({ fill: 'none', stroke: countryBorder, 'stroke-width': 0.6 })}>${borders.join('')}</g>`,
    `<g>${casings.join('')}</g>`,
    `<g>${outlines.join('')}</g>`,
    `<g>${over.join('')}</g>`,
    names.length > 0
      ? `<g${attrs({ 'font-family': labelFont.family, 'font-size': labelFont.size, 'font-weight': labelFont.weight, 'text-anchor': 'middle', 'dominant-baseline': 'central', fill: '#1A1A1A', stroke: '#FFFFFF', 'stroke-width': 3, 'stroke-linejoin': 'round', 'paint-order': 'stroke' })}>${names.join('')}</g>`
      : '',
  ].join('');
  return { content, placement };
}

/** The names, placed by the live map's rules (labels.ts) on this map's pixels. */
function placeNames(input: SvgMapInput, measure: (text: string) => { width: number; height: number }): Placement {
  const byIso3 = new Map(input.countries.filter((c) => c.properties.iso3 !== null).map((c) => [c.properties.iso3!, c]));
  const requests: LabelRequest[] = [];
  for (const label of input.labels) {
    const country = byIso3.get(label.iso3);
    const point = country?.properties.label;
    if (!country || !point) continue;
    const bounds = mainlandBounds(country.geometry);
    const [left, top] = project(input.frame, bounds[0], bounds[3]);
    const [right, bottom] = project(input.frame, bounds[2], bounds[1]);
    const extent: Rect = { left, top, width: right - left, height: bottom - top };
    requests.push({
      ...label,
      short: shortName(label.iso3, label.name),
      point: visiblePoint(input, country, project(input.frame, point[0], point[1]), extent),
      extent,
    });
  }
  return placeLabels(requests, { width: input.width, height: input.height, measure });
}

/**
 * The label point, or, when it is outside the map but part of the country is in it (China's heart is east
 * of the region view), a point of the visible part inside the country: the live map's rule (CountryMap).
 */
function visiblePoint(input: SvgMapInput, country: CountryFeature, point: [number, number], extent: Rect): [number, number] {
  const margin = 24;
  const [x, y] = point;
  if (x >= 0 && y >= 0 && x <= input.width && y <= input.height) return point;
  const left = Math.max(extent.left, 0) + margin;
  const right = Math.min(extent.left + extent.width, input.width) - margin;
  const top = Math.max(extent.top, 0) + margin;
  const bottom = Math.min(extent.top + extent.height, input.height) - margin;
  if (left > right || top > bottom) return point;
  const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
  const candidates: [number, number][] = [
    [clamp(x, left, right), clamp(y, top, bottom)],
    [(left + right) / 2, (top + bottom) / 2],
  ];
  return candidates.find(([cx, cy]) => contains(country.geometry, unproject(input.frame, cx, cy))) ?? point;
}
