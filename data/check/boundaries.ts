/**
 * Afghanistan's land neighbours as drawn by Natural Earth (world-atlas countries-50m.json), the boundaries
 * the map itself shows: the curated `neighbourOfAfghanistan` flags must agree with them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { neighbors } from 'topojson-client';

/** ISO 3166-1 numeric, as world-atlas writes feature ids (zero-padded strings). */
export const AFGHANISTAN_ISO_NUMERIC = '004';

export interface BoundaryNeighbour {
  isoNumeric: string;
  /** Natural Earth's name, for messages only ("Tajikistan"; names there are dated, e.g. "Macedonia"). */
  name: string;
}

type Geometry = Parameters<typeof neighbors>[0][number] & { properties?: { name?: string } };
interface CountriesTopology {
  objects: { countries: { geometries: Geometry[] } };
}

let cached: readonly BoundaryNeighbour[] | undefined;

/** Read and computed once per process: the file is static and takes ~50 ms to parse. */
export function naturalEarthNeighboursOfAfghanistan(): readonly BoundaryNeighbour[] {
  cached ??= computeNeighbours(loadCountriesTopology(), AFGHANISTAN_ISO_NUMERIC);
  return cached;
}

function loadCountriesTopology(): CountriesTopology {
  const file = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
  return JSON.parse(readFileSync(file, 'utf8')) as CountriesTopology;
}

export function computeNeighbours(topology: CountriesTopology, isoNumeric: string): BoundaryNeighbour[] {
  const geometries = topology.objects.countries.geometries;
  const self = geometries.findIndex((geometry) => geometry.id === isoNumeric);
  if (self === -1) throw new Error(`world-atlas has no country with id ${isoNumeric}`);
  const adjacent = neighbors(geometries)[self] ?? [];
  return adjacent
    .map((index) => geometries[index])
    // Features without an ISO code (Kosovo, Somaliland, Siachen Glacier) have no id; none borders Afghanistan.
    .filter((geometry) => geometry?.id != null)
    .map((geometry) => ({ isoNumeric: String(geometry?.id), name: geometry?.properties?.name ?? '?' }))
    .sort((a, b) => a.isoNumeric.localeCompare(b.isoNumeric));
}
