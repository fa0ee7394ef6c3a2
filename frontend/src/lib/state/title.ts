/** The document title for a view: what it shows first, then the site's name (tabs, bookmarks, history). */
import type { OverviewMeeting } from '../../../../data/schema/api.ts';
import type { ViewState } from './url.ts';

export const SITE_TITLE = "Afghanistan's neighbours: meetings and statements";

/**
 * `nameOf` is null until the overview has arrived (no names yet: the site's name alone). In the matrix, a
 * meeting and an actor together are one cell: "Russia at <meeting>".
 */
export function documentTitle(
  view: Pick<ViewState, 'page' | 'country' | 'organisation'>,
  nameOf: ((actor: string) => string) | null,
  meeting: Pick<OverviewMeeting, 'title'> | null,
): string {
  const actor = view.country ?? view.organisation;
  const parts: string[] = [];
  if (view.page === 'about') parts.push('About the record');
  else if (nameOf !== null) {
    const name = actor === null ? null : nameOf(actor);
    if (view.page === 'matrix') {
      if (name !== null && meeting !== null) parts.push(`${name} at ${meeting.title}`);
      parts.push('All meetings at a glance');
    } else if (name !== null && meeting !== null) parts.push(`${name} at ${meeting.title}`);
    else if (name !== null) parts.push(name);
    else if (meeting !== null) parts.push(meeting.title);
  }
  return [...parts, SITE_TITLE].join(' – ');
}
