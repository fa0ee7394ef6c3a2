/**
 * Names and places, from our own records: every person's name and aliases (and a surname when only one
 * person has it), every country's name with the other names and adjectives news uses for it, every
 * organisation's name and short name. Nothing is looked up elsewhere, so a name the records do not know is
 * never matched to someone who merely looks similar.
 */
import type { Dataset, Person } from '../../data/schema/domain.ts';
import { foldAccents } from './text.ts';

export interface Mention {
  kind: 'country' | 'organisation' | 'person';
  /** alpha-3, organisation id or person id. */
  id: string;
  start: number;
  end: number;
  /** Matched by an adjective ("Russian"), not the country's name. */
  adjective: boolean;
  /** Matched by a surname alone. */
  surnameOnly: boolean;
}

/** Other names and adjectives for the countries the records may hold; only those present are used. */
const countryWords: Record<string, { names: string[]; adjectives: string[] }> = {
  AFG: { names: ['Afghanistan'], adjectives: ['Afghan'] },
  CHN: { names: ['China', "People's Republic of China"], adjectives: ['Chinese'] },
  IRN: { names: ['Iran', 'Islamic Republic of Iran'], adjectives: ['Iranian'] },
  PAK: { names: ['Pakistan'], adjectives: ['Pakistani'] },
  TJK: { names: ['Tajikistan'], adjectives: ['Tajik'] },
  TKM: { names: ['Turkmenistan'], adjectives: ['Turkmen'] },
  UZB: { names: ['Uzbekistan'], adjectives: ['Uzbek'] },
  RUS: { names: ['Russia', 'Russian Federation'], adjectives: ['Russian'] },
  IND: { names: ['India'], adjectives: ['Indian'] },
  KAZ: { names: ['Kazakhstan'], adjectives: ['Kazakh'] },
  KGZ: { names: ['Kyrgyzstan', 'Kyrgyz Republic'], adjectives: ['Kyrgyz'] },
  BLR: { names: ['Belarus'], adjectives: ['Belarusian'] },
  QAT: { names: ['Qatar'], adjectives: ['Qatari'] },
  ARE: { names: ['United Arab Emirates', 'UAE'], adjectives: ['Emirati'] },
  SAU: { names: ['Saudi Arabia'], adjectives: ['Saudi'] },
  TUR: { names: ['Türkiye', 'Turkiye', 'Turkey'], adjectives: ['Turkish'] },
  IDN: { names: ['Indonesia'], adjectives: ['Indonesian'] },
  USA: { names: ['United States', 'U.S.', 'US', 'USA', 'America'], adjectives: ['American'] },
  HUN: { names: ['Hungary'], adjectives: ['Hungarian'] },
  SYR: { names: ['Syria'], adjectives: ['Syrian'] },
};

/** Words that may stand before a surname without making it part of a longer name. */
const titleWords = new Set(
  'Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. President Minister Secretary Spokesman Spokeswoman Spokesperson Ambassador Envoy Representative General Councilor Councillor FM Premier Chairman Chief Deputy Acting Foreign Prime Mullah Mawlawi Sheikh'.split(' '),
);

interface Entry {
  pattern: string;
  kind: Mention['kind'];
  id: string;
  adjective: boolean;
  surnameOnly: boolean;
  caseSensitive: boolean;
  /** For a surname: the given names met with it, so "Sirojiddin Mukhriddin" finds "Sirodjiddin Mukhriddin". */
  givenNames: string[];
}

export class Gazetteer {
  readonly people: ReadonlyMap<string, Person>;
  readonly countryNames: ReadonlyMap<string, string>;
  readonly neighbours: readonly string[];
  private readonly entries: Entry[];

