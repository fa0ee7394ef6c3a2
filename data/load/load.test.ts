import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatasetError, parseDataset, readDatasetFiles, readRawDataset } from '../load.ts';
import { formatIssue } from './issue.ts';
import { KAZAN, TEHRAN, fixtureRecords, writeDataset } from '../fixtures/dataset.ts';

describe('data/load.ts', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'data-load-'));
    await writeDataset(dir, fixtureRecords());
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads and parses a directory, applying defaults', async () => {
    const dataset = await readDatasetFiles(dir);
    expect(dataset.meetings.map((meeting) => meeting.id)).toEqual([KAZAN, TEHRAN]);
    expect(dataset.organisations[0]?.description).toBeUndefined();
    expect(dataset.countries[0]?.memberships).toEqual([]);
  });

  it('names every unreadable file in one error', async () => {
    await rm(path.join(dir, 'sources.json'));
    await writeFile(path.join(dir, 'meetings.json'), '[\n  {,\n]\n');
    const error = await readRawDataset(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as DatasetError).issues.map(formatIssue)).toEqual([
      `meetings.json: invalid JSON at line 2, column 4: expected a property name in double quotes, found ','`,
      'sources.json: file not found',
    ]);
  });

  it('parseDataset reports every schema problem in the checker format, and no cross-record ones', () => {
    const data = fixtureRecords();
    data.meetings[0]!.startDate = '2023-02-30';
    data.statements[0]!.sources = ['tass-999'];
    (data.participations as unknown[]).push(42);
    expect(() => parseDataset(data)).toThrow(
      [
        'the data set has 2 problem(s):',
        `meetings.json: ${KAZAN}: startDate: "2023-02-30" is not a real calendar date`,
        'participations.json: #15: must be a JSON object, got 42',
      ].join('\n'),
    );
  });
});
