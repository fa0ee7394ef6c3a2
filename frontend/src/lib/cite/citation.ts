/**
 * "Cite this": a statement or a view as plain text and as BibTeX. A statement is cited from the source
 * that published its words (publisher, title, date, URL) and then through this product (its permalink,
 * the data version, the day it was read), so a reader can go to the original and find the same record.
 */
import type { StatementView } from '../../../../data/schema/api.ts';
import { formatDate } from '../format.ts';

export const productName = "Afghanistan's neighbours: meetings and statements";

export interface CitationContext {
  /** overview.dataVersion: the content hash of the data set the page shows. */
  readonly dataVersion: string;
  /** The day of reading, `YYYY-MM-DD`. */
  readonly accessed: string;
  /** The page's origin, e.g. `https://example.org`. */
  readonly origin: string;
}

export interface Citation {
  readonly text: string;
  readonly bibtex: string;
}

/** A statement's permalink on this page. */
export const statementPermalink = (origin: string, id: string): string => `${origin}/?statement=${encodeURIComponent(id)}`;

/** Today as `YYYY-MM-DD`, in the reader's own calendar day. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** BibTeX's special characters, escaped inside a braced value. */
function bib(value: string): string {
  return value.replace(/[\\{}]/g, (c) => (c === '\\' ? '\\textbackslash{}' : `\\${c}`)).replace(/[&%$#_]/g, (c) => `\\${c}`);
}

/** A BibTeX key: letters and digits from the parts, joined, so it is stable for the same record. */
function bibKey(...parts: string[]): string {
  return parts
    .join('-')
    .normalize('NFD')
    .replace(/[^A-Za-z0-9-]+/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Fields written as given: URLs and dates as they are, the author already braced and escaped. */
const verbatimFields = new Set(['author', 'url', 'urldate']);

function bibEntry(type: string, key: string, fields: Record<string, string | undefined>): string {
  const lines = Object.entries(fields)
    .filter((field): field is [string, string] => field[1] !== undefined && field[1] !== '')
    .map(([name, value]) => `  ${name} = {${verbatimFields.has(name) ? value : bib(value)}}`);
  return `@${type}{${key},\n${lines.join(',\n')}\n}`;
}

const month = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function statementCitation(statement: StatementView, context: CitationContext): Citation {
  const source = statement.quoteSource;
  const speaker = `${statement.speaker.name}${statement.speaker.office ? `, ${statement.speaker.office}` : ''}`;
  const words = statement.delivery === 'paraphrase' ? statement.quote : `“${statement.quote}”`;
  const how = statement.delivery === 'paraphrase' ? 'Reported by' : 'Quoted in';
  const published = source.published ? `, ${formatDate(source.published)}` : '';
  const title = source.title ? `, “${source.title}”` : '';
  const permalink = statementPermalink(context.origin, statement.id);
  const via = `${productName}, ${permalink}, data version ${context.dataVersion}, accessed ${formatDate(context.accessed)}`;
  const end = /[.!?…]["”]?$/.test(words) ? '' : '.';
  const text = `${speaker}, ${formatDate(statement.date)}: ${words}${end} ${how} ${source.publisher}${title}${published}: ${source.url}. Via ${via}.`;
  const [year, monthNumber] = statement.date.split('-');
  // The statement's id already reads as speaker and date (`lavrov-2025-10-07-…`).
  const bibtex = bibEntry('misc', bibKey(statement.id), {
    // Braced: a name BibTeX must not split into first and last names (a delegation, a ministry).
    author: `{${bib(statement.speaker.name)}}`,
    title: words,
    howpublished: `${how} ${source.publisher}${title}${published}`,
    year,
    month: monthNumber ? month[Number(monthNumber) - 1] : undefined,
    url: source.url,
    urldate: context.accessed,
    note: `Via ${via}`,
  });
  return { text, bibtex };
}

/** The current view: its title and URL on this page, with the data version and the day of reading. */
export function viewCitation(viewTitle: string, url: string, context: CitationContext): Citation {
  const text = `${productName}: ${viewTitle}. Compiled from public reporting, each statement and attendance with its source. ${url}. Data version ${context.dataVersion}, accessed ${formatDate(context.accessed)}.`;
  const [year] = context.accessed.split('-');
  const bibtex = bibEntry('misc', bibKey('afghanistan-neighbours', viewTitle.slice(0, 40), context.dataVersion.slice(0, 8)), {
    title: `${productName}: ${viewTitle}`,
    howpublished: 'Compiled from public reporting, each statement and attendance with its source',
    year,
    url,
    urldate: context.accessed,
    note: `Data version ${context.dataVersion}`,
  });
  return { text, bibtex };
}
