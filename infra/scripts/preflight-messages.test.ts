/**
 * What `npm run deploy` says for each way the AWS setup can be wrong: the message names the actual problem,
 * and the long "how to give credentials" help appears only when no credentials are configured. The deploy
 * script runs in a child process with a bare environment, as a user's shell would run it; an STS stand-in
 * on loopback plays AWS refusing the credentials (no network needed).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profilesDefined } from './preflight.ts';
import { outputDirOf, synthSummary } from './synth.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
/** A line only the full credentials help has. */
const credentialsHelp = /IAM Identity Center/;

function bareHome(files: Record<string, string> = {}): string {
  const home = mkdtempSync(path.join(tmpdir(), 'preflight-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(home, name)), { recursive: true });
    writeFileSync(path.join(home, name), text);
  }
  return home;
}

async function deploy(env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/scripts/deploy.ts'], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const guard = setTimeout(() => child.kill('SIGKILL'), 60_000); // a hang is a failure
  const [status] = (await once(child, 'exit')) as [number | null];
  clearTimeout(guard);
  return { status, stdout, stderr: stderr.trim() };
}

describe('deploy preflight messages', () => {
  let sts: Server;
  let stsUrl: string;
  beforeAll(async () => {
    sts = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(403, { 'content-type': 'text/xml' });
        response.end(
          '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>' +
            '<Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message>' +
            '</Error><RequestId>test</RequestId></ErrorResponse>',
        );
      });
    });
    sts.listen(0, '127.0.0.1');
    await once(sts, 'listening');
    stsUrl = `http://127.0.0.1:${(sts.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => (sts ? sts.close(() => resolve()) : resolve())));

  it('names a missing profile as such (not as a missing region)', async () => {
    const home = bareHome({ '.aws/config': '[profile dev]\nregion = eu-central-1\n[sso-session corp]\n' });
    const result = await deploy({ HOME: home, AWS_PROFILE: 'nope' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^AWS_PROFILE=nope names a profile that does not exist/);
    expect(result.stderr).toContain('(they define: dev)');
    expect(result.stderr).not.toMatch(/region is set/i);
    expect(result.stderr).not.toMatch(credentialsHelp);
    expect(result.stdout).not.toMatch(/npm run build/);
  }, 90_000);

  it('with keys but no region asks for the region only', async () => {
    const result = await deploy({ HOME: bareHome(), AWS_ACCESS_KEY_ID: 'AKIATESTONLY', AWS_SECRET_ACCESS_KEY: 'test-only' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^No AWS region is set, so nothing was changed/);
    expect(result.stderr).toContain('export AWS_REGION=');
    expect(result.stderr).not.toMatch(credentialsHelp);
    expect(result.stderr).not.toMatch(/Warning/); // the SDK's Node-version notice stays out of the way
  }, 90_000);

  it('with credentials AWS refuses says they did not work, without the setup help', async () => {
    const result = await deploy({
      HOME: bareHome(),
      AWS_ACCESS_KEY_ID: 'AKIATESTONLY',
      AWS_SECRET_ACCESS_KEY: 'test-only',
      AWS_REGION: 'eu-central-1',
      AWS_ENDPOINT_URL_STS: stsUrl,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^The AWS credentials found \(AWS_ACCESS_KEY_ID\) did not work: InvalidClientTokenId/);
    expect(result.stderr).not.toMatch(credentialsHelp);
  }, 90_000);

  it('refuses a region that lacks resource types of the stack in one line with the list, before asking AWS', async () => {
    let stsCalls = 0;
    sts.prependOnceListener('request', () => (stsCalls += 1));
    const result = await deploy({
      HOME: bareHome(),
      AWS_ACCESS_KEY_ID: 'AKIATESTONLY',
      AWS_SECRET_ACCESS_KEY: 'test-only',
      AWS_REGION: 'ap-east-2',
      AWS_ENDPOINT_URL_STS: stsUrl,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^ap-east-2 lacks AWS::ApiGatewayV2::Api, .*; deploy to one of: .*eu-central-1, .*us-east-1, .*\.$/);
    expect(result.stderr.split('\n')).toHaveLength(1);
    expect(stsCalls).toBe(0);
  }, 90_000);
});

describe('profilesDefined', () => {
  it('reads [name] from the credentials file and [profile name] or [default] from the config file', () => {
    const home = bareHome({
      '.aws/credentials': '[ci]\naws_access_key_id = x\n',
      '.aws/config': '[default]\nregion = us-east-1\n[profile dev]\n[sso-session corp]\n[services local]\n',
    });
    expect(profilesDefined({ HOME: home }).sort()).toEqual(['ci', 'default', 'dev']);
    expect(profilesDefined({ HOME: bareHome() })).toEqual([]);
  });
});

describe('npm run synth', () => {
  it('ends with a line saying cdk-nag passed and where the template is', () => {
    const outDir = bareHome({
      'cdk.out/manifest.json': JSON.stringify({
        artifacts: {
          'Stack.assets': { type: 'cdk:asset-manifest' },
          Stack: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Stack.template.json' } },
        },
      }),
      'cdk.out/Stack.template.json': JSON.stringify({ Resources: { A: {}, B: {} } }),
    });
    expect(synthSummary(path.join(outDir, 'cdk.out'), outDir)).toBe(
      'cdk-nag (AWS Solutions checks) passed: no unacknowledged findings. Template: cdk.out/Stack.template.json (2 resources)',
    );
  });

  it('finds the output folder among the arguments passed on to cdk synth', () => {
    expect(outputDirOf([])).toBe('cdk.out');
    expect(outputDirOf(['-c', 'retainData=true', '-o', 'cdk.out/all-options'])).toBe('cdk.out/all-options');
    expect(outputDirOf(['--output=elsewhere'])).toBe('elsewhere');
  });
});
