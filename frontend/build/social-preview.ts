/**
 * `npx tsx frontend/build/social-preview.ts`: makes frontend/public/social-preview.png, the picture a shared
 * link shows (index.html's Open Graph and Twitter tags), from the real page: the local stack, the default
 * view in headless Chromium, the map alone at 1200×630 (the size link previews use). Run after
 * `npm run build` when the map's look changes; the PNG is committed, so a build does not need Chromium.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { startLocalStack } from '../../local/stack.ts';
import { launchChromium, waitForHighlightedMap } from '../test/chromium.ts';

/**
 * The map is a few flat fills; its anti-aliased edges and hatch make the PNG large. Reduced to a palette of
 * `count` colours (sharp, with libimagequant) it compresses to a fraction and looks the same at preview size.
 */
function fewerColours(png: Buffer, count: number): Promise<Buffer> {
  return sharp(png).png({ palette: true, colours: count, dither: 0, compressionLevel: 9, effort: 10 }).toBuffer();
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
  const png = await fewerColours(shot, 16);
  writeFileSync(output, png);
  process.stdout.write(`${output}: ${(shot.length / 1024).toFixed(0)} KiB as shot, ${(png.length / 1024).toFixed(0)} KiB written\n`);
} finally {
  await browser.close();
  await stack.close();
}
