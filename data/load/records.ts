/**
 * Schema validation of one data file, record by record, with issues in the checker's format. Shared by the
 * loader's parseDataset (data/load.ts) and the full checker (./check.ts), so both word problems alike.
 */
import type { z } from 'zod';
import { datasetFiles, participationId, type Dataset, type EntityName } from '../schema/domain.ts';
import { describeValue, formatPath, type Issue } from './issue.ts';

export const entityNames = Object.keys(datasetFiles) as EntityName[];

/** One element of a file's array: its printed key, and the typed record when it passed the schema. */
export interface CheckedRecord<E extends EntityName = EntityName> {
  index: number;
  label: string;
  /** The record's primary key, or null when it has none usable (then label is `#<index>`). */
  key: string | null;
  /** The raw element, for checks that must look past a schema failure (keys, the neighbour flag). */
  raw: unknown;
  value: Dataset[E][number] | null;
  issues: Issue[];
}

export type CheckedFile<E extends EntityName = EntityName> =
  | { ok: true; records: CheckedRecord<E>[] }
  | { ok: false; issue: Issue };

export function checkFileRecords<E extends EntityName>(entity: E, content: unknown): CheckedFile<E> {
  const { file } = datasetFiles[entity];
  if (!Array.isArray(content)) {
    return {
      ok: false,
      issue: { file, record: null, field: null, message: `must be a JSON array of records, got ${describeValue(content)}` },
    };
  }
  return { ok: true, records: content.map((raw: unknown, index) => checkRecord(entity, raw, index)) };
}

function checkRecord<E extends EntityName>(entity: E, raw: unknown, index: number): CheckedRecord<E> {
  const { file, schema } = datasetFiles[entity];
  const key = primaryKey(entity, raw);
  const label = key ?? `#${index}`;
  if (!isPlainObject(raw)) {
    const message = `must be a JSON object, got ${describeValue(raw)}`;
    return { index, label, key, raw, value: null, issues: [{ file, record: label, field: null, message }] };
  }
  const result = (schema as z.ZodType).safeParse(raw, { reportInput: true });
  if (result.success) return { index, label, key, raw, value: result.data as Dataset[E][number], issues: [] };
  // Zod runs every check of a field ("29.09.2023" fails both the pattern and the calendar check): keep the
  // first, which says what to fix.
  const seenFields = new Set<string | null>();
  const issues: Issue[] = [];
  for (const { field, message } of result.error.issues.flatMap(describeZodIssue)) {
    if (seenFields.has(field)) continue;
    seenFields.add(field);
    issues.push({ file, record: label, field, message });
  }
  return { index, label, key, raw, value: null, issues };
}

/** countries: iso3; participations: `meeting/actor`; the rest: id. Null unless every part is a non-empty string. */
export function primaryKey(entity: EntityName, raw: unknown): string | null {
  if (!isPlainObject(raw)) return null;
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
  if (entity === 'participations') {
    const meeting = text(raw.meeting);
    const actor = text(raw.actor);
    return meeting !== null && actor !== null ? participationId({ meeting, actor }) : null;
  }
  return text(raw[entity === 'countries' ? 'iso3' : 'id']);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const typeNames: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
};

/** Zod's default wording is written for programmers; curators get the field, what it must be, what it is. */
function describeZodIssue(issue: z.core.$ZodIssue): { field: string | null; message: string }[] {
  const field = formatPath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ field: formatPath([...issue.path, key]), message: 'unknown field' }));
    case 'invalid_type':
      if (issue.input === undefined) return [{ field, message: 'is required' }];
      return [{ field, message: `must be ${typeNames[issue.expected] ?? issue.expected}, got ${describeValue(issue.input)}` }];
    case 'invalid_value':
      return [
        {
          field,
          message: `must be one of ${issue.values.map((value) => describeValue(value)).join(', ')}, got ${describeValue(issue.input)}`,
        },
      ];
    case 'too_small':
    case 'too_big':
      if (issue.origin === 'number') {
        const bound =
          issue.code === 'too_small'
            ? `${issue.inclusive === false ? 'greater than' : 'at least'} ${issue.minimum}`
            : `${issue.inclusive === false ? 'less than' : 'at most'} ${issue.maximum}`;
        return [{ field, message: `must be ${bound}, got ${describeValue(issue.input)}` }];
      }
      return [{ field, message: issue.message }];
    default:
      // Our own refinements and formats ("is not a real calendar date"): show the offending text first.
      return [{ field, message: typeof issue.input === 'string' ? `${describeValue(issue.input)} ${issue.message}` : issue.message }];
  }
}
