/**
 * The OpenAPI 3.1 document of the read API, generated from the route table (./routes.ts), the document
 * catalogue (../read-model/catalogue.ts: each document's schema and description), the response schemas
 * (data/schema/api.ts) and the domain's id and enumeration schemas (what ./parameters.ts checks) with zod's
 * own JSON Schema output (draft 2020-12, which OpenAPI 3.1 uses). Nothing here is written by hand twice.
 *
 * Built at seed time (the catalogue lists it like any other document), so zod never reaches the API
 * functions' bundles.
 */
import { z } from 'zod';
import {
  actorRefSchema,
  apiErrorSchema,
  attendeeViewSchema,
  overviewCountrySchema,
  overviewMeetingSchema,
  overviewOrganisationSchema,
  participationViewSchema,
  statementListSchema,
  statementViewSchema,
} from '../../data/schema/api.ts';
import {
  confidenceSchema,
  iso3Schema,
  slugSchema,
  sourceSchema,
  stanceSchema,
  stanceValueSchema,
  topicSchema,
} from '../../data/schema/domain.ts';
import type { CatalogueEntry } from '../read-model/catalogue.ts';
import { allowedMethods, pathParameterName, routes, type DocumentRouteName, type RouteName } from './routes.ts';

/**
 * Component name → schema: the pieces documents share. Registered schemas become `$ref`s wherever another
 * schema uses them. Each route's response schema follows (a document's from the catalogue), then Error.
 */
const sharedComponentSchemas = {
  Source: sourceSchema,
  Confidence: confidenceSchema,
  Stance: stanceSchema,
  ActorRef: actorRefSchema,
  StatementView: statementViewSchema,
  AttendeeView: attendeeViewSchema,
  ParticipationView: participationViewSchema,
  OverviewMeeting: overviewMeetingSchema,
  OverviewCountry: overviewCountrySchema,
  OverviewOrganisation: overviewOrganisationSchema,
} satisfies Record<string, z.ZodType>;

interface ParameterDoc {
  readonly name: string;
  readonly in: 'path' | 'query';
  readonly description: string;
  readonly schema: z.ZodType;
}

interface OperationDoc {
  readonly summary: string;
  readonly description?: string;
  /** Component name and schema of the body; null when it is not one of ours (the OpenAPI document itself). */
  readonly response: { readonly component: string; readonly schema: z.ZodType } | null;
  readonly parameters?: readonly ParameterDoc[];
  /** Whether an unknown id can give 404 (detail routes). */
  readonly mayNotFind?: boolean;
}

/** What ./parameters.ts accepts for the statement filters, as the domain's schemas (parameters.test.ts holds them equal). */
const filters = {
  country: iso3Schema.optional(),
  organisation: slugSchema.optional(),
  meeting: slugSchema.optional(),
  topic: topicSchema.optional(),
  stance: stanceValueSchema.optional(),
} as const;

/** The routes that serve no stored document; the others are described by their catalogue entry. */
const queryOperationDocs: Record<Exclude<RouteName, DocumentRouteName>, OperationDoc> = {
  listStatements: {
    summary: 'Statements matching every given filter, newest first',
    description: 'An id that matches nothing gives an empty list, not a 404. Each parameter may appear once.',
    response: { component: 'StatementList', schema: statementListSchema },
    parameters: [
      { name: 'country', in: 'query', description: 'Spoken for this country (alpha-3).', schema: filters.country },
      { name: 'organisation', in: 'query', description: 'Spoken for this organisation.', schema: filters.organisation },
      { name: 'meeting', in: 'query', description: 'Made at this meeting.', schema: filters.meeting },
      { name: 'topic', in: 'query', description: 'Takes a stance on this topic.', schema: filters.topic },
      {
        name: 'stance',
        in: 'query',
        description: 'Takes this stance (on `topic`, when both are given).',
        schema: filters.stance,
      },
    ],
  },
};

function documentOperationDoc(route: { readonly path: string }, entry: CatalogueEntry): OperationDoc {
  const parameter = pathParameterName(route);
  return {
    summary: entry.summary,
    ...(entry.description === undefined ? {} : { description: entry.description }),
    response: entry.component === null || entry.schema === null ? null : { component: entry.component, schema: entry.schema },
    ...(parameter === undefined || entry.parameter === undefined
      ? {}
      : {
          parameters: [{ name: parameter, in: 'path', description: entry.parameter.description, schema: entry.parameter.schema }],
          mayNotFind: true,
        }),
  };
}

