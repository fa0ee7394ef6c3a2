/**
 * The floor for the page benchmark: MapLibre drawing the page's boundary file (copied next to this page as
 * /assets/countries.json by bench/page.ts) over the page's region, and nothing else. `map-drawn` is marked
 * when MapLibre is first idle with the countries drawn, as the page marks `map-highlighted`.
 */
import { Map as MapLibreMap, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { feature } from 'topojson-client';
import type { FeatureCollection } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

setWorkerUrl(workerUrl);

const boundaries = fetch('/assets/countries.json').then(async (response) => {
  const topology = (await response.json()) as Topology<{ countries: GeometryCollection }>;
  return feature(topology, topology.objects.countries) as FeatureCollection;
});

const map = new MapLibreMap({
  container: 'map',
  style: {
    version: 8,
    sources: { countries: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#dce9f2' } },
      { id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': '#f4f1ea' } },
      { id: 'borders', type: 'line', source: 'countries', paint: { 'line-color': '#8a8a8a', 'line-width': 0.8 } },
    ],
  },
  // The page's REGION_BOUNDS (frontend/src/lib/map/CountryMap.ts).
  bounds: [
    [44, 22],
    [92, 50],
  ],
  fitBoundsOptions: { padding: 8 },
  renderWorldCopies: false,
  // MapLibre's default attribution stays: a bare MapLibre page shows it, and without any text or image the
  // page has no contentful paint for Lighthouse to measure (a WebGL canvas does not count).
});

map.once('style.load', () => {
  void boundaries.then((collection) => {
    map.getSource<GeoJSONSource>('countries')?.setData(collection);
    map.once('idle', () => performance.mark('map-drawn'));
  });
});
