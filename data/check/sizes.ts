/**
 * DynamoDB holds at most 400 KB in one item, and the API serves each document (a meeting, a country, an
 * organisation, the overview) as one item. The checker refuses data that could not be stored, naming the
 * record, before the seed ever tries: one record is capped, and so is what each document gathers.
 *
 * The document estimate is deliberately generous: each record's whole JSON, plus the whole JSON of every
 * source it cites, once per citation (the read model repeats a source under each statement that cites it);
 * the overview counts meetings and participations without their sources, as it shows them.
 */
import { isCountryId, type Dataset, type EntityName } from '../schema/domain.ts';
import { entityNames, primaryKey } from '../load/records.ts';
import type { Issue } from '../load/issue.ts';
import { datasetFiles } from '../schema/domain.ts';

/** One record: far above any real one (the largest is about 1.5 KB), far below an item. */
export const maxRecordBytes = 16_000;
/** What one document may gather, leaving room under DynamoDB's 400 KB for keys and labels. */
export const maxDocumentBytes = 350_000;

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

export function sizeIssues(dataset: Dataset): Issue[] {
  const issues: Issue[] = [];
  for (const entity of entityNames) {
    (dataset[entity] as readonly unknown[]).forEach((record, index) => {
      const size = bytes(record);
      if (size > maxRecordBytes) {
        issues.push({
          file: datasetFiles[entity].file,
          record: primaryKey(entity, record) ?? `#${index}`,
          field: null,
          message: `is ${size} bytes, over the ${maxRecordBytes} one record may take`,
        });
      }
    });
  }

  const sourceBytes = new Map(dataset.sources.map((source) => [source.id, bytes(source)]));
  const cost = (record: { sources: readonly string[] }) =>
    bytes(record) + record.sources.reduce((sum, id) => sum + (sourceBytes.get(id) ?? 0), 0);
  const documents = new Map<string, { entity: EntityName; key: string; total: number }>();
  const addTo = (entity: EntityName, key: string, amount: number) => {
    const id = `${entity}/${key}`;
    const document = documents.get(id) ?? { entity, key, total: 0 };
    document.total += amount;
    documents.set(id, document);
  };
  const actorEntity = (actor: string): EntityName => (isCountryId(actor) ? 'countries' : 'organisations');
  for (const participation of dataset.participations) {
    const amount = cost(participation);
    addTo('meetings', participation.meeting, amount);
    addTo(actorEntity(participation.actor), participation.actor, amount);
    // The overview lists attendees without their sources.
    addTo('meetings', '(overview)', bytes(participation));
  }
  for (const statement of dataset.statements) {
    const amount = cost(statement);
    if (statement.meeting !== null) addTo('meetings', statement.meeting, amount);
    for (const actor of statement.actors) addTo(actorEntity(actor), actor, amount);
  }
  for (const meeting of dataset.meetings) addTo('meetings', '(overview)', bytes(meeting));
  for (const { entity, key, total } of documents.values()) {
    if (total <= maxDocumentBytes) continue;
    const what = key === '(overview)' ? 'the overview (every meeting and participation)' : 'its document';
    issues.push({
      file: datasetFiles[entity].file,
      record: key === '(overview)' ? null : key,
      field: null,
      message: `${what} would gather about ${Math.round(total / 1000)} KB with the sources it cites, over the ${maxDocumentBytes / 1000} KB a database item can hold`,
    });
  }
  return issues;
}