  constructor(dataset: Dataset) {
    this.people = new Map(dataset.people.map((person) => [person.id, person]));
    this.countryNames = new Map(dataset.countries.map((country) => [country.iso3, country.name]));
    this.neighbours = dataset.countries.filter((country) => country.neighbourOfAfghanistan !== null).map((country) => country.iso3);
    const entries: Entry[] = [];
    const add = (pattern: string, kind: Entry['kind'], id: string, extra: Partial<Entry> = {}) =>
      entries.push({ pattern: foldAccents(pattern), kind, id, adjective: false, surnameOnly: false, caseSensitive: true, givenNames: [], ...extra });

    for (const country of dataset.countries) {
      const words = countryWords[country.iso3];
      for (const name of new Set([country.name, ...(words?.names ?? [])])) add(name, 'country', country.iso3);
      for (const adjective of words?.adjectives ?? []) add(adjective, 'country', country.iso3, { adjective: true });
    }
    for (const organisation of dataset.organisations) {
      add(organisation.name, 'organisation', organisation.id);
      if (organisation.shortName.length >= 2 && organisation.shortName !== organisation.name) add(organisation.shortName, 'organisation', organisation.id);
    }

    const surnames = new Map<string, Set<string>>();
    const givenNames = new Map<string, string[]>();
    for (const person of dataset.people) {
      for (const name of [person.name, ...person.aliases]) {
        add(name, 'person', person.id);
        const tokens = name.split(/\s+/);
        // Chinese names put the family name first (Wang Yi, Qin Gang).
        const family = person.actor === 'CHN' ? tokens[0] : tokens[tokens.length - 1];
        if (tokens.length > 1 && family !== undefined && family.length >= 3) {
          const key = foldAccents(family);
          surnames.set(key, (surnames.get(key) ?? new Set()).add(person.id));
          const given = person.actor === 'CHN' ? tokens[tokens.length - 1]! : tokens[0]!;
          givenNames.set(key, [...(givenNames.get(key) ?? []), foldAccents(given)]);
        }
      }
    }
    for (const [surname, ids] of surnames) {
      if (ids.size === 1) add(surname, 'person', [...ids][0]!, { surnameOnly: true, givenNames: givenNames.get(surname) ?? [] });
    }
    // Longest first, so "Russian Federation" wins over "Russian" and a full name over a surname.
    entries.sort((a, b) => b.pattern.length - a.pattern.length);
    this.entries = entries;
  }

  /** Every mention in `text`, left to right, never overlapping. */
  find(text: string): Mention[] {
    const folded = foldAccents(text);
    const taken = new Uint8Array(text.length);
    const mentions: Mention[] = [];
    for (const entry of this.entries) {
      let from = 0;
      for (;;) {
        const at = folded.indexOf(entry.pattern, from);
        if (at < 0) break;
        from = at + 1;
        const end = at + entry.pattern.length;
        if (!this.boundaryOk(folded, at, end, entry)) continue;
        let free = true;
        for (let i = at; i < end; i++) if (taken[i]) free = false;
        if (!free) continue;
        if (entry.surnameOnly && !surnameStandsAlone(folded, at, end, entry.givenNames)) continue;
        for (let i = at; i < end; i++) taken[i] = 1;
        mentions.push({ kind: entry.kind, id: entry.id, start: at, end, adjective: entry.adjective, surnameOnly: entry.surnameOnly });
      }
    }
    return mentions.sort((a, b) => a.start - b.start);
  }

  private boundaryOk(text: string, start: number, end: number, entry: Entry): boolean {
    const before = text[start - 1];
    const after = text[end];
    const letter = /[\p{L}\p{N}]/u;
    if (before !== undefined && (letter.test(before) || before === '-')) return false;
    if (after !== undefined && letter.test(after)) return false;
    // "US" must not match inside "U.S.S.R." or be a lower-case word; patterns ending in "." end a word.
    if (entry.pattern.endsWith('.') && after !== undefined && /[A-Z]/.test(after)) return false;
    return true;
  }
}

/**
 * A surname alone names the person only when it is not part of someone else's name ("Wang" in "Wang
 * Wenbin"). A given name before it must be a spelling of one met with it: the same first four letters.
 */
function surnameStandsAlone(text: string, start: number, end: number, givenNames: readonly string[]): boolean {
  const next = /^[ \t]+([\p{Lu}][\p{L}'’-]*)/u.exec(text.slice(end, end + 40));
  if (next !== null) return false;
  const previous = /([\p{Lu}][\p{L}.'’-]*)[ \t]+$/u.exec(text.slice(Math.max(0, start - 40), start));
  // "…White House. Trump has": the capitalised word before ends the sentence before.
  if (previous !== null && !titleWords.has(previous[1]!) && !/[.!?]$/.test(previous[1]!)) {
    const given = previous[1]!;
    if (given.length >= 4 && givenNames.some((name) => name.slice(0, 4).toLowerCase() === given.slice(0, 4).toLowerCase())) return true;
    // A capitalised word right before is another name part, unless it starts the sentence.
    const beforePrevious = text.slice(0, start - previous[0].length).trimEnd();
    return beforePrevious === '' || /[.!?:\n”"]$/.test(beforePrevious);
  }
  return true;
}
