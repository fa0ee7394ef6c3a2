import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct, type IDependable } from 'constructs';
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

export interface SiteContentProps {
  /** Directory with index.html and assets/ (the built page). */
  readonly siteDir: string;
  /** RETAIN keeps the bucket (and its objects) when the stack is destroyed. */
  readonly removalPolicy: RemovalPolicy;
}

/**
 * The built page in a private S3 bucket, and its upload on every deploy: what changes when the page does.
 * The CDN in front of it (./site-cdn.ts) reads the bucket; `publish` uploads the page and invalidates the CDN.
 */
export class SiteContent extends Construct {
  readonly bucket: Bucket;
  private readonly siteDir: string;

  constructor(scope: Construct, id: string, props: SiteContentProps) {
    super(scope, id);
    this.siteDir = props.siteDir;
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      removalPolicy: props.removalPolicy,
      autoDeleteObjects: props.removalPolicy === RemovalPolicy.DESTROY,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Only CloudFront (through OAC) reads this bucket and only the CDK deployment writes it; its content is the built page, versioned in git. Server access logs would store per-request records (viewer IPs) for a public page at a cost the project does not want.',
    });
  }

  /**
   * Two uploads: the hashed files under assets/ first, cached as immutable and never pruned (a visitor holding the
   * previous index.html can still load the previous assets); then everything else, index.html included, as
   * `no-cache` (revalidated on every visit, a 304 when unchanged), followed by an invalidation of /*.
   *
   * `after`: what must be in place before the invalidation, above all the seed. The invalidation also
   * clears cached API answers (/api/*); run before the seed has written the new documents, it would let
   * CloudFront re-cache the old ones for up to their max-age.
   */
  publish(distribution: IDistribution, { after = [] }: { after?: readonly IDependable[] } = {}): void {
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

    const assetsDir = path.join(this.siteDir, 'assets');
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
      sources: [Source.asset(this.siteDir, { exclude: ['assets', '.vite'] })],
      destinationBucket: this.bucket,
      // Protects assets/ from the prune of this deployment; the previous deployment owns it.
      exclude: ['assets/*'],
      cacheControl: [CacheControl.noCache()],
      distribution,
      distributionPaths: ['/*'],
      role,
      logGroup,
    });
    if (assets) page.node.addDependency(assets);
    for (const dependency of after) page.node.addDependency(dependency);
  }
}
