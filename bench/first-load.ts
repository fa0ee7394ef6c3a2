/**
 * Bytes on first load, by kind, compressed as a CDN would send them (node:zlib at its default levels: gzip
 * level 6, brotli quality 11). Two ways to get the files:
 * - `recordFirstLoad`: what headless Chromium actually requests on a cold load of the page (the report);
 * - `distFirstLoad`: every file of frontend/dist plus the body of the page's first API request (/api/health), no browser (the budgets
 *   test: deterministic); Vite's build manifest tells which chunks a first load runs and which wait for a reader's request.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { formatTable, kib } from './stats.ts';

/** What `npm run build` writes. */
export const distDir = fileURLToPath(new URL('../frontend/dist/', import.meta.url));

const kinds = ['html', 'js-ours', 'css-ours', 'boundaries', 'picture', 'api-first', 'js-maplibre', 'css-maplibre', 'worker-maplibre', 'api-other', 'downloads', 'lazy-ours', 'picture-fallback', 'other'] as const;
type Kind = (typeof kinds)[number];

/** The part of the first load that is ours to keep small (the budget): everything but MapLibre. The HTML carries the first view; its map picture is an image of its own. */
const oursKinds: readonly Kind[] = ['html', 'js-ours', 'css-ours', 'boundaries', 'picture', 'api-first'];

/** By URL path: Vite names MapLibre's chunk, stylesheet and worker after it (frontend/vite.config.ts). */
function kindOf(urlPath: string): Kind {
  const file = urlPath.split('/').pop() ?? '';
  if (urlPath === '/' || file.endsWith('.html')) return 'html';
  // The one API request of a first load: the health check of a built page (its overview is in the HTML),
  // or the overview itself where the page has none embedded (Vite's dev server).
  if (urlPath === '/api/overview' || urlPath === '/api/health') return 'api-first';
  if (urlPath.startsWith('/api/')) return 'api-other';
  if (/^maplibre-gl-worker[-.]/.test(file)) return 'worker-maplibre';
  if (/^countries-[\w-]+\.json$/.test(file)) return 'boundaries';
  // The first view's map picture (frontend/build/first-view-image.ts): AVIF, or WebP for a browser without AVIF.
  if (/^first-view-map-\w+\.avif$/.test(file)) return 'picture';
  if (/^first-view-map-\w+\.webp$/.test(file)) return 'picture-fallback';
  // Files a reader asks for with a download link (the data set ZIP, the boundaries GeoJSON): never on first load.
  if (/\.(zip|geojson)$/.test(file)) return 'downloads';
  const mapLibre = file.startsWith('maplibre');
  if (/\.m?js$/.test(file)) return mapLibre ? 'js-maplibre' : 'js-ours';
  if (file.endsWith('.css')) return mapLibre ? 'css-maplibre' : 'css-ours';
  return 'other';
}

interface FileSize {
  readonly path: string;
  readonly kind: Kind;
  readonly raw: number;
  readonly gzip: number;
  readonly brotli: number;
}

function sizeOf(urlPath: string, body: Buffer): FileSize {
  return { path: urlPath, kind: kindOf(urlPath), raw: body.length, gzip: gzipSync(body).length, brotli: brotliCompressSync(body).length };
}

export interface FirstLoad {
  readonly files: readonly FileSize[];
  readonly byKind: Readonly<Record<Kind, { raw: number; gzip: number; brotli: number; files: number }>>;
  /** html + js-ours + css-ours + boundaries + api-first. */
  readonly ours: { raw: number; gzip: number; brotli: number };
  readonly total: { raw: number; gzip: number; brotli: number };
}

function summariseFirstLoad(files: readonly FileSize[]): FirstLoad {
  const zero = () => ({ raw: 0, gzip: 0, brotli: 0, files: 0 });
  const byKind = Object.fromEntries(kinds.map((kind) => [kind, zero()])) as Record<Kind, ReturnType<typeof zero>>;
  const ours = { raw: 0, gzip: 0, brotli: 0 };
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const sums = [byKind[file.kind], total, ...(oursKinds.includes(file.kind) ? [ours] : [])];
    for (const sum of sums) {
      sum.raw += file.raw;
      sum.gzip += file.gzip;
      sum.brotli += file.brotli;
    }
    byKind[file.kind].files += 1;
  }
  return { files, byKind, ours, total };
}

