import { startLocalStack } from '../../local/stack.ts';
import { launchChromium } from './chromium.ts';
const stack = await startLocalStack({ port: 0, quiet: true });
const browser = await launchChromium();
for (let i = 0; i < 2; i++) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${stack.url}/`);
  await page.waitForFunction(() => performance.getEntriesByName('map-highlighted').length > 0, null, { timeout: 30000 });
  const t = await page.evaluate(() => {
    const marks = performance.getEntriesByType('mark');
    const renders = marks.filter((m) => m.name === 'dbg-render').map((m) => m.startTime.toFixed(0));
    return { marks: marks.filter((m) => m.name !== 'dbg-render').map((m) => `${m.name} ${m.startTime.toFixed(0)}`), renders: renders.join(' ') };
  });
  console.log(JSON.stringify(t));
  await page.close();
}
await browser.close();
await stack.close();
