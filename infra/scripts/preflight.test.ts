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
    const error = await preflight({ requireBootstrap: true, env: bareEnv() }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PreflightError);
    expect((error as Error).message).toMatch(/No AWS credentials are configured/);
    expect((error as Error).message).toMatch(/AWS_PROFILE/);
    expect((error as Error).message).toMatch(/AWS_REGION/);
  });

  // "Fast" is a behaviour here, not a timing: no network call is made, so the spawn's timeout is only a
  // guard against a hang (e.g. waiting on the instance metadata endpoint).
  it('makes `npm run deploy` exit non-zero before building anything', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'infra/scripts/deploy.ts'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: bareEnv(),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/No AWS credentials are configured, so nothing was changed/);
    expect(result.stdout).not.toMatch(/npm run build/);
  });
});
