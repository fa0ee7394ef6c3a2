/**
 * Reading the curated data set. Two entry points:
 * - readDatasetFiles(dir): reads data/records/*.json from disk (the checker, the local stack, the tests);
 * - parseDataset(raw): validates already-loaded JSON (the seed Lambda, which has the files bundled in).
 * Both return typed records or throw with every problem found (see data/check/ for the full checker).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { datasetFiles, type Dataset, type EntityName } from './schema/domain.ts';

export const recordsDir = fileURLToPath(new URL('./records/', import.meta.url));

export type RawDataset = Record<EntityName, unknown>;

export async function readRawDataset(dir: string = recordsDir): Promise<RawDataset> {
  const entries = await Promise.all(
    (Object.keys(datasetFiles) as EntityName[]).map(async (entity) => {
      const file = path.join(dir, datasetFiles[entity].file);
      const text = await readFile(file, 'utf8');
      return [entity, JSON.parse(text)] as const;
    }),
  );
  return Object.fromEntries(entries) as RawDataset;
}

/** Schema-level parse only; cross-record checks live in data/check/. */
export function parseDataset(raw: RawDataset): Dataset {
  const parsed = {} as Record<EntityName, unknown[]>;
  for (const entity of Object.keys(datasetFiles) as EntityName[]) {
    const { schema } = datasetFiles[entity];
    const records = raw[entity];
    if (!Array.isArray(records)) throw new Error(`${datasetFiles[entity].file}: must be a JSON array of records`);
    parsed[entity] = records.map((record) => schema.parse(record));
  }
  return parsed as unknown as Dataset;
}

export async function readDatasetFiles(dir: string = recordsDir): Promise<Dataset> {
  return parseDataset(await readRawDataset(dir));
}
