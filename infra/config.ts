/**
 * Deployment options, read once from CDK context (`cdk.json` or `npx cdk deploy -c key=value`).
 * Everything optional is off by default, so a first deploy needs no options at all.
 * Values given on the command line arrive as strings: parse them here and fail with a message that says
 * which option is wrong, before any construct is built.
 */
import type { Node } from 'constructs';

export interface DashboardConfig {
  /** Stage-wide HTTP API throttling: the cost guardrail against floods that bypass the CloudFront cache. */
  readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
  /** A custom domain on CloudFront; the certificate must be an ACM certificate in us-east-1. */
  readonly customDomain?: { readonly domainName: string; readonly certificateArn: string };
  /** A monthly cost budget that e-mails when actual or forecast spend passes the limit. */
  readonly budget?: { readonly email: string; readonly limitUsd: number };
  /** Reserved concurrency per API function; opt-in because new accounts have a concurrency quota of 10-50. */
  readonly reservedConcurrency?: number;
  /** Keep the table and the site bucket (RETAIN) when the stack is destroyed. */
  readonly retainData: boolean;
  /** A WAF rate-based rule on the distribution: requests per client IP in any 5 minutes (us-east-1 only). */
  readonly wafRateLimit?: number;
}

export const configDefaults = { throttleRate: 50, throttleBurst: 100, budgetUsd: 5 } as const;

/** The context keys this app reads, for the README and for error messages. */
export const contextKeys = [
  'throttleRate',
  'throttleBurst',
  'domainName',
  'certificateArn',
  'budgetEmail',
  'budgetUsd',
  'reservedConcurrency',
  'retainData',
  'wafRateLimit',
] as const;

export type ContextKey = (typeof contextKeys)[number];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readConfig(node: Node): DashboardConfig {
  const get = (key: ContextKey): unknown => node.tryGetContext(key);

  const rateLimit = positiveNumber('throttleRate', get('throttleRate'), configDefaults.throttleRate);
  const burstLimit = positiveInteger('throttleBurst', get('throttleBurst'), configDefaults.throttleBurst);

  const domainName = optionalString('domainName', get('domainName'));
  const certificateArn = optionalString('certificateArn', get('certificateArn'));
  if (Boolean(domainName) !== Boolean(certificateArn)) {
    throw new ConfigError('domainName and certificateArn go together: set both or neither.');
  }
  if (domainName && !/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(domainName)) {
    throw new ConfigError(`domainName "${domainName}" is not a domain name such as map.example.org.`);
  }
  if (certificateArn && !/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/.test(certificateArn)) {
    throw new ConfigError(
      `certificateArn "${certificateArn}" must be an ACM certificate ARN in us-east-1 (CloudFront only uses certificates from that region).`,
    );
  }

  const email = optionalString('budgetEmail', get('budgetEmail'));
  if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    throw new ConfigError(`budgetEmail "${email}" is not an e-mail address.`);
  }
  const limitUsd = positiveNumber('budgetUsd', get('budgetUsd'), configDefaults.budgetUsd);

  const reservedRaw = get('reservedConcurrency');
  const reservedConcurrency =
    reservedRaw === undefined || reservedRaw === '' ? undefined : positiveInteger('reservedConcurrency', reservedRaw, 1);

  const wafRaw = get('wafRateLimit');
  const wafRateLimit = wafRaw === undefined || wafRaw === '' ? undefined : positiveInteger('wafRateLimit', wafRaw, 1);
  // WAF's bounds for a rate-based rule's limit.
  if (wafRateLimit !== undefined && (wafRateLimit < 10 || wafRateLimit > 2_000_000_000)) {
    throw new ConfigError(`wafRateLimit must be between 10 and 2000000000 requests per 5 minutes, got "${String(wafRaw)}".`);
  }

  return {
    throttle: { rateLimit, burstLimit },
    ...(wafRateLimit === undefined ? {} : { wafRateLimit }),
    ...(domainName && certificateArn ? { customDomain: { domainName, certificateArn } } : {}),
    ...(email ? { budget: { email, limitUsd } } : {}),
    ...(reservedConcurrency === undefined ? {} : { reservedConcurrency }),
    retainData: bool('retainData', get('retainData')),
  };
}

function optionalString(key: ContextKey, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new ConfigError(`${key} must be a string.`);
  return value.trim();
}

function positiveNumber(key: ContextKey, value: unknown, fallback: number): number {
  if (value === undefined || value === null || value === '') return fallback;
  const parsed = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new ConfigError(`${key} must be a positive number, got "${String(value)}".`);
  return parsed;
}

function positiveInteger(key: ContextKey, value: unknown, fallback: number): number {
  const parsed = positiveNumber(key, value, fallback);
  if (!Number.isInteger(parsed)) throw new ConfigError(`${key} must be a whole number, got "${String(value)}".`);
  return parsed;
}

function bool(key: ContextKey, value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === false || value === 'false') return false;
  if (value === true || value === 'true') return true;
  throw new ConfigError(`${key} must be true or false, got "${String(value)}".`);
}
