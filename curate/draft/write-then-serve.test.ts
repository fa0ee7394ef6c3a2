/**
 * From an article to the API: `npm run draft -- … --write --data DIR` adds records to a copy of the data,
 * and the local stack started on that copy (seeded by its own seeding path, as `npm start` does) serves
 * them. Checks item 3 of issue 14 ("adds records that … show on the page after restart") at the API the page
 * reads.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatasetFiles, recordsDir } from '../../data/load.ts';
import { startLocalStack, type LocalStack } from '../../local/stack.ts';
import { runDraft } from './cli.ts';

// Made up for this test: words no record holds, so the statement can only come from --write.
const quote = 'Every road and railway through Afghanistan must serve its neighbours in peace, not any foreign army.';
const article = [
  'Lavrov Calls for Peaceful Transit',
  `Russian Foreign Minister Sergey Lavrov said in an interview on Monday: “${quote}”`,
  'He spoke about trade routes to Afghanistan and Central Asia.',
].join('\n\n');

let scratch: string;
let stack: LocalStack | undefined;
let output: string[];
let code: number;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'draft-write-serve-'));
  const data = path.join(scratch, 'records');
  await cp(recordsDir, data, { recursive: true });
  const file = path.join(scratch, 'article.txt');
  await writeFile(file, article);
  output = [];
  code = await runDraft([file, '--published', '2026-03-17', '--url', 'https://example.org/news/lavrov-transit', '--publisher', 'Example News', '--data', data, '--write'], {
    out: (line) => output.push(line),
    err: (line) => output.push(line),
  });
  // The API is what is checked; the page needs only to exist.
  const site = path.join(scratch, 'site');
  await mkdir(site);
  await writeFile(path.join(site, 'index.html'), '<!doctype html><title>map</title>');
  stack = await startLocalStack({ port: 0, quiet: true, staticDir: site, dataset: await readDatasetFiles(data) });
}, 60_000);

afterAll(async () => {
  await stack?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('a drafted article, written and served', () => {
  it('is written as a statement and its source, and data:check passes', async () => {
    expect(code, output.join('\n')).toBe(0);
    expect(output.join('\n')).toMatch(/added 2 records \(data:check passed\)/);
    const statements = JSON.parse(await readFile(path.join(scratch, 'records/statements.json'), 'utf8')) as { id: string; quote: string; date: string; speaker: unknown }[];
    expect(statements.find((statement) => statement.quote === quote)).toMatchObject({ date: '2026-03-16', speaker: { person: 'sergey-lavrov' } });
  });

  it('is served by the local stack seeded from that folder', async () => {
    const response = await fetch(`${stack!.url}/api/statements`);
    expect(response.status).toBe(200);
    const body = JSON.stringify(await response.json());
    expect(body).toContain(quote);
    expect(body).toContain('Example News');
  });
});
