/**
 * The first view's map as an image file (./first-view.ts): the SVG drawn by the app's own renderer, rasterized
 * at build time by sharp (libvips with librsvg), as AVIF with a WebP fallback for browsers without AVIF.
 *
 * Why an image: a browser rasterizes an inline SVG's every border before the first paint. Where the GPU is
 * emulated on the CPU (the benchmark machine: SwiftShader) that took most of a second for the first view; an
 * image of the same picture is decoded off the main thread and shown in the first frame. Measured on the
 * benchmark machine (medians of five paired loads, three pairs): first contentful paint 1.29–1.72 s with the
 * SVG, 0.52–0.73 s with an image.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';

/** An image file the page loads, named by its content. */
export interface PictureFile {
  /** The file name under the assets directory. */
  fileName: string;
  source: Uint8Array;
}

export interface MapImage {
  /** The AVIF (every current browser) and the WebP (Safari before 16.4), each with its URL. */
  modern: { file: PictureFile; url: string; type: 'image/avif' };
  fallback: { file: PictureFile; url: string; type: 'image/webp' };
  pixelWidth: number;
  pixelHeight: number;
}

/*
 * Quality of the lossy encodings: the map is a few flat fills, so block noise shows only along the borders and
 * in the hatch, and the live map replaces the picture once it has drawn. About 16 KiB of AVIF for the whole
 * picture, inside the first load's budget (bench/budgets.json). Full chroma: with 4:2:0 the orange of
 * Afghanistan bled into the hatch along its borders.
 */
const AVIF = { quality: 38, effort: 4, chromaSubsampling: '4:4:4' } as const;
const WEBP = { quality: 40, effort: 6 } as const;

function named(stem: string, extension: string, source: Uint8Array): PictureFile {
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 10);
  return { fileName: `${stem}-${hash}.${extension}`, source };
}

/**
 * Rasterizes SVG `content` (the renderer's output, no <svg> element) over `box` in picture units, at
 * `pixelsPerUnit` image pixels per unit. `assetsUrl` is where the files are served from, ending in '/'.
 */
export async function rasterizeMap(
  content: string,
  box: { x: number; y: number; width: number; height: number },
  pixelsPerUnit: number,
  assetsUrl: string,
): Promise<MapImage> {
  const pixelWidth = Math.round(box.width * pixelsPerUnit);
  const pixelHeight = Math.round(box.height * pixelsPerUnit);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${pixelWidth}" height="${pixelHeight}" ` +
    `viewBox="${box.x} ${box.y} ${box.width} ${box.height}" preserveAspectRatio="none">${content}</svg>`;
  const image = sharp(Buffer.from(svg));
  const [avif, webp] = await Promise.all([image.clone().avif(AVIF).toBuffer(), image.clone().webp(WEBP).toBuffer()]);
  const modern = named('first-view-map', 'avif', avif);
  const fallback = named('first-view-map', 'webp', webp);
  return {
    modern: { file: modern, url: assetsUrl + modern.fileName, type: 'image/avif' },
    fallback: { file: fallback, url: assetsUrl + fallback.fileName, type: 'image/webp' },
    pixelWidth,
    pixelHeight,
  };
}
