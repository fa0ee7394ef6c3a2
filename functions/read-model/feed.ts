/**
 * Atom feeds (RFC 4287) of the statements: the whole record, one per country, one per topic. Rendered to
 * XML at seed time like every other document, so a feed is one GetItem.
 *
 * When: the records say when a statement was made, not when it was added or corrected, and a date is
 * never invented. So an entry's `updated` is the day the statement was made (00:00 UTC; the first of the
 * month when only the month is known), and a feed's `updated` is its newest entry's; an empty feed's is the
 * day the record was last searched for new events (coverage.json). A correction to an old statement does
 * not move it to the top.
 *
 * Links are relative (resolved against the feed's own URL, RFC 4287 §2 and xml:base), since the site's
 * domain is not known when the table is seeded; ids are name-based UUIDs (RFC 9562 v5), stable across
 * deployments.
 */
import { createHash } from 'node:crypto';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { StatementView } from '../../data/schema/api.ts';
import { deliveryLabels, topicLabels, topics, type TopicId } from '../../data/schema/labels.ts';
import type { DataSet } from './data-set.ts';

export const productName = "Afghanistan's neighbours: meetings and statements";
const atomNamespace = 'http://www.w3.org/2005/Atom';
/** The namespace of this product's name-based UUIDs (a random UUID, fixed once). */
const uuidNamespace = '587937dc-b90a-492e-a7f5-5a532a128164';

