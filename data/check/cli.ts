/**
 * `npm run data:check [-- <dir>]`: checks data/records/ (or <dir>), prints every problem, one per line, on
 * stderr and exits 1; or prints the record counts on stdout and exits 0. Exit 2 means a usage error.
 */
import path from 'node:path';
import { currentTo, type Dataset } from '../schema/domain.ts';
import { recordsDir } from '../load.ts';
import { checkDataset, formatIssue } from './check.ts';

const usage = 'usage: npm run data:check [-- <data directory>]   (default: data/records/)';

/** The order a reader thinks in: meetings first, the sources behind them last. */
const countedEntities = ['meetings', 'countries', 'organisations', 'participations', 'statements', 'people', 'sources', 'coverage'] as const;

const percent = (part: number, whole: number) => (whole === 0 ? '0%' : `${Math.round((part / whole) * 100)}%`);

function formatCounts(dataset: Dataset): string {
  const width = Math.max(...countedEntities.map((entity) => entity.length));
  const digits = Math.max(...countedEntities.map((entity) => String(dataset[entity].length).length));
  const sources = dataset.sources;
  const titled = sources.filter((source) => source.title !== null).length;
  const dated = sources.filter((source) => source.published !== null).length;
  const current = currentTo(dataset.coverage);
  return [
    ...countedEntities.map((entity) => `  ${entity.padEnd(width)}  ${String(dataset[entity].length).padStart(digits)}`),
    `sources with a title: ${titled} (${percent(titled, sources.length)}), with a date: ${dated} (${percent(dated, sources.length)})`,
    `data current to: ${current ?? 'unknown (no coverage searches recorded)'}`,
  ].join('\n');
}

async function main(args: readonly string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    return 0;
  }
  if (args.length > 1 || args.some((arg) => arg.startsWith('-'))) {
    console.error(usage);
    return 2;
  }
  const dir = args[0] ?? recordsDir;
  const shownDir = path.relative(process.cwd(), dir) || '.';
  const started = performance.now();
  const { issues, dataset } = await checkDataset(dir);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (dataset === null) {
    for (const issue of issues) console.error(formatIssue(issue));
    console.error(`\n${issues.length} problem${issues.length === 1 ? '' : 's'} in ${shownDir} (checked in ${seconds} s)`);
    return 1;
  }
  console.log(`${shownDir}: all checks passed (${seconds} s)\n${formatCounts(dataset)}`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
