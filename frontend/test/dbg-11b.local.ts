import { startLocalStack } from '../../local/stack.ts';
import { launchChromium, waitForHighlightedMap } from './chromium.ts';
const stack = await startLocalStack({ port: 0, quiet: true });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
  await page.goto(`${stack.url}/?layer=stance`);
  await waitForHighlightedMap(page);
  await page.waitForTimeout(1000);
  console.log(await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 380).slice(0, 12).map((e) => `${e.tagName}.${e.className} ${getComputedStyle(e).position} right=${e.getBoundingClientRect().right}`).join('\n')));
} finally { await browser.close(); await stack.close(); }
