/**
 * The MapLibre style, generated from the palette table. A country's highlight is `cat` (a category key of the
 * current layer), `base` ('afghanistan' | 'neighbour'), `joint` and `selected`.
 *
 * A dash pattern cannot be data-driven, so each line style gets its own layer, filtered to the categories drawn
 * with it.
 *
 * Three sources hold the same boundaries. The world (`countries`) is filled and bordered, its fill read from
 * feature state. Every outline and hatch is drawn from `emphasis`, which holds only the countries that have one,
 * each with its highlight as properties (see `emphasised`), and each layer filtered to the countries it draws;
 * the hover outline is drawn from `hover`, which holds the country under the pointer. A line of width 0 or a
 * fill of opacity 0 is not free: it costs a pass over every vertex of its layer and a fringe of antialiasing
 * pixels along every border. With software WebGL, ten such layers over the whole world made every frame of the
 * map three times as slow.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { CountryHighlight } from '../state/view-types.ts';
import {
  allCategories,
  baseStyles,
  categoryLine,
  jointStatementLine,
  countryBorder,
  dashArrays,
  hoverLine,
  isDarkFill,
  land,
  sea,
  roundCapped,
  selectedLine,
  type CategoryStyle,
  type LineStyle,
} from './palette.ts';

export const SOURCE_ID = 'countries';
/** The countries with an outline or a hatch, each carrying its highlight as properties (see `emphasised`). */
export const EMPHASIS_SOURCE_ID = 'emphasis';
/** The country under the pointer, or nothing. */
export const HOVER_SOURCE_ID = 'hover';
export const FILL_LAYER_ID = 'country-fill';
/** The property MapLibre promotes to the feature id (ISO alpha-3). */
const PROMOTE_ID = 'iso3';
/** The neighbours' hatch, added to the map in code (see ./hatch.ts). */
export const HATCH_IMAGE = 'neighbour-hatch';
/** The same hatch in a light colour, for neighbours whose category fill is dark. */
export const HATCH_IMAGE_ON_DARK = 'neighbour-hatch-on-dark';

/**
 * How a layer reads a country's highlight: the world's fill from its feature state (set in place, no reload),
 * the outlines and hatch from the properties the `emphasis` source's features carry (see `emphasised`).
 */
type Read = (key: string) => ExpressionSpecification;
const fromState: Read = (key) => ['feature-state', key];
const fromProperty: Read = (key) => ['get', key];

const categoryOf = (read: Read): ExpressionSpecification => ['coalesce', read('cat'), ''];
const baseOf = (read: Read): ExpressionSpecification => ['coalesce', read('base'), ''];
const isOn = (key: string): ExpressionSpecification => ['boolean', fromProperty(key), false];

/** `match` on the category; `fallback` for countries without one. */
export function byCategory(
  pick: (c: CategoryStyle) => string | number,
  fallback: ExpressionSpecification | string | number,
  categories: CategoryStyle[] = allCategories,
  read: Read = fromProperty,
): ExpressionSpecification {
  if (categories.length === 0) return fallback as ExpressionSpecification;
  const cases = categories.flatMap((c) => [c.key, pick(c)]);
  return ['match', categoryOf(read), ...cases, fallback] as ExpressionSpecification;
}

function fillColor(): ExpressionSpecification {
  const base = baseOf(fromState);
  const baseFill = ['match', base, 'afghanistan', baseStyles.afghanistan.fill, 'neighbour', baseStyles.neighbour.fill, land];
  return byCategory((c) => c.fill, baseFill as ExpressionSpecification, allCategories, fromState);
}

/** Width of the category outline drawn with `style`; 0 for categories drawn with another style. */
function lineWidthFor(style: LineStyle): ExpressionSpecification {
  return byCategory((c) => c.lineWidth, 0, categoriesDrawn(style));
}

const categoriesDrawn = (style: LineStyle) => allCategories.filter((c) => c.line === style);

/** Only the countries whose category is drawn with this line style. */
function drawnWith(style: LineStyle): FilterSpecification {
  const keys = categoriesDrawn(style).map((c) => c.key);
  return keys.length === 0 ? false : ['match', categoryOf(fromProperty), keys, true, false];
}

export const lineStyles: LineStyle[] = ['solid', 'dashed', 'dotted', 'dashdot', 'dots'];

/** What a country of the `emphasis` source carries besides its boundary: the outlines and hatch it gets. */
export interface EmphasisProperties {
  readonly iso3: string;
  readonly cat?: string;
  readonly base?: 'afghanistan' | 'neighbour';
  readonly joint?: true;
  readonly selected?: true;
}

/**
 * The countries the `emphasis` source must hold for these highlights: every one with a category, a base style
 * or a joint statement (each has an outline or a hatch), and the selected one, sorted by code, so that the same
 * highlights give an equal list and the source is not reloaded.
 */
