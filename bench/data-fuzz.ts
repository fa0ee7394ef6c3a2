/**
 * Data fuzz: random corruptions of the real data files, each one invalid by construction (a wrong type, an
 * unknown field, a missing key, a dangling reference, a duplicate key, an impossible date, inverted dates, a
 * second host, an unknown enumeration value, a bad URL, a file that is not an array, a record that is not an
 * object, a wrong ISO numeric code, a neighbour flag Natural Earth disagrees with), one to three at a time.
 *
 * For every corrupted data set:
 * - the checker behind `npm run data:check` (checkRawDataset) must report at least one issue, each with a
 *   message, and never throw;
 * - the seed as deployed (the CloudFormation custom resource handler, with the corrupted files as its
 *   bundled data) must answer FAILED without sending a single request to DynamoDB: it runs the same
 *   validator as data:check, so every corruption, ISO codes and Natural Earth included, is refused by both.
 * Text corruptions (a cut file, a trailing comma, a control character) must fail the JSON read with a message.
 */
import { startEmbeddedDynamoDb } from '../local/embedded-dynamodb.ts';
import { checkRawDataset, formatIssue, validateDataset } from '../data/check/check.ts';
import { describeJsonError, parseJsonText } from '../data/load/json-text.ts';
import { readRawDataset, recordsDir, type RawDataset } from '../data/load.ts';
import { datasetFiles, type EntityName } from '../data/schema/domain.ts';
import { createDynamoDbClient } from '../functions/adapters/dynamodb/client.ts';
import { ensureTable } from '../functions/adapters/dynamodb/table.ts';
import { makeHandler, type SeedEvent } from '../functions/seed/custom-resource.ts';
import { countDynamoDbRequests } from '../functions/test-support/request-counter.ts';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { seededRandom } from '../local/test-support/hostile-requests.ts';

export const corruptionKinds = [
  'wrong-type',
  'unknown-field',
  'missing-key',
  'dangling-reference',
  'duplicate-key',
  'impossible-date',
  'inverted-dates',
  'second-host',
  'unknown-enum',
  'bad-url',
  'file-not-array',
  'record-not-object',
  'iso-numeric',
  'neighbour-flag',
] as const;
export type CorruptionKind = (typeof corruptionKinds)[number];

type Random = () => number;
type JsonRecord = Record<string, unknown>;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const recordsOf = (data: RawDataset, entity: EntityName): JsonRecord[] | null => {
  const records = data[entity];
  return Array.isArray(records) && records.length > 0 && records.every((record) => typeof record === 'object' && record !== null && !Array.isArray(record))
    ? (records as JsonRecord[])
    : null;
};
const entities = Object.keys(datasetFiles) as EntityName[];
const keyFields: Record<EntityName, readonly string[]> = {
  countries: ['iso3'],
  organisations: ['id'],
  meetings: ['id'],
  participations: ['meeting', 'actor'],
  statements: ['id'],
  people: ['id'],
  sources: ['id'],
  coverage: ['id'],
};

/**
 * Applies one corruption of `kind`; false when this data set offers no place for it (a file already
 * replaced, say), so the caller picks another. Every corruption makes the data invalid by the rules in
 * data/README.md, whatever record it lands on.
 */
