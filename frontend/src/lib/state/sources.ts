/**
 * Sources as a reader cites them, strongest first. The rank, in order:
 * 1. the official text: a government, ministry or the organisation itself (its own site, or a
 *    republication the source record says is of the official text);
 * 2. a news agency's own report or its wire copy (TASS, Reuters, AP, AFP, Xinhua, PTI, ANI, …);
 * 3. every other outlet; reference works, blogs, mirrors and proxies last.
 * Within a rank, a source with a title and a date comes before one that lacks them, then the earliest
 * published first (the report nearest the event); otherwise the data's order is kept.
 */
import type { SourceView } from '../../../../data/schema/api.ts';

const officialHost = /(^|\.)(gov\.[a-z.]+|mid\.ru|kremlin\.ru|rfembassy\.ru|odkb-csto\.org|unmissions\.org|un\.org|mfa\.[a-z.]+)$/;
const officialPublisher = /\b(ministry|csto|united nations|unscol|MFA (text|release))\b/i;
const agency =
  /\b(TASS|Reuters|AP|AFP|Xinhua|PTI|ANI|APP|RIA Novosti|Anadolu|dpa|IRNA|Sputnik|BelTA|Interfax|Trend|Mehr News Agency)\b/;
const weakest = /\b(wikipedia|blog|mirror|proxy|dictionary)\b/i;

function host(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '').replace(/\.$/, '');
  } catch {
    return '';
  }
}

/** 0 the official text, 1 a news agency, 2 another outlet, 3 a reference work, blog, mirror or proxy. */
export function sourceRank(source: Pick<SourceView, 'publisher' | 'url'>): number {
  if (weakest.test(source.publisher) || weakest.test(host(source.url))) return 3;
  if (officialHost.test(host(source.url)) || officialPublisher.test(source.publisher)) return 0;
  if (agency.test(source.publisher)) return 1;
  return 2;
}

/** Strongest first (see the header); a stable sort, so equal sources keep the data's order. */
export function strongestFirst<T extends Pick<SourceView, 'publisher' | 'url' | 'title' | 'published'>>(sources: readonly T[]): T[] {
  const complete = (s: T) => (s.title !== null && s.published !== null ? 0 : 1);
  return [...sources].sort(
    (a, b) =>
      sourceRank(a) - sourceRank(b) ||
      complete(a) - complete(b) ||
      (a.published !== null && b.published !== null ? a.published.localeCompare(b.published) : 0),
  );
}

/**
 * The words a reader sees for a source: its title, then the publisher and the date; a page without a headline
 * is named by its publisher (never a bare hostname). `byline` is what follows the title.
 */
export function sourceCitation(
  source: Pick<SourceView, 'publisher' | 'title' | 'published'>,
  formatDate: (date: string) => string,
): { title: string; byline: string } {
  const date = source.published ? formatDate(source.published) : 'undated';
  if (source.title !== null) return { title: source.title, byline: `${source.publisher}, ${date}` };
  return { title: source.publisher, byline: date };
}
