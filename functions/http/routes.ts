/**
 * The read API's route table, declared once. The handlers route by it, the local stack dispatches by it,
 * the OpenAPI document describes it and the CDK app (infra/) registers it on the HTTP API, one Lambda
 * function per route group. Paths use API Gateway's route syntax (`{id}` is a path parameter).
 *
 * Keep this module free of runtime dependencies: the CDK app imports it.
 */

export const routeGroups = ['overview', 'meetings', 'countries', 'statements', 'meta'] as const;
export type RouteGroup = (typeof routeGroups)[number];

export interface Route {
  readonly method: 'GET';
  /** API Gateway route syntax: literal segments and at most one `{name}` parameter segment. */
  readonly path: string;
  readonly group: RouteGroup;
  /** Stable operation name: the OpenAPI operationId and the `route` field of the request log. */
  readonly name: string;
  /** The only query parameters the route accepts; any other one is a 400. */
  readonly queryParameters: readonly string[];
  /**
   * The stored document the route serves: its name is the DynamoDB partition key (`MEETING#<id>` when the
   * path has a parameter). The route group's shell serves such a route by itself, one GetItem; how the
   * document is built is in functions/read-model/catalogue.ts. Routes without one (a Query) have a handler.
   */
  readonly document?: string;
  /** For a route with a path parameter: the 404 message when no document has that id. */
  readonly notFound?: string;
  /** The stored document's media type when it is not JSON (a feed's XML); errors stay JSON. */
  readonly mediaType?: 'application/atom+xml';
}

export const statementFilterNames = ['country', 'organisation', 'meeting', 'topic', 'stance'] as const;

export const routes = [
  { method: 'GET', path: '/api/overview', group: 'overview', name: 'getOverview', queryParameters: [], document: 'OVERVIEW' },
  { method: 'GET', path: '/api/meetings', group: 'meetings', name: 'listMeetings', queryParameters: [], document: 'MEETINGS' },
  {
    method: 'GET',
    path: '/api/meetings/{id}',
    group: 'meetings',
    name: 'getMeeting',
    queryParameters: [],
    document: 'MEETING',
    notFound: 'No meeting has this id.',
  },
  { method: 'GET', path: '/api/countries', group: 'countries', name: 'listCountries', queryParameters: [], document: 'COUNTRIES' },
  {
    method: 'GET',
    path: '/api/countries/{iso3}',
    group: 'countries',
    name: 'getCountry',
    queryParameters: [],
    document: 'COUNTRY',
    notFound: 'No country has this code in the data set.',
  },
  {
    method: 'GET',
    path: '/api/organisations',
    group: 'countries',
    name: 'listOrganisations',
    queryParameters: [],
    document: 'ORGANISATIONS',
  },
  {
    method: 'GET',
    path: '/api/organisations/{id}',
    group: 'countries',
    name: 'getOrganisation',
    queryParameters: [],
    document: 'ORGANISATION',
    notFound: 'No organisation has this id.',
  },
  {
    method: 'GET',
    path: '/api/statements',
    group: 'statements',
    name: 'listStatements',
    queryParameters: statementFilterNames,
  },
  {
    method: 'GET',
    path: '/api/search-index',
    group: 'overview',
    name: 'getSearchIndex',
    queryParameters: [],
    document: 'SEARCH_INDEX',
  },
  {
    method: 'GET',
    path: '/api/feeds/statements.atom',
    group: 'statements',
    name: 'getStatementsFeed',
    queryParameters: [],
    document: 'FEED',
    mediaType: 'application/atom+xml',
  },
  {
    method: 'GET',
    path: '/api/feeds/countries/{iso3}',
    group: 'statements',
    name: 'getCountryFeed',
    queryParameters: [],
    document: 'FEED_COUNTRY',
    notFound: 'No country has this code in the data set.',
    mediaType: 'application/atom+xml',
  },
  {
    method: 'GET',
    path: '/api/feeds/topics/{topic}',
    group: 'statements',
    name: 'getTopicFeed',
    queryParameters: [],
    document: 'FEED_TOPIC',
    notFound: 'No topic has this id.',
    mediaType: 'application/atom+xml',
  },
  { method: 'GET', path: '/api/health', group: 'meta', name: 'getHealth', queryParameters: [], document: 'HEALTH' },
  { method: 'GET', path: '/api/coverage', group: 'meta', name: 'getCoverage', queryParameters: [], document: 'COVERAGE' },
  {
    method: 'GET',
    path: '/api/openapi.json',
    group: 'meta',
    name: 'getOpenApiDocument',
    queryParameters: [],
    document: 'OPENAPI',
  },
] as const satisfies readonly Route[];

