import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { ConfigError, configDefaults, readConfig } from './config.ts';

const configOf = (context: Record<string, unknown>) => readConfig(new App({ context }).node);

describe('readConfig', () => {
  it('needs no context: throttled by default, everything optional off', () => {
    expect(configOf({})).toEqual({
      throttle: { rateLimit: configDefaults.throttleRate, burstLimit: configDefaults.throttleBurst },
      retainData: false,
    });
  });

  it('parses the strings that `-c key=value` gives', () => {
    expect(
      configOf({
        throttleRate: '12.5',
        throttleBurst: '40',
        domainName: 'map.example.org',
        certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123',
        budgetEmail: 'me@example.org',
        reservedConcurrency: '2',
        retainData: 'true',
        wafRateLimit: '2000',
      }),
    ).toEqual({
      throttle: { rateLimit: 12.5, burstLimit: 40 },
      customDomain: { domainName: 'map.example.org', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123' },
      budget: { email: 'me@example.org', limitUsd: configDefaults.budgetUsd },
      reservedConcurrency: 2,
      retainData: true,
      wafRateLimit: 2000,
    });
  });

  it.each([
    [{ throttleRate: 'fast' }, /throttleRate must be a positive number/],
    [{ throttleBurst: '2.5' }, /throttleBurst must be a whole number/],
    [{ domainName: 'map.example.org' }, /set both or neither/],
    [{ certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/x' }, /set both or neither/],
    [
      { domainName: 'map.example.org', certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/x' },
      /in us-east-1/,
    ],
    [{ domainName: 'not a domain', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/x' }, /not a domain name/],
    [{ budgetEmail: 'nobody' }, /not an e-mail address/],
    [{ budgetEmail: 'me@example.org', budgetUsd: '-1' }, /budgetUsd must be a positive number/],
    [{ reservedConcurrency: '0' }, /reservedConcurrency must be a positive number/],
    [{ retainData: 'yes' }, /retainData must be true or false/],
    [{ wafRateLimit: '9' }, /wafRateLimit must be between 10 and 2000000000 requests per 5 minutes/],
    [{ wafRateLimit: '100.5' }, /wafRateLimit must be a whole number/],
  ])('rejects %j with a message naming the option', (context, message) => {
    expect(() => configOf(context)).toThrow(ConfigError);
    expect(() => configOf(context)).toThrow(message);
  });
});
