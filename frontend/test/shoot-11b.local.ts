import { startLocalStack } from '../../local/stack.ts';
import { launchChromium, waitForHighlightedMap } from './chromium.ts';
const out = '/tmp/shots11b';
const stack = await startLocalStack({ port: 0, quiet: true });
const browser = await launchChromium();
try {
  for (const vp of [{ name: 'desktop', width: 1280, height: 800 }, { name: 'phone', width: 375, height: 800 }]) {
    const page = await browser.newPage({ viewport: vp });
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log(`[${vp.name} ${m.type()}]`, m.text()); });
    page.on('pageerror', (e) => console.log('[pageerror]', e.message));
    const shots: [string, string, string?][] = [
      ['russia', '/?country=RUS', '#country-title'],
      ['attendees', '/?meeting=moscow-format-5-kazan-2023', '.layer-table'],
      ['stance', '/?layer=stance', '.layer-table'],
      ['stance-asof', '/?meeting=moscow-format-4-moscow-2022&layer=stance', '.layer-table'],
      ['notfound', '/?country=ZZZ&org=nope&meeting=x', '.notice'],
    ];
    for (const [name, path, sel] of shots) {
      await page.goto(`${stack.url}${path}`);
      await waitForHighlightedMap(page);
      await page.waitForTimeout(1200);
      await page.screenshot({ path: `${out}/${vp.name}-${name}.png` });
      if (sel) {
        const el = page.locator(sel).first();
        if (await el.count()) {
          await el.evaluate((e) => e.scrollIntoView({ block: 'start' }));
          await page.waitForTimeout(300);
          await page.screenshot({ path: `${out}/${vp.name}-${name}-at.png` });
          if (vp.name === 'phone') {
            await page.evaluate(() => window.scrollBy(0, 760));
            await page.screenshot({ path: `${out}/${vp.name}-${name}-at2.png` });
          }
        }
      }
      console.log('scrollWidth', await page.evaluate(() => document.documentElement.scrollWidth), 'height', await page.evaluate(() => document.documentElement.scrollHeight));
      const text = await page.locator(name === 'russia' ? 'section[aria-labelledby="country-title"]' : name === 'notfound' ? '.details' : '.layer-table').first().innerText().catch(() => '(none)');
      console.log(`==== ${vp.name} ${name}\n${text.slice(0, 3000)}`);
    }
    await page.close();
  }
} finally { await browser.close(); await stack.close(); }
