/**
 * The plain parameter checks (./parameters.ts) must accept and refuse exactly what the domain's zod schemas
 * do, with the same message: the OpenAPI document describes the parameters with those schemas.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { iso3Schema, slugSchema, stanceValueSchema, topicSchema } from '../../data/schema/domain.ts';
import { HttpError } from './errors.ts';
import {
  countryIdParameter,
  meetingIdParameter,
  organisationIdParameter,
  pathParameter,
  statementFilterParameters,
  statementFilters,
  type ParameterRule,
} from './parameters.ts';
import type { ApiRequest } from './request.ts';
import { routes } from './routes.ts';

const pairs: [name: string, rule: ParameterRule, schema: z.ZodType][] = [
  ['meeting id', meetingIdParameter, slugSchema],
  ['country id', countryIdParameter, iso3Schema],
  ['organisation id', organisationIdParameter, slugSchema],
  ['country filter', statementFilterParameters.country, iso3Schema],
  ['organisation filter', statementFilterParameters.organisation, slugSchema],
  ['meeting filter', statementFilterParameters.meeting, slugSchema],
  ['topic filter', statementFilterParameters.topic, topicSchema],
  ['stance filter', statementFilterParameters.stance, stanceValueSchema],
];

const candidates = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.stringMatching(/^[A-Za-z0-9-]{0,12}$/),
  fc.constantFrom('', 'AFG', 'afg', 'csto', 'a--b', '-a', 'a-', 'narcotics', 'opposes', 'RUS\n', 'ÄFG', 'moscow-format-5-kazan-2023'),
);

describe.each(pairs)('%s', (_name, rule, schema) => {
  test('accepts what the domain schema accepts, and refuses with its message', () => {
    fc.assert(
      fc.property(candidates, (value) => {
        const parsed = schema.safeParse(value);
        expect(rule.accepts(value)).toBe(parsed.success);
        if (!parsed.success) expect(rule.message).toBe(parsed.error.issues[0]?.message);
      }),
      { numRuns: 500 },
    );
  });
});

const request = (overrides: Partial<ApiRequest>): ApiRequest => ({
  route: routes[0],
  method: 'GET',
  pathParameters: {},
  query: {},
  ifNoneMatch: undefined,
  ...overrides,
});

const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof HttpError && error.status === 400) return error.message;
    throw error;
  }
  throw new Error('expected a 400');
};

test('a refused value gives a 400 naming the parameter and the rule, never the value', () => {
  expect(refusal(() => pathParameter(request({ pathParameters: { iso3: 'xx' } }), 'iso3', countryIdParameter))).toBe(
    'Path parameter "iso3": must be an ISO 3166-1 alpha-3 code (three capitals)',
  );
  expect(refusal(() => statementFilters(request({ query: { stance: 'maybe' } })))).toBe(
    'Query parameter "stance": Invalid option: expected one of "opposes"|"supports"|"mixed"',
  );
  // Several bad filters: the first in route order is reported, as zod reported the first in shape order.
  expect(refusal(() => statementFilters(request({ query: { topic: 'weather', country: 'ru' } })))).toBe(
    'Query parameter "country": must be an ISO 3166-1 alpha-3 code (three capitals)',
  );
});

test('valid filters pass through unchanged', () => {
  const query = { country: 'RUS', topic: 'narcotics', stance: 'mixed' };
  expect(statementFilters(request({ query }))).toEqual(query);
  expect(pathParameter(request({ pathParameters: { id: 'csto' } }), 'id', organisationIdParameter)).toBe('csto');
});
