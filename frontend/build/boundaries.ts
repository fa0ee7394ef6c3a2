/**
 * Build-time preparation of the country boundaries the map draws (no tile server at run time).
 *
 * Source: Natural Earth via world-atlas, 1:50m for the countries around Afghanistan (so that small Central
 * Asian and Gulf states are clickable) and 1:110m for the rest of the world. Each geometry is cut at the
 * antimeridian with d3's spherical clipping (an equirectangular projection scaled to degrees), so Russia and
 * Fiji do not draw as bands across the map, then snapped to a 0.01° grid (1:50m) or 0.05° grid (1:110m).
 *
 * Output: a TopoJSON topology with one object, `countries`, whose geometries carry `iso3` (ISO alpha-3, the
 * MapLibre `promoteId`), `name` and `label`, the point where the map writes the country's name: the pole of
 * inaccessibility (polylabel) of its largest polygon, computed in Web Mercator so it is the point furthest
 * from the borders as the map draws them. Rings are stored as separate, delta-encoded arcs; nothing is shared
 * between features, which keeps the encoder simple and costs little after gzip. The output is
 * deterministic: the same inputs always give the same bytes (and so the same hashed file name).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { feature } from 'topojson-client';
import { geoEquirectangular } from 'd3-geo';
import { geoProject } from 'd3-geo-projection';
import countryCodes from 'i18n-iso-countries';
import polylabel from 'polylabel';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

const require = createRequire(import.meta.url);
countryCodes.registerLocale(require('i18n-iso-countries/langs/en.json'));

/** Drawn from the 1:50m file: Afghanistan, its neighbours and the wider region of the meetings. */
export const DETAILED_REGION: readonly string[] = [
  'AFG', 'CHN', 'IRN', 'PAK', 'TJK', 'TKM', 'UZB', 'KAZ', 'KGZ', 'IND', 'RUS', 'MNG', 'NPL', 'BTN', 'BGD',
  'TUR', 'AZE', 'ARM', 'GEO', 'IRQ', 'SAU', 'QAT', 'ARE', 'OMN', 'KWT', 'BHR',
];

/** Not drawn: Antarctica adds bytes and nothing to a map of Central Asia. */
const LEFT_OUT = new Set(['ATA']);

/** Natural Earth features without an ISO numeric code; Kosovo gets the code used by the EU and IMF. */
const UNCODED_NAMES: Record<string, { iso3: string | null; name: string }> = {
  Kosovo: { iso3: 'XKX', name: 'Kosovo' },
  'N. Cyprus': { iso3: null, name: 'Northern Cyprus (de facto)' },
  Somaliland: { iso3: null, name: 'Somaliland (de facto)' },
  'Siachen Glacier': { iso3: null, name: 'Siachen Glacier (disputed)' },
  'Indian Ocean Ter.': { iso3: null, name: 'Indian Ocean Territories (Australia)' },
};

const GRID = 0.01; // degrees per quantized unit
const STEP_DETAILED = 1; // 0.01° ≈ 1.1 km
const STEP_WORLD = 5; // 0.05° ≈ 5.5 km

interface CountryProperties {
  iso3: string | null;
  name: string;
}

interface LabelledProperties extends CountryProperties {
  /** Longitude, latitude of the label point, to 0.01°. */
  label: [number, number];
}

const RADIANS = Math.PI / 180;
const toMercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (Math.max(-85, Math.min(85, lat)) * RADIANS) / 2)) / RADIANS;
const fromMercatorY = (y: number) => (2 * Math.atan(Math.exp(y * RADIANS)) - Math.PI / 2) / RADIANS;
const round2 = (value: number) => Math.round(value * 100) / 100;

/** Shoelace area of a ring, in the plane it is given in. */
function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j]![0]! + ring[i]![0]!) * (ring[j]![1]! - ring[i]![1]!);
  return Math.abs(sum / 2);
}

/**
 * Where the country's name goes: the point inside its largest polygon (by area on the map) furthest from
 * any border, found by polylabel in Web Mercator (to 0.05°) and returned as longitude, latitude.
 */
export function labelPoint(geometry: Polygon | MultiPolygon): [number, number] {
  let best: Position[][] | null = null;
  let bestArea = -1;
  for (const polygon of polygonsOf(geometry)) {
    const projected = polygon.map((ring) => ring.map(([lng, lat]) => [lng!, toMercatorY(lat!)]));
    const area = ringArea(projected[0] ?? []);
    if (area > bestArea) [best, bestArea] = [projected, area];
  }
  if (best === null) throw new Error('labelPoint: a geometry without polygons');
  const [x, y] = polylabel(best as number[][][], 0.05);
  return [round2(x!), round2(fromMercatorY(y!))];
}

type WorldAtlasTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

function readAtlas(resolution: '50m' | '110m'): WorldAtlasTopology {
  return JSON.parse(readFileSync(require.resolve(`world-atlas/countries-${resolution}.json`), 'utf8'));
}

