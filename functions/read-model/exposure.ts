/**
 * Which fields of each curated record the API shows, and which it keeps back. Every field of every domain
 * schema (data/schema/domain.ts), nested ones included, is in exactly one of the two lists, checked by
 * exposure.test.ts: a field added to the domain fails that test until someone decides whether readers see
 * it. The same test checks the documents: a shown field reaches them, a hidden one never does. Without it
 * a new field is silently missing from the API, since the builders copy fields one by one.
 *
 * Paths are dotted, through arrays and nullable objects (`memberships.organisation`). Confidence and stance
 * objects are shown whole wherever they appear (the contract uses the domain's own schemas), and a speaker
 * or head of delegation is shown resolved (name, office on the day, person id), so none is walked into.
 */
import type { EntityName } from '../../data/schema/domain.ts';

export interface FieldExposure {
  readonly shown: readonly string[];
  readonly hidden: readonly string[];
}

export const exposure = {
  countries: {
    shown: [
      'iso3',
      'isoNumeric',
      'name',
      'neighbourOfAfghanistan',
      'neighbourOfAfghanistan.borderKm',
      'neighbourOfAfghanistan.sources',
      'neighbourOfAfghanistan.otherFigures',
      'neighbourOfAfghanistan.otherFigures.km',
      'neighbourOfAfghanistan.otherFigures.by',
      'neighbourOfAfghanistan.otherFigures.note',
      'neighbourOfAfghanistan.otherFigures.sources',
      'neighbourOfAfghanistan.note',
      'memberships',
      'memberships.organisation',
      'memberships.status',
      'memberships.since',
      'memberships.until',
      'memberships.sources',
    ],
    hidden: ['curatorNote'],
  },
  organisations: {
    shown: ['id', 'name', 'shortName', 'description', 'sources'],
    hidden: ['curatorNote'],
  },
  meetings: {
    shown: [
      'id',
      'series',
      'round',
      'title',
      'startDate',
      'endDate',
      'city',
      'host',
      'format',
      'summary',
      'outcome',
      'outcome.name',
      'outcome.adopted',
      'outcome.rejectsForeignMilitaryInfrastructure',
      'outcome.clause',
      'outcome.note',
      'outcome.sources',
      'confidence',
      'sources',
    ],
    hidden: ['curatorNote', 'outcome.curatorNote'],
  },
  participations: {
    shown: [
      'meeting',
      'actor',
      'role',
      'headOfDelegation',
      'level',
      'endorsedOutcome',
      'confidence',
      'note',
      'sources',
    ],
    hidden: ['curatorNote'],
  },
  statements: {
    shown: [
      'id',
      'speaker',
      'actors',
      'date',
      'meeting',
      'quote',
      'quoteSource',
      'extent',
      'variants',
      'variants.quote',
      'variants.source',
      'delivery',
      'official',
      'readBy',
      'stances',
      'confidence',
      'note',
      'sources',
    ],
    hidden: ['curatorNote'],
  },
  sources: {
    shown: ['id', 'publisher', 'url', 'title', 'published', 'archived', 'note'],
    hidden: ['curatorNote'],
  },
  // Shown through the speakers and heads of delegation that name them: id, name, and the title of the office
  // held on the day. The rest is for search, drafting and the checker.
  people: {
    shown: ['id', 'name', 'offices', 'offices.title'],
    hidden: ['aliases', 'actor', 'offices.from', 'offices.to', 'offices.sources', 'offices.curatorNote', 'curatorNote'],
  },
  // Shown in /api/coverage (and the latest `searched` as the overview's `currentTo`); the queries are for
  // the next curator.
  coverage: {
    shown: ['topic', 'searched', 'found', 'result'],
    hidden: ['id', 'queries', 'curatorNote'],
  },
} as const satisfies Record<EntityName, FieldExposure>;