export function corrupt(data: RawDataset, kind: CorruptionKind, random: Random): boolean {
  const entity = pick(random, entities);
  const records = recordsOf(data, entity);
  const record = records === null ? null : pick(random, records);
  const in_ = (name: EntityName) => {
    const list = recordsOf(data, name);
    return list === null ? null : pick(random, list);
  };
  switch (kind) {
    case 'wrong-type': {
      if (record === null) return false;
      const field = pick(random, Object.keys(record));
      const value = record[field];
      // Objects are strict and no field takes an array where it has an object: either is refused.
      record[field] = typeof value === 'object' && value !== null && !Array.isArray(value) ? [value] : { unexpected: true };
      return true;
    }
    case 'unknown-field':
      if (record === null) return false;
      record[`bench-${Math.floor(random() * 1e6)}`] = pick(random, [1, 'x', null, [], {}]);
      return true;
    case 'missing-key':
      if (record === null) return false;
      delete record[pick(random, keyFields[entity])];
      return true;
    case 'dangling-reference': {
      const choices: (() => boolean)[] = [
        () => set(in_('meetings'), 'host', 'ZZZ'),
        () => set(in_('participations'), 'meeting', 'bench-no-such-meeting'),
        () => set(in_('participations'), 'actor', pick(random, ['ZZZ', 'bench-no-such-organisation'])),
        () => set(in_('statements'), 'meeting', 'bench-no-such-meeting'),
        () => setIn(in_('statements'), 'actors', 0, 'bench-no-such-organisation'),
        () => setIn(in_(pick(random, ['meetings', 'participations', 'statements'] as const)), 'sources', 0, 'bench-no-such-source'),
        () => setIn(in_('countries'), 'memberships', 0, { organisation: 'bench-no-such-organisation', status: 'member', sources: [] }),
      ];
      return pick(random, choices)();
    }
    case 'duplicate-key':
      if (records === null || record === null) return false;
      records.push(structuredClone(record));
      return true;
    case 'impossible-date': {
      const date = pick(random, ['2023-02-30', '2023-13-01', '29.09.2023', '', '2023-9-1', '0000-00-00']);
      return pick(random, [
        () => set(in_('meetings'), pick(random, ['startDate', 'endDate']), date),
        () => set(in_('statements'), 'date', date),
        () => set(in_('sources'), 'published', date),
      ])();
    }
    case 'inverted-dates': {
      const meeting = in_('meetings');
      if (meeting === null || typeof meeting.startDate !== 'string') return false;
      const start = new Date(`${meeting.startDate}T00:00:00Z`);
      if (Number.isNaN(start.getTime())) return false;
      meeting.endDate = new Date(start.getTime() - 86_400_000).toISOString().slice(0, 10);
      return true;
    }
    case 'second-host': {
      // A participation claims the host role for an actor that is not the meeting's host.
      const meetings = recordsOf(data, 'meetings');
      const participations = recordsOf(data, 'participations');
      if (meetings === null || participations === null) return false;
      const hostOf = new Map(meetings.map((meeting) => [meeting.id, meeting.host]));
      const candidates = participations.filter((p) => typeof p.actor === 'string' && hostOf.has(p.meeting) && hostOf.get(p.meeting) !== p.actor);
      if (candidates.length === 0) return false;
      pick(random, candidates).role = 'host';
      return true;
    }
    case 'unknown-enum':
      return pick(random, [
        () => set(in_('participations'), pick(random, ['role', 'level', 'endorsedOutcome']), 'bench-unknown'),
        () => set(in_('meetings'), pick(random, ['series', 'format']), 'bench-unknown'),
        () => set(in_('statements'), pick(random, ['delivery', 'extent']), 'bench-unknown'),
      ])();
    case 'bad-url':
      return set(in_('sources'), 'url', pick(random, ['not a url', 'ftp://example.org/a', 'javascript:alert(1)', '//example.org/a', 'https://']));
    case 'file-not-array':
      data[entity] = pick(random, [{}, 'records', 42, null, true, { records: data[entity] }]);
      return true;
    case 'record-not-object':
      if (records === null) return false;
      (records as unknown[])[Math.floor(random() * records.length)] = pick(random, ['record', 7, null, [], true]);
      return true;
    case 'iso-numeric': {
      const country = in_('countries');
      if (country === null || typeof country.isoNumeric !== 'string') return false;
      // A well-formed code that belongs to no country, or to another.
      country.isoNumeric = country.isoNumeric === '999' ? '998' : '999';
      return true;
    }
    case 'neighbour-flag': {
      const countries = recordsOf(data, 'countries');
      const sources = recordsOf(data, 'sources');
      const far = countries?.filter((country) => ['RUS', 'USA', 'IND', 'TUR', 'QAT', 'HUN'].includes(String(country.iso3)) && country.neighbourOfAfghanistan == null);
      if (!far?.length || !sources?.length) return false;
      pick(random, far).neighbourOfAfghanistan = { borderKm: 100, sources: [sources[0]?.id] };
      return true;
    }
  }
}

function set(record: JsonRecord | null, field: string, value: unknown): boolean {
  if (record === null) return false;
  record[field] = value;
  return true;
}

function setIn(record: JsonRecord | null, field: string, index: number, value: unknown): boolean {
  if (record === null || !Array.isArray(record[field])) return false;
  (record[field] as unknown[])[index] = value;
  return true;
}

export interface DataFuzzReport {
  readonly datasets: number;
  readonly seed: number;
  readonly corruptionsByKind: Readonly<Record<CorruptionKind, number>>;
  /** Corrupted data sets the checker passed (must be 0), or threw on (must be 0). */
  readonly acceptedByChecker: number;
  readonly checkerCrashes: number;
  /** The seed answered FAILED before any DynamoDB request. */
  readonly refusedBySeed: number;
  /** Seeded although corrupted: only data:check catches these kinds (deploy runs it first). */
  /** Seeded although corrupted with a kind the seed must refuse (must be 0). */
  readonly acceptedBySeed: number;
  /** DynamoDB requests sent by a seed that refused (must be 0). */
  readonly requestsBeforeRefusal: number;
  readonly textCorruptions: { readonly files: number; readonly rejectedWithMessage: number };
  /** One checker message per kind, as an example. */
  readonly exampleMessages: Readonly<Partial<Record<CorruptionKind, string>>>;
  readonly failures: readonly string[];
  readonly passed: boolean;
}

