/**
 * The default deployment (no context): the security and cost invariants, read from the synthesized template.
 */
import { runInNewContext } from 'node:vm';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableDefinition } from '../../functions/adapters/dynamodb/table-definition.ts';
import { gatewayRoutes, routeGroups } from '../../functions/http/routes.ts';
import { hashRecords } from '../constructs/seed.ts';
import { contentSecurityPolicy } from '../../frontend/security-headers.ts';
import { routeGroupHandlers } from '../stacks/dashboard-stack.ts';
import { logicalIdOf, synthesize, unacknowledgedNagFindings, type CfnJson, type CfnResource, type Synthesized } from './synth.ts';

let synthesized: Synthesized;
let resources: Readonly<Record<string, CfnResource>>;
const ofType = (type: string) => synthesized.ofType(type);

/** The five API functions, found by their TABLE_NAME and their description. */
const apiFunctions = () =>
  ofType('AWS::Lambda::Function').filter(([, resource]) => String(resource.Properties?.Description).startsWith('Read API'));

/** Every Allow statement of every inline policy attached to a role. */
function statementsOfRole(roleLogicalId: string): { Action: string | string[]; Resource: unknown }[] {
  return ofType('AWS::IAM::Policy')
    .filter(([, policy]) => (policy.Properties?.Roles as unknown[]).some((role) => logicalIdOf(role) === roleLogicalId))
    .flatMap(([, policy]) => policy.Properties?.PolicyDocument.Statement);
}

const actionsOf = (statement: { Action: string | string[] }) => [statement.Action].flat();

beforeAll(() => {
  synthesized = synthesize();
  resources = synthesized.resources;
});

describe('table', () => {
  it('is on-demand with point-in-time recovery, keyed by the shared table definition, without indexes', () => {
    const [table, ...others] = ofType('AWS::DynamoDB::GlobalTable');
    expect(others).toHaveLength(0);
    const properties = table![1].Properties!;
    expect(properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(properties.Replicas).toHaveLength(1);
    expect(properties.Replicas[0].PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(properties.KeySchema).toEqual([
      { AttributeName: tableDefinition.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey.name, KeyType: 'RANGE' },
    ]);
    expect(properties.GlobalSecondaryIndexes).toBeUndefined();
    expect(properties.TableName).toBeUndefined();
    expect(properties.SSESpecification?.SSEType).not.toBe('KMS');
  });
});

describe('API functions', () => {
  it('are one per route group, nodejs24.x on arm64, 256 MB, 5 s, reading TABLE_NAME', () => {
    const functions = apiFunctions();
    expect(functions).toHaveLength(routeGroups.length);
    for (const [, fn] of functions) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        MemorySize: 256,
        Timeout: 5,
        Environment: { Variables: { TABLE_NAME: { Ref: expect.stringMatching(/^DataTable/) } } },
      });
      expect(fn.Properties?.ReservedConcurrentExecutions).toBeUndefined();
    }
  });

  it('may only GetItem or Query, on the table ARN, exactly as declared per group; no managed policies', () => {
    const [[tableId]] = ofType('AWS::DynamoDB::GlobalTable') as [[string, CfnResource]];
    for (const group of routeGroups) {
      const [, fn] = apiFunctions().find(([, resource]) => resource.Properties?.Description === `Read API, ${group} routes`)!;
      const roleId = logicalIdOf(fn.Properties?.Role);
      expect(resources[roleId]?.Properties?.ManagedPolicyArns).toBeUndefined();

      const statements = statementsOfRole(roleId);
      const tableStatements = statements.filter((statement) => actionsOf(statement).some((action) => action.startsWith('dynamodb:')));
      const actions = tableStatements.flatMap(actionsOf).sort();
      expect(actions, group).toEqual(routeGroupHandlers[group].tableActions.map((action) => `dynamodb:${action}`).sort());
      expect(actions.every((action) => action === 'dynamodb:GetItem' || action === 'dynamodb:Query'), group).toBe(true);
      for (const statement of tableStatements) expect(statement.Resource).toEqual({ 'Fn::GetAtt': [tableId, 'Arn'] });
      // Everything else a function may do: write its own logs.
      const otherActions = statements.flatMap(actionsOf).filter((action) => !action.startsWith('dynamodb:'));
      expect(otherActions.sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
    }
  });
});

