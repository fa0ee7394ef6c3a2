/**
 * `npm run bench`: every benchmark and robustness run, a table per section, the targets with the measured
 * figure against each, and a JSON report (bench/results/latest.json; format in bench/README.md).
 *
 *   npm run bench                              everything (about 8 minutes on 2 cores)
 *   npm run bench -- --robustness              only the load, fuzz and data-fuzz runs
 *   npm run bench -- --only page,api           some sections: page, api, lambda, dynamodb, load, fuzz, data
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
import { budgets, KiB } from './budgets.ts';
import { countDynamoDbRequestsPerRoute, formatDynamoDbTable, type DynamoDbReport } from './dynamodb.ts';
import { distDir, formatFirstLoadTable } from './first-load.ts';
import { benchLambdas, formatLambdaTable, type LambdaReport } from './lambda.ts';
import { benchPage, type PageReport } from './page.ts';
import { fuzzData, type DataFuzzReport } from '../functions/test-support/data-fuzz.ts';
import { fuzzApi, type FuzzReport } from './fuzz.ts';
import { heapGrowthAllowance, loadApi, type LoadReport } from './load.ts';
import { formatTable, kib, round } from './stats.ts';

const sections = ['page', 'api', 'lambda', 'dynamodb', 'load', 'fuzz', 'data'] as const;
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
  api: { connections: 10, roundSeconds: quick ? 1 : 3, rounds: quick ? 2 : 3, singleConnectionSeconds: quick ? 0.5 : 1.5 },
  lambda: { samples: quick ? 5 : 11 },
  load: { seconds: quick ? 10 : 30, connections: 50 },
  fuzz: { requests: quick ? 2_000 : 10_000 },
  data: { datasets: quick ? 200 : 1_000, textFiles: quick ? 100 : 300 },
};

const say = (line = '') => process.stdout.write(`${line}\n`);
const progress = (line: string) => process.stderr.write(`${line}\n`);

interface Report {
  generatedAt: string;
  machine: Record<string, string | number>;
  settings: Partial<typeof settings>;
  page?: PageReport;
  api?: ApiBenchReport;
  lambda?: LambdaReport;
  dynamodb?: DynamoDbReport;
  robustness: { load?: LoadReport; fuzz?: FuzzReport; data?: DataFuzzReport };
  targets: Target[];
}

interface Target {
  readonly name: string;
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
  /** Timings are reported, never fail the run. */
  readonly timing: boolean;
}

const report: Report = {
  generatedAt: new Date().toISOString(),
  machine: machine(),
  settings: Object.fromEntries(selected.filter((section) => section in settings).map((section) => [section, settings[section as keyof typeof settings]])),
  robustness: {},
  targets: [],
};

if (selected.includes('page') && !existsSync(path.join(distDir, 'index.html'))) {
  throw new Error('frontend/dist is missing: run `npm run build` first');
}

for (const section of selected) {
  const started = performance.now();
  progress(`${section}…`);
  switch (section) {
    case 'page':
      report.page = await benchPage({ ...settings.page, log: progress });
      report.machine.chromium = report.page.chromium;
      say(`\nPage: navigation → highlighted map, median of ${report.page.loads} cold loads, ${report.page.viewport.width}×${report.page.viewport.height}`);
      say(
        formatTable(
          ['page', 'median ms', 'loads (ms)'],
          [
            ['ours (map-highlighted)', report.page.page.medianMs, report.page.page.samplesMs.join(' ')],
            ['bare MapLibre floor (map-drawn)', report.page.floor.medianMs, report.page.floor.samplesMs.join(' ')],
            ['ratio', report.page.ratio, ''],
          ],
        ),
      );
      say('\nBytes on first load (what Chromium requested; gzip and brotli at zlib defaults)');
      say(formatFirstLoadTable(report.page.firstLoad));
      break;
    case 'api':
      report.api = await benchApi({ ...settings.api, log: progress });
      say(`\nAPI: ${report.api.connections} connections, ${report.api.rounds} alternating rounds of ${report.api.roundSeconds} s per server; ms; × = ours ÷ baseline`);
      say(formatApiTable(report.api.routes));
      say('\nAPI, one connection (no queueing: the cost of a request itself)');
      say(formatApiTable(report.api.singleConnection));
      break;
    case 'lambda':
      report.lambda = await benchLambdas({ ...settings.lambda, log: progress });
      say(`\nLambda bundles (CDK's esbuild settings) and cold init (fresh process → handler, median of ${report.lambda.samples})`);
      say(formatLambdaTable(report.lambda));
      break;
    case 'dynamodb':
      report.dynamodb = await countDynamoDbRequestsPerRoute();
      say('\nDynamoDB requests per API call');
      say(formatDynamoDbTable(report.dynamodb));
      break;
    case 'load':
      report.robustness.load = await loadApi({ ...settings.load, log: progress });
      say(`\nLoad: ${formatLoad(report.robustness.load)}`);
      break;
    case 'fuzz':
      report.robustness.fuzz = await fuzzApi({ ...settings.fuzz, log: progress });
      say(`\nFuzz: ${formatFuzz(report.robustness.fuzz)}`);
      break;
    case 'data':
      report.robustness.data = await fuzzData(settings.data);
      say(`\nData fuzz: ${formatDataFuzz(report.robustness.data)}`);
      break;
  }
  progress(`${section} done in ${round((performance.now() - started) / 1000)} s`);
}

