/**
 * The one imperative MapLibre boundary. Everything else declares what to show (feature states per
 * country, the selected country) and this class applies the difference to the map.
 */
import {
  Map as MapLibreMap,
  NavigationControl,
  setWorkerUrl,
  type GeoJSONSource,
  type MapGeoJSONFeature,
  type MapMouseEvent,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { feature } from 'topojson-client';
import type { FeatureCollection } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { buildStyle, FILL_LAYER_ID, HATCH_IMAGE, HATCH_IMAGE_ON_DARK, SOURCE_ID } from './style.ts';
import { neighbourHatchOnDark } from './palette.ts';
import { hatchImage } from './hatch.ts';
import { mainlandBounds, type Bounds } from './geometry.ts';
import type { CountryHighlight } from '../state/view-types.ts';

// Without this Vite does not emit the worker file and the map never loads ("Worker failed to load").
setWorkerUrl(workerUrl);

interface CountryMapOptions {
  container: HTMLElement;
  boundariesUrl: string;
  /** Called with the ISO alpha-3 code of the country clicked. */
  onSelect: (iso3: string) => void;
  /** Called when the pointer enters a country (its code and name) or leaves the countries (null). */
  onHover?: (hovered: { iso3: string; name: string; x: number; y: number } | null) => void;
  onError?: (message: string) => void;
}

/** Afghanistan and its region: from eastern Turkey to western China, from Kazakhstan to the Arabian Sea. */
const REGION_BOUNDS: [[number, number], [number, number]] = [
  [44, 22],
  [92, 50],
];

export interface CountryMapTestHook {
  project: (lng: number, lat: number) => [number, number];
  featureState: (iso3: string) => Record<string, unknown>;
}

type CountriesTopology = Topology<{ countries: GeometryCollection<{ iso3: string | null; name: string }> }>;

async function loadBoundaries(url: string): Promise<FeatureCollection> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Country boundaries: HTTP ${response.status}`);
  const topology = (await response.json()) as CountriesTopology;
  return feature(topology, topology.objects.countries) as FeatureCollection;
}

export class CountryMap {
  readonly map: MapLibreMap;
  /** Resolves, with every country's name by ISO alpha-3, once the boundaries are loaded. */
  readonly ready: Promise<ReadonlyMap<string, string>>;
  private wanted: ReadonlyMap<string, CountryHighlight> = new Map();
  private applied: ReadonlyMap<string, CountryHighlight> = new Map();
  private wantedSelected: string | null = null;
  private selected: string | null = null;
  private hovered: string | null = null;
  private styleLoaded = false;
  private dataLoaded = false;
  private highlightMarked = false;
  /** West, south, east, north of each country's largest polygon (Russia without Chukotka, say). */
  private bounds = new Map<string, Bounds>();

  constructor(private readonly options: CountryMapOptions) {
    this.map = new MapLibreMap({
      container: options.container,
      style: buildStyle(),
      bounds: REGION_BOUNDS,
      fitBoundsOptions: { padding: 8 },
      minZoom: 1,
      maxZoom: 8,
      renderWorldCopies: false,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.keyboard.disableRotation();
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map.getCanvas().setAttribute('aria-label', 'Map of countries; use the country list to select one by keyboard');

    // `style.load` comes before the first render ('load'): the boundaries go in without waiting for it.
    const styleLoaded = new Promise<void>((resolve) =>
      this.map.once('style.load', () => {
        this.map.addImage(HATCH_IMAGE, hatchImage(), { pixelRatio: 2 });
        this.map.addImage(HATCH_IMAGE_ON_DARK, hatchImage(neighbourHatchOnDark), { pixelRatio: 2 });
        this.styleLoaded = true;
        this.flush();
        resolve();
      }),
    );
    this.ready = Promise.all([loadBoundaries(options.boundariesUrl), styleLoaded]).then(([collection]) => {
      this.map.getSource<GeoJSONSource>(SOURCE_ID)?.setData(collection);
      this.dataLoaded = true;
      this.markWhenHighlighted();
      const names = new Map<string, string>();
      for (const f of collection.features) {
        if (!f.properties?.iso3) continue;
        names.set(f.properties.iso3, f.properties.name);
        this.bounds.set(f.properties.iso3, mainlandBounds(f.geometry));
      }
      if (this.selected != null) this.reveal(this.selected);
      return names;
    });
    this.ready.catch((error: unknown) => options.onError?.(error instanceof Error ? error.message : String(error)));

    this.map.on('click', FILL_LAYER_ID, this.handleClick);
    this.map.on('mousemove', FILL_LAYER_ID, this.handleMove);
    this.map.on('mouseleave', FILL_LAYER_ID, this.handleLeave);
    if (navigator.webdriver) this.exposeTestHook();
  }

  /** Declares the highlights; only what changed since the last call reaches the map. */
  setHighlights(next: ReadonlyMap<string, CountryHighlight>): void {
    this.wanted = next;
    this.flush();
  }

  setSelected(iso3: string | null): void {
    this.wantedSelected = iso3;
    this.flush();
  }

  /** Feature state can only be set once the style has loaded; until then the wishes wait here. */
  private flush(): void {
    if (!this.styleLoaded) return;
    const target = (id: string) => ({ source: SOURCE_ID, id });
    for (const [iso3, previous] of this.applied) {
      const wanted = this.wanted.get(iso3) ?? {};
      for (const key of ['cat', 'base'] as const) {
        if (previous[key] != null && wanted[key] == null) this.map.removeFeatureState(target(iso3), key);
      }
    }
    for (const [iso3, wanted] of this.wanted) {
      const previous = this.applied.get(iso3);
      if (previous?.cat === wanted.cat && previous?.base === wanted.base) continue;
      const state: Record<string, string> = {};
      if (wanted.cat != null) state.cat = wanted.cat;
      if (wanted.base != null) state.base = wanted.base;
      if (Object.keys(state).length > 0) this.map.setFeatureState(target(iso3), state);
    }
    this.applied = this.wanted;
    if (this.wantedSelected !== this.selected) {
      if (this.selected != null) this.map.setFeatureState(target(this.selected), { selected: false });
      if (this.wantedSelected != null) this.map.setFeatureState(target(this.wantedSelected), { selected: true });
      this.selected = this.wantedSelected;
      if (this.selected != null) this.reveal(this.selected);
    }
    this.markWhenHighlighted();
  }

  /** Brings a country chosen from a list or a link into view when none of it is visible. */
  private reveal(iso3: string): void {
    const box = this.bounds.get(iso3);
    if (!box) return;
    const view = this.map.getBounds();
    const visible = box[0] < view.getEast() && box[2] > view.getWest() && box[1] < view.getNorth() && box[3] > view.getSouth();
    if (!visible) this.map.fitBounds([box[0], box[1], box[2], box[3]], { padding: 24, maxZoom: 5 });
  }

  /** Navigation → highlighted map (boundaries drawn with the first highlights), for the performance report. */
  private markWhenHighlighted(): void {
    if (this.highlightMarked || !this.dataLoaded || this.applied.size === 0) return;
    this.highlightMarked = true;
    this.map.once('idle', () => performance.mark('map-highlighted'));
  }

  frameRegion(): void {
    this.map.fitBounds(REGION_BOUNDS, { padding: 8 });
  }

  destroy(): void {
    this.map.remove();
  }

  /**
   * Only under browser automation (navigator.webdriver): lets the browser tests turn a lng/lat into a
   * pixel to click and read the feature state they assert on. Real visitors never get it.
   */
  private exposeTestHook(): void {
    const hook: CountryMapTestHook = {
      project: (lng, lat) => {
        const point = this.map.project([lng, lat]);
        return [point.x, point.y];
      },
      featureState: (iso3) => this.map.getFeatureState({ source: SOURCE_ID, id: iso3 }),
    };
    (window as unknown as { __countryMap?: CountryMapTestHook }).__countryMap = hook;
  }

  private handleClick = (event: MapMouseEvent & { features?: MapGeoJSONFeature[] }) => {
    const id = event.features?.[0]?.id;
    if (id != null) this.options.onSelect(String(id));
  };

  private handleMove = (event: MapMouseEvent & { features?: MapGeoJSONFeature[] }) => {
    const hit = event.features?.[0];
    const id = hit?.id == null ? null : String(hit.id);
    if (id !== this.hovered) {
      if (this.hovered != null) this.map.setFeatureState({ source: SOURCE_ID, id: this.hovered }, { hover: false });
      if (id != null) this.map.setFeatureState({ source: SOURCE_ID, id }, { hover: true });
      this.hovered = id;
      this.map.getCanvas().style.cursor = id == null ? '' : 'pointer';
    }
    if (id == null || !hit) this.options.onHover?.(null);
    else this.options.onHover?.({ iso3: id, name: String(hit.properties?.name ?? id), x: event.point.x, y: event.point.y });
  };

  private handleLeave = () => {
    if (this.hovered != null) this.map.setFeatureState({ source: SOURCE_ID, id: this.hovered }, { hover: false });
    this.hovered = null;
    this.map.getCanvas().style.cursor = '';
    this.options.onHover?.(null);
  };
}