/** The ISO alpha-3 code and English name of a Natural Earth feature, from its ISO numeric id. */
export function identify(id: string | number | undefined, naturalEarthName: string): CountryProperties {
  if (id !== undefined) {
    const iso3 = countryCodes.numericToAlpha3(String(id));
    if (!iso3) throw new Error(`No alpha-3 code for ISO numeric ${id} (${naturalEarthName})`);
    return { iso3, name: countryCodes.getName(iso3, 'en') ?? naturalEarthName };
  }
  const known = UNCODED_NAMES[naturalEarthName];
  if (!known) throw new Error(`Natural Earth feature without a code and without a name rule: ${naturalEarthName}`);
  return known;
}

/** Cut at ±180° and return plain lon/lat degrees (y up). */
function cutAtAntimeridian(collection: FeatureCollection): FeatureCollection {
  const degrees = geoEquirectangular()
    .scale(180 / Math.PI)
    .translate([0, 0])
    .reflectY(true)
    .precision(0); // no adaptive resampling: keep the source's vertices only
  return geoProject(collection, degrees) as FeatureCollection;
}

function polygonsOf(geometry: Polygon | MultiPolygon | null): Position[][][] {
  if (geometry === null) return [];
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Snap a ring to the grid, drop repeated points; null when fewer than three distinct points remain. */
function quantizeRing(ring: Position[], step: number): [number, number][] | null {
  const out: [number, number][] = [];
  for (const position of ring) {
    const x = Math.round((position[0]! + 180) / GRID / step) * step;
    const y = Math.round((position[1]! + 90) / GRID / step) * step;
    const last = out[out.length - 1];
    if (last && last[0] === x && last[1] === y) continue;
    out.push([x, y]);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  return out.length >= 4 ? out : null;
}

function deltaEncode(ring: [number, number][]): [number, number][] {
  let px = 0;
  let py = 0;
  return ring.map(([x, y]) => {
    const delta: [number, number] = [x - px, y - py];
    px = x;
    py = y;
    return delta;
  });
}

export interface PreparedBoundaries {
  /** The TopoJSON text to serve. */
  json: string;
  /** `countries-<content hash>.json` */
  fileName: string;
  countryCount: number;
}

export function prepareBoundaries(): PreparedBoundaries {
  const detailedAtlas = readAtlas('50m');
  const worldAtlas = readAtlas('110m');
  const detailed = new Set(DETAILED_REGION);

  const pick = (atlas: WorldAtlasTopology, keep: (p: CountryProperties) => boolean) => {
    const collection = feature(atlas, atlas.objects.countries) as FeatureCollection<Polygon | MultiPolygon>;
    const features = collection.features
      .map((f) => ({ ...f, properties: identify(f.id, (f.properties as { name: string }).name) }))
      .filter((f) => keep(f.properties));
    return cutAtAntimeridian({ type: 'FeatureCollection', features }).features as Feature<
      Polygon | MultiPolygon,
      CountryProperties
    >[];
  };
  const inRegion = (p: CountryProperties) => p.iso3 !== null && detailed.has(p.iso3);
  const parts = [
    ...pick(detailedAtlas, inRegion).map((f) => ({ f, step: STEP_DETAILED })),
    ...pick(worldAtlas, (p) => !inRegion(p) && !(p.iso3 !== null && LEFT_OUT.has(p.iso3))).map((f) => ({
      f,
      step: STEP_WORLD,
    })),
  ];
  parts.sort((a, b) => (a.f.properties.iso3 ?? a.f.properties.name).localeCompare(b.f.properties.iso3 ?? b.f.properties.name));

  const arcs: [number, number][][] = [];
  const geometries: GeometryCollection<LabelledProperties>['geometries'] = [];
  for (const { f, step } of parts) {
    const polygons: number[][][] = [];
    for (const polygon of polygonsOf(f.geometry)) {
      const quantized = polygon.map((ring) => quantizeRing(ring, step));
      // A hole cannot outlive its exterior ring (ring 0).
      if (quantized[0] === null) continue;
      const rings: number[][] = [];
      for (const ring of quantized) {
        if (ring === null) continue;
        arcs.push(deltaEncode(ring));
        rings.push([arcs.length - 1]);
      }
      polygons.push(rings);
    }
    if (polygons.length === 0) continue;
    const properties: LabelledProperties = { ...f.properties, label: labelPoint(f.geometry) };
    geometries.push(
      polygons.length === 1
        ? { type: 'Polygon', arcs: polygons[0]!, properties }
        : { type: 'MultiPolygon', arcs: polygons, properties },
    );
  }

  const topology: Topology<{ countries: GeometryCollection<LabelledProperties> }> = {
    type: 'Topology',
    transform: { scale: [GRID, GRID], translate: [-180, -90] },
    objects: { countries: { type: 'GeometryCollection', geometries } },
    arcs,
  };
  const json = JSON.stringify(topology);
  const hash = createHash('sha256').update(json).digest('hex').slice(0, 10);
  return {
    json,
    fileName: `countries-${hash}.json`,
    countryCount: geometries.length,
  };
}

let prepared: PreparedBoundaries | undefined;
/** prepareBoundaries once per process (it takes seconds): the map's file and the GeoJSON download share it. */
export const preparedBoundaries = (): PreparedBoundaries => (prepared ??= prepareBoundaries());
