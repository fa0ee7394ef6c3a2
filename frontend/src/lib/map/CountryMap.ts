/**
 * The one imperative MapLibre boundary. Everything else declares what to show (feature states per
 * country, the selected country) and this class applies the difference to the map.
 */
import {
  LngLatBounds,
  Map as MapLibreMap,
  NavigationControl,
  setWorkerUrl,
  type GeoJSONSource,
  type IControl,
  type MapGeoJSONFeature,
  type MapMouseEvent,
  type PaddingOptions,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import {
  buildStyle,
  emphasised,
  EMPHASIS_SOURCE_ID,
  FILL_LAYER_ID,
  HATCH_IMAGE,
  HATCH_IMAGE_ON_DARK,
  HOVER_SOURCE_ID,
  SOURCE_ID,
} from './style.ts';
import { neighbourHatchOnDark } from './palette.ts';
import { hatchImage } from './hatch.ts';
import { mainlandBounds, type Bounds } from './geometry.ts';
import type { CountryHighlight } from '../state/view-types.ts';
import { LabelLayer } from './LabelLayer.ts';
import { shortName, type Placement, type Rect } from './labels.ts';
import type { MapLabel } from './map-labels.ts';
import { REGION_BOUNDS, REGION_PADDING } from './frame.ts';

// Without this Vite does not emit the worker file and the map never loads ("Worker failed to load").
setWorkerUrl(workerUrl);

interface CountryMapOptions {
  container: HTMLElement;
  /** The boundary file's response: the caller asks for it while MapLibre's code loads (see MapView). */
  boundaries: Promise<Response>;
  /** Called with the ISO alpha-3 code of the country clicked. */
  onSelect: (iso3: string) => void;
  /** Called when the pointer enters a country (its code and name) or leaves the countries (null). */
  onHover?: (hovered: { iso3: string; name: string; x: number; y: number } | null) => void;
  onError?: (message: string) => void;
  /** Called once the boundaries are drawn with the first highlights and their names. */
  onDrawn?: () => void;
}

export interface CountryMapTestHook {
  project: (lng: number, lat: number) => [number, number];
  featureState: (iso3: string) => Record<string, unknown>;
  /** A country's label point (longitude, latitude), from the boundary file. */
  labelPoint: (iso3: string) => [number, number] | null;
  /** The camera is still; labels are placed for this view. */
  settled: () => boolean;
  /** The latest label placement. */
  placement: () => Placement | null;
  /** The countries a layer draws in the current view (MapLibre's rendered-feature index). */
  drawnIn: (layerId: string) => string[];
}

type CountriesTopology = Topology<{
  countries: GeometryCollection<{ iso3: string | null; name: string; label: [number, number] }>;
}>;

/** Room kept around a framed selection: for the names at its edges and the zoom buttons (top right). */
const FRAME_PADDING = { top: 28, bottom: 20, left: 28, right: 52 } as const;

/** A reset-view button in the style of MapLibre's own controls. */
class ResetViewControl implements IControl {
  private container: HTMLDivElement | null = null;
  constructor(private readonly onReset: () => void) {}
  onAdd(): HTMLElement {
    this.container = document.createElement('div');
    this.container.className = 'maplibregl-ctrl maplibregl-ctrl-group';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'map-reset';
    button.title = 'Reset view';
    button.setAttribute('aria-label', 'Reset view');
    button.textContent = '⌂';
    button.addEventListener('click', this.onReset);
    this.container.appendChild(button);
    return this.container;
  }
  onRemove(): void {
    this.container?.remove();
  }
}

async function loadBoundaries(request: Promise<Response>): Promise<FeatureCollection> {
  const response = await request;
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
  /** Each country's boundary feature, for the `emphasis` and `hover` sources. */
  private features = new Map<string, Feature>();
  /** What the `emphasis` source holds now, as JSON. */
  private emphasised = '';
  /** Each country's label point (longitude, latitude), computed at build time. */
  private labelPoints = new Map<string, [number, number]>();
  private readonly labelLayer: LabelLayer;
  private wantedLabels: readonly MapLabel[] = [];
  private lastPlacement: Placement | null = null;
  private labelFrame = 0;
  /** A framing asked for before the boundaries arrived. */
  private pendingFrame: readonly string[] | null = null;
  /** A framing to apply with the next flush. */
  private wantedFrame: readonly string[] | null = null;
  private flushScheduled = false;
  /** The map's size in CSS pixels, measured when it is created and when it resizes. */
  private size = { width: 0, height: 0 };
  private readonly measure = (): void => {
    const { clientWidth: width, clientHeight: height } = this.map.getContainer();
    this.size = { width, height };
  };
  private readonly phoneLayout = matchMedia('(max-width: 700px)');

  constructor(private readonly options: CountryMapOptions) {
    this.map = new MapLibreMap({
      container: options.container,
      style: buildStyle(),
      bounds: REGION_BOUNDS,
      fitBoundsOptions: { padding: REGION_PADDING },
      // 0: the whole world fits a phone's width, for a stance layer that colours the US and Central Asia.
      minZoom: 0,
      maxZoom: 8,
      renderWorldCopies: false,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
    });
    this.measure();
    this.map.touchZoomRotate.disableRotation();
    this.map.keyboard.disableRotation();
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new ResetViewControl(() => this.frameRegion()), 'top-right');
    this.map.getCanvas().setAttribute('aria-label', 'Map of countries; use the country list to select one by keyboard');
    this.labelLayer = new LabelLayer(this.map.getCanvasContainer().parentElement ?? options.container);
    this.map.on('move', this.scheduleLabels);
    this.map.on('resize', this.scheduleLabels);
    this.map.on('resize', this.measure);
    this.map.on('moveend', this.scheduleLabels);
    // What the map draws where is known only once it has rendered (see visiblePoint).
    this.map.on('idle', this.scheduleLabels);
    // Where the page scrolls under the map (the phone layout), one finger scrolls the page and two move the map.
    this.applyGestures();
    this.phoneLayout.addEventListener('change', this.applyGestures);
    addEventListener('beforeprint', this.showPrintSnapshot);
    addEventListener('afterprint', this.removePrintSnapshot);

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
    this.ready = Promise.all([loadBoundaries(options.boundaries), styleLoaded]).then(([collection]) => {
      this.map.getSource<GeoJSONSource>(SOURCE_ID)?.setData(collection);
      const names = new Map<string, string>();
      for (const f of collection.features) {
        if (!f.properties?.iso3) continue;
        this.features.set(f.properties.iso3, f);
        names.set(f.properties.iso3, f.properties.name);
        this.bounds.set(f.properties.iso3, mainlandBounds(f.geometry));
        if (Array.isArray(f.properties.label)) this.labelPoints.set(f.properties.iso3, f.properties.label as [number, number]);
      }
      // The outlines need the boundaries by country (above); the marks wait for the outlines.
      this.dataLoaded = true;
      this.syncEmphasis();
      this.markWhenHighlighted();
      if (this.pendingFrame) this.frame(this.pendingFrame);
      else if (this.selected != null) this.reveal(this.selected);
      this.scheduleLabels();
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
    this.scheduleFlush();
  }

  setSelected(iso3: string | null): void {
    this.wantedSelected = iso3;
    this.scheduleFlush();
  }

  /**
   * Once the map has been drawn, a change reaches it after the browser has painted the rest of what the same
   * click changed: the panel answers in the next frame, and the map's own update (new paint values, a camera
   * move, a redraw: the heavy part) follows in the one after, instead of holding both back.
   */
  private scheduleFlush(): void {
    if (!this.highlightMarked) {
      this.flush();
      return;
    }
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        this.flushScheduled = false;
        this.flush();
      }),
    );
  }

  /** Feature state can only be set once the style has loaded; until then the wishes wait here. */
  private flush(): void {
    if (!this.styleLoaded) return;
    if (this.wantedFrame) this.applyFrame(this.wantedFrame);
    const target = (id: string) => ({ source: SOURCE_ID, id });
    for (const [iso3, previous] of this.applied) {
      const wanted = this.wanted.get(iso3) ?? {};
      for (const key of ['cat', 'base', 'joint'] as const) {
        if (previous[key] != null && wanted[key] == null) this.map.removeFeatureState(target(iso3), key);
      }
    }
    for (const [iso3, wanted] of this.wanted) {
      const previous = this.applied.get(iso3);
      if (previous?.cat === wanted.cat && previous?.base === wanted.base && previous?.joint === wanted.joint) continue;
      const state: Record<string, string | boolean> = {};
      if (wanted.cat != null) state.cat = wanted.cat;
      if (wanted.base != null) state.base = wanted.base;
      if (wanted.joint != null) state.joint = wanted.joint;
      if (Object.keys(state).length > 0) this.map.setFeatureState(target(iso3), state);
    }
    this.applied = this.wanted;
    if (this.wantedSelected !== this.selected) {
      if (this.selected != null) this.map.setFeatureState(target(this.selected), { selected: false });
      if (this.wantedSelected != null) this.map.setFeatureState(target(this.wantedSelected), { selected: true });
      this.selected = this.wantedSelected;
      if (this.selected != null) this.reveal(this.selected);
    }
    this.syncEmphasis();
    this.markWhenHighlighted();
  }

  /** Gives the `emphasis` source the countries with an outline or a hatch, when they or their highlights changed. */
  private syncEmphasis(): void {
    if (!this.dataLoaded) return;
    const countries = emphasised(this.applied, this.selected);
    const key = JSON.stringify(countries);
    if (key === this.emphasised) return;
    this.emphasised = key;
    const features = countries.flatMap((properties) => {
      const boundary = this.features.get(properties.iso3);
      return boundary ? [{ ...boundary, properties: { ...boundary.properties, ...properties } }] : [];
    });
    this.map.getSource<GeoJSONSource>(EMPHASIS_SOURCE_ID)?.setData({ type: 'FeatureCollection', features });
  }

  /** Declares the names to write on the map. */
  setLabels(labels: readonly MapLabel[]): void {
    this.wantedLabels = labels;
    this.scheduleLabels();
  }

  /**
   * Fits the camera to these countries: each one's label point with some room around it, and the whole of
   * any country small enough to frame (so a huge attendee such as Russia does not shrink the region to a dot).
   */
  frame(iso3s: readonly string[]): void {
    if (this.labelPoints.size === 0) {
      this.pendingFrame = iso3s;
      return;
    }
    this.pendingFrame = null;
    this.wantedFrame = iso3s;
    this.scheduleFlush();
  }

  private applyFrame(iso3s: readonly string[]): void {
    this.wantedFrame = null;
    const box = new LngLatBounds();
    for (const iso3 of iso3s) {
      const point = this.labelPoints.get(iso3);
      const bounds = this.bounds.get(iso3);
      if (!point || !bounds) continue;
      if (bounds[2] - bounds[0] < 20 && bounds[3] - bounds[1] < 14) box.extend([bounds[0], bounds[1], bounds[2], bounds[3]]);
      box.extend([point[0] - 3, point[1] - 2, point[0] + 3, point[1] + 2]);
    }
    if (box.isEmpty()) return;
    this.map.fitBounds(box, { padding: this.padding(), maxZoom: 5, duration: this.duration() });
  }

  /** Brings a country chosen from a list or a link into view when its label point is not visible. */
  private reveal(iso3: string): void {
    const point = this.labelPoints.get(iso3);
    if (!point) return;
    if (this.map.getBounds().contains(point)) return;
    const box = this.bounds.get(iso3)!;
    // The whole mainland, however large: centring Russia at the region's zoom showed only its interior, an
    // empty grey frame with no border in sight. Only a box wider than half the world is left to a pan.
    const whole = box[2] - box[0] <= 180;
    if (whole) this.map.fitBounds([box[0], box[1], box[2], box[3]], { padding: this.padding(), maxZoom: 5, duration: this.duration() });
    else this.map.easeTo({ center: point, duration: this.duration() });
  }

  /** The frame padding, shrunk on a small map so the padding never exceeds it. */
  private padding(): PaddingOptions {
    // The size as of the last resize: reading the container's now would force a layout of the whole page.
    const { width, height } = this.size;
    const scale = Math.min(1, width / 400, height / 300);
    return {
      top: FRAME_PADDING.top * scale,
      bottom: FRAME_PADDING.bottom * scale,
      left: FRAME_PADDING.left * scale,
      right: FRAME_PADDING.right * scale,
    };
  }

  private duration(): number {
    return matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 600;
  }

  private applyGestures = (): void => {
    if (this.phoneLayout.matches) this.map.cooperativeGestures.enable();
    else this.map.cooperativeGestures.disable();
  };

  /** Places the names at most once per frame, however many camera events arrive. */
  private scheduleLabels = (): void => {
    if (this.labelFrame !== 0) return;
    this.labelFrame = requestAnimationFrame(() => {
      this.labelFrame = 0;
      this.placeLabels();
    });
  };

  /**
   * Print: the WebGL canvas keeps no drawing buffer between frames (preserveDrawingBuffer stays off on the
   * live map), so it prints blank. Before printing, draw one frame synchronously, copy it with the names and
   * markers into a 2D canvas, and show that image in the print stylesheet's place of the live map.
   */
  private showPrintSnapshot = (): void => {
    this.removePrintSnapshot();
    const source = this.map.getCanvas();
    this.map.redraw();
    const snapshot = document.createElement('canvas');
    snapshot.width = source.width;
    snapshot.height = source.height;
    const context = snapshot.getContext('2d');
    if (!context) return;
    context.drawImage(source, 0, 0);
    const scale = source.width / (source.clientWidth || source.width);
    context.scale(scale, scale);
    const style = getComputedStyle(this.labelLayer.element);
    for (const marker of this.lastPlacement?.markers ?? []) {
      context.beginPath();
      context.arc(marker.x, marker.y, 5, 0, 2 * Math.PI);
      context.fillStyle = marker.fill;
      context.fill();
      context.lineWidth = 1.5;
      context.strokeStyle = '#1a1a1a';
      context.stroke();
    }
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    context.textBaseline = 'middle';
    context.lineJoin = 'round';
    for (const label of this.lastPlacement?.labels ?? []) {
      const x = label.rect.left + 2;
      const y = label.rect.top + label.rect.height / 2;
      context.lineWidth = 3;
      context.strokeStyle = '#ffffff';
      context.strokeText(label.text, x, y);
      context.fillStyle = '#1a1a1a';
      context.fillText(label.text, x, y);
    }
    const image = document.createElement('img');
    image.className = 'map-print';
    image.alt = '';
    image.src = snapshot.toDataURL('image/png');
    this.options.container.after(image);
  };

  private removePrintSnapshot = (): void => {
    this.options.container.parentElement?.querySelector(':scope > .map-print')?.remove();
  };

  /**
   * The label point, or, when it is outside the view but part of the country is in it (China's heart is east
   * of the region view), a point of the visible part that the map really draws as this country.
   */
  private visiblePoint(
    iso3: string,
    point: [number, number],
    northWest: { x: number; y: number },
    southEast: { x: number; y: number },
    width: number,
    height: number,
  ): [number, number] {
    const margin = 24;
    const [x, y] = point;
    if (x >= 0 && y >= 0 && x <= width && y <= height) return point;
    const left = Math.max(northWest.x, 0) + margin;
    const right = Math.min(southEast.x, width) - margin;
    const top = Math.max(northWest.y, 0) + margin;
    const bottom = Math.min(southEast.y, height) - margin;
    if (left > right || top > bottom) return point;
    const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
    const candidates: [number, number][] = [
      [clamp(x, left, right), clamp(y, top, bottom)],
      [(left + right) / 2, (top + bottom) / 2],
    ];
    for (const candidate of candidates) {
      const hits = this.map.queryRenderedFeatures(candidate, { layers: [FILL_LAYER_ID] });
      if (hits.some((hit) => hit.id === iso3)) return candidate;
    }
    return point;
  }

  private placeLabels(): void {
    if (this.labelPoints.size === 0) return;
    const container = this.map.getContainer();
    const width = container.clientWidth;
    const height = container.clientHeight;
    const requests = [];
    for (const label of this.wantedLabels) {
      const point = this.labelPoints.get(label.iso3);
      const bounds = this.bounds.get(label.iso3);
      if (!point || !bounds) continue;
      const at = this.map.project(point);
      const northWest = this.map.project([bounds[0], bounds[3]]);
      const southEast = this.map.project([bounds[2], bounds[1]]);
      requests.push({
        ...label,
        short: shortName(label.iso3, label.name),
        point: this.visiblePoint(label.iso3, [at.x, at.y], northWest, southEast, width, height),
        extent: { left: northWest.x, top: northWest.y, width: southEast.x - northWest.x, height: southEast.y - northWest.y },
      });
    }
    const origin = container.getBoundingClientRect();
    const obstacles: Rect[] = [...container.querySelectorAll('.maplibregl-ctrl')].map((control) => {
      const box = control.getBoundingClientRect();
      return { left: box.left - origin.left, top: box.top - origin.top, width: box.width, height: box.height };
    });
    this.lastPlacement = this.labelLayer.render(requests, width, height, obstacles);
  }

  /**
   * Marks for the performance report, from navigation: `map-interactive` when MapLibre is first idle with the
   * boundaries and the first highlights drawn (it answers clicks, pans and zooms: the moment the bare
   * MapLibre page of the benchmark marks `map-drawn`), `map-highlighted` when the names are on it too.
   */
  private markWhenHighlighted(): void {
    if (this.highlightMarked || !this.dataLoaded || this.applied.size === 0) return;
    this.highlightMarked = true;
    // The names are placed in the frame after 'idle' (scheduleLabels): the map is complete in the one after
    // that, when the first view's picture gives way to it (onDrawn) and the mark is set.
    this.map.once('idle', () => {
      performance.mark('map-interactive');
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          this.options.onDrawn?.();
          performance.mark('map-highlighted');
        }),
      );
    });
  }

  /** What the map shows now: west-south and east-north corners, and width ÷ height (for the images). */
  currentView(): { bounds: [[number, number], [number, number]]; aspect: number } {
    const bounds = this.map.getBounds();
    const { clientWidth: width, clientHeight: height } = this.map.getContainer();
    return {
      bounds: [
        [bounds.getWest(), bounds.getSouth()],
        [bounds.getEast(), bounds.getNorth()],
      ],
      aspect: width > 0 && height > 0 ? width / height : 1.5,
    };
  }

  frameRegion(): void {
    this.map.fitBounds(REGION_BOUNDS, { padding: REGION_PADDING, duration: this.duration() });
  }

  destroy(): void {
    cancelAnimationFrame(this.labelFrame);
    this.phoneLayout.removeEventListener('change', this.applyGestures);
    removeEventListener('beforeprint', this.showPrintSnapshot);
    removeEventListener('afterprint', this.removePrintSnapshot);
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
      labelPoint: (iso3) => this.labelPoints.get(iso3) ?? null,
      settled: () => !this.map.isMoving() && this.labelFrame === 0 && this.lastPlacement !== null,
      placement: () => this.lastPlacement,
      drawnIn: (layerId) => [...new Set(this.map.queryRenderedFeatures({ layers: [layerId] }).map((f) => String(f.id)))].sort(),
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
    if (id !== this.hovered) this.setHovered(id);
    if (id == null || !hit) this.options.onHover?.(null);
    else this.options.onHover?.({ iso3: id, name: String(hit.properties?.name ?? id), x: event.point.x, y: event.point.y });
  };

  private setHovered(id: string | null): void {
    this.hovered = id;
    const boundary = id == null ? undefined : this.features.get(id);
    this.map.getSource<GeoJSONSource>(HOVER_SOURCE_ID)?.setData({ type: 'FeatureCollection', features: boundary ? [boundary] : [] });
    this.map.getCanvas().style.cursor = id == null ? '' : 'pointer';
  }

  private handleLeave = () => {
    if (this.hovered != null) this.setHovered(null);
    this.options.onHover?.(null);
  };
}