describe('every Lambda function, ours and CDK-managed', () => {
  it('logs to an explicit log group with a retention that is deleted with the stack', () => {
    const functions = ofType('AWS::Lambda::Function');
    expect(functions.length).toBeGreaterThanOrEqual(routeGroups.length + 3);
    for (const [id, fn] of functions) {
      const logGroup = resources[logicalIdOf(fn.Properties?.LoggingConfig?.LogGroup)];
      expect(logGroup?.Type, id).toBe('AWS::Logs::LogGroup');
      expect(logGroup?.Properties?.RetentionInDays, id).toBe(30);
      expect(logGroup?.DeletionPolicy, id).toBe('Delete');
    }
  });
});

describe('HTTP API', () => {
  it('throttles its $default stage and writes an access log with a retention', () => {
    const [[, stage], ...others] = ofType('AWS::ApiGatewayV2::Stage') as [[string, CfnResource]];
    expect(others).toHaveLength(0);
    expect(stage.Properties).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
    });
    const logGroup = resources[logicalIdOf(stage.Properties?.AccessLogSettings.DestinationArn)];
    expect(logGroup?.Properties?.RetentionInDays).toBe(30);
    expect(stage.Properties?.AccessLogSettings.Format).not.toMatch(/sourceIp|userAgent/);
  });

  it('logs the route key, status, request id and time, never anything a client sizes (path, query, headers)', () => {
    const [[, stage]] = ofType('AWS::ApiGatewayV2::Stage') as [[string, CfnResource]];
    const format = JSON.parse(stage.Properties?.AccessLogSettings.Format as string) as Record<string, string>;
    expect(format).toMatchObject({
      requestId: '$context.requestId',
      time: '$context.requestTimeEpoch',
      routeKey: '$context.routeKey',
      status: '$context.status',
    });
    // Every value is one of these: route template, ids, numbers, AWS-written messages.
    const bounded = new Set([
      '$context.requestId',
      '$context.requestTimeEpoch',
      '$context.routeKey',
      '$context.status',
      '$context.responseLength',
      '$context.responseLatency',
      '$context.integrationLatency',
      '$context.integrationErrorMessage',
      '$context.authorizer.error',
      '$context.error.message',
    ]);
    for (const [field, variable] of Object.entries(format)) expect(bounded, field).toContain(variable);
    expect(stage.Properties?.AccessLogSettings.Format).not.toMatch(/path|rawPath|querystring|domainName|header/i);
  });

  it('routes every path of the route table with ANY to its group function, plus the /api fallback', () => {
    const routeKeys = ofType('AWS::ApiGatewayV2::Route').map(([, route]) => route.Properties?.RouteKey).sort();
    expect(routeKeys).toEqual(gatewayRoutes.map((route) => `ANY ${route.path}`).sort());
    expect(routeKeys).toContain('ANY /api/{proxy+}');
    for (const [, route] of ofType('AWS::ApiGatewayV2::Route')) {
      const group = gatewayRoutes.find((candidate) => `ANY ${candidate.path}` === route.Properties?.RouteKey)!.group;
      const integrationId = (route.Properties?.Target['Fn::Join'][1][1] as { Ref: string }).Ref;
      const functionId = logicalIdOf(resources[integrationId]?.Properties?.IntegrationUri);
      expect(resources[functionId]?.Properties?.Description).toBe(`Read API, ${group} routes`);
    }
  });
});

