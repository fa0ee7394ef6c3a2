/**
 * What path and query parameters may hold. The same zod schemas validate requests and describe the
 * parameters in the OpenAPI document. Ids reuse the domain's own schemas, so the API accepts exactly the
 * ids the data can contain.
 */
import { z } from 'zod';
import { iso3Schema, slugSchema, stanceValueSchema, topicSchema } from '../../data/schema/domain.ts';
import { badRequest } from './errors.ts';
import type { ApiRequest } from './request.ts';

export const meetingIdParameter = slugSchema;
export const countryIdParameter = iso3Schema;
export const organisationIdParameter = slugSchema;

export const statementFiltersParameter = z.object({
  country: iso3Schema.optional(),
  organisation: slugSchema.optional(),
  meeting: slugSchema.optional(),
  topic: topicSchema.optional(),
  stance: stanceValueSchema.optional(),
});

/** Validates one value; the 400 names the parameter and the rule, never the value. */
export function parameterValue<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` "${issue.path.join('.')}"` : '';
  throw badRequest(`${what}${where}: ${issue?.message ?? 'is not valid'}`);
}

export function pathParameter<T>(request: ApiRequest, name: string, schema: z.ZodType<T>): T {
  return parameterValue(schema, request.pathParameters[name], `Path parameter "${name}"`);
}

export function queryParameters<T>(request: ApiRequest, schema: z.ZodType<T>): T {
  return parameterValue(schema, request.query, 'Query parameter');
}