const createEvent = (tableName: string): SeedEvent => ({
  RequestType: 'Create',
  ServiceToken: 'bench',
  ResponseURL: 'http://127.0.0.1:9/unused',
  StackId: 'bench',
  RequestId: 'bench',
  LogicalResourceId: 'Seed',
  ResourceType: 'Custom::SeedTable',
  ResourceProperties: { ServiceToken: 'bench', TableName: tableName },
});

export async function fuzzData({ datasets = 1_000, seed = 20261122, textFiles = 300 } = {}): Promise<DataFuzzReport> {
  const original = await readRawDataset();
  const dynamodb = await startEmbeddedDynamoDb();
  const client = createDynamoDbClient({ endpoint: dynamodb.endpoint, placeholderCredentials: true });
  const tableName = 'bench-data-fuzz';
  const silence = console.log;
  try {
    await ensureTable(client, tableName);
    const counter = countDynamoDbRequests(client);
    const corruptionsByKind = Object.fromEntries(corruptionKinds.map((kind) => [kind, 0])) as Record<CorruptionKind, number>;
    const exampleMessages: Partial<Record<CorruptionKind, string>> = {};
    const failures: string[] = [];
    const counts = { acceptedByChecker: 0, checkerCrashes: 0, refusedBySeed: 0, acceptedBySeed: 0, requestsBeforeRefusal: 0 };
    const fail = (message: string) => void (failures.length < 10 && failures.push(message));
    // The seed handler logs a JSON line per event; a thousand refusals would bury the report.
    console.log = () => {};

    for (let index = 0; index < datasets; index++) {
      const random = seededRandom(seed + index);
      const data = structuredClone(original);
      const applied: CorruptionKind[] = [];
      const wanted = 1 + Math.floor(random() * 3);
      for (let attempt = 0; applied.length < wanted && attempt < 20; attempt++) {
        const kind = pick(random, corruptionKinds);
        if (corrupt(data, kind, random)) applied.push(kind);
      }
      for (const kind of applied) corruptionsByKind[kind] += 1;
      const label = `#${index} (${applied.join(', ')})`;

      let issues: string[];
      try {
        issues = checkRawDataset(data).issues.map(formatIssue);
      } catch (error) {
        counts.checkerCrashes += 1;
        fail(`${label}: the checker threw ${String(error)}`);
        continue;
      }
      if (issues.length === 0) {
        counts.acceptedByChecker += 1;
        fail(`${label}: data:check found nothing`);
      }
      if (applied.length === 1 && issues[0] !== undefined) exampleMessages[applied[0] as CorruptionKind] ??= issues[0];

      counter.reset();
      const answer = await makeHandler({ client, loadDataset: () => validateDataset(data), respond: async () => {} })(createEvent(tableName));
      if (answer.Status === 'FAILED') {
        counts.refusedBySeed += 1;
        counts.requestsBeforeRefusal += counter.sent.length;
        if (counter.sent.length > 0) fail(`${label}: the seed refused after ${counter.sent.join(', ')}`);
      } else {
        counts.acceptedBySeed += 1;
        fail(`${label}: the seed wrote it`);
      }
    }
    counter.remove();

    const text = await textFuzz(textFiles, seed, fail);
    return {
      datasets,
      seed,
      corruptionsByKind,
      ...counts,
      textCorruptions: text,
      exampleMessages,
      failures,
      passed:
        counts.acceptedByChecker === 0 &&
        counts.checkerCrashes === 0 &&
        counts.acceptedBySeed === 0 &&
        counts.requestsBeforeRefusal === 0 &&
        text.rejectedWithMessage === text.files,
    };
  } finally {
    console.log = silence;
    client.destroy();
    await dynamodb.close();
  }
}

/** A cut file (before its closing bracket), a trailing comma, a control character: never valid JSON. */
async function textFuzz(files: number, seed: number, fail: (message: string) => void) {
  const texts = await Promise.all(entities.map(async (entity) => readFile(path.join(recordsDir, datasetFiles[entity].file), 'utf8')));
  let rejectedWithMessage = 0;
  for (let index = 0; index < files; index++) {
    const random = seededRandom(seed + 1_000_000 + index);
    const text = pick(random, texts);
    const closing = text.lastIndexOf(']');
    const at = 1 + Math.floor(random() * (closing - 1));
    const corrupted = pick(random, [
      () => text.slice(0, at),
      () => {
        const brace = text.indexOf('}', at);
        return brace === -1 ? text.slice(0, at) : `${text.slice(0, brace)},${text.slice(brace)}`;
      },
      () => `${text.slice(0, at)}\u0001${text.slice(at)}`,
    ])();
    const parsed = parseJsonText(corrupted);
    if (!parsed.ok && describeJsonError(parsed).length > 0) rejectedWithMessage += 1;
    else fail(`text #${index}: a corrupted file still parsed`);
  }
  return { files, rejectedWithMessage };
}