report.targets = evaluateTargets(report);
say('\nTargets');
say(
  formatTable(
    ['what', 'target', 'measured', ''],
    report.targets.map((target) => [target.name, target.target, target.measured, target.met ? 'met' : target.timing ? 'missed (timing)' : 'MISSED']),
    4,
  ),
);

await mkdir(path.dirname(values.out), { recursive: true });
report.machine.loadAverageAtEnd = os.loadavg().map((value) => round(value, 2)).join(' ');
const { generatedAt, machine: host, settings: used, page, api, lambda, dynamodb, robustness, targets } = report;
const ordered = { generatedAt, machine: host, settings: used, page, api, lambda, dynamodb, robustness, targets };
await writeFile(values.out, `${JSON.stringify(ordered, null, 2)}\n`);
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

function evaluateTargets({ page, api, lambda, dynamodb, robustness }: Report): Target[] {
  const targets: Target[] = [];
  const add = (name: string, target: string, measured: string, met: boolean, timing = false) =>
    targets.push({ name, target, measured, met, timing });
  const { timingTargets: timing } = budgets;
  if (page) {
    add('page: highlighted map vs bare MapLibre', `≤ ${timing.pageToFloorRatio}×`, `${page.ratio}× (${page.page.medianMs} vs ${page.floor.medianMs} ms)`, page.ratio <= timing.pageToFloorRatio, true);
    const { ours, byKind } = page.firstLoad;
    add('first load beyond MapLibre (gzip)', `≤ ${budgets.firstLoad.oursGzipKiB} KiB`, `${kib(ours.gzip)} KiB`, ours.gzip <= budgets.firstLoad.oursGzipKiB * KiB);
    add('  of which boundaries (gzip)', `≤ ${budgets.firstLoad.boundariesGzipKiB} KiB`, `${kib(byKind.boundaries.gzip)} KiB`, byKind.boundaries.gzip <= budgets.firstLoad.boundariesGzipKiB * KiB);
  }
  if (api) {
    const worst = (pick: (route: ApiBenchReport['routes'][number]) => number) =>
      api.routes.reduce((max, route) => (pick(route) > pick(max) ? route : max), api.routes[0] as ApiBenchReport['routes'][number]);
    const p50 = worst((route) => route.ratio.p50);
    const p99 = worst((route) => route.ours.p99Ms);
    const baseP99 = worst((route) => route.baseline.p99Ms);
    const errors = [...api.routes, ...api.singleConnection].reduce((sum, route) => sum + route.ours.errors, 0);
    const single = api.singleConnection.reduce<ApiBenchReport['routes'][number] | undefined>(
      (max, route) => (max === undefined || route.ours.p99Ms > max.ours.p99Ms ? route : max),
      undefined,
    );
    add('API p50 vs bare baseline (worst route)', `≤ ${timing.apiP50ToBaselineRatio}×`, `${p50.ratio.p50}× (${p50.target})`, p50.ratio.p50 <= timing.apiP50ToBaselineRatio, true);
    add(
      'API p99 (worst route)',
      `< ${timing.apiP99Ms} ms`,
      `${p99.ours.p99Ms} ms (${p99.target}); baseline's worst ${baseP99.baseline.p99Ms} ms`,
      p99.ours.p99Ms < timing.apiP99Ms,
      true,
    );
    if (single) {
      add('API p99, one connection (worst route)', `< ${timing.apiP99Ms} ms`, `${single.ours.p99Ms} ms (${single.target}); baseline ${single.baseline.p99Ms} ms`, single.ours.p99Ms < timing.apiP99Ms, true);
    }
    add('API errors under load', '0', String(errors), errors === 0);
  }
  if (lambda) {
    const apiFunctions = lambda.functions.filter((fn) => fn.kind === 'api');
    const largest = apiFunctions.reduce((max, fn) => (fn.bytes > max.bytes ? fn : max));
    const slowest = apiFunctions.reduce((max, fn) => (fn.coldInitRatio > max.coldInitRatio ? fn : max));
    add('Lambda bundle, minified (largest API function)', `≤ ${budgets.lambda.apiBundleKiB} KiB`, `${kib(largest.bytes)} KiB (${largest.name})`, largest.bytes <= budgets.lambda.apiBundleKiB * KiB);
    add(
      'Lambda cold init vs empty handler (slowest)',
      `≤ ${timing.lambdaColdInitToEmptyRatio}×`,
      `${slowest.coldInitRatio}× (${slowest.name}: ${slowest.coldInit.readyMs} vs ${lambda.empty.coldInit.readyMs} ms)`,
      slowest.coldInitRatio <= timing.lambdaColdInitToEmptyRatio,
      true,
    );
  }
  if (dynamodb) {
    const perCall = dynamodb.minRequestsPerCall === dynamodb.maxRequestsPerCall ? String(dynamodb.maxRequestsPerCall) : `${dynamodb.minRequestsPerCall} to ${dynamodb.maxRequestsPerCall}`;
    add('DynamoDB requests per API call', `${budgets.dynamodb.requestsPerCall}`, perCall, dynamodb.minRequestsPerCall === budgets.dynamodb.requestsPerCall && dynamodb.maxRequestsPerCall === budgets.dynamodb.requestsPerCall);
    add('DynamoDB Scans', `${budgets.dynamodb.scans}`, String(dynamodb.scans), dynamodb.scans === budgets.dynamodb.scans);
  }
  if (robustness.load) {
    const load = robustness.load;
    add(`load: ${load.seconds} s, ${load.connections} connections`, '0 errors, 0 5xx, heap back', `${load.errors} errors, ${load.serverErrors} 5xx, heap ${mib(load.heapGrowthBytes)} MiB after`, load.passed);
  }
  if (robustness.fuzz) {
    const fuzz = robustness.fuzz;
    add(`fuzz: ${fuzz.requests} hostile requests`, '0 5xx, all JSON, serving', `${fuzz.serverErrors} 5xx, ${fuzz.notJson + fuzz.noResponse} not JSON, ${fuzz.stillServing ? 'serving' : 'DOWN'}`, fuzz.passed);
  }
  if (robustness.data) {
    const data = robustness.data;
    add(
      `data fuzz: ${data.datasets} corrupted data sets`,
      'all refused, no seed writes',
      `${data.acceptedByChecker} passed data:check, ${data.acceptedBySeed} seeded, ${data.requestsBeforeRefusal} requests before refusal`,
      data.passed,
    );
  }
  return targets;
}