export function emphasised(highlights: ReadonlyMap<string, CountryHighlight>, selected: string | null): EmphasisProperties[] {
  const countries: EmphasisProperties[] = [];
  for (const [iso3, { cat, base, joint }] of highlights) {
    if (cat == null && base == null && !joint && iso3 !== selected) continue;
    countries.push({
      iso3,
      ...(cat != null && { cat }),
      ...(base != null && { base }),
      ...(joint && { joint: true as const }),
      ...(iso3 === selected && { selected: true as const }),
    });
  }
  if (selected != null && !highlights.has(selected)) countries.push({ iso3: selected, selected: true });
  return countries.sort((a, b) => (a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : 0));
}

const boundarySource = (): SourceSpecification => ({
  type: 'geojson',
  data: { type: 'FeatureCollection', features: [] },
  promoteId: PROMOTE_ID,
  // Coastlines at 1:50m do not need more than this; keeps tiles light.
  tolerance: 0.375,
});

// Within a source, every line layer but the round-capped one has the same layout, so MapLibre tessellates the
// borders once for them all and shares the result; the round dots need a layout (line-cap) of their own.
export function buildStyle(): StyleSpecification {
  const base = baseOf(fromProperty);
  const neighbour: FilterSpecification = ['==', base, 'neighbour'];
  const layers: LayerSpecification[] = [
    { id: 'sea', type: 'background', paint: { 'background-color': sea } },
    {
      id: FILL_LAYER_ID,
      type: 'fill',
      source: SOURCE_ID,
      paint: { 'fill-color': fillColor(), 'fill-antialias': true },
    },
    {
      id: 'neighbour-hatch',
      type: 'fill',
      source: EMPHASIS_SOURCE_ID,
      filter: neighbour,
      paint: { 'fill-pattern': HATCH_IMAGE, 'fill-antialias': false, 'fill-opacity': ['match', base, 'neighbour', byCategory((c) => (isDarkFill(c.fill) ? 0 : 1), 1), 0] },
    },
    {
      id: 'neighbour-hatch-on-dark',
      type: 'fill',
      source: EMPHASIS_SOURCE_ID,
      filter: neighbour,
      paint: {
        'fill-pattern': HATCH_IMAGE_ON_DARK,
        'fill-antialias': false,
        'fill-opacity': ['match', base, 'neighbour', byCategory((c) => (isDarkFill(c.fill) ? 1 : 0), 0), 0],
      },
    },
    {
      id: 'country-border',
      type: 'line',
      source: SOURCE_ID,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': countryBorder, 'line-width': 0.6 },
    },
    ...(['afghanistan', 'neighbour'] as const).map(
      (key): LayerSpecification => ({
        id: `${key}-casing`,
        type: 'line',
        source: EMPHASIS_SOURCE_ID,
        filter: ['==', base, key],
        layout: { 'line-join': 'round' },
        paint: { 'line-color': baseStyles[key].casing, 'line-width': baseStyles[key].casingWidth },
      }),
    ),
    ...lineStyles.map(
      (style): LayerSpecification => ({
        id: `category-line-${style}`,
        type: 'line',
        source: EMPHASIS_SOURCE_ID,
        filter: drawnWith(style),
        layout: { 'line-join': 'round', ...(roundCapped.has(style) ? { 'line-cap': 'round' as const } : {}) },
        paint: {
          'line-color': categoryLine,
          'line-width': lineWidthFor(style),
          ...(dashArrays[style] ? { 'line-dasharray': dashArrays[style] } : {}),
        },
      }),
    ),
    {
      id: 'joint-statement-line',
      type: 'line',
      source: EMPHASIS_SOURCE_ID,
      filter: isOn('joint'),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': jointStatementLine.color,
        'line-width': jointStatementLine.width,
        'line-dasharray': dashArrays[jointStatementLine.line] ?? [1, 0],
      },
    },
    {
      id: 'hover-line',
      type: 'line',
      source: HOVER_SOURCE_ID,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': hoverLine.color, 'line-width': hoverLine.width },
    },
    {
      id: 'selected-outer',
      type: 'line',
      source: EMPHASIS_SOURCE_ID,
      filter: isOn('selected'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': selectedLine.outer, 'line-width': selectedLine.outerWidth },
    },
    {
      id: 'selected-inner',
      type: 'line',
      source: EMPHASIS_SOURCE_ID,
      filter: isOn('selected'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': selectedLine.inner, 'line-width': selectedLine.innerWidth },
    },
  ];
  return {
    version: 8,
    sources: { [SOURCE_ID]: boundarySource(), [EMPHASIS_SOURCE_ID]: boundarySource(), [HOVER_SOURCE_ID]: boundarySource() },
    layers,
  };
}
