/** Plain geometry helpers for the map (no MapLibre, so they are unit-tested in Node). */
import type { Geometry, Position } from 'geojson';

/** West, south, east, north in degrees. */
export type Bounds = [number, number, number, number];

function ringBounds(ring: Position[]): Bounds {
  const lngs = ring.map((p) => p[0]!);
  const lats = ring.map((p) => p[1]!);
  return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
}

/** Bounds of the polygon with the largest bounding box: Russia without Chukotka, France without Guiana. */
export function mainlandBounds(geometry: Geometry): Bounds {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  let best: Bounds = [-180, -85, 180, 85];
  let bestArea = -1;
  for (const polygon of polygons) {
    const box = ringBounds(polygon[0] ?? []);
    const area = (box[2] - box[0]) * (box[3] - box[1]);
    if (area > bestArea) [best, bestArea] = [box, area];
  }
  return best;
}
