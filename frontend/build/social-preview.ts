/**
 * `npx tsx frontend/build/social-preview.ts`: makes frontend/public/social-preview.png, the picture a shared
 * link shows (index.html's Open Graph and Twitter tags), from the real page: the local stack, the default
 * view in headless Chromium, the map alone at 1200×630 (the size link previews use). Run after
 * `npm run build` when the map's look changes; the PNG is committed, so a build does not need Chromium.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { startLocalStack } from '../../local/stack.ts';
import { launchChromium, waitForHighlightedMap } from '../test/chromium.ts';

/**
 * The map is a few flat fills; its anti-aliased edges and hatch make the PNG large. Every pixel snapped to
 * the nearest of the image's `count` most common colours compresses to a fraction, and looks the same at
 * preview size. Done in the browser's canvas, so no image library is needed.
 */
async function fewerColours(page: Page, png: Buffer, count: number): Promise<Buffer> {
  const dataUrl = await page.evaluate(
    async ({ source, count }) => {
      const image = new Image();
      image.src = source;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
      const data = pixels.data;
      const frequency = new Map<number, number>();
      for (let i = 0; i < data.length; i += 4) {
        const rgb = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
        frequency.set(rgb, (frequency.get(rgb) ?? 0) + 1);
      }
      const palette = [...frequency.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, count)
        .map(([rgb]) => [(rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255] as const);
      const nearest = new Map<number, readonly [number, number, number]>();
      for (let i = 0; i < data.length; i += 4) {
        const rgb = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
        let colour = nearest.get(rgb);
        if (colour === undefined) {
          let best = Infinity;
          for (const candidate of palette) {
            const distance = (candidate[0] - data[i]!) ** 2 + (candidate[1] - data[i + 1]!) ** 2 + (candidate[2] - data[i + 2]!) ** 2;
            if (distance < best) [best, colour] = [distance, candidate];
          }
          nearest.set(rgb, colour!);
        }
        [data[i], data[i + 1], data[i + 2], data[i + 3]] = [colour![0], colour![1], colour![2], 255];
      }
      context.putImageData(pixels, 0, 0);
      return canvas.toDataURL('image/png');
    },
    { source: `data:image/png;base64,${png.toString('base64')}`, count },
  );
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

const output = fileURLToPath(new URL('../public/social-preview.png', import.meta.url));
const stack = await startLocalStack({ port: 0, quiet: true });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
  await page.goto(`${stack.url}/`);
  // The map over the whole viewport: it fits its region to the new size like any resize.
  await page.addStyleTag({ content: '.map-frame { position: fixed; inset: 0; z-index: 1000; }' });
  await waitForHighlightedMap(page);
  await page.waitForFunction(() => (window as { __countryMap?: { settled: () => boolean } }).__countryMap?.settled() === true);
  // The controls are for visitors, not for a picture.
  await page.addStyleTag({ content: '.maplibregl-control-container { display: none; }' });
  const shot = await page.screenshot({ clip: { x: 0, y: 0, width: 1200, height: 630 } });
  const png = await fewerColours(page, shot, 16);
  writeFileSync(output, png);
  process.stdout.write(`${output}: ${(shot.length / 1024).toFixed(0)} KiB as shot, ${(png.length / 1024).toFixed(0)} KiB written\n`);
} finally {
  await browser.close();
  await stack.close();
}
