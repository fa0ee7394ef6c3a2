/**
 * The diagonal hatch that marks Afghanistan's bordering neighbours over whatever fill a layer gives them,
 * drawn in code (no sprite server). The legend draws the same pattern from the same numbers.
 */
import { neighbourHatch } from './palette.ts';

type Hatch = { color: string; opacity: number; spacing: number; width: number };

const PIXEL_RATIO = 2;

function rgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** RGBA pixels of one tile, `spacing` CSS pixels square, at device pixel ratio 2. */
export function hatchImage(hatch: Hatch = neighbourHatch): { width: number; height: number; data: Uint8Array } {
  const size = hatch.spacing * PIXEL_RATIO;
  const thickness = hatch.width * PIXEL_RATIO;
  const [r, g, b] = rgb(hatch.color);
  const alpha = Math.round(hatch.opacity * 255);
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Lines run from bottom-left to top-right; the tile repeats seamlessly.
      if ((x + y) % size < thickness) data.set([r, g, b, alpha], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}
