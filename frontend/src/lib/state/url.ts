/**
 * The view as a URL: `?meeting=<id>&country=<ISO3>&statement=<id>&layer=<roles|changes|stance>&topic=<topic>`
 * (or `org=<id>` instead of `country`), `&compare=<id>` (the earlier round the changes are counted from), and
 * `view=matrix|about` with the matrix's `sort` and `series`. `?statement=<id>` alone is a statement's
 * permalink: the page adds the actor whose panel shows it once the search index says which. Defaults are
 * left out, so the plain page URL is the default view and every view has exactly one URL.
 */
import { meetingSeries, topics, type MeetingSeriesId, type TopicId } from '../../../../data/schema/labels.ts';
import type { LayerId } from './view-types.ts';

/** What fills the page: the map with its panels, the attendance matrix, or the page about the record. */
export type PageId = 'map' | 'matrix' | 'about';
/** The matrix's row order. */
export type MatrixSort = 'name' | 'attended' | 'neighbours';

export interface ViewState {
  meeting: string | null;
  /** ISO alpha-3 of the country whose panel is open. */
  country: string | null;
  /** Id of the organisation whose panel is open; never set together with `country`. */
  organisation: string | null;
  /** The statement brought into view and highlighted in the open panel. */
  statement: string | null;
  layer: LayerId;
  /** The stance layer's topic. */
  topic: TopicId;
  page: PageId;
  /** The round `meeting` is compared with (the changes layer); null: the previous round of its series. */
  compare: string | null;
  /** The matrix's row order and the one series it shows (null: all). */
  sort: MatrixSort;
  series: MeetingSeriesId | null;
}

export const DEFAULT_TOPIC: TopicId = 'foreign-military-presence';

export const DEFAULT_VIEW: ViewState = {
  meeting: null,
  country: null,
  organisation: null,
  statement: null,
  layer: 'roles',
  topic: DEFAULT_TOPIC,
  page: 'map',
  compare: null,
  sort: 'neighbours',
  series: null,
};

const layers: readonly LayerId[] = ['roles', 'changes', 'stance'];
const pages: readonly PageId[] = ['map', 'matrix', 'about'];
const sorts: readonly MatrixSort[] = ['name', 'attended', 'neighbours'];
const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  values.includes(value as T) ? (value as T) : fallback;
const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const iso3 = /^[A-Z]{3}$/;

/** A country code as written in a link, any case (`afg`), or null when it cannot be one. */
export const countryCodeOf = (value: string): string | null => (iso3.test(value.toUpperCase()) ? value.toUpperCase() : null);
/** A meeting or organisation id as written in a link, any case, or null when it cannot be one. */
export const slugOf = (value: string): string | null => (slug.test(value.toLowerCase()) ? value.toLowerCase() : null);

/**
 * Anything malformed falls back to the default rather than failing: old or hand-edited links still open
 * (links.ts says which ids were dropped). Ids are read in any case: `?country=afg` is Afghanistan.
 */
export function parseView(search: string): ViewState {
  const params = new URLSearchParams(search);
  const get = (name: string, read: (value: string) => string | null) => {
    const value = params.get(name);
    return value === null ? null : read(value);
  };
  const country = get('country', countryCodeOf);
  const meeting = get('meeting', slugOf);
  const page = oneOf(pages, params.get('view'), DEFAULT_VIEW.page);
  const series = page === 'matrix' ? params.get('series') : null;
  return {
    meeting,
    country,
    organisation: country === null ? get('org', slugOf) : null,
    statement: get('statement', slugOf),
    layer: oneOf(layers, params.get('layer'), DEFAULT_VIEW.layer),
    topic: oneOf(topics, params.get('topic'), DEFAULT_TOPIC),
    page,
    compare: meeting === null ? null : get('compare', slugOf),
    sort: page === 'matrix' ? oneOf(sorts, params.get('sort'), DEFAULT_VIEW.sort) : DEFAULT_VIEW.sort,
    series: meetingSeries.includes(series as MeetingSeriesId) ? (series as MeetingSeriesId) : null,
  };
}

/** `?…` or '' for the default view. The topic is written only where it shows: on the stance layer. */
export function serialiseView(view: ViewState): string {
  const params = new URLSearchParams();
  if (view.page !== DEFAULT_VIEW.page) params.set('view', view.page);
  if (view.meeting !== null) params.set('meeting', view.meeting);
  if (view.meeting !== null && view.compare !== null) params.set('compare', view.compare);
  if (view.country !== null) params.set('country', view.country);
  else if (view.organisation !== null) params.set('org', view.organisation);
  if (view.statement !== null) params.set('statement', view.statement);
  if (view.layer !== DEFAULT_VIEW.layer) params.set('layer', view.layer);
  if (view.layer === 'stance' && view.topic !== DEFAULT_TOPIC) params.set('topic', view.topic);
  // The matrix's own settings are written only where they show.
  if (view.page === 'matrix' && view.sort !== DEFAULT_VIEW.sort) params.set('sort', view.sort);
  if (view.page === 'matrix' && view.series !== null) params.set('series', view.series);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export function sameView(a: ViewState, b: ViewState): boolean {
  return serialiseView(a) === serialiseView(b);
}