/** RFC 9562 §5.5: SHA-1 of namespace and name, with the version and variant bits set. */
export function uuidV5(name: string): string {
  const namespace = Buffer.from(uuidNamespace.replaceAll('-', ''), 'hex');
  const bytes = createHash('sha1').update(namespace).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A day or a month of the records as an Atom date (RFC 3339). */
export function atomDate(dayOrMonth: string): string {
  return `${dayOrMonth.length === 7 ? `${dayOrMonth}-01` : dayOrMonth}T00:00:00Z`;
}

const escapeHtml = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

export const feedPaths = {
  all: '/api/feeds/statements.atom',
  country: (iso3: string) => `/api/feeds/countries/${iso3}`,
  topic: (topic: string) => `/api/feeds/topics/${topic}`,
};

interface FeedSpec {
  /** Name of the feed's UUID. */
  readonly key: string;
  readonly title: string;
  readonly subtitle: string;
  readonly self: string;
  /** The page's view of the same statements. */
  readonly alternate: string;
  readonly statements: readonly StatementView[];
}

function entryTitle(statement: StatementView): string {
  const words = statement.quote.length > 90 ? `${statement.quote.slice(0, 90).replace(/\s+\S*$/, '')}…` : statement.quote;
  const quoted = statement.delivery === 'paraphrase' ? words : `“${words}”`;
  return `${statement.speaker.name} (${statement.actors.map((actor) => actor.name).join(', ')}): ${quoted}`;
}

/** The statement as a reader sees it on the page: the words, who, when, how, the stances, the source. */
function entryContent(statement: StatementView): string {
  const source = statement.quoteSource;
  const parts = [
    statement.delivery === 'paraphrase'
      ? `<p>${escapeHtml(statement.quote)}</p>`
      : `<blockquote cite="${escapeHtml(source.url)}"><p>“${escapeHtml(statement.quote)}”</p></blockquote>`,
    `<p>${escapeHtml(statement.speaker.name)}${statement.speaker.office ? `, ${escapeHtml(statement.speaker.office)}` : ''}; ${escapeHtml(statement.date)}; ${escapeHtml(deliveryLabels[statement.delivery])}${statement.meeting ? `; at ${escapeHtml(statement.meeting.title)}` : ''}.</p>`,
  ];
  if (!statement.official) parts.push('<p>A commentator, not an official: never counted as a stance.</p>');
  if (statement.stances.length > 0) {
    const items = statement.stances.map((stance) => `<li>${escapeHtml(topicLabels[stance.topic])}: ${stance.stance}. ${escapeHtml(stance.summary)}</li>`);
    parts.push(`<ul>${items.join('')}</ul>`);
  }
  parts.push(
    `<p>${statement.delivery === 'paraphrase' ? 'Reported by' : 'Quoted from'} <a href="${escapeHtml(source.url)}">${escapeHtml(source.publisher)}${source.title ? `: ${escapeHtml(source.title)}` : ''}</a>${source.published ? ` (${escapeHtml(source.published)})` : ''}.</p>`,
  );
  return parts.join('');
}

function renderFeed(spec: FeedSpec, emptyUpdated: string): string {
  const feed: XMLBuilder = create({ version: '1.0', encoding: 'utf-8' }).ele(atomNamespace, 'feed');
  const newest = spec.statements[0];
  feed.ele('id').txt(uuidV5(`feed:${spec.key}`));
  feed.ele('title').txt(spec.title);
  feed.ele('subtitle').txt(spec.subtitle);
  feed.ele('updated').txt(newest ? atomDate(newest.date) : emptyUpdated);
  feed.ele('author').ele('name').txt(productName);
  feed.ele('link', { rel: 'self', type: 'application/atom+xml', href: spec.self });
  feed.ele('link', { rel: 'alternate', type: 'text/html', href: spec.alternate });
  for (const statement of spec.statements) {
    const entry = feed.ele('entry');
    entry.ele('id').txt(uuidV5(`statement:${statement.id}`));
    entry.ele('title').txt(entryTitle(statement));
    entry.ele('updated').txt(atomDate(statement.date));
    entry.ele('link', { rel: 'alternate', type: 'text/html', href: `/?statement=${statement.id}` });
    for (const topic of new Set(statement.stances.map((stance) => stance.topic))) {
      entry.ele('category', { term: topic, label: topicLabels[topic] });
    }
    entry.ele('content', { type: 'html' }).txt(entryContent(statement));
  }
  return feed.end({ prettyPrint: true });
}

/** The day the record was last searched, for a feed with no entries. */
function lastSearched(data: DataSet): string {
  const latest = data.dataset.coverage.reduce((max, entry) => (entry.searched > max ? entry.searched : max), '');
  return latest === '' ? atomDate(data.meetingsOldestFirst.at(-1)?.endDate ?? '1970-01-01') : atomDate(latest);
}

export function statementsFeed(data: DataSet): string {
  return renderFeed(
    {
      key: 'all',
      title: `Every statement on record · ${productName}`,
      subtitle: 'New statements on the record, newest first, each with its source.',
      self: feedPaths.all,
      alternate: '/',
      statements: data.statementsWhere(() => true),
    },
    lastSearched(data),
  );
}

/** One feed per country in the data set, with its code: an empty feed for a country no statement speaks for. */
export function countryFeeds(data: DataSet): { id: string; document: string }[] {
  return data.dataset.countries.map((country) => ({
    id: country.iso3,
    document: renderFeed(
      {
        key: `country:${country.iso3}`,
        title: `${country.name}: statements · ${productName}`,
        subtitle: `Statements made for ${country.name}, newest first, each with its source.`,
        self: feedPaths.country(country.iso3),
        alternate: `/?country=${country.iso3}`,
        statements: data.statementsWhere((statement) => statement.actors.includes(country.iso3)),
      },
      lastSearched(data),
    ),
  }));
}

export function topicFeeds(data: DataSet): { id: TopicId; document: string }[] {
  return topics.map((topic) => ({
    id: topic,
    document: renderFeed(
      {
        key: `topic:${topic}`,
        title: `${topicLabels[topic]}: statements · ${productName}`,
        subtitle: `Statements taking a stance on ${topicLabels[topic].toLowerCase()}, newest first, each with its source.`,
        self: feedPaths.topic(topic),
        alternate: `/?layer=stance&topic=${topic}`,
        statements: data.statementsWhere((statement) => statement.stances.some((stance) => stance.topic === topic)),
      },
      lastSearched(data),
    ),
  }));
}
