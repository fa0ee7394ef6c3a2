/**
 * API Gateway HTTP API (payload 2.0) event → a request the handlers can trust, or an HttpError.
 *
 * Decided here, in this order: path → route (404), method (405), path parameters and query string shape
 * (400). Values are then validated per route with the schemas in ./parameters.ts.
 *
 * The query string is parsed from `rawQueryString`, not `queryStringParameters`: API Gateway joins repeated
 * parameters with commas there, which would hide a repeat. Path segments are percent-decoded here; HTTP
 * APIs may hand over `rawPath` already decoded, which is harmless because every valid id is plain ASCII
 * letters, digits and hyphens, unchanged by decoding.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { badRequest, methodNotAllowed, notFound } from './errors.ts';
import { allowedMethods, type Route, type RouteMatch } from './routes.ts';

export interface ApiRequest {
  readonly route: Route;
  readonly method: (typeof allowedMethods)[number];
  /** Percent-decoded, not yet validated. */
  readonly pathParameters: Readonly<Record<string, string>>;
  /** Percent-decoded; only names the route accepts, each at most once. */
  readonly query: Readonly<Record<string, string>>;
  readonly ifNoneMatch: string | undefined;
}

/** Longer than any valid id or filter value by far; anything above is refused before decoding. */
export const maxParameterLength = 256;
export const maxQueryStringLength = 2048;

/** `match` is the route the path matched (routes.ts, matchRoute), or null for none. */
export function parseRequest(event: APIGatewayProxyEventV2, match: RouteMatch | null): ApiRequest {
  if (match === null) throw notFound('No such API path. The routes are listed in /api/openapi.json.');

  const method = event.requestContext.http.method.toUpperCase();
  if (!isAllowedMethod(method)) throw methodNotAllowed();

  const pathParameters: Record<string, string> = {};
  for (const [name, raw] of Object.entries(match.rawPathParameters)) {
    if (raw.length > maxParameterLength) throw badRequest(`Path parameter "${name}" is too long.`);
    pathParameters[name] = percentDecode(raw, `Path parameter "${name}"`, { plusIsSpace: false });
  }

  return {
    route: match.route,
    method,
    pathParameters,
    query: parseQueryString(event.rawQueryString ?? '', match.route.queryParameters),
    ifNoneMatch: event.headers?.['if-none-match'],
  };
}

function isAllowedMethod(method: string): method is ApiRequest['method'] {
  return (allowedMethods as readonly string[]).includes(method);
}

export function parseQueryString(raw: string, accepted: readonly string[]): Record<string, string> {
  if (raw.length > maxQueryStringLength) throw badRequest('The query string is too long.');
  const query: Record<string, string> = {};
  for (const pair of raw.split('&')) {
    if (pair === '') continue; // `?`, `a=1&&b=2`: empty pairs carry nothing
    const separator = pair.indexOf('=');
    const name = percentDecode(separator === -1 ? pair : pair.slice(0, separator), 'A query parameter name', {
      plusIsSpace: true,
    });
    const rawValue = separator === -1 ? '' : pair.slice(separator + 1);
    if (!accepted.includes(name)) {
      throw badRequest(
        accepted.length === 0
          ? 'This route takes no query parameters.'
          : `Unknown query parameter. This route accepts: ${accepted.join(', ')}.`,
      );
    }
    if (Object.hasOwn(query, name)) throw badRequest(`Query parameter "${name}" is given more than once.`);
    if (rawValue.length > maxParameterLength) throw badRequest(`Query parameter "${name}" is too long.`);
    query[name] = percentDecode(rawValue, `Query parameter "${name}"`, { plusIsSpace: true });
  }
  return query;
}

/** Refuses malformed escapes such as `%E0%A4%A` with a 400. In query strings `+` is a space (form encoding). */
function percentDecode(raw: string, what: string, { plusIsSpace }: { plusIsSpace: boolean }): string {
  try {
    return decodeURIComponent(plusIsSpace ? raw.replaceAll('+', ' ') : raw);
  } catch {
    throw badRequest(`${what} has malformed percent-encoding.`);
  }
}
