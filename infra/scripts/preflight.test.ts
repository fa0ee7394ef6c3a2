import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localCredentialSources, preflight, PreflightError } from './preflight.ts';

/** An environment with no AWS configuration at all: no variables, a home without ~/.aws. */
function bareEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const home = mkdtempSync(path.join(tmpdir(), 'no-aws-'));
  return { PATH: process.env.PATH, HOME: home, ...extra };
}

describe('preflight', () => {
  it('finds no local credential source in a bare environment', () => {
    const env = bareEnv();
    expect(localCredentialSources(env)).toEqual([]);
    expect(localCredentialSources({ ...env, AWS_PROFILE: 'dev', AWS_ACCESS_KEY_ID: 'AKIA' })).toEqual([
      'AWS_ACCESS_KEY_ID',
      'AWS_PROFILE=dev',
    ]);
  });

  it('stops at once without credentials, saying what to set', async () => {
    const started = Date.now();
    const error = await preflight({ requireBootstrap: true, env: bareEnv() }).catch((caught: unknown) => caught);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(error).toBeInstanceOf(PreflightError);
    expect((error as Error).message).toMatch(/No AWS credentials are configured/);
    expect((error as Error).message).toMatch(/AWS_PROFILE/);
    expect((error as Error).message).toMatch(/AWS_REGION/);
  });

  it('makes `npm run deploy` exit non-zero within seconds, before building anything', () => {
    const started = Date.now();
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'infra/scripts/deploy.ts'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: bareEnv(),
      encoding: 'utf8',
      timeout: 30_000,
    });
    const seconds = (Date.now() - started) / 1000;
    expect(result.status).toBe(1);
    expect(seconds).toBeLessThan(10);
    expect(result.stderr).toMatch(/No AWS credentials are configured, so nothing was changed/);
    expect(result.stdout).not.toMatch(/npm run build/);
  });
});
