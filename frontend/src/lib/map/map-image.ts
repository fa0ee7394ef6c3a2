/**
 * "Download SVG" and "Download PNG": the current map as an image that can leave the page, composed with its
 * title, legend and source line. The map is drawn by the SVG renderer (./svg-map.ts) from the boundary file
 * and the palette table, in the live map's current view; the PNG is that SVG drawn on a canvas (the live
 * WebGL map keeps no drawing buffer and is never read). Loaded only when a visitor asks for an image.
 */
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { CountryHighlight } from '../state/view-types.ts';
import { fitFrame } from './frame.ts';
import type { MapLabel } from './map-labels.ts';
import { dashArrays, neighbourHatch, roundCapped, type LineStyle } from './palette.ts';
import { labelFont, renderSvgMap, type CountryFeature } from './svg-map.ts';

/** One key of the legend, drawn as the page's legend draws it (Swatch.svelte). */
export interface LegendKey {
  label: string;
  fill: string;
  line?: LineStyle;
  lineWidth?: number;
  lineColor?: string;
  hatch?: boolean;
}

export interface MapImageInput {
  countries: readonly CountryFeature[];
  highlights: ReadonlyMap<string, CountryHighlight>;
  selected: string | null;
  labels: readonly MapLabel[];
  /** West, south, east, north of what the live map shows now. */
  view: [[number, number], [number, number]];
  /** Width ÷ height of the live map. */
  aspect: number;
  title: string;
  legendTitle: string;
  legend: readonly LegendKey[];
  /** Where the data and the borders come from, and the address of the view. */
  source: string;
}

/** The image's width in pixels (the PNG's too). */
export const IMAGE_WIDTH = 1200;
const MARGIN = 24;
const FONT = labelFont.family;

const escapeXml = (text: string) =>
  text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

/** Splits text into lines of at most `max` characters, at spaces. */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function swatch(key: LegendKey, x: number, y: number, id: string): string {
  const width = key.lineWidth ?? 0;
  const dash = key.line ? dashArrays[key.line]?.map((d) => d * Math.max(width, 1)).join(' ') : undefined;
  const box = `x="${x + width / 2 + 0.5}" y="${y + width / 2 + 0.5}" width="${27 - width}" height="${17 - width}"`;
  const s = neighbourHatch.spacing;
  const hatch = key.hatch
    ? `<pattern id="${id}" width="${s}" height="${s}" patternUnits="userSpaceOnUse"><path d="M${-s / 2} ${s / 2}L${s / 2} ${-s / 2}M0 ${s}L${s} 0M${s / 2} ${s * 1.5}L${s * 1.5} ${s / 2}" stroke="${neighbourHatch.color}" stroke-opacity="${neighbourHatch.opacity}" stroke-width="${neighbourHatch.width}"/></pattern><rect ${box} fill="url(#${id})"/>`
    : '';
  return (
    `<rect ${box} fill="${key.fill}" stroke="${width > 0 ? (key.lineColor ?? '#1A1A1A') : '#BBBBBB'}" stroke-width="${width > 0 ? width : 1}"` +
    `${dash ? ` stroke-dasharray="${dash}"` : ''}${key.line && roundCapped.has(key.line) ? ' stroke-linecap="round"' : ''}/>${hatch}`
  );
}

/** The whole image as a standalone SVG document: title, map, legend, source line. */
export function composeMapSvg(input: MapImageInput): string {
  const width = IMAGE_WIDTH;
  const mapWidth = width - 2 * MARGIN;
  const mapHeight = Math.round(Math.min(900, Math.max(420, mapWidth / input.aspect)));
  const titleLines = wrap(input.title, 80);
  const mapTop = MARGIN + titleLines.length * 30 + 8;
  const map = renderSvgMap({
    countries: input.countries,
    highlights: input.highlights,
    selected: input.selected,
    labels: input.labels,
    width: mapWidth,
    height: mapHeight,
    frame: fitFrame(input.view, mapWidth, mapHeight, 0),
    textLabels: true,
    idPrefix: 'image',
  });

  // The legend in three columns under the map.
  const legendTop = mapTop + mapHeight + 20;
  const columns = 3;
  const columnWidth = (width - 2 * MARGIN) / columns;
  const rows = Math.ceil(input.legend.length / columns);
  const keys = input.legend.map((key, index) => {
    const x = MARGIN + Math.floor(index / rows) * columnWidth;
    const y = legendTop + 28 + (index % rows) * 26;
    return `${swatch(key, x, y, `legend-hatch-${index}`)}<text x="${x + 36}" y="${y + 13}">${escapeXml(key.label)}</text>`;
  });
  const sourceTop = legendTop + 28 + rows * 26 + 16;
  const sourceLines = wrap(input.source, 150);
  const height = sourceTop + sourceLines.length * 18 + MARGIN;

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT)}">`,
    `<rect width="${width}" height="${height}" fill="#FFFFFF"/>`,
    ...titleLines.map((line, i) => `<text x="${MARGIN}" y="${MARGIN + 22 + i * 30}" font-size="24" font-weight="700" fill="#1A1A1A">${escapeXml(line)}</text>`),
    `<svg x="${MARGIN}" y="${mapTop}" width="${mapWidth}" height="${mapHeight}" viewBox="0 0 ${mapWidth} ${mapHeight}">${map.content}</svg>`,
    `<rect x="${MARGIN}" y="${mapTop}" width="${mapWidth}" height="${mapHeight}" fill="none" stroke="#BBBBBB"/>`,
    `<text x="${MARGIN}" y="${legendTop + 14}" font-size="16" font-weight="700" fill="#1A1A1A">${escapeXml(input.legendTitle)}</text>`,
    `<g font-size="14" fill="#1A1A1A">${keys.join('')}</g>`,
    `<g font-size="12" fill="#555555">${sourceLines.map((line, i) => `<text x="${MARGIN}" y="${sourceTop + 12 + i * 18}">${escapeXml(line)}</text>`).join('')}</g>`,
    '</svg>',
  ].join('');
}

/** The boundary file as features (the browser's cache already holds it: the page preloads it). */
export async function loadCountries(url: string): Promise<CountryFeature[]> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Country boundaries: HTTP ${response.status}`);
  const topology = (await response.json()) as Topology<{ countries: GeometryCollection }>;
  return (feature(topology, topology.objects.countries) as unknown as { features: CountryFeature[] }).features;
}

/** The SVG drawn on a canvas, as a PNG at least IMAGE_WIDTH pixels wide (twice that on a high-density screen). */
export async function svgToPng(svg: string): Promise<Blob> {
  const image = new Image();
  // A data: URL: the page's CSP allows data: images, and an SVG image that loads nothing keeps the canvas readable.
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const scale = Math.min(2, Math.max(1, globalThis.devicePixelRatio || 1));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(image.naturalWidth * scale);
  canvas.height = Math.round(image.naturalHeight * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw the image');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be made'))), 'image/png'),
  );
}

export function saveFile(blob: Blob, fileName: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
