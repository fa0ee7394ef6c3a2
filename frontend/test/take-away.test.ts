/**
 * What a reader takes away, in headless Chromium against the local stack (production CSP): search with the
 * keyboard alone, a statement's permalink (first load, back and forward, unknown ids), its citation copied
 * to the clipboard, and the Atom feeds linked from the page. Needs a build and Chromium.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchIndex, StatementView } from '../../data/schema/api.ts';
import { axeViolations, chromiumSuite, skipBrowserSuite } from './chromium.ts';

describe.skipIf(skipBrowserSuite)('search, permalinks, citations and feeds in headless Chromium', () => {
  const suite = chromiumSuite();
  let index: SearchIndex;

  beforeAll(async () => {
    index = (await (await fetch(`${suite.url}/api/search-index`)).json()) as SearchIndex;
  });

  const open = (path: string, viewport = { width: 1280, height: 800 }) =>
    suite.open(path, { viewport, permissions: ['clipboard-read', 'clipboard-write'] });

  /** Tabs from the top of the page to the search box: the keyboard alone. */
  async function tabToSearch(page: Page): Promise<void> {
    for (let step = 0; step < 10; step++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.getAttribute('aria-autocomplete') === 'list')) return;
    }
    throw new Error('the search box is not reachable with Tab');
  }

  const activeOption = (page: Page) =>
    page.evaluate(() => {
      const box = document.activeElement;
      const id = box?.getAttribute('aria-activedescendant');
      return id ? (document.getElementById(id)?.innerText ?? null) : null;
    });

  const focusedStatement = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-statement') ?? null);

  const lavrovStatement = () => index.entries.find((entry) => entry.kind === 'statement' && entry.label === 'Sergey Lavrov')!;

  it('finds "Sergei Lavrov" (and "Sergey") with the keyboard alone and opens his country', async () => {
    const { page, errors } = await open('/');
    await tabToSearch(page);
    await page.keyboard.type('Sergei Lavrov');
    const box = page.getByRole('combobox', { name: /^Search/ });
    await expect.poll(() => box.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('option').first().waitFor();
    expect(await page.getByRole('group', { name: 'People' }).getByRole('option').first().innerText()).toContain('Sergey Lavrov');
    await page.keyboard.press('ArrowDown');
    expect(await activeOption(page)).toContain('Sergey Lavrov');
    expect(await activeOption(page)).toContain('Foreign Minister of Russia');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await page.locator('#country-title', { hasText: 'Russia' }).waitFor();
    expect(page.url()).toContain('country=RUS');
    expect(await box.getAttribute('aria-expanded')).toBe('false');

    await box.fill('');
    await box.focus();
    await page.keyboard.type('Sergey');
    await page.getByRole('option').first().waitFor();
    expect(await page.getByRole('group', { name: 'People' }).innerText()).toContain('Sergey Lavrov');
    // Esc closes the list, and only the list: the open panel stays.
    await page.keyboard.press('Escape');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#country-title').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('finds "Bagram" in the words of statements and opens the statement, highlighted and focused', async () => {
    const { page, errors } = await open('/');
    await tabToSearch(page);
    await page.keyboard.type('Bagram');
    const group = page.getByRole('group', { name: 'Words in statements' });
    await group.getByRole('option').first().waitFor();
    expect(await group.getByRole('option').count()).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('ArrowDown');
    expect(await activeOption(page)).toMatch(/Bagram/);
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('statement')).not.toBeNull();
    const id = new URL(page.url()).searchParams.get('statement')!;
    const highlighted = page.locator('.statement.highlighted');
    await highlighted.waitFor();
    expect(await highlighted.getAttribute('data-statement')).toBe(id);
    await expect.poll(() => focusedStatement(page)).toBe(id);
    expect(index.entries.find((entry) => entry.id === id)?.text).toMatch(/Bagram/);
    expect(errors).toEqual([]);
  });

  it('?statement= opens the statement in its actor\'s panel, scrolled into view, highlighted and focused; back and forward too', async () => {
    const statement = lavrovStatement();
    const { page, errors } = await open(`/?statement=${statement.id}`);
    const highlighted = page.locator('.statement.highlighted');
    await highlighted.waitFor();
    expect(await highlighted.getAttribute('data-statement')).toBe(statement.id);
    expect(await page.locator('#country-title').innerText()).toContain('Russia');
    await expect.poll(() => focusedStatement(page)).toBe(statement.id);
    expect(await highlighted.isVisible()).toBe(true);
    expect(await highlighted.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return box.top < window.innerHeight && box.bottom > 0;
    })).toBe(true);
    await expect.poll(() => page.url()).toContain(`country=RUS&statement=${statement.id}`);

    // Another view, then back to the statement, then forward again.
    await page.getByRole('button', { name: /^Close Russia/ }).click();
    await expect.poll(() => page.locator('#country-title').count()).toBe(0);
    await page.goBack();
    await page.locator('.statement.highlighted').waitFor();
    await expect.poll(() => focusedStatement(page)).toBe(statement.id);
    await page.goForward();
    await expect.poll(() => page.locator('.statement.highlighted').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('"Cite" gives the original URL, the data version and today; Copy puts it on the clipboard and says so', async () => {
    const statement = lavrovStatement();
    const detail = (await (await fetch(`${suite.url}/api/countries/RUS`)).json()) as { statements: StatementView[] };
    const view = detail.statements.find((s) => s.id === statement.id)!;
    const { page, errors } = await open(`/?statement=${statement.id}`);
    const article = page.locator('.statement.highlighted');
    await article.waitFor();
    await article.locator('summary', { hasText: /^Cite$/ }).click();
    const text = await article.getByLabel('Plain text').inputValue();
    expect(text).toContain(view.quoteSource.url);
    expect(text).toContain(view.quoteSource.publisher);
    expect(text).toContain(suite.overview.dataVersion);
    expect(text).toContain(`/?statement=${statement.id}`);
    const bibtex = await article.getByLabel('BibTeX').inputValue();
    expect(bibtex).toContain(`url = {${view.quoteSource.url}}`);
    expect(bibtex).toContain(suite.overview.dataVersion);
    await article.getByRole('button', { name: 'Copy the citation' }).click();
    await expect.poll(() => article.getByRole('status').last().innerText()).toBe('The citation is copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

    await article.getByRole('button', { name: 'Copy the link to this statement' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${suite.url}/?statement=${statement.id}`);
    expect(await axeViolations(page)).toEqual([]);

    // The view as a whole: its URL and the data version.
    await page.locator('summary', { hasText: 'Cite this view' }).click();
    const viewText = await page.locator('.header-tools').getByLabel('Plain text').inputValue();
    expect(viewText).toContain(page.url());
    expect(viewText).toContain(suite.overview.dataVersion);
    expect(errors).toEqual([]);
  });

  it('an unknown statement id gets the not-found notice; the rest of the link opens', async () => {
    const { page, errors } = await open('/?statement=no-such-statement&layer=stance');
    const notice = page.locator('.notice');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('no statement “no-such-statement”');
    await expect.poll(() => page.url()).not.toContain('statement=');
    expect(page.url()).toContain('layer=stance');
    expect(errors).toEqual([]);
  });

  it('links the feeds: the whole record in the head, a country from its panel, a topic from the stance table', async () => {
    const { page, errors } = await open('/?country=RUS&layer=stance');
    expect(await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href')).toBe('/api/feeds/statements.atom');
    const follow = page.getByRole('link', { name: "Follow Russia's statements" });
    await follow.waitFor();
    const hrefs = [
      '/api/feeds/statements.atom',
      (await follow.getAttribute('href'))!,
      (await page.getByRole('link', { name: /^Follow statements on/ }).getAttribute('href'))!,
    ];
    for (const href of hrefs) {
      const response = await fetch(`${suite.url}${href}`);
      expect(response.status, href).toBe(200);
      expect(response.headers.get('content-type'), href).toBe('application/atom+xml; charset=utf-8');
    }
    expect(errors).toEqual([]);
  });
});
