/**
 * Which fields of each curated record the API shows, and which it keeps back. Every field of every domain
 * schema (data/schema/domain.ts), nested ones included, is in exactly one of the two lists, checked by
 * exposure.test.ts: a field added to the domain fails that test until someone decides whether readers see
 * it. The same test checks the documents: a shown field reaches them, a hidden one never does. Without it
 * a new field is silently missing from the API, since the builders copy fields one by one.
 *
 * Paths are dotted, through arrays and nullable objects (`memberships.organisation`). Confidence and stance
 * objects are shown whole wherever they appear (the contract uses the domain's own schemas), so they are
 * not walked into.
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
    hidden: [],
  },
  organisations: {
    shown: ['id', 'name', 'shortName', 'description', 'sources'],
    hidden: [],
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
    hidden: [],
  },
  participations: {
    shown: [
      'meeting',
      'actor',
      'role',
      'headOfDelegation',
      'headOfDelegation.name',
      'headOfDelegation.office',
      'level',
      'endorsedOutcome',
      'confidence',
      'note',
      'sources',
    ],
    hidden: [],
  },
  statements: {
    shown: [
      'id',
      'speaker',
      'speaker.name',
      'speaker.office',
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
    hidden: [],
  },
  sources: {
    shown: ['id', 'publisher', 'url', 'title', 'published', 'note'],
    hidden: [],
  },
} as const satisfies Record<EntityName, FieldExposure>;
