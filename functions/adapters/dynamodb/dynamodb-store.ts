/**
 * DiplomacyStore on DynamoDB. Every method is exactly one GetItem or one Query (no Scan): the documents
 * were rendered at seed time (../../seed/loader.ts) under the keys in ./keys.ts. SDK errors are translated
 * here into StoreUnavailableError, so nothing above this folder knows about the SDK.
 */
import { GetItemCommand, QueryCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  StoreUnavailableError,
  type DiplomacyStore,
  type DocumentKey,
  type StatementFilters,
  type StoredDocument,
} from '../../store/diplomacy-store.ts';
import { matchesFilters, statementListDocument, type StoredStatement } from '../../store/statement-list.ts';
import { documentItemKey, statementPartitions, type ItemKey } from './keys.ts';

type Item = Record<string, AttributeValue>;

export class DynamoDbDiplomacyStore implements DiplomacyStore {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  getDocument = (key: DocumentKey) => this.getItem(documentItemKey(key));

  /**
   * One Query on the smallest partition the filters name; the remaining filters apply in memory. When the
   * partition is the only filter (the whole list, one country, one meeting), every item it holds is wanted.
   */
  async findStatements(filters: StatementFilters): Promise<StoredDocument> {
    const partition = mostSelectivePartition(filters);
    const items = await this.queryNewestFirst(partition.pk);
    if (!partition.othersGiven) return statementListDocument(items.map(toStoredDocument));
    return statementListDocument(items.map(toStoredStatement).filter((statement) => matchesFilters(statement, filters)));
  }

  private async getItem(key: ItemKey): Promise<StoredDocument | null> {
    const output = await this.call('GetItem', () =>
      this.client.send(
        new GetItemCommand({ TableName: this.tableName, Key: { pk: { S: key.pk }, sk: { S: key.sk } } }),
      ),
    );
    return output.Item === undefined ? null : toStoredDocument(output.Item);
  }

  private async queryNewestFirst(partitionKey: string): Promise<Item[]> {
    const items: Item[] = [];
    let exclusiveStartKey: Item | undefined;
    // A Query page holds up to 1 MB; the statement partitions are far below that (see README.md), so this
    // loop runs once. It stays so a larger data set degrades to more reads rather than to missing statements.
    do {
      const output = await this.call('Query', () =>
        this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': { S: partitionKey } },
            ScanIndexForward: false,
            ExclusiveStartKey: exclusiveStartKey,
          }),
        ),
      );
      items.push(...(output.Items ?? []));
      exclusiveStartKey = output.LastEvaluatedKey;
    } while (exclusiveStartKey !== undefined);
    return items;
  }

  private async call<Output>(operation: string, request: () => Promise<Output>): Promise<Output> {
    try {
      return await request();
    } catch (error) {
      throw storeUnavailable(operation, error);
    }
  }
}

/**
 * Meeting partitions are the smallest, then organisations (few statements), then countries, then all.
 * `othersGiven`: whether any filter beyond the one that chose the partition must still be applied.
 */
export function mostSelectivePartition(filters: StatementFilters): { pk: string; othersGiven: boolean } {
  const given = Object.values(filters).filter((value) => value !== undefined).length;
  if (filters.meeting !== undefined) return { pk: statementPartitions.meeting(filters.meeting), othersGiven: given > 1 };
  if (filters.organisation !== undefined) {
    return { pk: statementPartitions.actor(filters.organisation), othersGiven: given > 1 };
  }
  if (filters.country !== undefined) return { pk: statementPartitions.actor(filters.country), othersGiven: given > 1 };
  return { pk: statementPartitions.all(), othersGiven: given > 0 };
}

/** The SDK's error names (ResourceNotFoundException, ProvisionedThroughputExceededException…) say enough. */
export function storeUnavailable(operation: string, error: unknown): StoreUnavailableError {
  const name = error instanceof Error ? error.name : 'UnknownError';
  return new StoreUnavailableError(`DynamoDB ${operation} failed: ${name}`, { cause: error });
}

function toStoredDocument(item: Item): StoredDocument {
  const body = item.body?.S;
  const etag = item.etag?.S;
  if (body === undefined || etag === undefined) throw new Error(`Item ${item.pk?.S}/${item.sk?.S} has no body or etag`);
  return { body, etag };
}

function toStoredStatement(item: Item): StoredStatement {
  const strings = (attribute: AttributeValue | undefined): string[] =>
    (attribute?.L ?? []).flatMap((value) => (value.S === undefined ? [] : [value.S]));
  return {
    ...toStoredDocument(item),
    actors: strings(item.actors),
    meeting: item.meeting?.S ?? null,
    facets: strings(item.facets),
  };
}
