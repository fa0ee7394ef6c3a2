/**
 * `npm run bench`: every benchmark and robustness run, a table per section, the targets with the measured
 * figure against each, and a JSON report (bench/results/latest.json; format in bench/README.md).
 *
 *   npm run bench                              everything (about 8 minutes on 2 cores)
 *   npm run bench -- --robustness              only the load, fuzz and data-fuzz runs
 *   npm run bench -- --only page,api           some sections: page, first-view, api, lambda, dynamodb, load, fuzz, data
 *   npm run bench -- --quick                   shorter runs, for trying the harness (figures are rougher)
 *   npm run bench -- --out path/to/report.json
 *
 * Needs `npm run build` (the page) and Chromium (/usr/bin/chromium, or CHROMIUM_PATH) for the page section.
 * Exits 1 when a correctness target fails (errors, 5xx, a fuzz failure, a size or request budget); timings
 * are reported against their targets but never fail the run.
 */
import './quiet-sdk.ts';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchApi, formatApiTable, type ApiBenchReport } from './api.ts';
import budgets from './budgets.json' with { type: 'json' };
import { countDynamoDbRequestsPerRoute, formatDynamoDbTable, type DynamoDbReport } from './dynamodb.ts';
import { distDir, formatFirstLoadTable } from './first-load.ts';
import { benchLambdas, formatLambdaTable, type LambdaReport } from './lambda.ts';
import { benchPage, type PageReport } from './page.ts';
import { benchFirstView, evaluateFirstView, formatFirstViewTable, type FirstViewReport } from './first-view.ts';
import { fuzzData, type DataFuzzReport } from '../functions/test-support/data-fuzz.ts';
import { fuzzApi, type FuzzReport } from './fuzz.ts';
import { heapGrowthAllowance, loadApi, type LoadReport } from './load.ts';
import { formatTable, kib, KiB, round } from './stats.ts';

const sections = ['page', 'first-view', 'api', 'lambda', 'dynamodb', 'load', 'fuzz', 'data'] as const;
type Section = (typeof sections)[number];
const robustnessSections: readonly Section[] = ['load', 'fuzz', 'data'];

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    robustness: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: fileURLToPath(new URL('./results/latest.json', import.meta.url)) },
  },
});

const selected: readonly Section[] = values.only
  ? values.only.split(',').map((name) => {
      if (!(sections as readonly string[]).includes(name)) throw new Error(`--only: unknown section ${name} (${sections.join(', ')})`);
      return name as Section;
    })
  : values.robustness
    ? robustnessSections
    : sections;
const quick = values.quick;
const settings = {
  page: { loads: quick ? 5 : 9 },
  'first-view': { loads: quick ? 3 : 5, lighthouseRuns: quick ? 1 : 3, clicks: quick ? 8 : 16 },
  api: { connections: 10, roundSeconds: quick ? 1 : 3, rounds: quick ? 2 : 3, singleConnectionSeconds: quick ? 0.5 : 1.5 },
  lambda: { samples: quick ? 5 : 11 },
  load: { seconds: quick ? 10 : 30, connections: 50 },
  fuzz: { requests: quick ? 2_000 : 10_000 },
  data: { datasets: quick ? 200 : 1_000, textFiles: quick ? 100 : 300 },
};

const say = (line = '') => process.stdout.write(`${line}\n`);
/** A section's title, then its lines and tables. */
const print = (title: string, ...lines: string[]) => say(`\n${title}\n${lines.join('\n')}`);
const progress = (line: string) => process.stderr.write(`${line}\n`);

interface Target {
  readonly name: string;
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
  /** Timings are reported, never fail the run. */
  readonly timing: boolean;
}

// Keys in the order the JSON report lists them; sections not run stay undefined and are left out.
const report = {
  generatedAt: new Date().toISOString(),
  machine: machine(),
  settings: Object.fromEntries(selected.filter((section) => section in settings).map((section) => [section, settings[section as keyof typeof settings]])),
  page: undefined as PageReport | undefined,
  firstView: undefined as FirstViewReport | undefined,
  api: undefined as ApiBenchReport | undefined,
  lambda: undefined as LambdaReport | undefined,
  dynamodb: undefined as DynamoDbReport | undefined,
  robustness: {} as { load?: LoadReport; fuzz?: FuzzReport; data?: DataFuzzReport },
  targets: [] as Target[],
};
type Report = typeof report;

if (selected.includes('page') && !existsSync(path.join(distDir, 'index.html'))) {
  throw new Error('frontend/dist is missing: run `npm run build` first');
}

