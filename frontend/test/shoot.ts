/**
 * `npx tsx frontend/test/shoot.ts [outDir]`: starts the local stack on a free port, opens the page in
 * headless Chromium and saves screenshots of the default view, a selected meeting and an open country
 * panel (desktop and 375 px), printing the time from navigation to the highlighted map.
 * Run `npm run build` first.
 */
import type { Overview } from '../../data/schema/api.ts';
import { startLocalStack } from '../../local/stack.ts';
import { launchChromium, waitForHighlightedMap } from './chromium.ts';

const outDir = process.argv[2] ?? '/tmp';
const stack = await startLocalStack({ port: 0, quiet: true });
const browser = await launchChromium();
try {
  const overview = (await (await fetch(`${stack.url}/api/overview`)).json()) as Overview;
  const moscow2025 = overview.meetings.find((m) => m.startDate.startsWith('2025') && /moscow/i.test(m.id));
  console.log('meetings:', overview.meetings.map((m) => m.id).join(' '));

  for (const viewport of [
    { name: 'desktop', width: 1440, height: 900 },
    { name: 'mobile', width: 375, height: 800 },
  ]) {
    const page = await browser.newPage({ viewport });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') console.log(`[${message.type()}]`, message.text());
    });
    page.on('pageerror', (error) => console.log('[pageerror]', error.message));
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      await page.goto(`${stack.url}/`);
      times.push(await waitForHighlightedMap(page));
    }
    times.sort((a, b) => a - b);
    console.log(
      `${viewport.name} ${viewport.width}×${viewport.height}: navigation → highlighted map, 5 loads: ` +
        `${times.map((t) => t.toFixed(0)).join(', ')} ms (median ${times[2]!.toFixed(0)})`,
    );
    await page.screenshot({ path: `${outDir}/map-${viewport.name}-default.png` });

    // Kazan 2023 (the Gulf guests, a disputed attendance) and the stance layer on its own (the US and Asia).
    for (const [name, path] of [
      ['kazan-2023', '/?meeting=moscow-format-5-kazan-2023'],
      ['stance-only', '/?layer=stance'],
    ] as const) {
      await page.goto(`${stack.url}${path}`);
      await waitForHighlightedMap(page);
      await page.waitForFunction(() => (window as { __countryMap?: { settled: () => boolean } }).__countryMap?.settled() === true);
      await page.screenshot({ path: `${outDir}/map-${viewport.name}-${name}.png` });
    }

    if (moscow2025) {
      await page.goto(`${stack.url}/?meeting=${moscow2025.id}`);
      await waitForHighlightedMap(page);
      await page.waitForTimeout(500);
      await page.screenshot({ path: `${outDir}/map-${viewport.name}-meeting.png` });
      for (const layer of ['changes', 'stance']) {
        await page.goto(`${stack.url}/?meeting=${moscow2025.id}&layer=${layer}`);
        await waitForHighlightedMap(page);
        await page.waitForTimeout(300);
        await page.screenshot({ path: `${outDir}/map-${viewport.name}-${layer}.png` });
      }
      await page.goto(`${stack.url}/?meeting=${moscow2025.id}&country=RUS`);
      await waitForHighlightedMap(page);
      await page.waitForSelector('.statement');
      await page.waitForTimeout(500);
      await page.screenshot({ path: `${outDir}/map-${viewport.name}-country.png` });
      if (viewport.name === 'mobile') {
        await page.locator('#country-title').scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${outDir}/map-${viewport.name}-country-panel.png` });
      }
    }
    await page.close();
  }
} finally {
  await browser.close();
  await stack.close();
}
