import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordsDir } from '../../data/load.ts';
import { appendRecords } from '../records-writer.ts';
import { runDraft } from './cli.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const cli = path.join(root, 'curate/draft/cli.ts');

/** In process: the same code path as the command, without paying a process start per case. */
async function draft(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDraft(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, stdout: out.map((line) => `${line}\n`).join(''), stderr: err.map((line) => `${line}\n`).join('') };
}

/** As a real process: exit code and stderr exactly as a curator sees them. */
async function draftProcess(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, [cli, ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let dir: string;
const file = (name: string) => path.join(dir, name);
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'draft-cli-'));
  await writeFile(file('empty.txt'), '');
  await writeFile(file('binary.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
  await writeFile(file('persian.txt'), 'وزیر خارجه روسیه گفت که حضور نظامی آمریکا در افغانستان و کشورهای همسایه آن غیرقابل قبول است.');
  await writeFile(file('german.txt'), 'Der russische Außenminister Lawrow sagte am Dienstag in Moskau, eine Rückkehr amerikanischer Militärstützpunkte nach Afghanistan sei für Russland völlig inakzeptabel und gefährlich.');
  await writeFile(file('unrelated.txt'), 'The city council approved a new budget for parks and libraries on Monday, the mayor said. "It is a good day for the city," she told reporters.');
  await writeFile(file('article.txt'), 'Lavrov said on Tuesday: “We reject any foreign military bases in Afghanistan.”');
});

const oneLine = (stderr: string) => {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
};

describe('npm run draft on bad input: one line, exit 1, no stack trace', () => {
  it.each([
    ['an empty file', ['empty.txt'], /is empty/],
    ['a binary file', ['binary.bin'], /not text/],
    ['a missing file', ['nothing-here.txt'], /no such file/],
    ['a non-English article (Persian)', ['persian.txt'], /not in Latin script/],
    ['a non-English article (German)', ['german.txt'], /does not read as English/],
    ['a future publication date', ['article.txt', '--published', '2999-01-01'], /in the future/],
    ['a malformed publication date', ['article.txt', '--published', '2025-02-30'], /must be a date written YYYY-MM-DD/],
    ['--write without a source', ['article.txt', '--write'], /--write needs --url and --publisher/],
    ['data that fails data:check', ['article.txt', '--data', 'no-such-dir.d'], /does not pass data:check/],
  ])('%s', async (_what, args, message) => {
    const result = await draft(...args.map((arg) => (arg.includes('.') && !arg.startsWith('-') && !/^\d/.test(arg) ? file(arg) : arg)));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    oneLine(result.stderr);
  });

  it('says so in one line as a real process too (a binary file)', async () => {
    const result = await draftProcess(file('binary.bin'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^draft: .*binary\.bin is not text/);
    oneLine(result.stderr);
  });

  it('gives an empty draft with the reason for an unrelated article', async () => {
    const result = await draft(file('unrelated.txt'), '--published', '2025-10-08');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).emptyBecause).toMatch(/does not mention Afghanistan/);
    oneLine(result.stderr);
  });
});

describe('npm run draft --write', () => {
  it('adds records that pass data:check, and nothing twice', async () => {
    const data = await mkdtemp(path.join(tmpdir(), 'draft-data-'));
    await cp(recordsDir, data, { recursive: true });
    const article = path.join(root, 'data/draft-eval/newser-375543-2025-09-21-bagram.txt');
    const args = [article, '--published', '2025-09-21', '--url', 'https://www.newser.com/story/375543/x.html', '--publisher', 'Newser', '--data', data, '--write'];
    const first = await draft(...args);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/added \d+ records \(data:check passed\)/);
    const statements = JSON.parse(await readFile(path.join(data, 'statements.json'), 'utf8')) as { id: string; quote: string }[];
    expect(statements.some((s) => s.quote.startsWith('We want it back, and we want it back right away.'))).toBe(true);
    const second = await draft(...args);
    expect(second.stdout).toMatch(/nothing new to add/);
    expect(second.stdout).toMatch(/already recorded as/);
  });

  it('writes nothing when the result would fail data:check', async () => {
    const data = await mkdtemp(path.join(tmpdir(), 'draft-data-'));
    await cp(recordsDir, data, { recursive: true });
    const snapshot = async () => Promise.all((await readdir(data)).sort().map(async (name) => [name, await readFile(path.join(data, name), 'utf8')]));
    const before = await snapshot();
    const result = await appendRecords(data, { statements: [{ id: 'bad-statement', speaker: { person: 'nobody-known' }, actors: ['RUS'], date: '2025-10-07', meeting: null, quote: 'x', quoteSource: 'no-such-source', delivery: 'spoken', confidence: { level: 'confirmed' }, sources: ['no-such-source'] }] });
    expect(result.ok).toBe(false);
    expect(await snapshot()).toEqual(before);
    expect((await readdir(path.dirname(data))).filter((name) => name.startsWith(`.${path.basename(data)}-draft-`))).toEqual([]);
  });
});