function mib(bytes: number): string {
  return `${bytes >= 0 ? '+' : ''}${round(bytes / 1024 / 1024)}`;
}

function formatLoad(load: LoadReport): string {
  const { before, peak, after } = load.memory;
  return [
    `${load.seconds} s, ${load.connections} connections cycling through ${load.routes} requests: ${load.requests} requests, ${load.requestsPerSecond}/s, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms`,
    `errors ${load.errors}, 5xx ${load.serverErrors}, statuses ${JSON.stringify(load.statuses)}`,
    formatTable(
      ['memory (MiB)', 'before', 'peak', 'after GC'],
      [
        ['RSS', round(before.rssBytes / 1024 ** 2), round(peak.rssBytes / 1024 ** 2), round(after.rssBytes / 1024 ** 2)],
        ['heap used', round(before.heapUsedBytes / 1024 ** 2), round(peak.heapUsedBytes / 1024 ** 2), round(after.heapUsedBytes / 1024 ** 2)],
      ],
    ),
    `heap after − before: ${mib(load.heapGrowthBytes)} MiB (allowed ${round(heapGrowthAllowance(before.heapUsedBytes) / 1024 ** 2)} MiB): ${load.passed ? 'passed' : 'FAILED'}`,
  ].join('\n');
}

function formatFuzz(fuzz: FuzzReport): string {
  return [
    `${fuzz.requests} requests (seed ${fuzz.seed}, ${fuzz.concurrency} at a time, ${fuzz.seconds} s): ${JSON.stringify(fuzz.byCategory)}`,
    `statuses ${JSON.stringify(fuzz.statuses)} (0 = abandoned by the client: a body announced and never sent)`,
    `5xx ${fuzz.serverErrors}, not JSON ${fuzz.notJson}, no response ${fuzz.noResponse}, still serving: ${fuzz.stillServing}: ${fuzz.passed ? 'passed' : 'FAILED'}`,
    ...fuzz.failures.map((failure) => `  ${failure}`),
  ].join('\n');
}

function formatDataFuzz(data: DataFuzzReport): string {
  return [
    `${data.datasets} data sets (seed ${data.seed}), 1 to 3 corruptions each: ${JSON.stringify(data.corruptionsByKind)}`,
    `data:check: ${data.datasets - data.acceptedByChecker - data.checkerCrashes} reported, ${data.acceptedByChecker} passed, ${data.checkerCrashes} crashed`,
    `seed: ${data.refusedBySeed} refused before any DynamoDB request (${data.requestsBeforeRefusal} requests sent), ` +
      `${data.acceptedBySeed} seeded`,
    `text: ${data.textCorruptions.rejectedWithMessage} of ${data.textCorruptions.files} corrupted files refused with a message`,
    `${data.passed ? 'passed' : 'FAILED'}`,
    ...data.failures.map((failure) => `  ${failure}`),
  ].join('\n');
}
