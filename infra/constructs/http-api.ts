import { Fn, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi as ApiGatewayHttpApi,
  HttpMethod,
  LogGroupLogDestination,
  type HttpStage,
  type IHttpRouteAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { GatewayRoute, RouteGroup } from '../../functions/http/routes.ts';
import { TableFunction, functionDefaults, type TableAction } from './table-function.ts';

/**
 * The access log line: enough to see errors, throttling, refusals and latency. `routeKey` is the matched
 * route's template (`ANY /api/meetings/{id}`, `-` when none matched), never the requested path.
 */
export const accessLogFields = {
  requestId: '$context.requestId',
  time: '$context.requestTimeEpoch',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  error: '$context.error.message',
} as const;

export interface RouteGroupHandler {
  /** The module exporting `handler` for every route of the group. */
  readonly entry: string;
  /** Exactly the DynamoDB read actions the group's code calls. */
  readonly tableActions: readonly Extract<TableAction, 'GetItem' | 'Query'>[];
}

export interface HttpApiProps {
  readonly table: ITableV2;
  /** `gatewayRoutes` of functions/http/routes.ts: one ANY route per path, plus the /api fallback. */
  readonly routes: readonly GatewayRoute[];
  readonly handlers: Readonly<Record<RouteGroup, RouteGroupHandler>>;
  readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
  readonly reservedConcurrency?: number;
  /** Every route's authorizer: ./origin-guard.ts, so only CloudFront gets in. */
  readonly authorizer: IHttpRouteAuthorizer;
}

/**
 * The read API: one Lambda function per route group, an HTTP API whose `$default` stage is throttled and
 * access-logged, and the routes of the shared route table (ANY, so other methods reach the handler's 405).
 */
export class HttpApi extends Construct {
  readonly api: ApiGatewayHttpApi;
  readonly stage: HttpStage;
  readonly functions: ReadonlyMap<RouteGroup, TableFunction>;
  /** The API's host name (`<id>.execute-api.<region>.amazonaws.com`), for the CloudFront origin. */
  readonly domainName: string;

  constructor(scope: Construct, id: string, props: HttpApiProps) {
    super(scope, id);

    const functions = new Map<RouteGroup, TableFunction>();
    const integrations = new Map<RouteGroup, HttpLambdaIntegration>();
    for (const group of new Set(props.routes.map((route) => route.group))) {
      const handler = props.handlers[group];
      const fn = new TableFunction(this, pascalCase(group), {
        entry: handler.entry,
        description: `Read API, ${group} routes`,
        table: props.table,
        tableActions: handler.tableActions,
        ...(props.reservedConcurrency === undefined ? {} : { reservedConcurrency: props.reservedConcurrency }),
      });
      functions.set(group, fn);
      integrations.set(group, new HttpLambdaIntegration(`${pascalCase(group)}Integration`, fn.function));
    }
    this.functions = functions;

    this.api = new ApiGatewayHttpApi(this, 'Api', {
      description: 'Read API of the Afghanistan regional diplomacy map',
      createDefaultStage: false,
      defaultAuthorizer: props.authorizer,
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: functionDefaults.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // No IP address or user agent, and nothing a client sizes (no path, no query): every value is a route
        // template, a number or an AWS-written message, so a line stays under about 400 bytes whatever is sent.
        format: AccessLogFormat.custom(JSON.stringify(accessLogFields)),
      },
    });

    for (const route of props.routes) {
      this.api.addRoutes({ path: route.path, methods: [HttpMethod[route.method]], integration: integrations.get(route.group)! });
    }

    this.domainName = Fn.select(2, Fn.split('/', this.api.apiEndpoint));
  }
}

function pascalCase(text: string): string {
  return text.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_match, _separator, letter: string) => letter.toUpperCase());
}