for (const section of selected) {
  const started = performance.now();
  progress(`${section}…`);
  switch (section) {
    case 'page': {
      const page = (report.page = await benchPage({ ...settings.page, log: progress }));
      report.machine.chromium = page.chromium;
      const rows = [['ours (map-highlighted)', page.page] as const, ['bare MapLibre floor (map-drawn)', page.floor] as const];
      print(
        `Page: navigation → highlighted map, median of ${page.loads} cold loads, ${page.viewport.width}×${page.viewport.height}`,
        formatTable(['page', 'median ms', 'loads (ms)'], [...rows.map(([name, run]) => [name, run.medianMs, run.samplesMs.join(' ')]), ['ratio', page.ratio, '']]),
      );
      print('Bytes on first load (what Chromium requested; gzip and brotli at zlib defaults)', formatFirstLoadTable(page.firstLoad));
      break;
    }
    case 'first-view': {
      const firstView = (report.firstView = await benchFirstView({ ...settings['first-view'], log: progress }));
      print(`First view: medians of ${firstView.loads} cold loads, ${firstView.viewport.width}×${firstView.viewport.height}; Lighthouse mobile`, formatFirstViewTable(firstView));
      break;
    }
    case 'api':
      report.api = await benchApi({ ...settings.api, log: progress });
      print(`API: ${report.api.connections} connections, ${report.api.rounds} alternating rounds of ${report.api.roundSeconds} s per server; ms; × = ours ÷ baseline`, formatApiTable(report.api.routes));
      print('API, one connection (no queueing: the cost of a request itself)', formatApiTable(report.api.singleConnection));
      break;
    case 'lambda':
      report.lambda = await benchLambdas({ ...settings.lambda, log: progress });
      print(`Lambda bundles (CDK's esbuild settings) and cold init (fresh process → handler, median of ${report.lambda.samples})`, formatLambdaTable(report.lambda));
      break;
    case 'dynamodb':
      report.dynamodb = await countDynamoDbRequestsPerRoute();
      print('DynamoDB requests per API call', formatDynamoDbTable(report.dynamodb));
      break;
    case 'load': {
      const load = (report.robustness.load = await loadApi({ ...settings.load, log: progress }));
      const { before, peak, after } = load.memory;
      const memory = (pick: (sample: typeof before) => number) => [before, peak, after].map((sample) => round(pick(sample) / 1024 ** 2));
      print(
        `Load: ${load.seconds} s, ${load.connections} connections cycling through ${load.routes} requests: ${load.requests} requests, ${load.requestsPerSecond}/s, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms`,
        `errors ${load.errors}, 5xx ${load.serverErrors}, statuses ${JSON.stringify(load.statuses)}\n` +
          formatTable(['memory (MiB)', 'before', 'peak', 'after GC'], [['RSS', ...memory((sample) => sample.rssBytes)], ['heap used', ...memory((sample) => sample.heapUsedBytes)]]) +
          `\nheap after − before: ${mib(load.heapGrowthBytes)} MiB (allowed ${round(heapGrowthAllowance(before.heapUsedBytes) / 1024 ** 2)} MiB)`,
      );
      break;
    }
    case 'fuzz': {
      const fuzz = (report.robustness.fuzz = await fuzzApi({ ...settings.fuzz, log: progress }));
      print(
        `Fuzz: ${fuzz.requests} requests (seed ${fuzz.seed}, ${fuzz.concurrency} at a time, ${fuzz.seconds} s): ${JSON.stringify(fuzz.byCategory)}`,
        `statuses ${JSON.stringify(fuzz.statuses)} (0 = abandoned by the client: a body announced and never sent)`,
        ...fuzz.failures,
      );
      break;
    }
    case 'data': {
      const data = (report.robustness.data = await fuzzData(settings.data));
      print(
        `Data fuzz: ${data.datasets} data sets (seed ${data.seed}), 1 to 3 corruptions each: ${JSON.stringify(data.corruptionsByKind)}`,
        `seed: ${data.refusedBySeed} refused before any DynamoDB request; text: ${data.textCorruptions.rejectedWithMessage} of ${data.textCorruptions.files} corrupted files refused with a message`,
        ...data.failures,
      );
      break;
    }
  }
  progress(`${section} done in ${round((performance.now() - started) / 1000)} s`);
}

report.targets = evaluateTargets(report);
const verdict = (target: Target) => (target.met ? 'met' : target.timing ? 'missed (timing)' : 'MISSED');
print('Targets', formatTable(['what', 'target', 'measured', ''], report.targets.map((target) => [target.name, target.target, target.measured, verdict(target)]), 4));

await mkdir(path.dirname(values.out), { recursive: true });
report.machine.loadAverageAtEnd = os.loadavg().map((value) => round(value, 2)).join(' ');
await writeFile(values.out, `${JSON.stringify(report, null, 2)}\n`);
say(`\nReport: ${path.relative(process.cwd(), values.out)}`);
if (report.targets.some((target) => !target.met && !target.timing)) process.exitCode = 1;

// ---------------------------------------------------------------------------------------------------------

function machine(): Record<string, string | number> {
  const cpus = os.cpus();
  let chromium = 'not run';
  try {
    chromium = execFileSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .trim()
      .split(' built')[0] as string;
  } catch {
    // reported by the page section when it runs
  }
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium,
    loadAverageAtStart: os.loadavg().map((value) => round(value, 2)).join(' '),
  };
}

/** The item of a non-empty list with the largest `by`. */
const worst = <T>(items: readonly T[], by: (item: T) => number): T => items.reduce((max, item) => (by(item) > by(max) ? item : max));

