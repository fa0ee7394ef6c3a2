/**
 * The first view, rendered at build time into index.html (see ./vite-plugin-first-view.ts): the page as the
 * app draws it for the plain URL, from the records through the read model's overview builder (so it is what
 * /api/overview serves), with the map as an SVG picture drawn by the app's own renderer
 * (src/lib/map/svg-map.ts) in MapLibre's frame, and the map's names as the live map writes them. Links
 * stand in for the buttons, so the page reads and navigates with JavaScript off. The overview it was drawn
 * from goes with it as JSON, for the app to start from.
 *
 * Loaded through Vite's SSR loader, which compiles the Svelte components for the server.
 */
import { render } from 'svelte/server';
import { feature } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import App from '../src/App.svelte';
import { AppState } from '../src/lib/state/app.svelte.ts';
import type { ApiClient } from '../src/lib/api/client.ts';
import { mercator, REGION_BOUNDS, REGION_PADDING, type Frame } from '../src/lib/map/frame.ts';
import { mapLabels } from '../src/lib/map/map-labels.ts';
import { renderSvgMap, estimateLabelSize, type CountryFeature } from '../src/lib/map/svg-map.ts';
import { readDatasetFiles } from '../../data/load.ts';
import { catalogue } from '../../functions/read-model/catalogue.ts';
import { indexDataSet } from '../../functions/read-model/data-set.ts';
import type { Overview } from '../../data/schema/api.ts';

/** The picture's width in its own units; its height follows from the region's shape. */
const PICTURE_WIDTH = 1000;
/** CSS pixels per picture unit on a typical wide screen's map (about 620 px wide): hatch and names are sized for it. */
const NOMINAL_PIXELS_PER_UNIT = 0.62;

/** What /api/overview serves: the catalogue's builder, parsed by its contract as the seed does. */
export async function buildOverview(): Promise<Overview> {
  const entry = catalogue.getOverview;
  const [built] = entry.build(indexDataSet(await readDatasetFiles()));
  if (!built) throw new Error('The read model built no overview');
  return (entry.schema ? entry.schema.parse(built.document) : built.document) as Overview;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** The picture's size in its units and the frame that puts lng/lat on it: MapLibre's region view. */
function pictureFrame(): { width: number; height: number; frame: Frame } {
  const [x0, y0] = mercator(REGION_BOUNDS[0][0], REGION_BOUNDS[1][1]);
  const [x1, y1] = mercator(REGION_BOUNDS[1][0], REGION_BOUNDS[0][1]);
  const scale = PICTURE_WIDTH / (x1 - x0);
  return { width: PICTURE_WIDTH, height: Math.round((y1 - y0) * scale), frame: { scale, offsetX: -x0 * scale, offsetY: -y0 * scale } };
}

/**
 * Smallest triangle (in square picture units) a border point must make with its neighbours to stay: a picture
 * unit is under a CSS pixel on a wide screen's map, so the borders keep their shape to a pixel or two, and the
 * live map drawing them in full a second later moves no border visibly. Fewer points matter beyond bytes: the
 * browser rasterizes every vertex of the picture before its first paint; measured on the benchmark machine
 * (software rendering, phone viewport), the full-detail picture cost the GPU process 0.9 s of CPU and this one
 * about 0.6 s (no picture: 0.25 s).
 */
const MIN_TRIANGLE_UNITS = 4;

/** The boundary topology simplified for the picture's scale; shared borders stay shared (topojson-simplify). */
function simplifiedForPicture(topology: Topology<{ countries: GeometryCollection }>, frame: Frame) {
  // Planar areas in degrees²: one degree of longitude is scale / 360 picture units.
  const unitsPerDegree = frame.scale / 360;
  return simplify(presimplify(topology), MIN_TRIANGLE_UNITS / unitsPerDegree ** 2) as Topology<{ countries: GeometryCollection }>;
}

/**
 * The map picture and its names. The SVG is laid out like MapLibre's `fitBounds(REGION_BOUNDS, { padding })`:
 * the region fills the frame inside the padding, centred (`meet`), and what lies around it shows where the
 * frame is wider or taller. The names are HTML over it, as on the live map, placed with container-query
 * units so each sits on its label point at any size.
 */
function mapPicture(app: AppState, countries: readonly CountryFeature[]): string {
  const { width, height, frame } = pictureFrame();
  const unitsPerPixel = 1 / NOMINAL_PIXELS_PER_UNIT;
  const { content, placement } = renderSvgMap({
    countries,
    highlights: app.highlights,
    labels: mapLabels(app.highlights, app.view.layer, app.view.country, app.nameOf),
    width,
    height,
    frame,
    // A frame up to 1.6 times as tall as the region (a phone's square map), or 1.4 times as wide, still shows
    // land at its edges; what lies further out is not drawn, since the browser rasterizes it all the same.
    clip: { left: -0.2 * width, top: -0.3 * height, right: 1.2 * width, bottom: 1.3 * height },
    pixelsPerUnit: NOMINAL_PIXELS_PER_UNIT,
    measure: (text) => {
      const size = estimateLabelSize(text);
      return { width: size.width * unitsPerPixel, height: size.height * unitsPerPixel };
    },
    idPrefix: 'first-view',
  });
  const neighbours = [...app.neighbours].map(app.nameOf).sort();
  const description = `Map: Afghanistan and its ${neighbours.length} bordering neighbours, ${neighbours.join(', ')}.`;
  // Each name centred where the live map puts it: its offset from the label point in CSS pixels.
  const names = placement.labels.map((label) => {
    const [px, py] = [label.rect.left + label.rect.width / 2, label.rect.top + label.rect.height / 2];
    return (
      `<span class="map-label" data-iso3="${label.iso3}" style="left:calc(50cqw + ${round(px - width / 2)} * var(--unit));` +
      `top:calc(50cqh + ${round(py - height / 2)} * var(--unit))">${label.text}</span>`
    );
  });
  const unit = `min((100cqw - ${2 * REGION_PADDING}px) / ${width}, (100cqh - ${2 * REGION_PADDING}px) / ${height})`;
  return (
    `<div class="map-first-view" style="--unit:${unit}">` +
    `<svg viewBox="0 0 ${width} ${height}" preserveAspectRatio="xMidYMid meet" role="img" aria-label="${description}">${content}</svg>` +
    `<div class="map-labels" aria-hidden="true">${names.join('')}</div></div>`
  );
}

/** The HTML that goes inside index.html's #app. */
export async function renderFirstView(boundariesJson: string): Promise<string> {
  const overview = await buildOverview();
  const topology = simplifiedForPicture(JSON.parse(boundariesJson) as Topology<{ countries: GeometryCollection }>, pictureFrame().frame);
  const countries = (feature(topology, topology.objects.countries) as unknown as { features: CountryFeature[] }).features;

  const offline = new Proxy({} as ApiClient, {
    get: () => () => Promise.reject(new Error('No API at build time')),
  });
  const app = new AppState(offline, '');
  app.overview = overview;
  app.staticLinks = true;
  app.firstViewMap = mapPicture(app, countries);
  // The overview goes with it (about 6 KiB gzip), so the app can take over at once without waiting for the
  // API; JSON, not script: `<` escaped so no text in it can end the element.
  const data = JSON.stringify(overview).replace(/</g, '\\u003c');
  return `${render(App, { props: { app } }).body}<script type="application/json" id="first-view-overview">${data}</script>`;
}
