/**
 * Every key the API reads or the seed writes, built in one place. The layout is documented in ./README.md.
 * Ids reach these functions validated (slugs, ISO alpha-3), so they cannot contain `#`.
 */
import type { DocumentKey } from '../../store/diplomacy-store.ts';

export interface ItemKey {
  readonly pk: string;
  readonly sk: string;
}

/** Sort key of every JSON document item: one document per partition. */
const documentSortKey = 'DOC';

/**
 * A document lives in the partition named after it (`OVERVIEW`), or after it and its record's id
 * (`MEETING#moscow-format-5-kazan-2023`), so a request for it is one GetItem.
 */
export const documentItemKey = ({ document, id }: DocumentKey): ItemKey => ({
  pk: id === undefined ? document : `${document}#${id}`,
  sk: documentSortKey,
});

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

/**
 * The seed's lock (./seed-lock.ts): no route reads it (documents have sk `DOC`, statements a date), and the
 * seed deletes it when done.
 */
export const seedLockKey: ItemKey = { pk: 'SEED#LOCK', sk: 'LOCK' };
