/**
 * The OpenAPI 3.1 document of the read API, generated from the route table (./routes.ts), the response
 * schemas (data/schema/api.ts) and the domain's id and enumeration schemas (what ./parameters.ts checks)
 * with zod's own JSON Schema output (draft 2020-12, which OpenAPI 3.1 uses). Nothing here is written by
 * hand twice.
 *
 * Built at seed time (../seed/loader.ts stores it like any other document), so zod never reaches the API
 * functions' bundles.
 */
import { z } from 'zod';
import {
  actorRefSchema,
  apiErrorSchema,
  attendeeViewSchema,
  countryDetailSchema,
  countryListSchema,
  healthSchema,
  meetingDetailSchema,
  meetingListSchema,
  organisationDetailSchema,
  organisationListSchema,
  overviewCountrySchema,
  overviewMeetingSchema,
  overviewOrganisationSchema,
  overviewSchema,
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
import { allowedMethods, routes, type RouteName } from './routes.ts';

/** Component name → schema. Registered schemas become `$ref`s wherever another schema uses them. */
const componentSchemas = {
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
  Overview: overviewSchema,
  MeetingList: meetingListSchema,
  MeetingDetail: meetingDetailSchema,
  CountryList: countryListSchema,
  CountryDetail: countryDetailSchema,
  OrganisationList: organisationListSchema,
  OrganisationDetail: organisationDetailSchema,
  StatementList: statementListSchema,
  Health: healthSchema,
  Error: apiErrorSchema,
} satisfies Record<string, z.ZodType>;

type ComponentName = keyof typeof componentSchemas;

interface ParameterDoc {
  readonly name: string;
  readonly in: 'path' | 'query';
  readonly description: string;
  readonly schema: z.ZodType;
}

interface OperationDoc {
  readonly summary: string;
  readonly description?: string;
  /** null: the body is not one of our schemas (the OpenAPI document itself). */
  readonly response: ComponentName | null;
  readonly parameters?: readonly ParameterDoc[];
  /** Whether an unknown id can give 404 (detail routes). */
  readonly mayNotFind?: boolean;
}

/** What ./parameters.ts accepts, as the domain's schemas (the test in parameters.test.ts holds them equal). */
const parameterSchemas = {
  meetingId: slugSchema,
  countryId: iso3Schema,
  organisationId: slugSchema,
  filters: {
    country: iso3Schema.optional(),
    organisation: slugSchema.optional(),
    meeting: slugSchema.optional(),
    topic: topicSchema.optional(),
    stance: stanceValueSchema.optional(),
  },
} as const;
const filters = parameterSchemas.filters;

const operationDocs: Record<RouteName, OperationDoc> = {
  getOverview: {
    summary: 'Everything the map needs for its first paint',
    description: 'Countries with their meetings and latest stance per topic, organisations, every meeting with its attendees.',
    response: 'Overview',
  },
  listMeetings: { summary: 'All meetings, oldest first', response: 'MeetingList' },
  getMeeting: {
    summary: 'One meeting: attendees with role, level and endorsement, outcome document, statements, sources',
    response: 'MeetingDetail',
    parameters: [{ name: 'id', in: 'path', description: 'Meeting id (a lowercase slug).', schema: parameterSchemas.meetingId }],
    mayNotFind: true,
  },
  listCountries: { summary: 'All countries in the data set, by name', response: 'CountryList' },
  getCountry: {
    summary: 'One country: profile, memberships, participation history, statements newest first',
    response: 'CountryDetail',
    parameters: [{ name: 'iso3', in: 'path', description: 'ISO 3166-1 alpha-3 code, e.g. AFG.', schema: parameterSchemas.countryId }],
    mayNotFind: true,
  },
  listOrganisations: { summary: 'All organisations in the data set, by name', response: 'OrganisationList' },
  getOrganisation: {
    summary: 'One organisation: participation history and statements newest first',
    response: 'OrganisationDetail',
    parameters: [{ name: 'id', in: 'path', description: 'Organisation id, e.g. csto.', schema: parameterSchemas.organisationId }],
    mayNotFind: true,
  },
  listStatements: {
    summary: 'Statements matching every given filter, newest first',
    description: 'An id that matches nothing gives an empty list, not a 404. Each parameter may appear once.',
    response: 'StatementList',
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
  getHealth: {
    summary: 'Liveness and the version of the loaded data set',
    description: '`dataVersion` is null when the table is reachable but not seeded. Never cached.',
    response: 'Health',
  },
  getOpenApiDocument: { summary: 'This document', response: null },
};

export function buildOpenApiDocument(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(componentSchemas)) registry.add(schema, { id });
  const generated = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'output',
    uri: (id) => `#/components/schemas/${id}`,
  });

  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const doc = operationDocs[route.name];
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
            content: {
              'application/json': {
                schema:
                  doc.response === null
                    ? { type: 'object', description: 'An OpenAPI 3.1 document.' }
                    : { $ref: `#/components/schemas/${doc.response}` },
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
