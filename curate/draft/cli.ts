/**
 * `npm run draft -- <article.txt> [--published YYYY-MM-DD] [--url URL] [--publisher NAME] [--data DIR] [--write]`
 *
 * Prints the draft (data/schema/draft.ts) as JSON on stdout. With --write, turns it into records in the data
 * folder (checked before anything is replaced) and prints what was added. Exit codes: 0 done; 1 the input
 * or the data could not be used (one line on stderr saying why); 2 a usage error.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { checkDataset } from '../../data/check/check.ts';
import { recordsDir } from '../../data/load.ts';
import { checkDraftAgainstText, draftSchema } from '../../data/schema/draft.ts';
import { httpUrlSchema } from '../../data/schema/domain.ts';
import { appendRecords } from '../records-writer.ts';
import { today } from './dates.ts';
import { draftArticle } from './draft.ts';
import { articleText, InputError, publishedDate } from './input.ts';
import { draftToRecords } from './to-records.ts';

const usage = 'usage: npm run draft -- <article.txt> [--published YYYY-MM-DD] [--url URL] [--publisher NAME] [--data DIR] [--write]';

class UsageError extends Error {}

export interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
}

async function main(argv: readonly string[], { out, err }: Output): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        published: { type: 'string' },
        url: { type: 'string' },
        publisher: { type: 'string' },
        data: { type: 'string' },
        write: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(usage);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'name the article file' : 'name one article file');
  const file = positionals[0]!;
  const published = values.published === undefined ? null : publishedDate(values.published, today());
  if (values.url !== undefined && !httpUrlSchema.safeParse(values.url).success) throw new InputError(`--url must be an absolute http(s) URL, got "${values.url}"`);
  if (values.write && (values.url === undefined || values.publisher === undefined)) throw new InputError('--write needs --url and --publisher: every record cites its source');

  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? 'unknown error')}`);
  }
  const text = articleText(bytes, file);

  const dataDir = values.data ?? recordsDir;
  const { issues, dataset } = await checkDataset(dataDir);
  if (dataset === null) throw new InputError(`the data in ${dataDir} does not pass data:check (${issues.length} problem${issues.length === 1 ? '' : 's'}; run npm run data:check -- ${dataDir})`);

  const draft = draftArticle(text, dataset, { published, url: values.url ?? null, publisher: values.publisher ?? null });
  const problems = [...(draftSchema.safeParse(draft).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? []), ...checkDraftAgainstText(draft, text)];
  if (problems.length > 0) throw new Error(`the draft is not valid: ${problems[0]}`);

  if (!values.write) {
    out(JSON.stringify(draft, null, 2));
    if (draft.emptyBecause !== null) err(`draft: empty draft: ${draft.emptyBecause}`);
    return 0;
  }
  if (draft.emptyBecause !== null) throw new InputError(`nothing to write: ${draft.emptyBecause}`);
  const { records, skipped } = draftToRecords(draft, dataset, { url: values.url!, publisher: values.publisher!, published });
  for (const reason of skipped) out(`skipped: ${reason}`);
  const result = await appendRecords(dataDir, records);
  if (!result.ok) {
    err(`draft: nothing written: the records would fail data:check:`);
    for (const problem of result.problems) err(`  ${problem}`);
    return 1;
  }
  out(result.added.length === 0 ? 'nothing new to add' : `added ${result.added.length} record${result.added.length === 1 ? '' : 's'} (data:check passed):`);
  for (const line of result.added) out(`  ${line}`);
  return 0;
}

/** Runs the command; every message goes through `output`, one line per problem, never a stack trace. */
export async function runDraft(argv: readonly string[], output: Output): Promise<number> {
  try {
    return await main(argv, output);
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`draft: ${error.message}\n${usage}`);
      return 2;
    }
    // One line: the curator needs the reason, not the call chain.
    output.err(`draft: ${error instanceof InputError ? '' : 'internal error: '}${(error as Error).message}`);
    return 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runDraft(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) });
}
