/**
 * Every key the API reads or the seed writes, built in one place. The layout is documented in ./README.md.
 * Ids reach these functions validated (slugs, ISO alpha-3), so they cannot contain `#`.
 */

export interface ItemKey {
  readonly pk: string;
  readonly sk: string;
}

/** Sort key of every JSON document item: one document per partition. */
const documentSortKey = 'DOC';

export const keys = {
  overview: (): ItemKey => ({ pk: 'OVERVIEW', sk: documentSortKey }),
  health: (): ItemKey => ({ pk: 'HEALTH', sk: documentSortKey }),
  openApiDocument: (): ItemKey => ({ pk: 'OPENAPI', sk: documentSortKey }),
  meetingList: (): ItemKey => ({ pk: 'MEETINGS', sk: documentSortKey }),
  meeting: (id: string): ItemKey => ({ pk: `MEETING#${id}`, sk: documentSortKey }),
  countryList: (): ItemKey => ({ pk: 'COUNTRIES', sk: documentSortKey }),
  country: (iso3: string): ItemKey => ({ pk: `COUNTRY#${iso3}`, sk: documentSortKey }),
  organisationList: (): ItemKey => ({ pk: 'ORGANISATIONS', sk: documentSortKey }),
  organisation: (id: string): ItemKey => ({ pk: `ORGANISATION#${id}`, sk: documentSortKey }),
};

/**
 * Statements are copied into several partitions so each filter is one Query on one partition, read
 * newest first (ScanIndexForward=false on `<date>#<id>`).
 */
export const statementPartitions = {
  all: (): string => 'STATEMENTS#ALL',
  /** An actor is a country (`RUS`) or an organisation (`csto`). */
  actor: (actorId: string): string => `STATEMENTS#ACTOR#${actorId}`,
  meeting: (meetingId: string): string => `STATEMENTS#MEETING#${meetingId}`,
};

export const statementSortKey = (statement: { date: string; id: string }): string =>
  `${statement.date}#${statement.id}`;
