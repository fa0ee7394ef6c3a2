/**
 * One problem found in the curated data, and its one printed form:
 *
 *   <file>: <record>: <field>: <message>
 *   statements.json: lavrov-kazan-2023-unacceptable: sources[1]: unknown source "tass-999"
 *
 * `record` is the record's primary key (iso3, id, or `meeting/actor` for a participation), or `#<index>`
 * (0-based position in the file's array) when the record has no usable key. Problems with the file as a
 * whole (missing, invalid JSON, not an array) have no record and no field; a problem with the record as a
 * whole (not an object, missing from the file) has no field. Absent parts are left out, never printed empty.
 */
export interface Issue {
  /** The file's name inside the data directory, e.g. `statements.json`. */
  file: string;
  record: string | null;
  /** Path inside the record, written as in JavaScript: `sources[1]`, `speaker.name`. */
  field: string | null;
  message: string;
}

export function formatIssue(issue: Issue): string {
  return [issue.file, issue.record, issue.field, issue.message].filter((part) => part !== null).join(': ');
}

/** Thrown by the loader (data/load.ts) when the data cannot be used; carries every issue, not the first. */
export class DatasetError extends Error {
  constructor(readonly issues: readonly Issue[]) {
    super(`the data set has ${issues.length} problem(s):\n${issues.map(formatIssue).join('\n')}`);
    this.name = 'DatasetError';
  }
}

/** `sources[1]`, `variants[0].source`: a zod path written the way a reader would look it up. */
export function formatPath(path: readonly PropertyKey[]): string | null {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? null : text;
}

/** A value as it reads in a message: `"zoom"`, `5`, `null`, `an array`, `an object`. Long strings are cut. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return String(value);
}
