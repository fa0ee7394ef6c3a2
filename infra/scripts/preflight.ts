/**
 * Checks before `npm run deploy` / `npm run destroy` touch anything: a region that has every resource type of
 * the stack, working AWS credentials, and
 * (for deploy) a CDK-bootstrapped account. Each failure is a PreflightError whose message says what to do.
 * Bounded in time: with no credentials configured the SDK's last resort is the EC2 instance metadata
 * endpoint, which can hang on a laptop; every AWS call here races a short timer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { GetParameterCommand, ParameterNotFound, SSMClient } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { unsupportedRegion } from '../regions.ts';

export class PreflightError extends Error {
  override name = 'PreflightError';
}

export interface AwsTarget {
  readonly account: string;
  readonly region: string;
  /** Who is deploying (user or role ARN), to print before anything changes. */
  readonly caller: string;
}

/** The CDK bootstrap template version our synthesizer requires (the template's BootstrapVersion rule). */
const minimumBootstrapVersion = 6;
const callTimeoutMs = 8_000;

/** Shown only when no credentials are configured at all; the other failures say just what is wrong. */
const howToGiveCredentials = `Give this shell credentials for the AWS account to deploy to, one of:
  - a named profile:  export AWS_PROFILE=my-profile
                      (created with "aws configure", or "aws configure sso" for IAM Identity Center)
  - IAM Identity Center: aws sso login --profile my-profile, then export AWS_PROFILE=my-profile
  - an access key:    export AWS_ACCESS_KEY_ID=... AWS_SECRET_ACCESS_KEY=...
                      (plus AWS_SESSION_TOKEN=... for temporary credentials)
and a region, unless the profile sets one:
                      export AWS_REGION=eu-central-1`;

function sharedFiles(env: NodeJS.ProcessEnv): { credentials: string; config: string } {
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  return {
    credentials: env.AWS_SHARED_CREDENTIALS_FILE ?? path.join(home, '.aws', 'credentials'),
    config: env.AWS_CONFIG_FILE ?? path.join(home, '.aws', 'config'),
  };
}

/**
 * The profile names the shared files define: `[name]` in the credentials file, `[profile name]` (or
 * `[default]`) in the config file, as the SDK reads them. Missing files define none.
 */
export function profilesDefined(env: NodeJS.ProcessEnv = process.env): string[] {
  const { credentials, config } = sharedFiles(env);
  const sections = (file: string): string[] => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return [];
    }
    return [...text.matchAll(/^\s*\[([^\]]+)\]/gm)].map((match) => match[1]!.trim());
  };
  const names = [
    ...sections(credentials),
    ...sections(config).flatMap((section) => {
      if (section === 'default') return ['default'];
      const named = /^profile\s+(.+)$/.exec(section);
      return named ? [named[1]!.trim()] : []; // sso-session, services: not profiles
    }),
  ];
  return [...new Set(names)];
}

/** Where the SDK would find credentials without asking the network; empty means none is configured. */
export function localCredentialSources(env: NodeJS.ProcessEnv = process.env): string[] {
  const { credentials: sharedCredentials, config: sharedConfig } = sharedFiles(env);
  return [
    env.AWS_ACCESS_KEY_ID ? 'AWS_ACCESS_KEY_ID' : '',
    env.AWS_PROFILE ? `AWS_PROFILE=${env.AWS_PROFILE}` : '',
    env.AWS_WEB_IDENTITY_TOKEN_FILE ? 'AWS_WEB_IDENTITY_TOKEN_FILE' : '',
    env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || env.AWS_CONTAINER_CREDENTIALS_FULL_URI ? 'container credentials' : '',
    existsSync(sharedCredentials) ? sharedCredentials : '',
    existsSync(sharedConfig) ? sharedConfig : '',
  ].filter(Boolean);
}

export interface PreflightOptions {
  /** Check that `cdk bootstrap` ran in the account and region (deploy needs it; destroy does not). */
  readonly requireBootstrap: boolean;
  readonly env?: NodeJS.ProcessEnv;
}

