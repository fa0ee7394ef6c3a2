import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CfnResource, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachedMethods,
  CachePolicy,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CacheQueryStringBehavior,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestCookieBehavior,
  OriginRequestHeaderBehavior,
  OriginRequestPolicy,
  OriginRequestQueryStringBehavior,
  OriginSslPolicy,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import {
  contentSecurityPolicy,
  frameOptions,
  referrerPolicy,
  strictTransportSecurityMaxAgeSeconds,
} from '../security-headers.ts';
import { functionDefaults } from './table-function.ts';

/** Vite's output: index.html plus content-hashed files under assets/. */
export const defaultSiteDir = fileURLToPath(new URL('../../frontend/dist/', import.meta.url));
/** A one-page stand-in so `cdk synth` works before the page was ever built (`npm run deploy` always builds). */
export const placeholderSiteDir = fileURLToPath(new URL('../placeholder-site/', import.meta.url));

/** The built page if there is one, else the placeholder with a warning. */
export function resolveSiteDir(siteDir: string = defaultSiteDir): string {
  if (existsSync(path.join(siteDir, 'index.html'))) return siteDir;
  console.warn(
    `warning: ${path.relative(process.cwd(), siteDir) || siteDir} has no index.html; using a placeholder page. ` +
      'Run `npm run build` first (`npm run deploy` does) to ship the real page.',
  );
  return placeholderSiteDir;
}

/** The CDK enum member whose value is `value` (the header values are plain strings in ../security-headers.ts). */
function enumMember<T extends string>(members: Record<string, T>, value: string): T {
  const member = Object.values(members).find((candidate) => candidate === value);
  if (member === undefined) throw new Error(`CloudFront has no header value "${value}"`);
  return member;
}

/**
 * Viewer-request function on the page's behaviour: a path whose last segment has no extension is a route of
 * the single-page app, so it gets index.html. /api/* has its own behaviour and never sees this function, and
 * a missing asset stays a 404/403 instead of turning into HTML.
 */
const spaRewriteCode = `function handler(event) {
  var request = event.request;
  var lastSegment = request.uri.substring(request.uri.lastIndexOf('/') + 1);
  if (lastSegment.indexOf('.') === -1) {
    request.uri = '/index.html';
  }
  return request;
}`;

export interface StaticSiteProps {
  /** Directory with index.html and assets/ (the built page). */
  readonly siteDir: string;
  /** Host name of the HTTP API, served under /api/*. */
  readonly apiDomainName: string;
  readonly customDomain?: { readonly domainName: string; readonly certificateArn: string };
  /** RETAIN keeps the bucket (and its objects) when the stack is destroyed. */
  readonly removalPolicy: RemovalPolicy;
}

/**
 * The page and the API behind one CloudFront distribution: the page from a private S3 bucket through Origin
 * Access Control, /api/* from the HTTP API with caching driven by the API's own Cache-Control.
 */
