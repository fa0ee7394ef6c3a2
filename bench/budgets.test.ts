/**
 * The budgets in ./budgets.json: sizes and counts only, measured without a browser so they are exact and
 * repeatable. Timings are reported by `npm run bench`, never asserted here.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startLocalStack, type LocalStack } from '../local/stack.ts';
import { KiB } from './stats.ts';
import budgets from './budgets.json' with { type: 'json' };
import { distDir, distFirstLoad } from './first-load.ts';
import { buildLambdaBundles, lambdaEntries, type LambdaBundle } from './lambda.ts';

describe("bytes on first load (frontend/dist and the page's real first API request)", () => {
  let stack: LocalStack;
  beforeAll(async () => {
    stack = await startLocalStack({ port: 0, quiet: true, staticDir: '/nonexistent' });
  });
  afterAll(async () => stack?.close());

  test('our JavaScript, CSS, boundaries and overview, and the boundaries alone, fit their gzip budgets', async () => {
    if (!existsSync(path.join(distDir, 'index.html'))) {
      throw new Error('frontend/dist is missing: run `npm run build` first (`npm test` builds before running vitest)');
    }
    const health = Buffer.from(await (await fetch(`${stack.url}/api/health`)).arrayBuffer());
    const load = await distFirstLoad(distDir, { path: '/api/health', body: health });
    // The classification must still recognise Vite's output, or the sums below would mean nothing.
    for (const kind of ['js-ours', 'js-maplibre', 'worker-maplibre', 'boundaries', 'picture', 'api-first'] as const) {
      expect(load.byKind[kind].files, `files of kind ${kind}`).toBeGreaterThan(0);
    }
    expect(load.byKind.other.files, `unclassified files: ${load.files.filter((file) => file.kind === 'other').map((file) => file.path)}`).toBe(0);
    expect(load.ours.gzip / KiB).toBeLessThanOrEqual(budgets.firstLoad.oursGzipKiB);
    expect(load.byKind.boundaries.gzip / KiB).toBeLessThanOrEqual(budgets.firstLoad.boundariesGzipKiB);
  });
});

describe('Lambda bundles, built with the CDK construct’s esbuild settings', () => {
  let outDir: string;
  let bundles: LambdaBundle[];
  beforeAll(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'budget-lambda-'));
    bundles = await buildLambdaBundles(outDir, await lambdaEntries());
  });
  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  test('every API function fits its minified budget', () => {
    const api = bundles.filter((bundle) => bundle.kind === 'api');
    expect(api.map((bundle) => bundle.name).sort()).toEqual(['countries', 'meetings', 'meta', 'overview', 'statements']);
    for (const bundle of api) expect(bundle.bytes / KiB, bundle.name).toBeLessThanOrEqual(budgets.lambda.apiBundleKiB);
  });

  test('no bundle carries a package it must not (zod, Natural Earth or ISO lists in the API functions)', () => {
    for (const bundle of bundles) {
      const forbidden = bundle.kind === 'api' ? budgets.lambda.forbiddenPackages.api : budgets.lambda.forbiddenPackages.seed;
      expect(bundle.packages.filter((name) => forbidden.includes(name)), bundle.name).toEqual([]);
    }
  });
});
