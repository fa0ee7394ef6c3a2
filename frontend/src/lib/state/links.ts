/**
 * Ids in a link that lead nowhere: malformed (`?country=ZZZZ`) or unknown to the data (`?org=nope`). The
 * page drops them from the view and names each in one "not found" notice; the rest of the view opens.
 */
import { countryCodeOf, slugOf } from './url.ts';

export type LinkKind = 'meeting' | 'country' | 'organisation' | 'compare' | 'statement';

export interface MissingLink {
  kind: LinkKind;
  /** What the link asked for, as written. */
  asked: string;
}

/** Whether the data knows an id; null when it cannot tell yet (a country's name comes with the map). */
export type Known = Record<LinkKind, (id: string) => boolean | null>;

const parameters: { kind: LinkKind; name: string; read: (value: string) => string | null }[] = [
  { kind: 'meeting', name: 'meeting', read: slugOf },
  { kind: 'country', name: 'country', read: countryCodeOf },
  { kind: 'organisation', name: 'org', read: slugOf },
  { kind: 'compare', name: 'compare', read: slugOf },
  { kind: 'statement', name: 'statement', read: slugOf },
];

/** The missing ids of a link, or null while one of them cannot be decided yet. */
export function missingLinks(search: string, known: Known): MissingLink[] | null {
  const params = new URLSearchParams(search);
  const missing: MissingLink[] = [];
  for (const { kind, name, read } of parameters) {
    const asked = params.get(name);
    // A country and an organisation are never open together: the view keeps the country (see parseView).
    if (asked === null || (kind === 'organisation' && params.get('country') !== null)) continue;
    // A comparison without a meeting is not read at all (see parseView).
    if (kind === 'compare' && params.get('meeting') === null) continue;
    const id = read(asked);
    const found = id === null ? false : known[kind](id);
    if (found === null) return null;
    if (!found) missing.push({ kind, asked });
  }
  return missing;
}

const kindWords: Record<LinkKind, string> = {
  meeting: 'no meeting',
  country: 'no country with the code',
  organisation: 'no organisation',
  compare: 'no meeting to compare with',
  statement: 'no statement',
};

/** "There is no meeting “x” and no country with the code “ZZZ” in the data." */
export function missingLinksText(missing: readonly MissingLink[]): string {
  const parts = missing.map(({ kind, asked }) => `${kindWords[kind]} “${asked.length > 40 ? `${asked.slice(0, 40)}…` : asked}”`);
  const list = parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `The link asked for something that is not here: there is ${list} in the data.`;
}
