/**
 * The MapLibre style, generated from the palette table. Highlights are feature-state only (no filters, no
 * setData after the first load): per country, `cat` (a category key of the current layer), `base`
 * ('afghanistan' | 'neighbour'), `hover` and `selected`.
 *
 * `line-dasharray` cannot read feature-state, so each line style gets its own layer whose width is 0 for
 * every category drawn with another style.
 */
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
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
export const FILL_LAYER_ID = 'country-fill';
/** The property MapLibre promotes to the feature id (ISO alpha-3). */
const PROMOTE_ID = 'iso3';
/** The neighbours' hatch, added to the map in code (see ./hatch.ts). */
export const HATCH_IMAGE = 'neighbour-hatch';
/** The same hatch in a light colour, for neighbours whose category fill is dark. */
export const HATCH_IMAGE_ON_DARK = 'neighbour-hatch-on-dark';

const category: ExpressionSpecification = ['coalesce', ['feature-state', 'cat'], ''];
const base: ExpressionSpecification = ['coalesce', ['feature-state', 'base'], ''];
const isOn = (key: string): ExpressionSpecification => ['boolean', ['feature-state', key], false];

/** `match` on the category; `fallback` for countries without one. */
export function byCategory(
  pick: (c: CategoryStyle) => string | number,
  fallback: ExpressionSpecification | string | number,
  categories: CategoryStyle[] = allCategories,
): ExpressionSpecification {
  if (categories.length === 0) return fallback as ExpressionSpecification;
  const cases = categories.flatMap((c) => [c.key, pick(c)]);
  return ['match', category, ...cases, fallback] as ExpressionSpecification;
}

function fillColor(): ExpressionSpecification {
  return byCategory((c) => c.fill, [
    'match',
    base,
    'afghanistan',
    baseStyles.afghanistan.fill,
    'neighbour',
    baseStyles.neighbour.fill,
    land,
  ]);
}

/** Width of the category outline drawn with `style`; 0 for categories drawn with another style. */
function lineWidthFor(style: LineStyle): ExpressionSpecification {
  return byCategory((c) => c.lineWidth, 0, allCategories.filter((c) => c.line === style));
}

export const lineStyles: LineStyle[] = ['solid', 'dashed', 'dotted', 'dashdot', 'dots'];

// Every line layer but the round-capped one has the same layout, so MapLibre tessellates the borders once for
// them all and shares the result; the round dots need a layout (line-cap) of their own.
export function buildStyle(): StyleSpecification {
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
      source: SOURCE_ID,
      paint: { 'fill-pattern': HATCH_IMAGE, 'fill-opacity': ['match', base, 'neighbour', byCategory((c) => (isDarkFill(c.fill) ? 0 : 1), 1), 0] },
    },
    {
      id: 'neighbour-hatch-on-dark',
      type: 'fill',
      source: SOURCE_ID,
      paint: {
        'fill-pattern': HATCH_IMAGE_ON_DARK,
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
    {
      id: 'base-casing',
      type: 'line',
      source: SOURCE_ID,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': ['match', base, 'afghanistan', baseStyles.afghanistan.casing, baseStyles.neighbour.casing],
        'line-width': [
          'match',
          base,
          'afghanistan',
          baseStyles.afghanistan.casingWidth,
          'neighbour',
          baseStyles.neighbour.casingWidth,
          0,
        ],
      },
    },
    ...lineStyles.map(
      (style): LayerSpecification => ({
        id: `category-line-${style}`,
        type: 'line',
        source: SOURCE_ID,
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
      source: SOURCE_ID,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': jointStatementLine.color,
        'line-width': ['case', isOn('joint'), jointStatementLine.width, 0],
        'line-dasharray': dashArrays[jointStatementLine.line] ?? [1, 0],
      },
    },
    {
      id: 'hover-line',
      type: 'line',
      source: SOURCE_ID,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': hoverLine.color, 'line-width': ['case', isOn('hover'), hoverLine.width, 0] },
    },
    {
      id: 'selected-outer',
      type: 'line',
      source: SOURCE_ID,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': selectedLine.outer, 'line-width': ['case', isOn('selected'), selectedLine.outerWidth, 0] },
    },
    {
      id: 'selected-inner',
      type: 'line',
      source: SOURCE_ID,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': selectedLine.inner, 'line-width': ['case', isOn('selected'), selectedLine.innerWidth, 0] },
    },
  ];
  return {
    version: 8,
    sources: {
      [SOURCE_ID]: {
        type: 'geojson',
        data: { type: 'FeatureCollection', features: [] },
        promoteId: PROMOTE_ID,
        // Coastlines at 1:50m do not need more than this; keeps tiles light.
        tolerance: 0.375,
      },
    },
    layers,
  };
}
