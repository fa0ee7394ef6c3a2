/**
 * The first view, rendered at build time into index.html (see ./vite-plugin-first-view.ts): the page as the
 * app draws it for the plain URL, from the records through the read model's overview builder (so it is what
 * /api/overview serves), with the map as a picture drawn by the app's own SVG renderer (src/lib/map/svg-map.ts)
 * in MapLibre's frame and rasterized to an image file (./first-view-image.ts), and the map's names over it as
 * HTML, as the live map writes them. Links stand in for the buttons, so the page reads and navigates with
 * JavaScript off. The overview it was drawn from goes with it as JSON, for the app to start from.
 *
 * Loaded through Vite's SSR loader, which compiles the Svelte components for the server.
 */
import { render } from 'svelte/server';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import App from '../src/App.svelte';
import { AppState } from '../src/lib/state/app.svelte.ts';
import type { ApiClient } from '../src/lib/api/client.ts';
import { mercator, REGION_BOUNDS, REGION_PADDING, type Frame } from '../src/lib/map/frame.ts';
import { mapLabels } from '../src/lib/map/map-labels.ts';
import { renderSvgMap, estimateLabelSize, type CountryFeature } from '../src/lib/map/svg-map.ts';
import { rasterizeMap, type PictureFile } from './first-view-image.ts';
import { readDatasetFiles } from '../../data/load.ts';
import { catalogue } from '../../functions/read-model/catalogue.ts';
import { indexDataSet } from '../../functions/read-model/data-set.ts';
import type { Overview } from '../../data/schema/api.ts';

/** The picture's width in its own units; its height follows from the region's shape. */
const PICTURE_WIDTH = 1000;
/**
 * CSS pixels per picture unit on a typical wide screen's map (about 620 px wide): hatch and names are sized
 * for it, and the image has one pixel per CSS pixel there.
 */
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
 * What the picture draws beyond the region's box, in its units: a frame up to 1.6 times as tall as the region
 * (a phone's square map), or 1.4 times as wide, still shows land at its edges.
 */
function pictureClip(width: number, height: number) {
  return { left: -0.2 * width, top: -0.3 * height, right: 1.2 * width, bottom: 1.3 * height };
}

/**
 * The map picture and its names. The picture is laid out like MapLibre's `fitBounds(REGION_BOUNDS, { padding })`:
 * the region fills the frame inside the padding, centred, and what lies around it shows where the frame is
 * wider or taller. Each length is a number of picture units times `--unit` (CSS pixels per unit, from
 * container-query units), so the picture and the names over it keep their places at any size.
 *
 * The picture is a raster image, not the SVG it is drawn from: under software rendering the browser
 * rasterized the SVG's borders before its first paint (see ./first-view-image.ts for the figures).
 */
async function mapPicture(app: AppState, countries: readonly CountryFeature[], assetsUrl: string): Promise<{ html: string; files: PictureFile[] }> {
  const { width, height, frame } = pictureFrame();
  const unitsPerPixel = 1 / NOMINAL_PIXELS_PER_UNIT;
  const clip = pictureClip(width, height);
  const { content, placement } = renderSvgMap({
    countries,
    highlights: app.highlights,
    labels: mapLabels(app.highlights, app.view.layer, app.view.country, app.nameOf),
    width,
    height,
    frame,
    // What lies beyond the clip is not drawn: no frame shows it.
    clip,
    pixelsPerUnit: NOMINAL_PIXELS_PER_UNIT,
    measure: (text) => {
      const size = estimateLabelSize(text);
      return { width: size.width * unitsPerPixel, height: size.height * unitsPerPixel };
    },
    idPrefix: 'first-view',
  });
  const box = { x: clip.left, y: clip.top, width: clip.right - clip.left, height: clip.bottom - clip.top };
  const picture = await rasterizeMap(content, box, NOMINAL_PIXELS_PER_UNIT, assetsUrl);
  const neighbours = [...app.neighbours].map(app.nameOf).sort();
  const description = `Map: Afghanistan and its ${neighbours.length} bordering neighbours, ${neighbours.join(', ')}.`;
  // A length in picture units, as CSS.
  const units = (value: number) => `calc(${round(value)} * var(--unit))`;
  // The frame's centre is the region's centre (width / 2, height / 2 in picture units).
  const at = (x: number, y: number) => `left:calc(50cqw + ${round(x - width / 2)} * var(--unit));top:calc(50cqh + ${round(y - height / 2)} * var(--unit))`;
  // Each name centred where the live map puts it: its offset from the label point in CSS pixels.
  const names = placement.labels.map((label) => {
    const [px, py] = [label.rect.left + label.rect.width / 2, label.rect.top + label.rect.height / 2];
    return `<span class="map-label" data-iso3="${label.iso3}" style="${at(px, py)}">${label.text}</span>`;
  });
  const unit = `min((100cqw - ${2 * REGION_PADDING}px) / ${width}, (100cqh - ${2 * REGION_PADDING}px) / ${height})`;
  const html =
    `<div class="map-first-view" style="--unit:${unit}">` +
    `<picture><source srcset="${picture.modern.url}" type="${picture.modern.type}">` +
    // elementtiming: the benchmark reads when the picture was painted (bench/first-view.ts).
    `<img src="${picture.fallback.url}" alt="${description}" width="${picture.pixelWidth}" height="${picture.pixelHeight}" elementtiming="first-view-map" fetchpriority="high" ` +
    `style="${at(box.x, box.y)};width:${units(box.width)};height:${units(box.height)}"></picture>` +
    `<div class="map-labels" aria-hidden="true">${names.join('')}</div></div>`;
  return { html, files: [picture.modern.file, picture.fallback.file] };
}

/** The HTML that goes inside index.html's #app, and the image files it refers to. */
export async function renderFirstView(boundariesJson: string, assetsUrl: string): Promise<{ html: string; files: PictureFile[] }> {
  const overview = await buildOverview();
  const topology = JSON.parse(boundariesJson) as Topology<{ countries: GeometryCollection }>;
  const countries = (feature(topology, topology.objects.countries) as unknown as { features: CountryFeature[] }).features;

  const offline = new Proxy({} as ApiClient, {
    get: () => () => Promise.reject(new Error('No API at build time')),
  });
  const app = new AppState(offline, '');
  app.overview = overview;
  app.staticLinks = true;
  const picture = await mapPicture(app, countries, assetsUrl);
  app.firstViewMap = picture.html;
  // The overview goes with it (about 6 KiB gzip), so the app can take over at once without waiting for the
  // API; JSON, not script: `<` escaped so no text in it can end the element.
  const data = JSON.stringify(overview).replace(/</g, '\\u003c');
  const html = `${render(App, { props: { app } }).body}<script type="application/json" id="first-view-overview">${data}</script>`;
  return { html, files: picture.files };
}
