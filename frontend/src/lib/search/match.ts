/**
 * Matching the search box's words against the search index (GET /api/search-index), on the client.
 * MiniSearch gives prefix and typo-tolerant matching with ranking ("Sergei" finds "Sergey", "lavr" finds
 * Lavrov); names and other spellings weigh more than a quote's words. Accents and case are ignored, so
 * "Serguéi" and "serguei" are the same word. Loaded with the index, on the box's first focus: it is not
 * part of the page's first load.
 */
import MiniSearch from 'minisearch';
import type { SearchEntry, SearchIndex, SearchKind } from '../../../../data/schema/api.ts';

/** The order of the groups of results. */
export const kindOrder = ['country', 'organisation', 'person', 'meeting', 'statement'] as const satisfies readonly SearchKind[];

export const kindLabels: Record<SearchKind, string> = {
  country: 'Countries',
  organisation: 'Organisations',
  person: 'People',
  meeting: 'Meetings',
  statement: 'Words in statements',
};

/** Lower case, without accents: "Serguéi" → "serguei". */
export function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export interface ResultGroup {
  kind: SearchKind;
  entries: SearchEntry[];
}

export interface Matcher {
  /** Results grouped by kind (in `kindOrder`), best first within a group, at most `perKind` each. */
  search(query: string, perKind?: number): ResultGroup[];
}

type Indexed = SearchEntry & { key: number };

export function createMatcher(index: SearchIndex): Matcher {
  const mini = new MiniSearch<Indexed>({
    idField: 'key',
    fields: ['label', 'aliases', 'detail', 'text'],
    extractField: (document, field) => {
      // MiniSearch reads the id through this too.
      if (field === 'key') return document.key as unknown as string;
      const value = document[field as keyof Indexed];
      return Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : '';
    },
    processTerm: (term) => normalise(term),
    searchOptions: {
      prefix: true,
      // One edit in a word of 4–7 letters, two in a longer one: "Sergei" ~ "Sergey", not "Iran" ~ "Oman".
      fuzzy: (term) => (term.length < 4 ? false : term.length < 8 ? 1 : 2),
      boost: { label: 4, aliases: 4, detail: 1, text: 1 },
      combineWith: 'AND',
    },
  });
  const entries = index.entries.map((entry, key) => ({ ...entry, key }));
  mini.addAll(entries);

  return {
    search(query, perKind = 5) {
      if (query.trim() === '') return [];
      const groups = new Map<SearchKind, SearchEntry[]>();
      for (const result of mini.search(query)) {
        const entry = index.entries[result.id as number] as SearchEntry;
        const group = groups.get(entry.kind) ?? [];
        if (group.length < perKind) group.push(entry);
        groups.set(entry.kind, group);
      }
      return kindOrder.filter((kind) => groups.has(kind)).map((kind) => ({ kind, entries: groups.get(kind)! }));
    },
  };
}

/**
 * The part of a statement's words (one wording a line) around the first word of the query they contain,
 * cut at spaces, for the result's third line.
 */
export function snippet(text: string, query: string, width = 110): string {
  const words = normalise(query).split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 1);
  const lines = text.split('\n');
  const found = (line: string) => words.map((word) => normalise(line).indexOf(word)).filter((index) => index >= 0);
  const line = lines.find((candidate) => found(candidate).length > 0) ?? lines[0] ?? '';
  // NFD can lengthen a string; the data's words are composed, so the offsets are close enough for a window.
  const at = Math.min(...found(line), Infinity);
  let start = Number.isFinite(at) ? Math.max(0, Math.min(at - 30, line.length - width)) : 0;
  if (start > 0) start = line.indexOf(' ', start) + 1 || start;
  let end = Math.min(line.length, start + width);
  if (end < line.length) end = line.lastIndexOf(' ', end) > start ? line.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '…' : ''}${line.slice(start, end).trim()}${end < line.length ? '…' : ''}`;
}
