/**
 * Every fill of the palette table must be told apart at a glance: CIEDE2000 (culori, test-only) of at least
 * 10 from the sea, the land, the base fills drawn in every layer (Afghanistan, the neighbours), every other
 * fill of its layer, and every fill of another layer unless both mean the same (`sameMeaningAcrossLayers`).
 */
import { differenceCiede2000 } from 'culori';
import { describe, expect, it } from 'vitest';
import { baseStyles, land, layerStyles, sameMeaningAcrossLayers, sea, type CategoryStyle } from './palette.ts';

const deltaE2000 = differenceCiede2000();
const MIN_DISTANCE = 10;

/** Backdrop fills every layer draws beside its categories. */
const backdrop = [
  { key: 'sea', fill: sea },
  { key: 'land', fill: land },
  { key: 'afghanistan', fill: baseStyles.afghanistan.fill },
  { key: 'neighbour', fill: baseStyles.neighbour.fill },
];

const layers = Object.entries(layerStyles).map(([id, style]) => ({ id, categories: style.categories }));

/** Every pair of fills closer than the minimum, with its distance, as readable lines. */
function tooClose(pairs: [{ key: string; fill: string }, { key: string; fill: string }][]): string[] {
  return pairs
    .map(([a, b]) => ({ a, b, distance: deltaE2000(a.fill, b.fill) }))
    .filter(({ distance }) => distance < MIN_DISTANCE)
    .map(({ a, b, distance }) => `${a.key} ${a.fill} ~ ${b.key} ${b.fill}: ΔE2000 ${distance.toFixed(1)}`);
}

describe('palette colour distances (CIEDE2000)', () => {
  it('measures what the eye measures: known reference distances', () => {
    // Sharma, Wu and Dalal's test data (2005), pair 1 and 17, as Lab: the implementation is the standard one.
    expect(deltaE2000({ mode: 'lab65', l: 50, a: 2.6772, b: -79.7751 }, { mode: 'lab65', l: 50, a: 0, b: -82.7485 })).toBeCloseTo(2.0425, 3);
    expect(deltaE2000({ mode: 'lab65', l: 50, a: 2.5, b: 0 }, { mode: 'lab65', l: 73, a: 25, b: -18 })).toBeCloseTo(27.1492, 3);
    // the complaint of issue 11: the old guest fill read as sea
    expect(deltaE2000('#C2E3F6', '#C9DCE6')).toBeLessThan(MIN_DISTANCE);
  });

  for (const { id, categories } of layers) {
    it(`${id}: every fill is at least ${MIN_DISTANCE} from the sea, the land and the base fills`, () => {
      expect(tooClose(categories.flatMap((c) => backdrop.map((b): [CategoryStyle, typeof b] => [c, b])))).toEqual([]);
    });

    it(`${id}: every fill is at least ${MIN_DISTANCE} from every other fill of the layer`, () => {
      const pairs = categories.flatMap((a, i) => categories.slice(i + 1).map((b): [CategoryStyle, CategoryStyle] => [a, b]));
      expect(pairs.length).toBeGreaterThan(0);
      expect(tooClose(pairs)).toEqual([]);
    });
  }

  it('the backdrop fills are told apart from each other', () => {
    const pairs = backdrop.flatMap((a, i) => backdrop.slice(i + 1).map((b): [typeof a, typeof b] => [a, b]));
    expect(tooClose(pairs)).toEqual([]);
  });

  it('a colour means one thing across layers, except where both categories mean the same', () => {
    const same = new Set(sameMeaningAcrossLayers.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));
    const pairs: [CategoryStyle, CategoryStyle][] = [];
    for (const [i, first] of layers.entries()) {
      for (const second of layers.slice(i + 1)) {
        for (const a of first.categories) for (const b of second.categories) if (!same.has(`${a.key}|${b.key}`)) pairs.push([a, b]);
      }
    }
    expect(tooClose(pairs)).toEqual([]);
    // and the shared ones really are the same colour, in the layers the legend shows them in
    for (const [a, b] of sameMeaningAcrossLayers) {
      const find = (key: string) => layers.flatMap((l) => l.categories).find((c) => c.key === key)!;
      expect(find(a).fill, `${a} and ${b}`).toBe(find(b).fill);
    }
  });
});
