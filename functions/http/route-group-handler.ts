/**
 * The shared shell of every Lambda function: parse the event, run the route's operation, build the result,
 * log one line. A route that serves a stored document (`document` in ./routes.ts) needs no operation: the
 * shell validates its path parameter and reads the document with one GetItem. Handlers in ../handlers/
 * supply the operations of the other routes, and may override a document route (health).
 */
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { DiplomacyStore } from '../store/diplomacy-store.ts';
import { orNotFound, orNotSeeded, toHttpError } from './errors.ts';
import { jsonLineLogger, type RequestLogger } from './log.ts';
import { pathParameter, pathParameterRules } from './parameters.ts';
import { parseRequest, type ApiRequest } from './request.ts';
import { documentResult, errorResult, type ApiResult, type Reply } from './response.ts';
import { matchRoute, pathParameterName, routesOfGroup, type RouteGroup, type routes } from './routes.ts';

export type ApiHandler = (event: APIGatewayProxyEventV2, context?: Pick<Context, 'awsRequestId'>) => Promise<ApiResult>;

export type Operation = (request: ApiRequest) => Promise<Reply>;

type GroupRoute<G extends RouteGroup> = Extract<(typeof routes)[number], { group: G }>;

/** The names of a group's routes. */
export type RouteNamesOf<G extends RouteGroup> = GroupRoute<G>['name'];

/**
 * What a handler supplies: an operation for every route of its group that serves no stored document
 * (checked by the compiler), optionally one for a document route.
 */
export type Operations<G extends RouteGroup> = Record<Exclude<GroupRoute<G>, { document: string }>['name'], Operation> &
  Partial<Record<RouteNamesOf<G>, Operation>>;

export interface ShellOptions {
  readonly store: DiplomacyStore;
  readonly log?: RequestLogger;
}

export function routeGroupHandler<G extends RouteGroup>(
  group: G,
  operations: Operations<G>,
  { store, log = jsonLineLogger }: ShellOptions,
): ApiHandler {
  const groupRoutes = routesOfGroup(group);
  const supplied: Partial<Record<string, Operation>> = operations;
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
      const operation = supplied[request.route.name] ?? serveDocument(store);
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

/**
 * The stored document a route serves. Without a path parameter the document exists whenever the table is
 * seeded, so its absence is a 503; with one, an id nothing has is the client's 404.
 */
export function serveDocument(store: DiplomacyStore): Operation {
  return async (request) => {
    const { document, notFound, mediaType } = request.route;
    if (document === undefined) throw new Error(`Route ${request.route.name} serves no document and has no operation`);
    const typed = (reply: Reply): Reply => (mediaType === undefined ? reply : { ...reply, mediaType });
    const parameter = pathParameterName(request.route);
    if (parameter === undefined) return typed(orNotSeeded(await store.getDocument({ document })));
    const rule = pathParameterRules[parameter];
    if (rule === undefined) throw new Error(`No rule in parameters.ts for the path parameter "${parameter}"`);
    const id = pathParameter(request, parameter, rule);
    return typed(orNotFound(await store.getDocument({ document, id }), notFound ?? 'No record has this id.'));
  };
}

/** Name and message of our own errors; the SDK's cause is summarised by StoreUnavailableError's message. */
function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : 'non-Error thrown';
}
