/**
 * The shared shell of every Lambda function: parse the event, run the route's operation, build the result,
 * log one line. Handlers in ../handlers/ only supply one operation per route of their group.
 */
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { toHttpError } from './errors.ts';
import { jsonLineLogger, type RequestLogger } from './log.ts';
import { parseRequest, type ApiRequest } from './request.ts';
import { documentResult, errorResult, type ApiResult, type Reply } from './response.ts';
import { matchRoute, routesOfGroup, type RouteGroup, type routes } from './routes.ts';

export type ApiHandler = (event: APIGatewayProxyEventV2, context?: Pick<Context, 'awsRequestId'>) => Promise<ApiResult>;

export type Operation = (request: ApiRequest) => Promise<Reply>;

/** The names of a group's routes: a handler must supply exactly these operations (checked by the compiler). */
export type RouteNamesOf<G extends RouteGroup> = Extract<(typeof routes)[number], { group: G }>['name'];

export interface ShellOptions {
  readonly log?: RequestLogger;
}

export function routeGroupHandler<G extends RouteGroup>(
  group: G,
  operations: Record<RouteNamesOf<G>, Operation>,
  { log = jsonLineLogger }: ShellOptions = {},
): ApiHandler {
  const groupRoutes = routesOfGroup(group);
  return async (event, context) => {
    const started = performance.now();
    const method = event.requestContext?.http?.method ?? 'GET';
    let route = 'unmatched';
    let result: ApiResult;
    let failure: string | undefined;
    try {
      const match = matchRoute(event.rawPath, groupRoutes);
      route = match?.route.name ?? route;
      const request = parseRequest(event, match);
      const operation = operations[request.route.name as RouteNamesOf<G>];
      result = documentResult(await operation(request), request);
    } catch (error) {
      const httpError = toHttpError(error);
      if (httpError.status >= 500) failure = describe(error);
      result = errorResult(httpError, method);
    }
    log({
      route,
      method,
      status: result.statusCode,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      requestId: context?.awsRequestId ?? 'none',
      apiRequestId: event.requestContext?.requestId ?? 'none',
      ...(failure === undefined ? {} : { error: failure }),
    });
    return result;
  };
}

/** Name and message of our own errors; the SDK's cause is summarised by StoreUnavailableError's message. */
function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : 'non-Error thrown';
}
