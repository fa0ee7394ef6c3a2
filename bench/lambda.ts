/**
 * The Lambda functions as CDK deploys them: each bundled with esbuild using the construct's own settings
 * (infra/constructs/lambda-bundling.ts), its size, and its cold initialisation: a fresh Node process that
 * imports the bundle, timed from the process's start (Node's performance.timeOrigin) until the `handler`
 * export exists, which is what Lambda's Init Duration covers. An empty handler bundled the same way is the
 * floor; processes alternate between bundles so drift on a shared machine hits all alike.
 */
import './quiet-sdk.ts';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { esbuildOptions } from '../infra/constructs/lambda-bundling.ts';
import { formatTable, kib, median, ratio, round } from './stats.ts';

const projectPath = (relative: string): string => fileURLToPath(new URL(`../${relative}`, import.meta.url));

export interface LambdaEntry {
  readonly name: string;
  readonly entry: string;
  /** API functions serve requests; the seed runs only on deploy. */
  readonly kind: 'api' | 'seed';
}

/** The functions the stack deploys: its route-group handlers (infra/stacks/dashboard-stack.ts) and the seed. */
export async function lambdaEntries(): Promise<LambdaEntry[]> {
  const { routeGroupHandlers } = await import('../infra/stacks/dashboard-stack.ts');
  return [
    ...Object.entries(routeGroupHandlers).map(([name, handler]): LambdaEntry => ({ name, entry: handler.entry, kind: 'api' })),
    // The entry the stack gives the Seed construct.
    { name: 'seed', entry: projectPath('functions/seed/custom-resource.ts'), kind: 'seed' },
  ];
}

export interface LambdaBundle extends LambdaEntry {
  readonly outfile: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  /** Packages (or our own top-level folders) in the bundle, by bytes in the output, largest first. */
  readonly largestInputs: readonly { readonly name: string; readonly bytes: number }[];
  /** Every package in the bundle. */
  readonly packages: readonly string[];
}

export async function buildLambdaBundles(outDir: string, entries?: readonly LambdaEntry[]): Promise<LambdaBundle[]> {
  const bundles: LambdaBundle[] = [];
  for (const entry of entries ?? (await lambdaEntries())) {
    const outfile = path.join(outDir, entry.name, 'index.mjs');
    await mkdir(path.dirname(outfile), { recursive: true });
    const result = await build({ ...esbuildOptions(entry.entry, outfile), metafile: true });
    const bytes = (await stat(outfile)).size;
    const byPackage = inputsByPackage(result.metafile);
    bundles.push({
      ...entry,
      outfile,
      bytes,
      gzipBytes: gzipSync(await readFile(outfile)).length,
      largestInputs: byPackage.slice(0, 5),
      packages: byPackage.map((input) => input.name),
    });
  }
  return bundles;
}

function inputsByPackage(metafile: Metafile): { name: string; bytes: number }[] {
  const totals = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? `(ours) ${input.split('/').slice(0, 2).join('/')}`;
      totals.set(name, (totals.get(name) ?? 0) + bytesInOutput);
    }
  }
  return [...totals].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/** What Lambda's environment gives a function; the SDK client is created at module scope from it. */
const lambdaEnvironment = {
  AWS_LAMBDA_FUNCTION_NAME: 'bench',
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_SESSION_TOKEN: 'bench',
  TABLE_NAME: 'bench',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

const probe = `
const started = performance.now();
const module = await import(process.argv[1]);
if (typeof module.handler !== 'function') throw new Error('no handler export');
process.stdout.write(JSON.stringify({ readyMs: performance.now(), importMs: performance.now() - started }));
`;

async function coldStart(bundle: string): Promise<{ readyMs: number; importMs: number }> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', probe, pathToFileURL(bundle).href], {
    env: { PATH: process.env.PATH, ...lambdaEnvironment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`importing ${bundle} failed (${code}):\n${stderr}`);
  return JSON.parse(stdout) as { readyMs: number; importMs: number };
}

export type LambdaReport = Awaited<ReturnType<typeof benchLambdas>>;

/**
 * Each function's bundle and cold init (medians over `samples`: `readyMs` from process start to the handler
 * export, `importMs` from the import call to it), and the ratios of both to the empty handler's.
 */
export async function benchLambdas({ samples = 11, log = (_line: string) => {} } = {}) {
  const outDir = await mkdtemp(path.join(tmpdir(), 'bench-lambda-'));
  try {
    const emptyEntry = path.join(outDir, 'empty-handler.ts');
    await writeFile(emptyEntry, 'export const handler = async () => ({ statusCode: 200, body: "" });\n');
    log('  bundling');
    const [empty, ...bundles] = await buildLambdaBundles(outDir, [
      { name: 'empty', entry: emptyEntry, kind: 'api' },
      ...(await lambdaEntries()),
    ]);
    if (empty === undefined) throw new Error('no empty bundle');
    const all = [empty, ...bundles];
    const runs = new Map(all.map((bundle) => [bundle.name, [] as { readyMs: number; importMs: number }[]]));
    log(`  ${samples} cold starts each`);
    for (let sample = 0; sample < samples; sample++) {
      const order = sample % 2 === 0 ? all : [...all].reverse();
      for (const bundle of order) runs.get(bundle.name)?.push(await coldStart(bundle.outfile));
    }
    const coldInit = (name: string) => {
      const list = runs.get(name) ?? [];
      return {
        readyMs: round(median(list.map((run) => run.readyMs))),
        importMs: round(median(list.map((run) => run.importMs))),
        samples: list.length,
      };
    };
    const emptyInit = coldInit('empty');
    return {
      samples,
      empty: { bytes: empty.bytes, coldInit: emptyInit },
      functions: bundles.map(({ outfile: _outfile, ...bundle }) => {
        const init = coldInit(bundle.name);
        return {
          ...bundle,
          entry: path.relative(projectPath(''), bundle.entry),
          coldInit: init,
          coldInitRatio: ratio(init.readyMs, emptyInit.readyMs),
          importRatio: ratio(init.importMs, emptyInit.importMs),
        };
      }),
    };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

export function formatLambdaTable(report: LambdaReport): string {
  return formatTable(
    ['function', 'KiB min', 'KiB gz', 'init ms', 'init ×', 'import ms', 'import ×', 'largest inputs'],
    [
      ['(empty handler)', kib(report.empty.bytes), '', report.empty.coldInit.readyMs, 1, report.empty.coldInit.importMs, 1, ''],
      ...report.functions.map((fn) => [
        fn.kind === 'seed' ? `${fn.name} (deploy only)` : fn.name,
        kib(fn.bytes),
        kib(fn.gzipBytes),
        fn.coldInit.readyMs,
        fn.coldInitRatio,
        fn.coldInit.importMs,
        fn.importRatio,
        fn.largestInputs
          .slice(0, 3)
          .map((input) => `${input.name} ${kib(input.bytes)}`)
          .join(', '),
      ]),
    ],
  );
}

