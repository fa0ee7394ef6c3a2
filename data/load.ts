/**
 * Reading the curated data set. Two entry points:
 * - readDatasetFiles(dir): reads data/records/*.json from disk (the local stack, the tests);
 * - parseDataset(raw): validates already-loaded JSON (the seed Lambda, which has the files bundled in).
 * Both return typed records or throw a DatasetError carrying every problem found, in the checker's format.
 * They check each record against its schema only; references, keys, dates and borders are checked by
 * data/check/ (`npm run data:check`, or checkDataset/checkRawDataset from data/check/check.ts).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { datasetFiles, type Dataset, type EntityName } from './schema/domain.ts';
import { DatasetError, type Issue } from './load/issue.ts';
import { describeJsonError, parseJsonText } from './load/json-text.ts';
import { checkFileRecords, entityNames } from './load/records.ts';

export { DatasetError };

export const recordsDir = fileURLToPath(new URL('./records/', import.meta.url));

/** Each entity file's parsed JSON, not yet validated. */
export type RawDataset = Record<EntityName, unknown>;

/** One data file as read from disk: its JSON, or why it could not be read, in words for the curator. */
export type RawFile = { ok: true; content: unknown } | { ok: false; problem: string };

export async function readRawFile(dir: string, entity: EntityName): Promise<RawFile> {
  let text: string;
  try {
    text = await readFile(path.join(dir, datasetFiles[entity].file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, problem: code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? String(error)})` };
  }
  const parsed = parseJsonText(text);
  return parsed.ok ? { ok: true, content: parsed.value } : { ok: false, problem: describeJsonError(parsed) };
}

export async function readRawFiles(dir: string = recordsDir): Promise<Record<EntityName, RawFile>> {
  const entries = await Promise.all(entityNames.map(async (entity) => [entity, await readRawFile(dir, entity)] as const));
  return Object.fromEntries(entries) as Record<EntityName, RawFile>;
}

/** Throws a DatasetError naming every file that is missing or not valid JSON. */
export async function readRawDataset(dir: string = recordsDir): Promise<RawDataset> {
  const files = await readRawFiles(dir);
  const raw = {} as RawDataset;
  const issues: Issue[] = [];
  for (const entity of entityNames) {
    const read = files[entity];
    if (read.ok) raw[entity] = read.content;
    else issues.push({ file: datasetFiles[entity].file, record: null, field: null, message: read.problem });
  }
  if (issues.length > 0) throw new DatasetError(issues);
  return raw;
}

/** Schema-level parse only (defaults applied); cross-record checks live in data/check/. */
export function parseDataset(raw: RawDataset): Dataset {
  const parsed = {} as Record<EntityName, unknown[]>;
  const issues: Issue[] = [];
  for (const entity of entityNames) {
    const checked = checkFileRecords(entity, raw[entity]);
    if (!checked.ok) {
      issues.push(checked.issue);
      continue;
    }
    issues.push(...checked.records.flatMap((record) => record.issues));
    parsed[entity] = checked.records.map((record) => record.value);
  }
  if (issues.length > 0) throw new DatasetError(issues);
  return parsed as unknown as Dataset;
}

export async function readDatasetFiles(dir: string = recordsDir): Promise<Dataset> {
  return parseDataset(await readRawDataset(dir));
}
