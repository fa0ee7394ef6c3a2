/**
 * Adding records to a data folder without ever leaving it failing `data:check`: the folder is copied to a
 * sibling temporary folder, the new records are appended there, the copy is checked with the same checker
 * as `npm run data:check`, and only then are the two folders swapped. When the check fails, the temporary
 * folder is removed and the data folder is untouched.
 */
import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkDataset, formatIssue } from '../data/check/check.ts';
import { datasetFiles, type EntityName } from '../data/schema/domain.ts';

export type NewRecords = Partial<Record<EntityName, Record<string, unknown>[]>>;

export type WriteResult = { ok: true; added: string[] } | { ok: false; problems: string[] };

export async function appendRecords(dataDir: string, records: NewRecords): Promise<WriteResult> {
  const dir = path.resolve(dataDir);
  const scratch = await mkdtemp(path.join(path.dirname(dir), `.${path.basename(dir)}-draft-`));
  try {
    await cp(dir, scratch, { recursive: true });
    const added: string[] = [];
    for (const [entity, list] of Object.entries(records) as [EntityName, Record<string, unknown>[]][]) {
      if (list.length === 0) continue;
      const file = path.join(scratch, datasetFiles[entity].file);
      const current = JSON.parse(await readFile(file, 'utf8')) as unknown[];
      await writeFile(file, `${JSON.stringify([...current, ...list], null, 2)}\n`);
      for (const record of list) added.push(`${datasetFiles[entity].file}: ${String(record.id ?? `${String(record.meeting)}/${String(record.actor)}`)}`);
    }
    const { issues } = await checkDataset(scratch);
    if (issues.length > 0) return { ok: false, problems: issues.map(formatIssue) };
    const old = `${scratch}-old`;
    await rename(dir, old);
    try {
      await rename(scratch, dir);
    } catch (error) {
      await rename(old, dir);
      throw error;
    }
    await rm(old, { recursive: true, force: true });
    return { ok: true, added };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** A slug from any words: "Afghanistan International" → "afghanistan-international". */
export function slugify(words: string): string {
  return words
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** `base`, or `base-2`, `base-3`… whichever is not taken. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
