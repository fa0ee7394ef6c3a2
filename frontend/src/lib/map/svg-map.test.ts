import { describe, expect, it } from 'vitest';
import { fitFrame, project, REGION_BOUNDS, unproject } from './frame.ts';
import { baseStyles, categoryLine, dashArrays, isDarkFill, land, roleCategories, selectedLine } from './palette.ts';
import { estimateLabelSize, renderSvgMap, type CountryFeature } from './svg-map.ts';

const square = (iso3: string, name: string, [west, south]: [number, number], size: number): CountryFeature => ({
  type: 'Feature',
  properties: { iso3, name, label: [west + size / 2, south + size / 2] },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [west + size, south],
        [west + size, south + size],
        [west, south + size],
        [west, south],
      ],
    ],
  },
});

const countries = [
  square('AFG', 'Afghanistan', [62, 30], 8),
  square('PAK', 'Pakistan', [62, 22], 8),
  square('RUS', 'Russia & <Co>', [50, 40], 8),
  square('FRA', 'France', [0, 44], 4),
];

describe('fitFrame', () => {
  it('fits the bounds inside the padding and centres them, as MapLibre fitBounds does', () => {
    const frame = fitFrame(REGION_BOUNDS, 1000, 1000, 8);
    const [left, bottom] = project(frame, REGION_BOUNDS[0][0], REGION_BOUNDS[0][1]);
    const [right, top] = project(frame, REGION_BOUNDS[1][0], REGION_BOUNDS[1][1]);
    // The region is wider than tall in Web Mercator: it spans the width, centred vertically.
    expect(left).toBeCloseTo(8);
    expect(right).toBeCloseTo(992);
    expect((top + bottom) / 2).toBeCloseTo(500);
    expect(bottom - top).toBeLessThan(984);
  });

  it('unprojects what it projects', () => {
    const frame = fitFrame(REGION_BOUNDS, 640, 480);
    const [x, y] = project(frame, 69.2, 34.5);
    const [lng, lat] = unproject(frame, x, y);
    expect(lng).toBeCloseTo(69.2, 6);
    expect(lat).toBeCloseTo(34.5, 6);
  });
});

describe('renderSvgMap', () => {
  const host = roleCategories.find((c) => c.key === 'host')!;
  const guest = roleCategories.find((c) => c.key === 'guest')!;
  const map = renderSvgMap({
    countries,
    highlights: new Map([
      ['AFG', { base: 'afghanistan' as const }],
      ['PAK', { base: 'neighbour' as const, cat: 'guest' }],
      ['RUS', { cat: 'host' }],
    ]),
    selected: 'PAK',
    labels: [
      { iso3: 'AFG', name: 'Afghanistan', priority: 1, fill: baseStyles.afghanistan.fill },
      { iso3: 'RUS', name: 'Russia & <Co>', priority: 2, fill: host.fill },
    ],
    width: 800,
    height: 600,
    frame: fitFrame(REGION_BOUNDS, 800, 600),
    textLabels: true,
  });
  const useOf = (iso3: string) => map.content.match(new RegExp(`<use href="#map-${iso3}" fill="([^"]+)" data-iso3="${iso3}"/>`))?.[1];

  it('draws each country once as a path, filled from the palette table by its highlight', () => {
    expect(map.content.match(/<path id="map-[A-Z]{3}" d="M[^"]+z"/g)).toHaveLength(3);
    expect(useOf('AFG')).toBe(baseStyles.afghanistan.fill);
    expect(useOf('PAK')).toBe(guest.fill);
    expect(useOf('RUS')).toBe(host.fill);
  });

  it('leaves out what lies outside the frame', () => {
    expect(map.content).not.toContain('map-FRA');
  });

  it('draws the neighbour hatch, the casings, the category outline with its dashes and the selection', () => {
    // The guest's indigo is a dark fill: the hatch goes over it in its light form, as on the live map.
    expect(isDarkFill(guest.fill)).toBe(true);
    expect(map.content).toContain('<use href="#map-PAK" fill="url(#map-hatch-dark)"/>');
    expect(map.content).toContain(`stroke="${baseStyles.afghanistan.casing}" stroke-width="${baseStyles.afghanistan.casingWidth}"`);
    const dashes = dashArrays[guest.line]!.map((d) => d * guest.lineWidth).join(' ');
    expect(map.content).toContain(`stroke="${categoryLine}" stroke-width="${guest.lineWidth}" stroke-linejoin="round" stroke-dasharray="${dashes}"`);
    expect(map.content).toContain(`stroke="${selectedLine.outer}" stroke-width="${selectedLine.outerWidth}"`);
  });

  it('writes the names as escaped text where the label rules place them', () => {
    expect(map.placement.labels.map((label) => label.iso3).sort()).toEqual(['AFG', 'RUS']);
    expect(map.content).toContain('>Afghanistan</text>');
    expect(map.content).toContain('>Russia &amp; &lt;Co&gt;</text>');
  });

  it('fills the sea and leaves countries without a highlight in the land colour', () => {
    const plain = renderSvgMap({ countries, highlights: new Map(), labels: [], width: 800, height: 600, frame: fitFrame(REGION_BOUNDS, 800, 600) });
    expect(plain.content.match(/<use href="#map-[A-Z]{3}" fill="([^"]+)"/g)!.every((use) => use.endsWith(`fill="${land}"`))).toBe(true);
    expect(plain.content).not.toContain('<text');
  });
});

describe('estimateLabelSize', () => {
  it('grows with the text and keeps the labels line height', () => {
    expect(estimateLabelSize('Turkmenistan').width).toBeGreaterThan(estimateLabelSize('Iran').width);
    expect(estimateLabelSize('Iran').height).toBe(16);
  });
});
