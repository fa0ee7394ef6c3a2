import { Duration, Names, Stack, Validations } from 'aws-cdk-lib';
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
  S3OriginAccessControl,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import {
  contentSecurityPolicy,
  frameOptions,
  referrerPolicy,
  strictTransportSecurityMaxAgeSeconds,
} from '../../frontend/security-headers.ts';

/** The CDK enum member whose value is `value` (the header values are plain strings in frontend/security-headers.ts). */
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

export interface SiteCdnProps {
  /** The page's bucket (./site-content.ts), read through Origin Access Control. */
  readonly bucket: IBucket;
  /** Host name of the HTTP API, served under /api/*. */
  readonly apiDomainName: string;
  /** The header CloudFront adds to every request to the API, which the API's authorizer requires. */
  readonly apiOriginHeader: { readonly name: string; readonly value: string };
  /** A web ACL (CloudFront scope, so in us-east-1) for the distribution: ./rate-limit.ts. */
  readonly webAclArn?: string;
  readonly customDomain?: { readonly domainName: string; readonly certificateArn: string };
}

/**
 * The page and the API behind one CloudFront distribution, with its edge policies: the page from the
 * private bucket, /api/* from the HTTP API with caching driven by the API's own Cache-Control, the security
 * headers on both.
 */
export class SiteCdn extends Construct {
  readonly distribution: Distribution;
  readonly responseHeadersPolicy: ResponseHeadersPolicy;
  readonly url: string;

  constructor(scope: Construct, id: string, props: SiteCdnProps) {
    super(scope, id);

    this.responseHeadersPolicy = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      responseHeadersPolicyName: regionalName(this, 'SecurityHeaders'),
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
      originRequestPolicyName: regionalName(this, 'ApiOriginRequestPolicy'),
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
        origin: S3BucketOrigin.withOriginAccessControl(props.bucket, {
          originAccessControl: new S3OriginAccessControl(this, 'SiteBucketAccess', {
            originAccessControlName: regionalName(this, 'SiteBucketAccess', 64),
          }),
        }),
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
            customHeaders: { [props.apiOriginHeader.name]: props.apiOriginHeader.value },
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
      ...(props.webAclArn === undefined ? {} : { webAclId: props.webAclArn }),
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
    if (props.webAclArn === undefined) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR2',
        reason:
          'No WAF unless asked for (the wafRateLimit option): a web ACL with a rate rule costs $6/month plus $0.60 per million requests, more than the whole app. The API behind CloudFront is read-only, throttled at its stage and reachable only through CloudFront, and the page is static files.',
      });
    }
    if (!customDomain) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain the distribution uses the default *.cloudfront.net certificate, on which CloudFront cannot enforce TLS 1.2. Setting the domainName and certificateArn context applies TLSv1.2_2021.',
      });
    }

    this.url = `https://${customDomain?.domainName ?? this.distribution.distributionDomainName}`;
  }
}

/**
 * CloudFront's policies and origin access controls are named per account, not per region: a copy of the
 * stack in a second region would collide on the name. The region is part of every such name (CDK already
 * does this for cache policies and functions).
 */
function regionalName(scope: Construct, id: string, maxLength = 128): string {
  const region = Stack.of(scope).region;
  // Room for the id, "-" and the longest region name (ap-southeast-5, us-gov-west-1: at most 15 characters).
  const base = Names.uniqueResourceName(scope, { maxLength: maxLength - id.length - 16, separator: '' });
  return `${base}${id}-${region}`;
}
