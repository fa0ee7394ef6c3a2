/**
 * The map's boundaries as a GeoJSON download, with our attributes on each country: the same geometry the
 * map draws (./boundaries.ts: Natural Earth, cut at the antimeridian, snapped to the grid), so a figure
 * made from it matches the page.
 */
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Dataset } from '../../data/schema/domain.ts';
import { DETAILED_REGION } from './boundaries.ts';

export interface BoundaryAttributes {
  /** ISO 3166-1 alpha-3; null for the few areas Natural Earth draws without a code (Northern Cyprus, Somaliland). */
  iso3: string | null;
  name: string;
  /** One of the six countries that border Afghanistan. */
  neighbourOfAfghanistan: boolean;
  /** The border with Afghanistan in km (CIA World Factbook), for the neighbours; null otherwise. */
  borderKm: number | null;
  /** Has a record in the data set (attended, was invited or has a statement). */
  inRecords: boolean;
  /** Natural Earth's scale the outline comes from: 1:50m around Afghanistan, 1:110m elsewhere. */
  scale: '1:50m' | '1:110m';
  /** Where the map writes the name: longitude and latitude. */
  labelLongitude: number;
  labelLatitude: number;
}

type Mapped = { iso3: string | null; name: string; label: [number, number] };

/** Grid coordinates come back from TopoJSON as floats (60.870000000000005): written to 0.01°. */
const round = (value: unknown): unknown => (Array.isArray(value) ? value.map(round) : Math.round((value as number) * 100) / 100);

export function boundariesGeoJson(topologyJson: string, dataset: Pick<Dataset, 'countries'>): FeatureCollection<Polygon | MultiPolygon, BoundaryAttributes> {
  const topology = JSON.parse(topologyJson) as Topology<{ countries: GeometryCollection<Mapped> }>;
  const collection = feature(topology, topology.objects.countries) as FeatureCollection<Polygon | MultiPolygon, Mapped>;
  const records = new Map(dataset.countries.map((c) => [c.iso3, c]));
  const detailed = new Set(DETAILED_REGION);
  const features = collection.features.map((f): Feature<Polygon | MultiPolygon, BoundaryAttributes> => {
    const { iso3, name, label } = f.properties;
    const record = iso3 === null ? undefined : records.get(iso3);
    return {
      type: 'Feature',
      properties: {
        iso3,
        name: record?.name ?? name,
        neighbourOfAfghanistan: record?.neighbourOfAfghanistan != null,
        borderKm: record?.neighbourOfAfghanistan?.borderKm ?? null,
        inRecords: record !== undefined,
        scale: iso3 !== null && detailed.has(iso3) ? '1:50m' : '1:110m',
        labelLongitude: label[0],
        labelLatitude: label[1],
      },
      geometry: { ...f.geometry, coordinates: round(f.geometry.coordinates) } as Polygon | MultiPolygon,
    };
  });
  return { type: 'FeatureCollection', features };
}
