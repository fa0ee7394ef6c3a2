/**
 * What path and query parameters may hold, checked with plain code so zod stays out of the Lambda bundles.
 * The rules come from the zod-free modules the domain's own schemas are built from (data/schema/ids.ts,
 * labels.ts), so the API accepts exactly the ids the data can contain, and refuses the rest in the same
 * words as the schemas would. The OpenAPI document describes the same parameters with those schemas.
 */
import { iso3Pattern, iso3Rule, slugPattern, slugRule } from '../../data/schema/ids.ts';
import { stanceValues, topics } from '../../data/schema/labels.ts';
import type { StatementFilters } from '../store/diplomacy-store.ts';
import { badRequest } from './errors.ts';
import type { ApiRequest } from './request.ts';
import { statementFilterNames } from './routes.ts';

export interface ParameterRule<T extends string = string> {
  readonly accepts: (value: string) => value is T;
  /** Why a value was refused; names the rule, never the value. */
  readonly message: string;
}

const matching = (pattern: RegExp, message: string): ParameterRule => ({
  accepts: (value): value is string => pattern.test(value),
  message,
});

/** The wording zod gives for an enumeration, so a refused parameter reads like a refused field of a record. */
const oneOf = <T extends string>(values: readonly T[]): ParameterRule<T> => ({
  accepts: (value): value is T => (values as readonly string[]).includes(value),
  message: `Invalid option: expected one of ${values.map((value) => JSON.stringify(value)).join('|')}`,
});

export const meetingIdParameter = matching(slugPattern, slugRule);
export const countryIdParameter = matching(iso3Pattern, iso3Rule);
export const organisationIdParameter = matching(slugPattern, slugRule);

/**
 * The rule of a path parameter, by its name in the route's path: `{iso3}` is a country code, `{id}` a
 * record's slug (meetings, organisations and any record added later share the slug rule).
 */
export const pathParameterRules: Readonly<Record<string, ParameterRule>> = {
  id: meetingIdParameter,
  iso3: countryIdParameter,
  // A slug, not the list of topics: an unknown topic's feed is a 404 like any unknown id.
  topic: matching(slugPattern, slugRule),
};

export const statementFilterParameters = {
  country: matching(iso3Pattern, iso3Rule),
  organisation: matching(slugPattern, slugRule),
  meeting: matching(slugPattern, slugRule),
  topic: oneOf(topics),
  stance: oneOf(stanceValues),
} satisfies Record<(typeof statementFilterNames)[number], ParameterRule>;

/** The path parameter's value, or a 400 naming the parameter and the rule. */
export function pathParameter<T extends string>(request: ApiRequest, name: string, rule: ParameterRule<T>): T {
  const value = request.pathParameters[name];
  if (value === undefined) throw badRequest(`Path parameter "${name}": Invalid input: expected string, received undefined`);
  if (!rule.accepts(value)) throw badRequest(`Path parameter "${name}": ${rule.message}`);
  return value;
}

/** The /api/statements filters given; the first one that breaks its rule (in route order) is the 400. */
export function statementFilters(request: ApiRequest): StatementFilters {
  const filters: Record<string, string> = {};
  for (const name of statementFilterNames) {
    const value = request.query[name];
    if (value === undefined) continue;
    const rule: ParameterRule = statementFilterParameters[name];
    if (!rule.accepts(value)) throw badRequest(`Query parameter "${name}": ${rule.message}`);
    filters[name] = value;
  }
  return filters as StatementFilters;
}
