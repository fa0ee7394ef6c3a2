/**
 * The repository port the handlers depend on. It speaks in response documents, not in DynamoDB items: every
 * body was rendered to JSON at seed time, so a read is one lookup and the handler sends the string as it is.
 * The DynamoDB adapter (../adapters/dynamodb/) implements it; tests may pass a fake.
 */
import type { StanceValue, Topic } from '../../data/schema/domain.ts';

/** A response body rendered at seed time, with the strong ETag of exactly these bytes. */
export interface StoredDocument {
  readonly body: string;
  readonly etag: string;
}

/** /api/statements filters; all optional, all must hold (AND). Values are already validated. */
export interface StatementFilters {
  readonly country?: string;
  readonly organisation?: string;
  readonly meeting?: string;
  readonly topic?: Topic;
  readonly stance?: StanceValue;
}

/**
 * Which stored document: its name (a route's `document`, see ../http/routes.ts) and, for one document per
 * record, the record's id (already validated).
 */
export interface DocumentKey {
  readonly document: string;
  readonly id?: string;
}

export interface DiplomacyStore {
  /** The document, or null when there is none: an unknown id, or a table not seeded yet. */
  getDocument(key: DocumentKey): Promise<StoredDocument | null>;
  /** Statements matching every filter, newest first. An id that matches nothing gives an empty list. */
  findStatements(filters: StatementFilters): Promise<StoredDocument>;
}

/** The store could not answer (unreachable, throttled, misconfigured). Maps to 503; never the client's fault. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}
