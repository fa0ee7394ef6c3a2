/**
 * The paint expressions and the legend come from one table (palette.ts). These tests evaluate the real
 * expressions with MapLibre's own expression engine, for every category and feature state, and check the
 * result against the table the legend draws from.
 */
import { describe, expect, it } from 'vitest';
import {
  expression,
  featureFilter,
  latest,
  validateStyleMin,
  type FilterSpecification,
  type StylePropertySpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { participationRoles, stanceValues } from '../../../../data/schema/labels.ts';
import {
  allCategories,
  baseStyles,
  changeCategories,
  dashArrays,
  jointStatementLine,
  land,
  layerStyles,
  paler,
  roleCategories,
  hoverLine,
  selectedLine,
  stanceCategories,
} from './palette.ts';
import { notConfirmedKey, type CountryHighlight } from '../state/view-types.ts';
import { buildStyle, emphasised, EMPHASIS_SOURCE_ID, FILL_LAYER_ID, HOVER_SOURCE_ID, lineStyles, SOURCE_ID } from './style.ts';

const style = buildStyle();
const layer = (id: string) => {
  const found = style.layers.find((l) => l.id === id);
  if (!found) throw new Error(`no layer ${id}`);
  return found as { type: 'fill' | 'line'; paint: Record<string, unknown> };
};

/**
 * Evaluates one paint property of one layer for a country with this highlight, given both as feature state
 * (how the world's fill reads it) and as the feature's properties (how the `emphasis` source carries it).
 */
function paint(layerId: string, property: string, highlight: Record<string, unknown>): unknown {
  const { type, paint } = layer(layerId);
  const spec = (latest as unknown as Record<string, Record<string, StylePropertySpecification>>)[`paint_${type}`]![property]!;
  const parsed = expression.createPropertyExpression(paint[property], property, spec);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  const feature = { type: 'Polygon' as const, properties: highlight, geometry: [] };
  return parsed.value.evaluate({ zoom: 4 }, feature as never, highlight as never);
}

/** Whether a layer's filter lets a country with these properties through (a layer without one draws all). */
function passes(layerId: string, properties: Record<string, unknown>): boolean {
  const index = style.layers.findIndex((l) => l.id === layerId);
  const { filter } = style.layers[index] as { filter?: FilterSpecification };
  const feature = { type: 1, properties, geometry: [] };
  return featureFilter(filter, `layers[${index}].filter`).filter({ zoom: 4 }, feature as never);
}

/** The width a line layer draws a country at: 0 when its filter leaves the country out. */
const drawnWidth = (layerId: string, highlight: Record<string, unknown>) =>
  passes(layerId, highlight) ? Number(paint(layerId, 'line-width', highlight)) : 0;

const hex = (color: unknown) => {
  const { r, g, b } = color as { r: number; g: number; b: number };
  return `#${[r, g, b].map((c) => Math.round(c * 255).toString(16).padStart(2, '0')).join('')}`.toUpperCase();
};

describe('map style', () => {
  it('is a valid MapLibre style with no external glyphs, sprites or tiles', () => {
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:/);
  });

  it('has unique category keys across all layers, covering every role and stance of the data model', () => {
    const keys = allCategories.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const role of participationRoles) expect(roleCategories.map((c) => c.key)).toContain(role);
    expect(stanceCategories.map((c) => c.key)).toEqual([...stanceValues]);
  });

  it('fills every category with the colour the legend shows', () => {
    for (const category of allCategories) {
      expect(hex(paint('country-fill', 'fill-color', { cat: category.key })), category.key).toBe(category.fill.toUpperCase());
    }
  });

  it('draws each category outline in exactly one dash layer, at the legend width', () => {
    for (const category of allCategories) {
      const widths = Object.fromEntries(
        lineStyles.map((s) => [s, drawnWidth(`category-line-${s}`, { cat: category.key })]),
      );
      const expected = Object.fromEntries(lineStyles.map((s) => [s, s === category.line ? category.lineWidth : 0]));
      expect(widths, category.key).toEqual(expected);
    }
  });

  it('draws the dash pattern the legend shows', () => {
    for (const s of lineStyles) {
      const dash = layer(`category-line-${s}`).paint['line-dasharray'];
      expect(dash ?? null).toEqual(s === 'solid' ? null : expect.any(Array));
    }
  });

  it('gives a country without a category the base style, or land', () => {
    expect(hex(paint('country-fill', 'fill-color', {}))).toBe(land.toUpperCase());
    expect(hex(paint('country-fill', 'fill-color', { base: 'afghanistan' }))).toBe(baseStyles.afghanistan.fill);
    expect(hex(paint('country-fill', 'fill-color', { base: 'neighbour' }))).toBe(baseStyles.neighbour.fill);
    // the category wins over the base fill; the neighbour keeps its hatch and casing
    expect(hex(paint('country-fill', 'fill-color', { base: 'neighbour', cat: 'host' }))).toBe('#D55E00');
    expect(paint('neighbour-hatch', 'fill-opacity', { base: 'neighbour', cat: 'host' })).toBe(1);
    expect(paint('neighbour-hatch', 'fill-opacity', { cat: 'host' })).toBe(0);
    // over a dark fill the hatch is drawn light, so it stays visible
    expect(paint('neighbour-hatch', 'fill-opacity', { base: 'neighbour', cat: 'opposes' })).toBe(0);
    expect(paint('neighbour-hatch-on-dark', 'fill-opacity', { base: 'neighbour', cat: 'opposes' })).toBe(1);
    expect(paint('neighbour-hatch-on-dark', 'fill-opacity', { base: 'neighbour', cat: 'member' })).toBe(0);
    expect(paint('neighbour-hatch-on-dark', 'fill-opacity', { cat: 'opposes' })).toBe(0);
    expect(drawnWidth('neighbour-casing', { base: 'neighbour', cat: 'member' })).toBe(baseStyles.neighbour.casingWidth);
    expect(drawnWidth('afghanistan-casing', { base: 'afghanistan' })).toBe(baseStyles.afghanistan.casingWidth);
    expect(drawnWidth('afghanistan-casing', { base: 'neighbour' })).toBe(0);
    expect(drawnWidth('neighbour-casing', { cat: 'member' })).toBe(0);
  });

  it('fills "no statement on record" differently from "mixed"', () => {
    const none = layerStyles.stance.fallback;
    const mixed = stanceCategories.find((c) => c.key === 'mixed')!;
    expect(none.fill).not.toBe(mixed.fill);
    expect(hex(paint('country-fill', 'fill-color', {}))).toBe(none.fill.toUpperCase());
  });

  it('outlines the selected and the hovered country only', () => {
    expect(drawnWidth('selected-outer', { selected: true })).toBe(selectedLine.outerWidth);
    expect(drawnWidth('selected-inner', { selected: true })).toBe(selectedLine.innerWidth);
    expect(drawnWidth('selected-outer', { selected: false })).toBe(0);
    expect(drawnWidth('selected-inner', {})).toBe(0);
    // The hover source holds only the country under the pointer.
    expect(paint('hover-line', 'line-width', {})).toBe(hoverLine.width);
  });

  it('draws only the fill and the plain border over the whole world, every outline and hatch from the emphasised few', () => {
    const on = (source: string) => style.layers.filter((l) => 'source' in l && l.source === source).map((l) => l.id);
    expect(on(SOURCE_ID)).toEqual([FILL_LAYER_ID, 'country-border']);
    expect(on(HOVER_SOURCE_ID)).toEqual(['hover-line']);
    expect(on(EMPHASIS_SOURCE_ID)).toHaveLength(style.layers.length - 4);
    expect(Object.keys(style.sources).sort()).toEqual([SOURCE_ID, EMPHASIS_SOURCE_ID, HOVER_SOURCE_ID].sort());
  });

  it('emphasises every country with a category, a base style or a joint statement, and the selected one', () => {
    const highlights = new Map<string, CountryHighlight>([
      ['RUS', { cat: 'host' }],
      ['PAK', { base: 'neighbour' }],
      ['USA', { cat: 'opposes', joint: true }],
      ['GBR', { joint: false }],
      ['FRA', {}],
    ]);
    const none = emphasised(highlights, null);
    expect(none).toEqual([{ iso3: 'PAK', base: 'neighbour' }, { iso3: 'RUS', cat: 'host' }, { iso3: 'USA', cat: 'opposes', joint: true }]);
    expect(emphasised(highlights, 'BRA')).toEqual([{ iso3: 'BRA', selected: true }, ...none]);
    expect(emphasised(highlights, 'FRA').map((c) => c.iso3)).toEqual(['FRA', 'PAK', 'RUS', 'USA']);
    expect(emphasised(highlights, 'RUS')).toContainEqual({ iso3: 'RUS', cat: 'host', selected: true });
    expect(emphasised(new Map(), null)).toEqual([]);
  });

  // One direction for the lines: what a filter lets through is drawn. That each country gets the outline it
  // should is checked layer by layer (the categories, the selected outline, the joint line, the casings).
  it('lets through each outline layer only countries it draws at a width above 0, and the hatch exactly the neighbours', () => {
    const lines = style.layers.filter((l) => 'source' in l && l.source === EMPHASIS_SOURCE_ID && l.type === 'line').map((l) => l.id);
    const highlights = [
      {},
      { base: 'afghanistan' },
      { base: 'neighbour' },
      { joint: true },
      { selected: true },
      ...allCategories.flatMap((c) => [{ cat: c.key }, { cat: c.key, base: 'neighbour' }, { cat: c.key, joint: true }]),
    ];
    for (const highlight of highlights) {
      for (const id of lines) {
        // What the filter lets through is drawn (no width-0 lines left to cost a frame anything).
        if (passes(id, highlight)) expect(Number(paint(id, 'line-width', highlight)), `${id} ${JSON.stringify(highlight)}`).toBeGreaterThan(0);
      }
      for (const id of ['neighbour-hatch', 'neighbour-hatch-on-dark']) {
        // Both hatch layers draw every neighbour; over a given fill one of them is transparent.
        expect(passes(id, highlight), `${id} ${JSON.stringify(highlight)}`).toBe(highlight.base === 'neighbour');
      }
    }
  });

  it('marks a stance from a co-signed joint statement with white dashes over the outline, and nothing else', () => {
    expect(drawnWidth('joint-statement-line', { joint: true, cat: 'opposes' })).toBe(jointStatementLine.width);
    expect(drawnWidth('joint-statement-line', { cat: 'opposes' })).toBe(0);
    expect(hex(paint('joint-statement-line', 'line-color', { joint: true }))).toBe(jointStatementLine.color);
    expect(layer('joint-statement-line').paint['line-dasharray']).toEqual(dashArrays[jointStatementLine.line]);
  });

  it('gives every role and change a not-confirmed twin: its colour paler, round dots no confirmed category uses', () => {
    const twins = [...roleCategories, ...changeCategories].filter((c) => !c.key.endsWith('-not-confirmed') && c.key !== 'disputed');
    expect(twins.map((c) => c.key)).toEqual([...participationRoles, 'joined', 'left', 'role-changed', 'unchanged']);
    for (const category of twins) {
      const twin = allCategories.find((c) => c.key === notConfirmedKey(category.key));
      expect(twin, category.key).toMatchObject({ fill: paler(category.fill, 0.5), line: 'dots', label: `${category.label} (not confirmed)` });
      // the same layer, so the legend shows them side by side
      expect(roleCategories.includes(category)).toBe(roleCategories.includes(twin!));
    }
    const confirmedLines = allCategories.filter((c) => !c.key.endsWith('-not-confirmed')).map((c) => c.line);
    expect(confirmedLines).not.toContain('dots');
    expect(layer('category-line-dots').paint['line-dasharray']).toEqual([0, 2]);
    expect((style.layers.find((l) => l.id === 'category-line-dots') as { layout: Record<string, unknown> }).layout).toMatchObject({
      'line-cap': 'round',
    });
  });

  it('pales a colour towards white', () => {
    expect(paler('#56B4E9', 0)).toBe('#56B4E9');
    expect(paler('#56B4E9', 1)).toBe('#FFFFFF');
    expect(paler('#000000', 0.5)).toBe('#808080');
  });

  it('gives each layer its own categories', () => {
    expect(layerStyles.roles.categories).toBe(roleCategories);
    expect(layerStyles.changes.categories).toBe(changeCategories);
    expect(layerStyles.stance.categories).toBe(stanceCategories);
  });
});