export type RouteName = (typeof routes)[number]['name'];

/** The routes that serve a stored document, and the names of those documents. */
export type DocumentRoute = Extract<(typeof routes)[number], { document: string }>;
export type DocumentRouteName = DocumentRoute['name'];
export type DocumentName = DocumentRoute['document'];

/** The path parameter of a route (`id` in `/api/meetings/{id}`), or undefined for a path without one. */
export function pathParameterName(route: Pick<Route, 'path'>): string | undefined {
  return /\{([^}+]+)\}/.exec(route.path)?.[1];
}

/** Methods every route answers; the rest get 405 with this list in `Allow`. HEAD is GET without the body. */
export const allowedMethods = ['GET', 'HEAD'] as const;

/** The greedy path that catches every other /api path, so unknown paths get our JSON 404, not API Gateway's. */
export const fallbackPath = '/api/{proxy+}';
export const fallbackGroup: RouteGroup = 'meta';

export interface GatewayRoute {
  /** `ANY`, so a POST reaches the function and gets a 405 with `Allow` instead of API Gateway's bare 404. */
  readonly method: 'ANY';
  readonly path: string;
  readonly group: RouteGroup;
}

/**
 * What to register on the HTTP API (route key = `${method} ${path}`, integration = the group's function):
 * one ANY route per distinct path, plus the fallback. API Gateway picks the most specific match, so the
 * fallback only sees paths no other route claims.
 */
export const gatewayRoutes: readonly GatewayRoute[] = [
  ...Array.from(
    new Map(routes.map((route) => [route.path, route.group])),
    ([path, group]): GatewayRoute => ({ method: 'ANY', path, group }),
  ),
  { method: 'ANY', path: fallbackPath, group: fallbackGroup },
];

export function routesOfGroup(group: RouteGroup): readonly Route[] {
  return routes.filter((route) => route.group === group);
}

export interface RouteMatch<R extends { readonly path: string } = Route> {
  readonly route: R;
  /** Raw (still percent-encoded, or already decoded by API Gateway) path parameter values by name. */
  readonly rawPathParameters: Readonly<Record<string, string>>;
}

/**
 * Matches a request path against route patterns by segments, ignoring the method, first match wins.
 * `{name}` takes one non-empty segment; a final `{name+}` (API Gateway's greedy parameter) takes the rest.
 * Parameter values are returned as they appear in the path; decoding and validation come later.
 */
export function matchRoute<R extends { readonly path: string }>(path: string, candidates: readonly R[]): RouteMatch<R> | null {
  const segments = path.split('/');
  for (const route of candidates) {
    const pattern = route.path.split('/');
    const greedy = pattern.at(-1)?.endsWith('+}') ?? false;
    if (greedy ? segments.length < pattern.length : segments.length !== pattern.length) continue;
    const rawPathParameters: Record<string, string> = {};
    const matched = pattern.every((part, index) => {
      if (!(part.startsWith('{') && part.endsWith('}'))) return part === segments[index];
      const isGreedy = part.endsWith('+}');
      const value = isGreedy ? segments.slice(index).join('/') : (segments[index] as string);
      rawPathParameters[part.slice(1, isGreedy ? -2 : -1)] = value;
      return value.length > 0;
    });
    if (matched) return { route, rawPathParameters };
  }
  return null;
}
