/**
 * The view as a URL: `?meeting=<id>&country=<ISO3>&statement=<id>&layer=<roles|changes|stance>&topic=<topic>`
 * (or `org=<id>` instead of `country`). `?statement=<id>` alone is a statement's permalink: the page adds
 * the actor whose panel shows it once the search index says which. Defaults are left out, so the plain page URL is the default view and
 * every view has exactly one URL.
 */
import { topics, type TopicId } from '../../../../data/schema/labels.ts';
import type { LayerId } from './view-types.ts';

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
}

export const DEFAULT_TOPIC: TopicId = 'foreign-military-presence';

export const DEFAULT_VIEW: ViewState = {
  meeting: null,
  country: null,
  organisation: null,
  statement: null,
  layer: 'roles',
  topic: DEFAULT_TOPIC,
};

const layers: readonly LayerId[] = ['roles', 'changes', 'stance'];
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
  const layer = params.get('layer');
  const topic = params.get('topic');
  return {
    meeting: get('meeting', slugOf),
    country,
    organisation: country === null ? get('org', slugOf) : null,
    statement: get('statement', slugOf),
    layer: layers.includes(layer as LayerId) ? (layer as LayerId) : DEFAULT_VIEW.layer,
    topic: topics.includes(topic as TopicId) ? (topic as TopicId) : DEFAULT_TOPIC,
  };
}

/** `?…` or '' for the default view. The topic is written only where it shows: on the stance layer. */
export function serialiseView(view: ViewState): string {
  const params = new URLSearchParams();
  if (view.meeting !== null) params.set('meeting', view.meeting);
  if (view.country !== null) params.set('country', view.country);
  else if (view.organisation !== null) params.set('org', view.organisation);
  if (view.statement !== null) params.set('statement', view.statement);
  if (view.layer !== DEFAULT_VIEW.layer) params.set('layer', view.layer);
  if (view.layer === 'stance' && view.topic !== DEFAULT_TOPIC) params.set('topic', view.topic);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export function sameView(a: ViewState, b: ViewState): boolean {
  return serialiseView(a) === serialiseView(b);
}
