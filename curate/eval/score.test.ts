import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDatasetFiles } from '../../data/load.ts';
import type { Draft } from '../../data/schema/draft.ts';
import { draftEvalSet, formatReport, readEvalSet, scoreDrafts, type EvalArticle, type Figures } from './score.ts';

let articles: EvalArticle[];
let drafts: Draft[];
beforeAll(async () => {
  articles = await readEvalSet();
  drafts = draftEvalSet(articles, await readDatasetFiles());
});

describe('the evaluation set', () => {
  it('has at least eight annotated articles, each quote at its offsets', () => {
    expect(articles.length).toBeGreaterThanOrEqual(8);
    for (const article of articles) {
      expect(article.url).toMatch(/^https?:\/\//);
      for (const quote of article.gold.quotes) expect(article.text.slice(quote.start, quote.end), article.name).toBe(quote.text);
    }
  });
});

describe('the drafting tool on the evaluation set', () => {
  it('stays at or above the figures it reached (curate/eval/floors.json)', async () => {
    const floors = JSON.parse(await readFile(new URL('./floors.json', import.meta.url), 'utf8')) as Record<string, number | string>;
    const { figures, perArticle } = scoreDrafts(articles, drafts);
    console.log(formatReport(figures, perArticle));
    expect(figures.schemaProblems).toBe(0);
    for (const [name, floor] of Object.entries(floors)) {
      if (typeof floor !== 'number') continue;
      const value = figures[name as keyof Figures];
      if (name === 'inventedQuotes' || name === 'attendeesNotAttending') expect(value, name).toBeLessThanOrEqual(floor);
      else expect(value, name).toBeGreaterThanOrEqual(floor);
    }
  });

  it('can fail: a draft that loses its quotes and invents one scores below the floors', () => {
    const broken = drafts.map((draft, index) =>
      index === 0 ? { ...draft, statements: [{ ...draft.statements[0]!, quote: 'words nobody wrote', start: 0, end: 18 }] } : { ...draft, statements: [] },
    );
    const { figures } = scoreDrafts(articles, broken);
    expect(figures.quoteRecall).toBeLessThan(0.9);
    expect(figures.inventedQuotes).toBe(1);
  });

  it('credits a month only where the article itself is dated only to its month', () => {
    const month = articles.findIndex((article) => article.published?.length === 7);
    const day = articles.findIndex((article) => article.published?.length === 10 && article.gold.quotes.some((quote) => quote.date !== null));
    expect(month).toBeGreaterThanOrEqual(0);
    const toMonth = (index: number) => ({
      ...drafts[index]!,
      statements: drafts[index]!.statements.map((statement) => ({ ...statement, date: statement.date === null ? null : statement.date.slice(0, 7) })),
    });
    const monthArticle = scoreDrafts([articles[month]!], [toMonth(month)]).figures;
    expect(monthArticle.dateDayAccuracy).toBeLessThan(monthArticle.dateAccuracy);
    const dayArticle = scoreDrafts([articles[day]!], [toMonth(day)]).figures;
    expect(dayArticle.dateAccuracy).toBe(dayArticle.dateDayAccuracy);
    expect(dayArticle.dateAccuracy).toBeLessThan(1);
  });
});
