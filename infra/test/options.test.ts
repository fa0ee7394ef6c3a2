/**
 * Every context option switched on at once: custom domain, budget, reserved concurrency, retained data,
 * throttling overrides. Each resource or setting must appear only here, never in the default deployment
 * (stack.test.ts checks their absence). Functions are not bundled: nothing here depends on their code.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { routeGroups } from '../../functions/http/routes.ts';
import { synthesize, unacknowledgedNagFindings, type CfnJson, type CfnResource, type Synthesized } from './synth.ts';

const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-4f50-6789-abcd-ef0123456789';

let synthesized: Synthesized;
let resources: Readonly<Record<string, CfnResource>>;
const ofType = (type: string) => synthesized.ofType(type).map(([, resource]) => resource);

beforeAll(() => {
  synthesized = synthesize({
    bundle: false,
    context: {
      domainName: 'map.example.org',
      certificateArn,
      budgetEmail: 'owner@example.org',
      budgetUsd: '7',
      reservedConcurrency: '3',
      retainData: 'true',
      throttleRate: '10',
      throttleBurst: '20',
      wafRateLimit: '2000',
      // Turn the CloudFormation schema checks of aws-cdk-lib into errors: these combinations are synthesized nowhere else.
      '@aws-cdk/core:validateAgainstDefaultRules': true,
    },
  });
  resources = synthesized.resources;
});

describe('custom domain', () => {
  it('serves the domain with its us-east-1 certificate, SNI and TLS 1.2 at least', () => {
    const config = ofType('AWS::CloudFront::Distribution')[0]!.Properties!.DistributionConfig;
    expect(config.Aliases).toEqual(['map.example.org']);
    expect(config.ViewerCertificate).toEqual({
      AcmCertificateArn: certificateArn,
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
    const outputs = synthesized.template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(outputs.SiteUrl?.Value).toBe('https://map.example.org');
    expect(outputs.DnsTarget).toBeDefined();
  });
});

describe('budget', () => {
  it('is a monthly cost budget of the given amount that e-mails the given address', () => {
    const [budget, ...others] = ofType('AWS::Budgets::Budget');
    expect(others).toHaveLength(0);
    expect(budget!.Properties!.Budget).toEqual({
      BudgetType: 'COST',
      TimeUnit: 'MONTHLY',
      BudgetLimit: { Amount: 7, Unit: 'USD' },
    });
    const notifications = budget!.Properties!.NotificationsWithSubscribers as CfnJson[];
    expect(notifications.map((entry) => entry.Notification.NotificationType).sort()).toEqual(['ACTUAL', 'FORECASTED']);
    for (const entry of notifications) {
      expect(entry.Subscribers).toEqual([{ SubscriptionType: 'EMAIL', Address: 'owner@example.org' }]);
    }
  });
});

describe('reserved concurrency', () => {
  it('applies to every API function and not to the seed', () => {
    const functions = ofType('AWS::Lambda::Function');
    const reserved = functions.filter((fn) => fn.Properties?.ReservedConcurrentExecutions === 3);
    expect(reserved).toHaveLength(routeGroups.length);
    for (const fn of reserved) expect(String(fn.Properties?.Description)).toMatch(/^Read API/);
  });
});

describe('throttling', () => {
  it('takes the rate and burst from context', () => {
    const [stage] = ofType('AWS::ApiGatewayV2::Stage');
    expect(stage!.Properties!.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 });
  });
});

describe('wafRateLimit', () => {
  it('puts a web ACL with one rate rule per client IP on the distribution, refused outside us-east-1', () => {
    const [[aclId, acl], ...others] = synthesized.ofType('AWS::WAFv2::WebACL') as [[string, CfnResource]];
    expect(others).toHaveLength(0);
    expect(acl.Properties).toMatchObject({ Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
    expect(acl.Properties?.Rules).toEqual([
      expect.objectContaining({
        Action: { Block: {} },
        Statement: { RateBasedStatement: { Limit: 2000, AggregateKeyType: 'IP', EvaluationWindowSec: 300 } },
        VisibilityConfig: expect.objectContaining({ SampledRequestsEnabled: false }),
      }),
    ]);
    const config = ofType('AWS::CloudFront::Distribution')[0]!.Properties!.DistributionConfig;
    expect(config.WebACLId).toEqual({ 'Fn::GetAtt': [aclId, 'Arn'] });

    const rules = synthesized.template.toJSON().Rules as Record<string, CfnJson>;
    const [rule] = Object.entries(rules).filter(([id]) => id.includes('OnlyInUsEast1')).map(([, value]) => value);
    expect(rule.Assertions).toEqual([
      { Assert: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'] }, AssertDescription: expect.stringMatching(/^wafRateLimit needs the stack in us-east-1/) },
    ]);
  });
});

describe('retainData', () => {
  it('keeps the table and the site bucket, does not empty the bucket, and still deletes the log groups', () => {
    const [table] = ofType('AWS::DynamoDB::GlobalTable');
    const [bucket] = ofType('AWS::S3::Bucket');
    for (const resource of [table!, bucket!]) {
      expect(resource.DeletionPolicy).toBe('Retain');
      expect(resource.UpdateReplacePolicy).toBe('Retain');
    }
    expect(ofType('Custom::S3AutoDeleteObjects')).toHaveLength(0);
    for (const logGroup of ofType('AWS::Logs::LogGroup')) expect(logGroup.DeletionPolicy).toBe('Delete');

    const retained = Object.values(resources).filter((resource) => resource.DeletionPolicy === 'Retain');
    expect(retained.map((resource) => resource.Type).sort()).toEqual(['AWS::DynamoDB::GlobalTable', 'AWS::S3::Bucket']);
  });
});

describe('cdk-nag (AWS Solutions)', () => {
  it('has no unacknowledged finding, and needs no CFR4 acknowledgement with a custom domain', () => {
    expect(unacknowledgedNagFindings(synthesized.app)).toEqual([]);
    const distribution = synthesized.stack.node.findAll().find((construct) => construct.node.id === 'Distribution')!;
    const acknowledged = distribution.node.metadata.flatMap((entry) => Object.keys((entry.data ?? {}) as object));
    expect(acknowledged.join(' ')).not.toContain('CFR4');
    // With the web ACL, CFR2 (WAF) passes by itself.
    expect(acknowledged.join(' ')).not.toContain('CFR2');
  });
});
