/**
 * Filtering and assembling /api/statements responses from statements stored one per item. Shared by every
 * store implementation so the filter semantics cannot drift between the DynamoDB adapter and a test fake.
 */
import type { Stance } from '../../data/schema/domain.ts';
import { etagOf } from '../http/etag.ts';
import type { StatementFilters, StoredDocument } from './diplomacy-store.ts';

/** What a stored statement carries beside its rendered body, so filters run without parsing JSON. */
export interface StoredStatement extends StoredDocument {
  readonly actors: readonly string[];
  readonly meeting: string | null;
  /** One `topic:stance` pair per stance the statement takes. */
  readonly facets: readonly string[];
}

export function facetsOf(stances: readonly Stance[]): string[] {
  return stances.map(({ topic, stance }) => `${topic}:${stance}`);
}

export function matchesFilters(statement: StoredStatement, filters: StatementFilters): boolean {
  const { country, organisation, meeting, topic, stance } = filters;
  if (country !== undefined && !statement.actors.includes(country)) return false;
  if (organisation !== undefined && !statement.actors.includes(organisation)) return false;
  if (meeting !== undefined && statement.meeting !== meeting) return false;
  if (topic === undefined && stance === undefined) return true;
  // Topic and stance must hold for the same stance entry: "opposes on foreign-military-presence".
  return statement.facets.some((facet) => {
    const [facetTopic, facetStance] = facet.split(':');
    return (topic === undefined || facetTopic === topic) && (stance === undefined || facetStance === stance);
  });
}

/**
 * The list body is the stored bodies joined, in the order given (newest first). Its ETag hashes the
 * statements' own precomputed ETags (22 characters each), never the body: the same statements in the same
 * order are the same bytes.
 */
export function statementListDocument(statements: readonly StoredDocument[]): StoredDocument {
  return {
    body: `{"statements":[${statements.map((statement) => statement.body).join(',')}]}`,
    etag: etagOf(statements.map((statement) => statement.etag).join('')),
  };
}
