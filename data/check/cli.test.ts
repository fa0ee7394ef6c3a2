import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAVROV_STATEMENT, fixtureRecords, writeDataset } from '../fixtures/dataset.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as a user would (`npx tsx data/check/cli.ts <dir>`), resolving with its exit code and output. */
function runCli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'data/check/cli.ts', ...args], { cwd: projectRoot }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

describe.concurrent('npm run data:check (data/check/cli.ts)', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'data-check-cli-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('prints every problem and exits 1 on a broken copy', async () => {
    const dir = path.join(root, 'broken');
    const data = fixtureRecords();
    data.statements[0]!.sources = ['informeurope-2023-09-30', 'tass-999'];
    data.meetings[0]!.endDate = '2023-09-01';
    await writeDataset(dir, data);

    const run = await runCli(dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.split('\n');
    expect(lines).toContain('meetings.json: moscow-format-5-kazan-2023: endDate: 2023-09-01 is before startDate 2023-09-29');
    expect(lines).toContain(`statements.json: ${LAVROV_STATEMENT}: sources[1]: unknown source "tass-999"`);
    expect(run.stderr).toMatch(/^2 problems in .*broken \(checked in \d+\.\d\d s\)$/m);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('prints the counts and exits 0 on a valid directory', async () => {
    const dir = path.join(root, 'valid');
    await writeDataset(dir, fixtureRecords());

    const run = await runCli(dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/: all checks passed \(\d+\.\d\d s\)\n/);
    expect(run.stdout).toContain(
      [
        '  meetings         2',
        '  countries        9',
        '  organisations    2',
        '  participations  15',
        '  statements       5',
        '  people           2',
        '  sources          9',
        '  coverage         1',
        'sources with a title: 1 (11%), with a date: 4 (44%)',
        'data current to: 2026-12',
      ].join('\n'),
    );
  });

  it('exits 2 with the usage on an unknown option', async () => {
    const run = await runCli('--strict');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage: npm run data:check');
  });
});
