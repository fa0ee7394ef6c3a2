import { fileURLToPath } from 'node:url';
import { AspectPriority, Aspects, CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { tableDefinition } from '../../functions/adapters/dynamodb/table-definition.ts';
import { gatewayRoutes, type RouteGroup } from '../../functions/http/routes.ts';
import type { DashboardConfig } from '../config.ts';
import { BudgetAlarm } from '../constructs/budget-alarm.ts';
import { HttpApi, type RouteGroupHandler } from '../constructs/http-api.ts';
import { OriginGuard } from '../constructs/origin-guard.ts';
import { RateLimit } from '../constructs/rate-limit.ts';
import { Seed } from '../constructs/seed.ts';
import { CdkManagedFunctions } from '../constructs/cdk-managed-functions.ts';
import { SiteCdn } from '../constructs/site-cdn.ts';
import { SiteContent } from '../constructs/site-content.ts';
import { Table } from '../constructs/table.ts';

const projectPath = (relative: string): string => fileURLToPath(new URL(`../../${relative}`, import.meta.url));

/**
 * What each route group's code calls on the table (functions/adapters/dynamodb/): single documents are one
 * GetItem, the statement filters one Query. Nothing here scans or writes.
 */
export const routeGroupHandlers: Readonly<Record<RouteGroup, RouteGroupHandler>> = {
  overview: { entry: projectPath('functions/handlers/overview.ts'), tableActions: ['GetItem'] },
  meetings: { entry: projectPath('functions/handlers/meetings.ts'), tableActions: ['GetItem'] },
  countries: { entry: projectPath('functions/handlers/countries.ts'), tableActions: ['GetItem'] },
  statements: { entry: projectPath('functions/handlers/statements.ts'), tableActions: ['Query'] },
  meta: { entry: projectPath('functions/handlers/meta.ts'), tableActions: ['GetItem'] },
};

export interface DashboardStackProps extends StackProps {
  readonly config: DashboardConfig;
  /** The built page (frontend/dist), or the placeholder when it was never built. */
  readonly siteDir: string;
}

/**
 * The whole app is one deployment unit: the table, the read API, the page and its CDN, the seed.
 * Stateful resources have no physical names; with `retainData` they survive `cdk destroy`.
 */
export class DashboardStack extends Stack {
  constructor(scope: Construct, id: string, props: DashboardStackProps) {
    super(scope, id, props);
    const { config } = props;
    const dataRemovalPolicy = config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    const { table } = new Table(this, 'Data', { definition: tableDefinition, removalPolicy: dataRemovalPolicy });

    const originGuard = new OriginGuard(this, 'OriginGuard', {
      secretEntry: projectPath('functions/origin-guard/secret-resource.ts'),
      authorizerEntry: projectPath('functions/origin-guard/authorizer.ts'),
    });

    const api = new HttpApi(this, 'ReadApi', {
      table,
      authorizer: originGuard.authorizer,
      routes: gatewayRoutes,
      handlers: routeGroupHandlers,
      throttle: config.throttle,
      ...(config.reservedConcurrency === undefined ? {} : { reservedConcurrency: config.reservedConcurrency }),
    });

    const seed = new Seed(this, 'Seed', {
      table,
      entry: projectPath('functions/seed/custom-resource.ts'),
      recordsDir: projectPath('data/records'),
      // functions/seed/loader.ts: Scan to find stale items, BatchWriteItem for puts and deletes; the seed lock
      // (functions/adapters/dynamodb/seed-lock.ts) is a conditional PutItem, a GetItem and a DeleteItem.
      tableActions: ['Scan', 'BatchWriteItem', 'PutItem', 'GetItem', 'DeleteItem'],
    });

    const content = new SiteContent(this, 'Site', { siteDir: props.siteDir, removalPolicy: dataRemovalPolicy });
    // Under the content as 'Default', an id CDK leaves out of logical ids: the distribution keeps the logical
    // id it had when bucket and CDN were one construct, so it is never replaced (its domain is the site's URL).
    const site = new SiteCdn(content, 'Default', {
      bucket: content.bucket,
      apiDomainName: api.domainName,
      apiOriginHeader: { name: originGuard.headerName, value: originGuard.secret },
      ...(config.wafRateLimit === undefined
        ? {}
        : { webAclArn: new RateLimit(this, 'RateLimit', { limitPer5Minutes: config.wafRateLimit }).webAcl.attrArn }),
      ...(config.customDomain ? { customDomain: config.customDomain } : {}),
    });
    // The invalidation runs after the seed, so the CDN never re-caches the old API answers.
    content.publish(site.distribution, { after: [seed.resource] });

    if (config.budget) new BudgetAlarm(this, 'Budget', config.budget);
    Aspects.of(this).add(new CdkManagedFunctions(), { priority: AspectPriority.MUTATING });

    new CfnOutput(this, 'SiteUrl', { value: site.url, description: 'The map' });
    // The execute-api address refuses requests that do not come through CloudFront.
    new CfnOutput(this, 'ApiUrl', { value: `${site.url}/api`, description: 'The read API' });
    new CfnOutput(this, 'TableName', { value: table.tableName, description: 'The DynamoDB table' });
    if (config.customDomain) {
      new CfnOutput(this, 'DnsTarget', {
        value: site.distribution.distributionDomainName,
        description: `Point ${config.customDomain.domainName} at this name (CNAME, or an alias record in Route 53)`,
      });
    }
  }
}
