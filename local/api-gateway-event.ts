/**
 * The local stand-in for API Gateway (HTTP API, payload format 2.0): routes a Node request to the Lambda
 * function of its route group, exactly as the deployed API does with `gatewayRoutes`, builds the event the
 * function would receive, and writes its result back.
 *
 * What API Gateway does and this copies: header names lower-cased, repeated headers joined with commas,
 * cookies split out, `queryStringParameters` decoded with repeated names comma-joined, decoded
 * `pathParameters`, `routeKey` of the matched route, `$default` stage. `rawPath` is passed as the client
 * sent it (percent-encoded); the deployed HTTP API may decode it first, and the handlers accept both.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { ApiResult } from '../functions/http/response.ts';
import { fallbackGroup, gatewayRoutes, matchRoute, type RouteGroup } from '../functions/http/routes.ts';

export interface HttpApiRequest {
  readonly method: string;
  /** Path and query as on the request line, e.g. `/api/statements?country=RUS`. */
  readonly url: string;
  readonly headers: IncomingMessage['headersDistinct'];
  readonly sourceIp?: string;
  readonly body?: string;
}

/**
 * The function API Gateway would invoke for this path: the group of the matching route, else the
 * fallback's (`gatewayRoutes` lists the specific routes before the greedy fallback, as API Gateway ranks them).
 */
export function routeGroupFor(rawPath: string): RouteGroup {
  return matchRoute(rawPath, gatewayRoutes)?.route.group ?? fallbackGroup;
}

export function toHttpApiEvent(request: HttpApiRequest, now = new Date()): APIGatewayProxyEventV2 {
  const queryStart = request.url.indexOf('?');
  const rawPath = queryStart === -1 ? request.url : request.url.slice(0, queryStart);
  const rawQueryString = queryStart === -1 ? '' : request.url.slice(queryStart + 1);
  const match = matchRoute(rawPath, gatewayRoutes);
  const routeKey = match === null ? '$default' : `${match.route.method} ${match.route.path}`;
  const pathParameters = Object.fromEntries(
    Object.entries(match?.rawPathParameters ?? {}).map(([name, value]) => [name, decodeLeniently(value)]),
  );

  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [name, values] of Object.entries(request.headers)) {
    if (values === undefined) continue;
    if (name === 'cookie') cookies = values.flatMap((value) => value.split(/;\s*/));
    else headers[name.toLowerCase()] = values.join(',');
  }

  const queryStringParameters = decodeQueryString(rawQueryString);
  const requestId = randomUUID();
  return {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString,
    ...(cookies === undefined ? {} : { cookies }),
    headers,
    ...(Object.keys(queryStringParameters).length === 0 ? {} : { queryStringParameters }),
    ...(Object.keys(pathParameters).length === 0 ? {} : { pathParameters }),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0] as string,
      http: {
        method: request.method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    ...(request.body ? { body: request.body } : {}),
    isBase64Encoded: false,
  };
}

/** Writes a function's result as API Gateway would; Node drops the body of HEAD responses itself. */
export function writeHttpApiResult(response: ServerResponse, result: ApiResult): void {
  response.writeHead(result.statusCode, result.headers);
  response.end(result.body);
}

/** Decoded values, repeats joined with commas (API Gateway's behaviour); undecodable text is kept raw. */
function decodeQueryString(rawQueryString: string): Record<string, string> {
  const parameters = new Map<string, string>();
  for (const pair of rawQueryString.split('&')) {
    if (pair === '') continue;
    const separator = pair.indexOf('=');
    const name = decodeLeniently((separator === -1 ? pair : pair.slice(0, separator)).replaceAll('+', ' '));
    const value = decodeLeniently((separator === -1 ? '' : pair.slice(separator + 1)).replaceAll('+', ' '));
    const earlier = parameters.get(name);
    parameters.set(name, earlier === undefined ? value : `${earlier},${value}`);
  }
  // fromEntries defines own properties, so a parameter named `__proto__` stays a plain entry.
  return Object.fromEntries(parameters);
}

function decodeLeniently(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A fresh Lambda-like context: the request id the function logs. */
export function invocationContext(): { awsRequestId: string } {
  return { awsRequestId: randomUUID() };
}
