/**
 * Property tests: whatever one corruption does to a valid data set, the checker answers with issues, never
 * with an exception, and its answer agrees with the loader's schema parse.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetFiles, type EntityName } from '../schema/domain.ts';
import { DatasetError, parseDataset, type RawDataset } from '../load.ts';
import { checkRawDataset, formatIssue, type CheckResult } from './check.ts';
import { describeValue } from '../load/issue.ts';
import { fixtureRecords } from '../fixtures/dataset.ts';

const entities = Object.keys(datasetFiles) as EntityName[];
const fileNames = new Set<string>(entities.map((entity) => datasetFiles[entity].file));

type Json = unknown;

/** Where a corruption lands: a record, then a walk of child picks down into it. */
interface Target {
  entity: EntityName;
  recordPick: number;
  childPicks: number[];
}

type Corruption =
  | (Target & { kind: 'delete' })
  | (Target & { kind: 'replace'; value: Json })
  | (Target & { kind: 'swap-type' })
  | { kind: 'duplicate-record'; entity: EntityName; recordPick: number }
  | { kind: 'replace-file'; entity: EntityName; value: Json };

const entityArb = fc.constantFrom(...entities);
const targetArb = fc.record({
  entity: entityArb,
  recordPick: fc.nat(),
  childPicks: fc.array(fc.nat(), { maxLength: 5 }),
});

const corruptionArb: fc.Arbitrary<Corruption> = fc.oneof(
  targetArb.map((target) => ({ ...target, kind: 'delete' as const })),
  fc.tuple(targetArb, fc.jsonValue()).map(([target, value]) => ({ ...target, kind: 'replace' as const, value })),
  targetArb.map((target) => ({ ...target, kind: 'swap-type' as const })),
  fc.record({ entity: entityArb, recordPick: fc.nat(), kind: fc.constant('duplicate-record' as const) }),
  fc.record({ entity: entityArb, value: fc.jsonValue(), kind: fc.constant('replace-file' as const) }),
);

/** A value of another JSON type, keeping some of the content where that is natural. */
function swapType(value: Json): Json {
  if (typeof value === 'string') return value.length;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === null) return 'null';
  if (Array.isArray(value)) return Object.fromEntries(value.map((item, i) => [String(i), item]));
  return Object.values(value as object);
}

function childKeys(container: Json): (string | number)[] {
  if (Array.isArray(container)) return container.map((_, i) => i);
  if (typeof container === 'object' && container !== null) return Object.keys(container);
  return [];
}

function corrupt(data: RawDataset, corruption: Corruption): void {
  if (corruption.kind === 'replace-file') {
    data[corruption.entity] = corruption.value;
    return;
  }
  const records = data[corruption.entity];
  // An earlier corruption may have replaced the whole file.
  if (!Array.isArray(records) || records.length === 0) return;
  const recordIndex = corruption.recordPick % records.length;
  if (corruption.kind === 'duplicate-record') {
    records.push(structuredClone(records[recordIndex]));
    return;
  }
  // Walk down to (parent, key): the value the corruption replaces or removes.
  let parent: Json = records;
  let key: string | number = recordIndex;
  for (const pick of corruption.childPicks) {
    const child = (parent as Record<string | number, Json>)[key];
    const keys = childKeys(child);
    if (keys.length === 0) break;
    parent = child;
    key = keys[pick % keys.length]!;
  }
  const container = parent as Record<string | number, Json>;
  if (corruption.kind === 'delete') {
    if (Array.isArray(container)) container.splice(key as number, 1);
    else delete container[key];
  } else {
    container[key] = corruption.kind === 'replace' ? corruption.value : swapType(container[key]);
  }
}

function checkCorrupted(corruptions: readonly Corruption[]): { data: RawDataset; result: CheckResult } {
  const data = fixtureRecords() as unknown as RawDataset;
  for (const corruption of corruptions) corrupt(data, corruption);
  return { data, result: checkRawDataset(data) };
}

function expectWellFormed(result: CheckResult): void {
  expect(result.dataset === null).toBe(result.issues.length > 0);
  for (const issue of result.issues) {
    expect(fileNames.has(issue.file)).toBe(true);
    expect(issue.message).not.toBe('');
    expect(issue.record).not.toBe('');
    expect(issue.field).not.toBe('');
    expect(formatIssue(issue)).not.toMatch(/undefined|\[object Object\]/);
  }
}

describe('random corruptions of a valid data set', () => {
  it('never crash the checker, and are either still valid or produce well-formed messages', () => {
    fc.assert(
      fc.property(fc.array(corruptionArb, { minLength: 1, maxLength: 3 }), (corruptions) => {
        expectWellFormed(checkCorrupted(corruptions).result);
      }),
      { numRuns: 500 },
    );
  });

  it("agree with the loader: every schema problem parseDataset finds is among the checker's messages", () => {
    fc.assert(
      fc.property(corruptionArb, (corruption) => {
        const { data, result } = checkCorrupted([corruption]);
        const messages = result.issues.map(formatIssue);
        try {
          parseDataset(data);
        } catch (error) {
          if (!(error instanceof DatasetError)) throw error;
          expect(messages).toEqual(expect.arrayContaining(error.issues.map(formatIssue)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('always report a duplicated record', () => {
    fc.assert(
      fc.property(entityArb, fc.nat(), (entity, recordPick) => {
        const { result } = checkCorrupted([{ kind: 'duplicate-record', entity, recordPick }]);
        expect(result.issues.some((issue) => issue.message.startsWith('duplicate key'))).toBe(true);
      }),
    );
  });

  it('always report a file replaced by something that is not an array', () => {
    fc.assert(
      fc.property(
        entityArb,
        fc.jsonValue().filter((value) => !Array.isArray(value)),
        (entity, value) => {
          const { result } = checkCorrupted([{ kind: 'replace-file', entity, value }]);
          expect(result.issues.map(formatIssue)).toContain(
            `${datasetFiles[entity].file}: must be a JSON array of records, got ${describeValue(value)}`,
          );
        },
      ),
    );
  });
});
