import { gzipSync } from 'node:zlib';
import { feature } from 'topojson-client';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { naturalEarthNeighboursOfAfghanistan } from '../../data/check/boundaries.ts';
import { DETAILED_REGION, identify, prepareBoundaries } from './boundaries.ts';

const prepared = prepareBoundaries();
const topology = JSON.parse(prepared.json);
const countries = feature(topology, topology.objects.countries) as unknown as FeatureCollection<
  Polygon | MultiPolygon,
  { iso3: string | null; name: string; label: [number, number] }
>;

/** Even-odd ray casting over every ring (holes included) of a polygon. */
function contains(polygon: number[][][], [x, y]: [number, number]): boolean {
  let inside = false;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
const byIso3 = new Map(countries.features.map((f) => [f.properties.iso3, f]));

function rings(iso3: string): number[][][] {
  const geometry = byIso3.get(iso3)!.geometry;
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

describe('prepared boundaries', () => {
  it('stay within the size budget (≤ 100 KiB gzip)', () => {
    expect(gzipSync(prepared.json, { level: 6 }).length).toBeLessThanOrEqual(100 * 1024);
  });

  it('are deterministic: same input, same bytes, same file name', () => {
    const again = prepareBoundaries();
    expect(again.json).toBe(prepared.json);
    expect(again.fileName).toBe(prepared.fileName);
    expect(prepared.fileName).toMatch(/^countries-[0-9a-f]{10}\.json$/);
  });

  it('key every coded country by a unique ISO alpha-3 code, with a name', () => {
    const codes = countries.features.map((f) => f.properties.iso3).filter((c) => c !== null);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBeGreaterThan(170);
    for (const f of countries.features) expect(f.properties.name.length).toBeGreaterThan(0);
    expect(byIso3.get('AFG')?.properties.name).toBe('Afghanistan');
    expect(byIso3.has('ATA')).toBe(false);
  });

  it('are cut at the antimeridian: no ring of Russia or Fiji spans the map', () => {
    for (const iso3 of ['RUS', 'FJI', 'USA']) {
      for (const ring of rings(iso3)) {
        const longitudes = ring.map(([lng]) => lng!);
        expect(Math.max(...longitudes) - Math.min(...longitudes), iso3).toBeLessThan(180);
      }
    }
    // …and both halves are still there
    expect(rings('RUS').some((ring) => ring.some(([lng]) => lng! < -170))).toBe(true);
    expect(rings('RUS').some((ring) => ring.some(([lng]) => lng! > 170))).toBe(true);
  });

  it('close every ring and stay within the world', () => {
    for (const f of countries.features) {
      for (const ring of f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat()) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        for (const [lng, lat] of ring) {
          expect(Math.abs(lng!)).toBeLessThanOrEqual(180);
          expect(Math.abs(lat!)).toBeLessThanOrEqual(90);
        }
      }
    }
  });

  it('give every country a label point inside its drawn geometry, on its largest polygon', () => {
    const outside: string[] = [];
    for (const f of countries.features) {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      if (!polygons.some((polygon) => contains(polygon, f.properties.label))) outside.push(f.properties.iso3 ?? f.properties.name);
    }
    expect(outside).toEqual([]);
    // Russia's name sits in Siberia, not on Kaliningrad or an Arctic island; Qatar's on its peninsula.
    const [lng, lat] = byIso3.get('RUS')!.properties.label;
    expect(lng).toBeGreaterThan(60);
    expect(lat).toBeGreaterThan(50);
    expect(lat).toBeLessThan(72);
    const [qatarLng, qatarLat] = byIso3.get('QAT')!.properties.label;
    expect(qatarLng).toBeGreaterThan(50.7);
    expect(qatarLng).toBeLessThan(51.6);
    expect(qatarLat).toBeGreaterThan(24.5);
    expect(qatarLat).toBeLessThan(26.2);
  });

  it('draw Afghanistan and its six neighbours (as Natural Earth has them) in the detailed 1:50m set', () => {
    // The same adjacency the data checker holds the curated neighbour flags to.
    const neighbours = naturalEarthNeighboursOfAfghanistan().map((n) => identify(n.isoNumeric, n.name).iso3).sort();
    expect(neighbours).toEqual(['CHN', 'IRN', 'PAK', 'TJK', 'TKM', 'UZB']);
    for (const iso3 of ['AFG', ...neighbours] as string[]) {
      expect(DETAILED_REGION).toContain(iso3);
      expect(byIso3.has(iso3)).toBe(true);
    }
    // 1:50m only: Bahrain is too small for the 1:110m file
    expect(byIso3.has('BHR')).toBe(true);
  });
});