export async function preflight({ requireBootstrap, env = process.env }: PreflightOptions): Promise<AwsTarget> {
  // The SDK's notice that its 2027 releases need Node 22 would sit between the user and our message; the
  // project pins the SDK (README). AWS documents this switch for it; an explicit value wins.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const sources = localCredentialSources(env);
  // Nothing configured locally: only an EC2 instance role could still answer. Allow that on EC2 (opt in with
  // AWS_EC2_METADATA_DISABLED=false), and otherwise stop now instead of waiting on the metadata endpoint.
  if (sources.length === 0 && env.AWS_EC2_METADATA_DISABLED !== 'false') {
    throw new PreflightError(
      `No AWS credentials are configured, so nothing was changed.\n\n${howToGiveCredentials}\n` +
        'On an EC2 instance with an instance role instead: export AWS_EC2_METADATA_DISABLED=false\n' +
        'Then run npm run deploy again.',
    );
  }

  // A profile that does not exist would otherwise surface as "no region" (the SDK reads the region from it).
  const profile = env.AWS_PROFILE;
  if (profile) {
    const defined = profilesDefined(env);
    if (!defined.includes(profile)) {
      const { credentials, config } = sharedFiles(env);
      throw new PreflightError(
        `AWS_PROFILE=${profile} names a profile that does not exist: neither ${config} nor ${credentials} ` +
          `defines it${defined.length > 0 ? ` (they define: ${defined.join(', ')})` : ''}. Nothing was changed.\n` +
          `Create it with "aws configure --profile ${profile}" (or "aws configure sso"), or set AWS_PROFILE to an ` +
          'existing profile, then run the command again.',
      );
    }
  }

  const sts = new STSClient({});
  let region: string;
  try {
    region = await withTimeout(sts.config.region(), 'Reading the region');
  } catch {
    throw new PreflightError(
      'No AWS region is set, so nothing was changed. Name the region to deploy to:\n' +
        '  export AWS_REGION=eu-central-1\n' +
        (profile ? `or add "region = eu-central-1" to [profile ${profile}] in ${sharedFiles(env).config}.\n` : '') +
        'Then run the command again.',
    );
  }

  // Refused before any call to AWS: CloudFormation there lacks resource types the stack uses (infra/regions.json).
  const refusal = unsupportedRegion(region);
  if (refusal !== undefined) throw new PreflightError(refusal);

  let account: string;
  let caller: string;
  try {
    const identity = await withTimeout(sts.send(new GetCallerIdentityCommand({})), 'Asking AWS who you are');
    account = identity.Account ?? '';
    caller = identity.Arn ?? '';
  } catch (error) {
    if (isNetworkError(error)) {
      throw new PreflightError(
        `AWS could not be reached (${describe(error)}), so nothing was changed. Check the network or proxy, ` +
          `and that ${region} is a region name such as eu-central-1.`,
      );
    }
    throw new PreflightError(
      `The AWS credentials found (${sources.join(', ') || 'none locally'}) did not work: ${describe(error)}.\n` +
        `Nothing was changed. Log in again (aws sso login${profile ? ` --profile ${profile}` : ''}) or renew the ` +
        'keys, then run the command again.',
    );
  } finally {
    sts.destroy();
  }

  if (requireBootstrap) await checkBootstrap(account, region);
  return { account, region, caller };
}

async function checkBootstrap(account: string, region: string): Promise<void> {
  const bootstrap = `npx cdk bootstrap aws://${account}/${region}`;
  const ssm = new SSMClient({ region });
  try {
    const output = await withTimeout(
      ssm.send(new GetParameterCommand({ Name: '/cdk-bootstrap/hnb659fds/version' })),
      'Checking the CDK bootstrap',
    );
    const version = Number(output.Parameter?.Value);
    if (!(version >= minimumBootstrapVersion)) {
      throw new PreflightError(
        `Account ${account} in ${region} has CDK bootstrap version ${output.Parameter?.Value}; ` +
          `version ${minimumBootstrapVersion} or later is needed. Update it once with:\n  ${bootstrap}\nthen run npm run deploy again.`,
      );
    }
  } catch (error) {
    if (error instanceof PreflightError) throw error;
    if (error instanceof ParameterNotFound) {
      throw new PreflightError(
        `Account ${account} in ${region} is not bootstrapped for the AWS CDK, so nothing was changed.\n` +
          `Bootstrap it once (it creates the CDKToolkit stack: an asset bucket and deployment roles):\n  ${bootstrap}\n` +
          'then run npm run deploy again.',
      );
    }
    // No ssm:GetParameter permission, say: let the CDK CLI decide, it checks the bootstrap stack itself.
    console.warn(`warning: could not check the CDK bootstrap (${describe(error)}); continuing.`);
  } finally {
    ssm.destroy();
  }
}

function isNetworkError(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${(error as NodeJS.ErrnoException).code ?? ''}` : '';
  return /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|took longer than/.test(text);
}

/** `Name: message`, without a final full stop (the sentences around it add their own). */
function describe(error: unknown): string {
  return (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).replace(/\.$/, '');
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${callTimeoutMs / 1000} s`)), callTimeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