describe('CloudFront is the only way in', () => {
  const authorizers = () => ofType('AWS::ApiGatewayV2::Authorizer');
  const secretAttribute = () => {
    const [[secretId]] = ofType('Custom::OriginSecret') as [[string, CfnResource]];
    return { 'Fn::GetAtt': [secretId, 'Value'] };
  };

  it("every route needs the authorizer, which takes CloudFront's header as its identity source and caches an hour", () => {
    const [[authorizerId, authorizer], ...others] = authorizers() as [[string, CfnResource]];
    expect(others).toHaveLength(0);
    expect(authorizer.Properties).toMatchObject({
      AuthorizerType: 'REQUEST',
      AuthorizerPayloadFormatVersion: '2.0',
      EnableSimpleResponses: true,
      // A request without the header is refused with 401 by API Gateway, before any function runs.
      IdentitySource: ['$request.header.x-origin-verify'],
      AuthorizerResultTtlInSeconds: 3600,
    });
    const routes = ofType('AWS::ApiGatewayV2::Route');
    expect(routes).toHaveLength(gatewayRoutes.length);
    for (const [id, route] of routes) {
      expect(route.Properties, id).toMatchObject({ AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: authorizerId } });
    }
  });

  it("CloudFront's API origin sends the header with the deploy-time secret, the one the authorizer expects", () => {
    const config = ofType('AWS::CloudFront::Distribution')[0]![1].Properties!.DistributionConfig;
    const apiBehaviour = config.CacheBehaviors.find((behaviour: CfnJson) => behaviour.PathPattern === '/api/*');
    const apiOrigin = config.Origins.find((origin: CfnJson) => origin.Id === apiBehaviour.TargetOriginId);
    expect(apiOrigin.CustomOriginConfig).toBeDefined();
    expect(apiOrigin.OriginCustomHeaders).toEqual([{ HeaderName: 'x-origin-verify', HeaderValue: secretAttribute() }]);
    // The page's origin (S3) does not get it.
    for (const origin of config.Origins.filter((candidate: CfnJson) => candidate !== apiOrigin)) {
      expect(origin.OriginCustomHeaders).toBeUndefined();
    }

    const [, authorizer] = authorizers()[0]!;
    const functionId = logicalIdOf(authorizer.Properties?.AuthorizerUri['Fn::Join'][1][5]);
    const fn = resources[functionId]!;
    expect(fn.Properties?.Environment.Variables).toEqual({ ORIGIN_SECRET: secretAttribute() });
    expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], MemorySize: 128 });
    // It reads nothing: its role may only write its logs.
    const actions = statementsOfRole(logicalIdOf(fn.Properties?.Role)).flatMap(actionsOf);
    expect(actions.filter((action) => !action.startsWith('logs:'))).toEqual([]);
  });

  it('makes the secret once, by a custom resource with no properties to change, whose function may only log', () => {
    const [[, secret], ...others] = ofType('Custom::OriginSecret') as [[string, CfnResource]];
    expect(others).toHaveLength(0);
    expect(Object.keys(secret.Properties ?? {}).sort()).toEqual(['ServiceTimeout', 'ServiceToken']);
    const fn = resources[logicalIdOf(secret.Properties?.ServiceToken)]!;
    const actions = statementsOfRole(logicalIdOf(fn.Properties?.Role)).flatMap(actionsOf);
    expect(actions.filter((action) => !action.startsWith('logs:'))).toEqual([]);
  });

  it('outputs the API under the site, not the execute-api address', () => {
    const outputs = synthesized.template.toJSON().Outputs as Record<string, { Value: CfnJson }>;
    expect(JSON.stringify(outputs.ApiUrl?.Value)).not.toContain('execute-api');
    expect(JSON.stringify(outputs.ApiUrl?.Value)).toContain('/api');
  });
});

describe('site bucket', () => {
  it('is private, encrypted with S3-managed keys, and deleted with its objects', () => {
    const [[, bucket]] = ofType('AWS::S3::Bucket') as [[string, CfnResource]];
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
    });
    expect(bucket.DeletionPolicy).toBe('Delete');
    expect(ofType('Custom::S3AutoDeleteObjects')).toHaveLength(1);
    expect(bucket.Properties?.WebsiteConfiguration).toBeUndefined();
  });

  it('refuses requests without TLS and lets only this distribution read', () => {
    synthesized.template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: 's3:GetObject',
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
  });
});