export function buildOpenApiDocument(catalogue: Readonly<Record<DocumentRouteName, CatalogueEntry>>): Record<string, unknown> {
  const operationDocs = routes.map((route) =>
    'document' in route ? documentOperationDoc(route, catalogue[route.name]) : queryOperationDocs[route.name],
  );
  const registry = z.registry<{ id: string }>();
  const components = new Map<string, z.ZodType>(Object.entries(sharedComponentSchemas));
  for (const { response } of operationDocs) if (response !== null) components.set(response.component, response.schema);
  components.set('Error', apiErrorSchema);
  for (const [id, schema] of components) registry.add(schema, { id });
  const generated = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'output',
    uri: (id) => `#/components/schemas/${id}`,
  });

  const paths: Record<string, Record<string, unknown>> = {};
  for (const [index, route] of routes.entries()) {
    const doc = operationDocs[index] as OperationDoc;
    paths[route.path] = {
      [route.method.toLowerCase()]: {
        operationId: route.name,
        tags: [route.group],
        summary: doc.summary,
        ...(doc.description === undefined ? {} : { description: doc.description }),
        parameters: [
          ...(doc.parameters ?? []).map((parameter) => ({
            name: parameter.name,
            in: parameter.in,
            required: parameter.in === 'path',
            description: parameter.description,
            schema: standalone(z.toJSONSchema(parameter.schema, { target: 'draft-2020-12', io: 'input' })),
          })),
          { $ref: '#/components/parameters/IfNoneMatch' },
        ],
        responses: {
          '200': {
            description: 'The document. HEAD returns the same headers without the body.',
            headers: {
              ETag: { $ref: '#/components/headers/ETag' },
              'Cache-Control': { $ref: '#/components/headers/CacheControl' },
            },
            content:
              'mediaType' in route
                ? { [route.mediaType]: { schema: { type: 'string', description: 'An Atom 1.0 feed (RFC 4287).' } } }
                : {
                    'application/json': {
                      schema:
                        doc.response === null
                          ? { type: 'object', description: 'An OpenAPI 3.1 document.' }
                          : { $ref: `#/components/schemas/${doc.response.component}` },
                    },
                  },
          },
          '304': { $ref: '#/components/responses/NotModified' },
          '400': { $ref: '#/components/responses/BadRequest' },
          ...(doc.mayNotFind ? { '404': { $ref: '#/components/responses/NotFound' } } : {}),
          '405': { $ref: '#/components/responses/MethodNotAllowed' },
          '503': { $ref: '#/components/responses/ServiceUnavailable' },
        },
      },
    };
  }

  const errorResponse = (description: string, headers: Record<string, unknown> = {}) => ({
    description,
    headers,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  });

  return {
    openapi: '3.1.0',
    info: {
      title: 'Afghanistan regional diplomacy: read API',
      version: '1.0.0',
      description:
        'Who attended which meeting on Afghanistan, in what role, and what they said, with sources. ' +
        'Read-only (GET and HEAD); every response carries a strong ETag and honours If-None-Match.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: Object.fromEntries(
        Object.entries(generated.schemas).map(([id, schema]) => [id, standalone(schema)]),
      ),
      parameters: {
        IfNoneMatch: {
          name: 'If-None-Match',
          in: 'header',
          required: false,
          description: 'ETag of a copy the client holds; a match gives 304 with no body.',
          schema: { type: 'string' },
        },
      },
      headers: {
        ETag: { description: 'Strong entity tag of the body.', schema: { type: 'string' } },
        CacheControl: { description: 'Caching for browsers and the CDN.', schema: { type: 'string' } },
      },
      responses: {
        NotModified: {
          description: 'The If-None-Match tag matches: no body.',
          headers: { ETag: { $ref: '#/components/headers/ETag' } },
        },
        BadRequest: errorResponse('A malformed id, an unknown, repeated or over-long query parameter.'),
        NotFound: errorResponse('No record has this id.'),
        MethodNotAllowed: errorResponse('Only GET and HEAD are supported.', {
          Allow: { description: allowedMethods.join(', '), schema: { type: 'string' } },
        }),
        ServiceUnavailable: errorResponse('The data store is unavailable or not seeded yet; retry later.', {
          'Retry-After': { description: 'Seconds to wait.', schema: { type: 'string' } },
        }),
      },
    },
  };
}

/** zod marks each schema as a root document (`$schema`, `$id`); inside an OpenAPI document they are not. */
function standalone(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}
