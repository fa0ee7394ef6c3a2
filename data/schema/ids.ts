/**
 * The shape of ids, free of zod so the Lambda functions can validate path and query parameters without
 * bundling the schema library. domain.ts builds its id schemas from these, so the API accepts exactly the
 * ids the data can contain, with the same words when it refuses one.
 */

/** Lowercase slug: meeting, organisation, source and statement ids (`moscow-format-5-kazan-2023`). */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const slugRule = 'must be a lowercase slug (a-z, 0-9, single hyphens)';

/** ISO 3166-1 alpha-3: country ids (`AFG`). */
export const iso3Pattern = /^[A-Z]{3}$/;
export const iso3Rule = 'must be an ISO 3166-1 alpha-3 code (three capitals)';