function evaluateTargets({ page, firstView, api, lambda, dynamodb, robustness }: Report): Target[] {
  const targets: Target[] = [];
  const add = (name: string, target: string, measured: string, met: boolean, timing = false) => targets.push({ name, target, measured, met, timing });
  const { timingTargets: timing } = budgets;
  if (page) {
    const { ours, byKind } = page.firstLoad;
    add('page: highlighted map vs bare MapLibre', `≤ ${timing.pageToFloorRatio}×`, `${page.ratio}× (${page.page.medianMs} vs ${page.floor.medianMs} ms)`, page.ratio <= timing.pageToFloorRatio, true);
    add('first load beyond MapLibre (gzip)', `≤ ${budgets.firstLoad.oursGzipKiB} KiB`, `${kib(ours.gzip)} KiB`, ours.gzip <= budgets.firstLoad.oursGzipKiB * KiB);
    add('  of which boundaries (gzip)', `≤ ${budgets.firstLoad.boundariesGzipKiB} KiB`, `${kib(byKind.boundaries.gzip)} KiB`, byKind.boundaries.gzip <= budgets.firstLoad.boundariesGzipKiB * KiB);
  }
  if (firstView) for (const [name, target, measured, met] of evaluateFirstView(firstView)) add(name, target, measured, met, true);
  if (api) {
    const p50 = worst(api.routes, (route) => route.ratio.p50);
    const p99 = worst(api.routes, (route) => route.ours.p99Ms);
    const baseP99 = worst(api.routes, (route) => route.baseline.p99Ms).baseline.p99Ms;
    const errors = [...api.routes, ...api.singleConnection].reduce((sum, route) => sum + route.ours.errors, 0);
    add('API p50 vs bare baseline (worst route)', `≤ ${timing.apiP50ToBaselineRatio}×`, `${p50.ratio.p50}× (${p50.target})`, p50.ratio.p50 <= timing.apiP50ToBaselineRatio, true);
    add('API p99 (worst route)', `< ${timing.apiP99Ms} ms`, `${p99.ours.p99Ms} ms (${p99.target}); baseline's worst ${baseP99} ms`, p99.ours.p99Ms < timing.apiP99Ms, true);
    if (api.singleConnection.length > 0) {
      const single = worst(api.singleConnection, (route) => route.ours.p99Ms);
      add('API p99, one connection (worst route)', `< ${timing.apiP99Ms} ms`, `${single.ours.p99Ms} ms (${single.target}); baseline ${single.baseline.p99Ms} ms`, single.ours.p99Ms < timing.apiP99Ms, true);
    }
    add('API errors under load', '0', String(errors), errors === 0);
  }
  if (lambda) {
    const apiFunctions = lambda.functions.filter((fn) => fn.kind === 'api');
    const largest = worst(apiFunctions, (fn) => fn.bytes);
    const slowest = worst(apiFunctions, (fn) => fn.coldInitRatio);
    add('Lambda bundle, minified (largest API function)', `≤ ${budgets.lambda.apiBundleKiB} KiB`, `${kib(largest.bytes)} KiB (${largest.name})`, largest.bytes <= budgets.lambda.apiBundleKiB * KiB);
    const init = `${slowest.coldInitRatio}× (${slowest.name}: ${slowest.coldInit.readyMs} vs ${lambda.empty.coldInit.readyMs} ms)`;
    add('Lambda cold init vs empty handler (slowest)', `≤ ${timing.lambdaColdInitToEmptyRatio}×`, init, slowest.coldInitRatio <= timing.lambdaColdInitToEmptyRatio, true);
  }
  if (dynamodb) {
    const { minRequestsPerCall: min, maxRequestsPerCall: max } = dynamodb;
    const wanted = budgets.dynamodb.requestsPerCall;
    add('DynamoDB requests per API call', `${wanted}`, min === max ? String(max) : `${min} to ${max}`, min === wanted && max === wanted);
    add('DynamoDB Scans', `${budgets.dynamodb.scans}`, String(dynamodb.scans), dynamodb.scans === budgets.dynamodb.scans);
  }
  const { load, fuzz, data } = robustness;
  if (load) {
    add(`load: ${load.seconds} s, ${load.connections} connections`, '0 errors, 0 5xx, heap back', `${load.errors} errors, ${load.serverErrors} 5xx, heap ${mib(load.heapGrowthBytes)} MiB after`, load.passed);
  }
  if (fuzz) {
    add(`fuzz: ${fuzz.requests} hostile requests`, '0 5xx, all JSON, serving', `${fuzz.serverErrors} 5xx, ${fuzz.notJson + fuzz.noResponse} not JSON, ${fuzz.stillServing ? 'serving' : 'DOWN'}`, fuzz.passed);
  }
  if (data) {
    const measured = `${data.acceptedByChecker} passed data:check (${data.checkerCrashes} crashed), ${data.acceptedBySeed} seeded, ${data.requestsBeforeRefusal} requests before refusal`;
    add(`data fuzz: ${data.datasets} corrupted data sets`, 'all refused, no seed writes', measured, data.passed);
  }
  return targets;
}

function mib(bytes: number): string {
  return `${bytes >= 0 ? '+' : ''}${round(bytes / 1024 / 1024)}`;
}