/** Vite's build manifest (frontend/vite.config.ts `build.manifest`): what each chunk imports. */
type Manifest = Record<string, { file: string; imports?: string[]; css?: string[] }>;

/**
 * The modules every first load runs: the page's entry, and the live map, which the entry imports as soon as
 * it has started (MapView) so that MapLibre stays off the critical path, but on every load all the same.
 */
export const firstLoadModules = ['index.html', 'src/lib/map/CountryMap.ts'] as const;

/** The files of `modules` and everything they import, with their stylesheets, as `/assets/…` paths. */
function filesLoaded(manifest: Manifest, modules: readonly string[]): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) return;
    seen.add(key);
    for (const file of [chunk.file, ...(chunk.css ?? [])]) files.add(`/${file}`);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of modules) {
    if (!manifest[key]) throw new Error(`${key} is not in the build manifest: has the page's entry or the map module moved?`);
    visit(key);
  }
  return files;
}

/** Every file the build wrote (but the favicon, fetched after load), and the body of the page's first API request. */
export async function distFirstLoad(distDir: string, firstApiRequest: { path: string; body: Buffer }): Promise<FirstLoad> {
  const html = await readFile(path.join(distDir, 'index.html'));
  const manifest = JSON.parse(await readFile(path.join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const files: FileSize[] = [sizeOf('/index.html', html)];
  // What the entry and the map load is the first load; our other chunks are imported on demand (the matrix,
  // the about page, search, CSV, map images).
  const loaded = filesLoaded(manifest, firstLoadModules);
  for (const name of (await readdir(path.join(distDir, 'assets'))).sort()) {
    const file = sizeOf(`/assets/${name}`, await readFile(path.join(distDir, 'assets', name)));
    const onDemand = (file.kind === 'js-ours' || file.kind === 'css-ours') && !loaded.has(file.path);
    files.push(onDemand ? { ...file, kind: 'lazy-ours' } : file);
  }
  files.push(sizeOf(firstApiRequest.path, firstApiRequest.body));
  return summariseFirstLoad(files);
}

/** A cold load in a fresh browser context: every response body until the page's readiness mark. */
export async function recordFirstLoad(
  browser: Browser,
  url: string,
  { viewport = { width: 1280, height: 800 }, readyMark = 'map-highlighted' } = {},
): Promise<FirstLoad> {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    const bodies = new Map<string, Promise<Buffer | null>>();
    // Dedicated workers' requests (MapLibre's worker script) are reported on the context too.
    context.on('response', (response) => {
      const { pathname } = new URL(response.url());
      if (!bodies.has(pathname) && response.status() < 300) bodies.set(pathname, response.body().catch(() => null));
    });
    await page.goto(url);
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, readyMark, { timeout: 60_000 });
    const files: FileSize[] = [];
    for (const [pathname, body] of bodies) {
      const buffer = await body;
      if (buffer !== null) files.push(sizeOf(pathname, buffer));
    }
    return summariseFirstLoad(files);
  } finally {
    await context.close();
  }
}

export function formatFirstLoadTable(load: FirstLoad): string {
  const rows: (string | number)[][] = kinds
    .filter((kind) => load.byKind[kind].files > 0)
    .map((kind) => {
      const sums = load.byKind[kind];
      return [kind, sums.files, kib(sums.raw), kib(sums.gzip), kib(sums.brotli)];
    });
  rows.push(['ours (html+js+css+boundaries+picture+overview)', '', kib(load.ours.raw), kib(load.ours.gzip), kib(load.ours.brotli)]);
  rows.push(['total', load.files.length, kib(load.total.raw), kib(load.total.gzip), kib(load.total.brotli)]);
  return formatTable(['kind', 'files', 'KiB', 'KiB gzip', 'KiB br'], rows);
}