export class StaticSite extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly responseHeadersPolicy: ResponseHeadersPolicy;
  readonly url: string;

  constructor(scope: Construct, id: string, props: StaticSiteProps) {
    super(scope, id);
    const destroyWithStack = props.removalPolicy === RemovalPolicy.DESTROY;

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      removalPolicy: props.removalPolicy,
      autoDeleteObjects: destroyWithStack,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Only CloudFront (through OAC) reads this bucket and only the CDK deployment writes it; its content is the built page, versioned in git. Server access logs would store per-request records (viewer IPs) for a public page at a cost the project does not want.',
    });

    this.responseHeadersPolicy = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'CSP, HSTS, nosniff, DENY framing, strict-origin-when-cross-origin',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.seconds(strictTransportSecurityMaxAgeSeconds),
          includeSubdomains: true,
          override: true,
        },
        // CloudFront's only value for X-Content-Type-Options is nosniff.
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: enumMember(HeadersFrameOption, frameOptions), override: true },
        referrerPolicy: { referrerPolicy: enumMember(HeadersReferrerPolicy, referrerPolicy), override: true },
      },
    });

    // TTLs 0/0/1 day: nothing is cached unless the API says so in Cache-Control (s-maxage, max-age,
    // stale-while-revalidate), and then for at most a day. Every query string is part of the key.
    const apiCachePolicy = new CachePolicy(this, 'ApiCachePolicy', {
      comment: "Honour the API's Cache-Control; all query strings in the key",
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.days(1),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      headerBehavior: CacheHeaderBehavior.none(),
      cookieBehavior: CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    // Like the managed AllViewerExceptHostHeader policy (the Host header must not reach API Gateway, which
    // answers 403 to a foreign host) but without cookies: the API reads none, and CloudFront does not make
    // conditional requests (If-None-Match / If-Modified-Since against the API's ETag) when cookies are forwarded.
    const apiOriginRequestPolicy = new OriginRequestPolicy(this, 'ApiOriginRequestPolicy', {
      comment: 'All viewer headers except Host, all query strings, no cookies',
      headerBehavior: OriginRequestHeaderBehavior.denyList('Host'),
      queryStringBehavior: OriginRequestQueryStringBehavior.all(),
      cookieBehavior: OriginRequestCookieBehavior.none(),
    });

    const spaRewrite = new CloudFrontFunction(this, 'SpaRewrite', {
      comment: 'Extensionless paths are app routes: serve /index.html',
      code: FunctionCode.fromInline(spaRewriteCode),
      runtime: FunctionRuntime.JS_2_0,
    });

    const customDomain = props.customDomain;
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Afghanistan regional diplomacy map',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.responseHeadersPolicy,
        functionAssociations: [{ function: spaRewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
        compress: true,
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(props.apiDomainName, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [OriginSslPolicy.TLS_V1_2],
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          // Every method reaches the API, so the handlers answer other methods with 405 and an Allow header.
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachedMethods: CachedMethods.CACHE_GET_HEAD,
          cachePolicy: apiCachePolicy,
          originRequestPolicy: apiOriginRequestPolicy,
          responseHeadersPolicy: this.responseHeadersPolicy,
          compress: true,
        },
      },
      ...(customDomain
        ? {
            domainNames: [customDomain.domainName],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', customDomain.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR3',
      reason:
        'No CloudFront access logs by choice: they would add a logs bucket holding viewer IP addresses of a public, read-only page, and cost per request. Request and error rates stay visible in the free CloudFront metrics, and the API stage keeps its own access log.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'The map is public information meant for readers anywhere; there is no country to block.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR2',
      reason:
        'No WAF: a web ACL costs at least $5/month plus $0.60 per million requests, more than the whole app. The API behind CloudFront is read-only and throttled at its stage, and the page is static files.',
    });
    if (!customDomain) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain the distribution uses the default *.cloudfront.net certificate, on which CloudFront cannot enforce TLS 1.2. Setting the domainName and certificateArn context applies TLSv1.2_2021.',
      });
    }

    this.url = `https://${customDomain?.domainName ?? this.distribution.distributionDomainName}`;

    this.deploy(props.siteDir, destroyWithStack);
  }

  /**
   * Two uploads: the hashed files under assets/ first, cached as immutable and never pruned (a visitor holding the
   * previous index.html can still load the previous assets); then everything else, index.html included, as
   * `no-cache` (revalidated on every visit, a 304 when unchanged), followed by an invalidation of /*.
   */
  private deploy(siteDir: string, destroyWithStack: boolean): void {
    const logGroup = new LogGroup(this, 'DeploymentLogs', {
      retention: functionDefaults.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Our own role instead of the default one with the AWSLambdaBasicExecutionRole managed policy: the two
    // BucketDeployments share one CDK-managed function, which adds its S3 and CloudFront grants to this role.
    const role = new Role(this, 'DeploymentRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'CDK BucketDeployment of the page: its log group, the asset bucket, the site bucket',
    });
    logGroup.grantWrite(role);
    const bucketArn = `<${Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnBucket)}.Arn>`;
    const s3Reason =
      "Granted by CDK's BucketDeployment (grantRead on the CDK asset bucket, grantReadWrite on the site bucket): these action groups and object wildcards are limited to those two buckets, and the function runs only during deployments.";
    for (const finding of [
      'Action::s3:GetBucket*',
      'Action::s3:GetObject*',
      'Action::s3:List*',
      'Action::s3:Abort*',
      'Action::s3:DeleteObject*',
      `Resource::${bucketArn}/*`,
      'Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*',
    ]) {
      Validations.of(role).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason: s3Reason });
    }
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        "CDK's BucketDeployment grants cloudfront:CreateInvalidation and GetInvalidation on * and has no option to scope them; they can only invalidate cached copies, not read or change a distribution.",
    });

    const assetsDir = path.join(siteDir, 'assets');
    const assets = existsSync(assetsDir)
      ? new BucketDeployment(this, 'DeployAssets', {
          sources: [Source.asset(assetsDir)],
          destinationBucket: this.bucket,
          destinationKeyPrefix: 'assets/',
          cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
          prune: false,
          role,
          logGroup,
        })
      : undefined;

    const page = new BucketDeployment(this, 'DeployPage', {
      sources: [Source.asset(siteDir, { exclude: ['assets'] })],
      destinationBucket: this.bucket,
      // Protects assets/ from the prune of this deployment; the previous deployment owns it.
      exclude: ['assets/*'],
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      role,
      logGroup,
    });
    if (assets) page.node.addDependency(assets);

    // The function behind both deployments is a CDK-managed singleton at stack level.
    const deploymentFunction = Stack.of(this).node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (!deploymentFunction) throw new Error('aws-cdk-lib no longer creates Custom::CDKBucketDeployment*: revisit StaticSite');
    Validations.of(deploymentFunction).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        "The runtime of CDK's BucketDeployment function (Python, for the AWS CLI layer it runs) is chosen by aws-cdk-lib with no option to change it; it runs only during deployments, never on a request path.",
    });

    this.adoptAutoDeleteProvider(destroyWithStack);
  }

  /**
   * `autoDeleteObjects` adds a CDK-managed function (one per stack) that empties the bucket on destroy. Give it
   * a log group with retention too, or its first and only run (during `cdk destroy`) would leave a log group
   * behind that never expires.
   */
  private adoptAutoDeleteProvider(destroyWithStack: boolean): void {
    if (!destroyWithStack) return;
    const provider = Stack.of(this).node.tryFindChild('Custom::S3AutoDeleteObjectsCustomResourceProvider');
    const handler = provider?.node.tryFindChild('Handler');
    if (!provider || !(handler instanceof CfnResource)) {
      throw new Error('aws-cdk-lib no longer creates Custom::S3AutoDeleteObjectsCustomResourceProvider/Handler: revisit StaticSite');
    }
    const logGroup = new LogGroup(this, 'AutoDeleteLogs', {
      retention: functionDefaults.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    handler.addPropertyOverride('LoggingConfig', { LogGroup: logGroup.logGroupName });
    Validations.of(provider).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        "The role of CDK's autoDeleteObjects function, built by aws-cdk-lib without a way to pass our own role; the managed policy only lets it write its logs.",
    });
  }
}
