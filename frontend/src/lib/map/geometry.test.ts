import { describe, expect, it } from 'vitest';
import { mainlandBounds } from './geometry.ts';

const square = (west: number, south: number, size: number) => [
  [
    [west, south],
    [west + size, south],
    [west + size, south + size],
    [west, south + size],
    [west, south],
  ],
];

describe('mainlandBounds', () => {
  it('takes the largest polygon, so a country cut at the antimeridian is framed by its main part', () => {
    const russia = { type: 'MultiPolygon' as const, coordinates: [square(-180, 64, 10), square(30, 45, 140)] };
    expect(mainlandBounds(russia)).toEqual([30, 45, 170, 185]);
  });

  it('handles a single polygon', () => {
    expect(mainlandBounds({ type: 'Polygon', coordinates: square(60, 29, 15) })).toEqual([60, 29, 75, 44]);
  });
});