describe('CloudFront', () => {
  const distribution = () => ofType('AWS::CloudFront::Distribution')[0]![1].Properties!.DistributionConfig;

  it('reads the bucket through Origin Access Control, not a public website endpoint', () => {
    const s3Origin = distribution().Origins.find((origin: CfnJson) => origin.S3OriginConfig);
    expect(s3Origin.OriginAccessControlId).toBeDefined();
    expect(s3Origin.S3OriginConfig.OriginAccessIdentity).toBe('');
    synthesized.template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
    });
  });

  it('sends the security headers, with the CSP the page needs, on the page and the API', () => {
    const [[policyId, policy]] = ofType('AWS::CloudFront::ResponseHeadersPolicy') as [[string, CfnResource]];
    expect(policy.Properties?.ResponseHeadersPolicyConfig.SecurityHeadersConfig).toEqual({
      ContentSecurityPolicy: { ContentSecurityPolicy: contentSecurityPolicy, Override: true },
      StrictTransportSecurity: { AccessControlMaxAgeSec: 31536000, IncludeSubdomains: true, Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
    });
    // The page needs nothing beyond its own origin: no blob: workers or images, no inline scripts.
    const directives = new Map(contentSecurityPolicy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('worker-src')).toBe("'self'");
    expect(directives.get('img-src')).toBe("'self' data:");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(contentSecurityPolicy).not.toContain('blob:');
    const behaviours = [distribution().DefaultCacheBehavior, ...distribution().CacheBehaviors];
    for (const behaviour of behaviours) expect(behaviour.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
  });

  it('sends /api/* to the HTTP API over TLS 1.2, caching only what the API marks cacheable', () => {
    const [api] = distribution().CacheBehaviors;
    expect(api.PathPattern).toBe('/api/*');
    expect(api.AllowedMethods).toEqual(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']);
    expect(api.ViewerProtocolPolicy).toBe('redirect-to-https');

    const origin = distribution().Origins.find((candidate: CfnJson) => candidate.Id === api.TargetOriginId);
    expect(origin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    expect(JSON.stringify(origin.DomainName)).toContain('ApiEndpoint');

    const cachePolicy = resources[logicalIdOf(api.CachePolicyId)]?.Properties?.CachePolicyConfig;
    expect(cachePolicy).toMatchObject({
      MinTTL: 0,
      DefaultTTL: 0,
      MaxTTL: 86400,
      ParametersInCacheKeyAndForwardedToOrigin: {
        QueryStringsConfig: { QueryStringBehavior: 'all' },
        HeadersConfig: { HeaderBehavior: 'none' },
        CookiesConfig: { CookieBehavior: 'none' },
        EnableAcceptEncodingGzip: true,
        EnableAcceptEncodingBrotli: true,
      },
    });
    // All viewer headers but Host (API Gateway rejects a foreign Host), and no cookies, so that CloudFront
    // still revalidates with If-None-Match.
    const originRequest = resources[logicalIdOf(api.OriginRequestPolicyId)]?.Properties?.OriginRequestPolicyConfig;
    expect(originRequest).toMatchObject({
      HeadersConfig: { HeaderBehavior: 'allExcept', Headers: ['Host'] },
      QueryStringsConfig: { QueryStringBehavior: 'all' },
      CookiesConfig: { CookieBehavior: 'none' },
    });
  });

  it('serves index.html for app routes but leaves files (and so missing assets) alone', () => {
    const defaultBehaviour = distribution().DefaultCacheBehavior;
    expect(defaultBehaviour.FunctionAssociations).toHaveLength(1);
    expect(defaultBehaviour.FunctionAssociations[0].EventType).toBe('viewer-request');
    const [[, fn]] = ofType('AWS::CloudFront::Function') as [[string, CfnResource]];
    expect(fn.Properties?.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');

    const rewrite = (uri: string): string => {
      const sandbox: { handler?: (event: unknown) => { uri: string } } = {};
      runInNewContext(`${fn.Properties?.FunctionCode}\nthis.handler = handler;`, sandbox);
      return sandbox.handler!({ request: { uri } }).uri;
    };
    expect(rewrite('/')).toBe('/index.html');
    expect(rewrite('/meeting/moscow-format-2024')).toBe('/index.html');
    expect(rewrite('/country/AFG/')).toBe('/index.html');
    expect(rewrite('/assets/index-3f2a.js')).toBe('/assets/index-3f2a.js');
    expect(rewrite('/favicon.svg')).toBe('/favicon.svg');
    expect(distribution().CustomErrorResponses).toBeUndefined();
  });

  it('has no custom domain by default: the default certificate', () => {
    expect(distribution().Aliases).toBeUndefined();
    expect(distribution().ViewerCertificate).toBeUndefined();
  });
});

describe('a second region', () => {
  it('names every account-wide CloudFront resource with the region, so a copy in another region does not collide', () => {
    const nameOf = (config: CfnJson | undefined) => (config as { Name?: CfnJson } | undefined)?.Name;
    const named = [
      ...ofType('AWS::CloudFront::ResponseHeadersPolicy').map(([id, r]) => [id, nameOf(r.Properties?.ResponseHeadersPolicyConfig)] as const),
      ...ofType('AWS::CloudFront::OriginRequestPolicy').map(([id, r]) => [id, nameOf(r.Properties?.OriginRequestPolicyConfig)] as const),
      ...ofType('AWS::CloudFront::CachePolicy').map(([id, r]) => [id, nameOf(r.Properties?.CachePolicyConfig)] as const),
      ...ofType('AWS::CloudFront::OriginAccessControl').map(([id, r]) => [id, nameOf(r.Properties?.OriginAccessControlConfig)] as const),
      ...ofType('AWS::CloudFront::Function').map(([id, r]) => [id, r.Properties?.Name] as const),
    ];
    expect(named.length).toBeGreaterThanOrEqual(5);
    for (const [id, name] of named) expect(JSON.stringify(name), id).toContain('{"Ref":"AWS::Region"}');
  });
});

describe('page deployment', () => {
  it('uploads hashed assets as immutable and keeps old ones; the rest as no-cache, then invalidates', () => {
    const deployments = ofType('Custom::CDKBucketDeployment').map(([, deployment]) => deployment.Properties!);
    const assets = deployments.find((deployment) => deployment.DestinationBucketKeyPrefix === 'assets/');
    const page = deployments.find((deployment) => deployment.DestinationBucketKeyPrefix === undefined);
    expect(assets).toMatchObject({ Prune: false, SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' } });
    expect(assets?.DistributionId).toBeUndefined();
    expect(page).toMatchObject({ Exclude: ['assets/*'], SystemMetadata: { 'cache-control': 'no-cache' }, DistributionPaths: ['/*'] });
    expect(page?.Prune).toBe(true);
  });

  it('invalidates the CDN only after the seed has written the new documents', () => {
    const [[seedId]] = ofType('Custom::SeedTable') as [[string, CfnResource]];
    const [[pageId, page]] = ofType('Custom::CDKBucketDeployment').filter(([, d]) => d.Properties?.DistributionPaths !== undefined) as [
      [string, CfnResource],
    ];
    expect(pageId).toBeDefined();
    expect([page.DependsOn ?? []].flat()).toContain(seedId);
  });
});

describe('seed', () => {
  it('re-runs when the data files change: their hash is a property of the custom resource', () => {
    const [[, seed]] = ofType('Custom::SeedTable') as [[string, CfnResource]];
    expect(seed.Properties).toMatchObject({
      TableName: { Ref: expect.stringMatching(/^DataTable/) },
      DataHash: hashRecords(new URL('../../data/records/', import.meta.url).pathname),
      BundleKey: expect.stringMatching(/^[0-9a-f]{64}\.zip$/),
      ServiceTimeout: '360',
    });
    const fn = resources[logicalIdOf(seed.Properties?.ServiceToken)]!;
    expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'] });
  });

  it('may Scan, BatchWriteItem and handle its lock item on the table, which is what the loader calls, and nothing else there', () => {
    const [[, seed]] = ofType('Custom::SeedTable') as [[string, CfnResource]];
    const fn = resources[logicalIdOf(seed.Properties?.ServiceToken)]!;
    const actions = statementsOfRole(logicalIdOf(fn.Properties?.Role)).flatMap(actionsOf);
    expect(actions.filter((action) => action.startsWith('dynamodb:')).sort()).toEqual([
      'dynamodb:BatchWriteItem',
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Scan',
    ]);
  });
});

describe('removal and cost', () => {
  it('retains nothing by default: destroy leaves no table, bucket or log group', () => {
    for (const [id, resource] of Object.entries(resources)) {
      expect(resource.DeletionPolicy, id).not.toBe('Retain');
      expect(resource.UpdateReplacePolicy, id).not.toBe('Retain');
    }
  });

  it('has no option resources unless asked: no budget, no reserved concurrency, no customer-managed key', () => {
    expect(ofType('AWS::Budgets::Budget')).toHaveLength(0);
    expect(ofType('AWS::KMS::Key')).toHaveLength(0);
    expect(ofType('AWS::WAFv2::WebACL')).toHaveLength(0);
    expect(synthesized.template.toJSON().Rules ?? {}).not.toHaveProperty(['RateLimitOnlyInUsEast1']);
    for (const [, fn] of ofType('AWS::Lambda::Function')) expect(fn.Properties?.ReservedConcurrentExecutions).toBeUndefined();
  });

  it('outputs the site URL, the API URL and the table name', () => {
    const outputs = synthesized.template.toJSON().Outputs as Record<string, unknown>;
    expect(Object.keys(outputs).sort()).toEqual(['ApiUrl', 'SiteUrl', 'TableName']);
  });
});

describe('cdk-nag (AWS Solutions)', () => {
  it('has no unacknowledged finding', () => {
    expect(unacknowledgedNagFindings(synthesized.app)).toEqual([]);
  });
});
