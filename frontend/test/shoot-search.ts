/**
 * `npx tsx frontend/test/shoot-search.ts [outDir]`: screenshots of the search results, a statement opened
 * by its permalink and its citation, at desktop (1280 px) and phone (375 px) width. Run `npm run build` first.
 */
import { startLocalStack } from '../../local/stack.ts';
import { launchChromium, waitForHighlightedMap } from './chromium.ts';

const outDir = process.argv[2] ?? '/tmp';
const stack = await startLocalStack({ port: 0, quiet: true });
const browser = await launchChromium();
try {
  for (const viewport of [
    { name: 'desktop', width: 1280, height: 800 },
    { name: 'phone', width: 375, height: 800 },
  ]) {
    const page = await browser.newPage({ viewport });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') console.log(`[${message.type()}]`, message.text());
    });
    page.on('pageerror', (error) => console.log('[pageerror]', error.message));
    await page.goto(`${stack.url}/`);
    await waitForHighlightedMap(page);
    const box = page.getByRole('combobox');
    await box.focus();
    await box.pressSequentially('sergei');
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.screenshot({ path: `${outDir}/search-${viewport.name}-sergei.png` });
    await box.fill('');
    await box.pressSequentially('bagram');
    await page.getByRole('option').first().waitFor();
    await page.screenshot({ path: `${outDir}/search-${viewport.name}-bagram.png` });

    await page.goto(`${stack.url}/?statement=muttaqi-2025-10-07-no-foreign-bases-bagram`);
    await waitForHighlightedMap(page);
    const statement = page.locator('.statement.highlighted');
    await statement.waitFor();
    await page.screenshot({ path: `${outDir}/statement-${viewport.name}-permalink.png` });
    await statement.getByText('Cite', { exact: true }).click();
    await statement.getByRole('button', { name: 'Copy the citation' }).click();
    await statement.locator('.cite').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${outDir}/statement-${viewport.name}-citation.png` });
    console.log(viewport.name, page.url());
    await page.close();
  }
} finally {
  await browser.close();
  await stack.close();
}
