/**
 * `npm run new:meeting -- --series moscow-format --round 8 --start 2026-10-06 --city Moscow --host RUS
 *   --attendee CHN --attendee AFG:guest --url URL --publisher NAME [--end …] [--format in-person]
 *   [--title …] [--published …] [--data DIR] [--dry-run]`
 *
 * Writes a meeting, its participations and the source they cite as records that pass data:check (checked
 * before anything is replaced). Asks for what is missing when run in a terminal; otherwise says what is
 * missing and exits 2. The host is added with role "host"; `--attendee ISO3[:role]` adds the others.
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { recordsDir, readDatasetFiles } from '../data/load.ts';
import { meetingSeries, participationRoles } from '../data/schema/domain.ts';
import { seriesTitle } from '../data/schema/titles.ts';
import { appendRecords, slugify, uniqueId } from './records-writer.ts';

const usage =
  'usage: npm run new:meeting -- --series <moscow-format|neighbours-foreign-ministers|other> [--round N] --start YYYY-MM-DD [--end YYYY-MM-DD] --city CITY --host ISO3 [--attendee ISO3[:role]]… --url URL --publisher NAME [--title TITLE] [--format in-person|online|hybrid] [--published YYYY-MM-DD] [--data DIR] [--dry-run]';

class UsageError extends Error {}

const required = ['series', 'start', 'city', 'host', 'url', 'publisher'] as const;

async function main(argv: readonly string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        series: { type: 'string' },
        round: { type: 'string' },
        start: { type: 'string' },
        end: { type: 'string' },
        city: { type: 'string' },
        host: { type: 'string' },
        format: { type: 'string', default: 'in-person' },
        title: { type: 'string' },
        attendee: { type: 'string', multiple: true, default: [] },
        url: { type: 'string' },
        publisher: { type: 'string' },
        published: { type: 'string' },
        data: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const answers: Record<string, string | undefined> = { ...values, attendee: undefined, 'dry-run': undefined, help: undefined } as Record<string, string | undefined>;
  const missing = required.filter((name) => answers[name] === undefined);
  if (missing.length > 0 || (answers.series !== 'other' && answers.round === undefined)) {
    if (!process.stdin.isTTY) throw new UsageError(`missing --${[...missing, ...(answers.series !== 'other' && answers.round === undefined ? ['round'] : [])].join(', --')}`);
    const prompt = createInterface({ input: process.stdin, output: process.stdout });
    for (const name of [...required, 'round', 'end', 'title', 'attendees'] as const) {
      if (name === 'round' && answers.series === 'other') continue;
      if (name === 'title' && answers.series !== 'other') continue;
      if (name !== 'attendees' && answers[name] !== undefined) continue;
      const answer = (await prompt.question(`${name}${name === 'attendees' ? ' (ISO3[:role], space-separated)' : ''}: `)).trim();
      if (name === 'attendees') values.attendee.push(...answer.split(/\s+/).filter(Boolean));
      else if (answer !== '') answers[name] = answer;
    }
    prompt.close();
  }

  const series = answers.series!;
  if (!(meetingSeries as readonly string[]).includes(series)) throw new UsageError(`--series must be one of ${meetingSeries.join(', ')}`);
  const round = series === 'other' ? null : Number(answers.round);
  if (round !== null && !(Number.isInteger(round) && round > 0)) throw new UsageError(`--round must be a positive whole number, got "${answers.round}"`);
  const title = round === null ? answers.title : seriesTitle({ series: series as 'moscow-format', round });
  if (title === undefined || title === null) throw new UsageError('--title is needed for a meeting of series "other"');
  const host = answers.host!.toUpperCase();
  const start = answers.start!;
  const end = answers.end ?? start;

  const dataDir = values.data ?? recordsDir;
  const dataset = await readDatasetFiles(dataDir);
  const shortSeries = { 'moscow-format': 'moscow-format', 'neighbours-foreign-ministers': 'neighbours-fm', other: slugify(title) }[series as 'other'];
  const meetingId = uniqueId(round === null ? `${shortSeries}-${start.slice(0, 4)}` : `${shortSeries}-${round}-${slugify(answers.city!)}-${start.slice(0, 4)}`, new Set(dataset.meetings.map((m) => m.id)));
  const existingSource = dataset.sources.find((source) => source.url === answers.url);
  const sourceId = existingSource?.id ?? uniqueId(slugify(`${answers.publisher} ${answers.published ?? start}`), new Set(dataset.sources.map((s) => s.id)));
  const confidence = { level: 'partly', reason: 'Added from one report; the meeting’s own documents have not been read yet.' };
  const note = 'Scaffolded by npm run new:meeting: add the outcome document, heads of delegation and more sources.';

  const attendees = new Map<string, string>([[host, 'host']]);
  for (const entry of values.attendee) {
    const [actor, role = 'member'] = entry.split(':');
    if (!(participationRoles as readonly string[]).includes(role)) throw new UsageError(`--attendee ${entry}: the role must be one of ${participationRoles.join(', ')}`);
    if (role === 'host' && actor?.toUpperCase() !== host) throw new UsageError(`--attendee ${entry}: only the host (${host}) has the role host`);
    const id = /^[a-z]{3}$/.test(actor ?? '') ? actor!.toUpperCase() : actor!;
    if (!attendees.has(id)) attendees.set(id, role);
  }

  const records = {
    sources: existingSource === undefined ? [{ id: sourceId, publisher: answers.publisher, url: answers.url, title: null, published: answers.published ?? null }] : [],
    meetings: [{ id: meetingId, series, round, title, startDate: start, endDate: end, city: answers.city, host, format: answers.format, outcome: null, confidence, curatorNote: note, sources: [sourceId] }],
    participations: [...attendees].map(([actor, role]) => ({ meeting: meetingId, actor, role, endorsedOutcome: 'unknown', confidence, curatorNote: note, sources: [sourceId] })),
  };
  if (values['dry-run']) {
    console.log(JSON.stringify(records, null, 2));
    return 0;
  }
  const result = await appendRecords(dataDir, records);
  if (!result.ok) {
    console.error('new:meeting: nothing written: the records would fail data:check:');
    for (const problem of result.problems) console.error(`  ${problem}`);
    return 1;
  }
  console.log(`added ${result.added.length} records (data:check passed):`);
  for (const line of result.added) console.log(`  ${line}`);
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  const usageError = error instanceof UsageError;
  console.error(`new:meeting: ${(error as Error).message}${usageError ? `\n${usage}` : ''}`);
  process.exitCode = usageError ? 2 : 1;
}
