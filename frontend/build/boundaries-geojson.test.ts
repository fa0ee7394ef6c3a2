/** The boundaries download: valid GeoJSON, every feature with our attributes, the same outlines the map draws. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { readDatasetFiles } from '../../data/load.ts';
import type { Dataset } from '../../data/schema/domain.ts';
import { boundariesGeoJson, type BoundaryAttributes } from './boundaries-geojson.ts';
import { preparedBoundaries } from './boundaries.ts';

let dataset: Dataset;
let collection: FeatureCollection<Polygon | MultiPolygon, BoundaryAttributes>;

beforeAll(async () => {
  dataset = await readDatasetFiles();
  // Through JSON, as a reader's tool receives it.
  collection = JSON.parse(JSON.stringify(boundariesGeoJson(preparedBoundaries().json, dataset)));
});

const isPosition = (p: unknown) => Array.isArray(p) && p.length === 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n));
const closedRing = (ring: number[][]) => ring.length >= 4 && ring.every(isPosition) && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1];

describe('the boundaries as GeoJSON', () => {
  it('is a FeatureCollection of Polygon and MultiPolygon features with closed rings in longitude and latitude', () => {
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.length).toBe(preparedBoundaries().countryCount);
    for (const feature of collection.features) {
      expect(feature.type).toBe('Feature');
      const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
      expect(['Polygon', 'MultiPolygon']).toContain(feature.geometry.type);
      expect(polygons.length).toBeGreaterThan(0);
      for (const ring of polygons.flat()) {
        expect(closedRing(ring), feature.properties.name).toBe(true);
        for (const [lng, lat] of ring) {
          expect(Math.abs(lng!)).toBeLessThanOrEqual(180);
          expect(Math.abs(lat!)).toBeLessThanOrEqual(90);
        }
      }
    }
  });

  it('gives every feature our attributes', () => {
    const keys = ['iso3', 'name', 'neighbourOfAfghanistan', 'borderKm', 'inRecords', 'scale', 'labelLongitude', 'labelLatitude'].sort();
    for (const { properties: p } of collection.features) {
      expect(Object.keys(p).sort()).toEqual(keys);
      expect(p.iso3 === null || /^[A-Z]{3}$/.test(p.iso3)).toBe(true);
      expect(p.name.length).toBeGreaterThan(0);
      expect(typeof p.neighbourOfAfghanistan).toBe('boolean');
      expect(['1:50m', '1:110m']).toContain(p.scale);
      expect(p.borderKm === null || p.borderKm > 0).toBe(true);
    }
  });

  it('marks exactly the six neighbours, with their border lengths, and the countries with records', () => {
    const byIso = new Map(collection.features.map((f) => [f.properties.iso3, f.properties]));
    const neighbours = collection.features.filter((f) => f.properties.neighbourOfAfghanistan).map((f) => f.properties.iso3).sort();
    expect(neighbours).toEqual(['CHN', 'IRN', 'PAK', 'TJK', 'TKM', 'UZB']);
    for (const country of dataset.countries) {
      const feature = byIso.get(country.iso3);
      if (!feature) continue; // an actor too small for Natural Earth to draw
      expect(feature.inRecords).toBe(true);
      expect(feature.name).toBe(country.name);
      expect(feature.borderKm).toBe(country.neighbourOfAfghanistan?.borderKm ?? null);
    }
    expect(byIso.get('AFG')?.scale).toBe('1:50m');
    expect(byIso.get('BRA')?.scale).toBe('1:110m');
    expect(byIso.get('BRA')?.inRecords).toBe(false);
  });
});
