import { describe, expect, it } from 'vitest';
import { hatchImage } from './hatch.ts';
import { neighbourHatch } from './palette.ts';

describe('hatchImage', () => {
  it('is a seamless tile of diagonal lines in the palette colour', () => {
    const { width, height, data } = hatchImage();
    expect(width).toBe(neighbourHatch.spacing * 2);
    expect(height).toBe(width);
    expect(data.length).toBe(width * height * 4);
    const alphaAt = (x: number, y: number) => data[((y % height) * width + (x % width)) * 4 + 3];
    expect(alphaAt(0, 0)).toBe(Math.round(neighbourHatch.opacity * 255));
    expect(alphaAt(width / 2, 1)).toBe(0);
    // along a diagonal x + y = const the pattern is constant, across the tile edge too
    for (let x = 0; x < width * 2; x++) expect(alphaAt(x, width * 2 - x)).toBe(alphaAt(0, 0));
  });
});
