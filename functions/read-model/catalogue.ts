/**
 * The document catalogue: every stored document the API serves, keyed by the route that serves it, with
 * its builder (a pure function of the data set), its contract schema and its OpenAPI description.
 *
 * The route (../http/routes.ts) names the document, and that name is its DynamoDB key (`MEETING#<id>`):
 * the Lambda functions read the route table, so the key lives there, free of zod and of these builders,
 * which stay out of the functions' bundles. Everything else about a document is here. The seed loader
 * writes what this table builds, the OpenAPI document describes it, the benchmarks request it.
 */
import { z } from 'zod';
import {
  countryDetailSchema,
  countryListSchema,
  coverageDocumentSchema,
  healthSchema,
  meetingDetailSchema,
  meetingListSchema,
  organisationDetailSchema,
  organisationListSchema,
  overviewSchema,
  searchIndexSchema,
  statementViewSchema,
  type StatementView,
} from '../../data/schema/api.ts';
import { iso3Schema, slugSchema, topicSchema, type Dataset, type Statement } from '../../data/schema/domain.ts';
import { buildOpenApiDocument } from '../http/openapi.ts';
import { routes, type DocumentName, type DocumentRouteName } from '../http/routes.ts';
import type { DocumentKey } from '../store/diplomacy-store.ts';
import { countryDetails, countryList } from './country.ts';
import { coverage } from './coverage.ts';
import { indexDataSet, type DataSet } from './data-set.ts';
import { health } from './health.ts';
import { meetingDetails, meetingList } from './meeting.ts';
import { countryFeeds, statementsFeed, topicFeeds } from './feed.ts';
import { organisationDetails, organisationList } from './organisation.ts';
import { overview } from './overview.ts';
import { searchIndex } from './search-index.ts';

export interface CatalogueEntry<Document = unknown> {
  /**
   * The documents: one, or one per record, each with the id its route's path parameter takes. Pure: the
   * same data set gives the same documents, in the same order.
   */
  readonly build: (data: DataSet) => readonly { readonly id?: string; readonly document: Document }[];
  /**
   * The contract (data/schema/api.ts) every built document is parsed with before it is stored: a builder
   * that drifts from it fails the seed, and the parsed copy keeps only the fields the contract names, in
   * its order. Null for the OpenAPI document, which is not data.
   */
  readonly schema: z.ZodType<Document> | null;
  /** Its name in the OpenAPI document's components. */
  readonly component: string | null;
  readonly summary: string;
  readonly description?: string;
  /** For a route with a path parameter: what the parameter holds, and its schema. */
  readonly parameter?: { readonly description: string; readonly schema: z.ZodType };
}

const one = <Document>(build: (data: DataSet) => Document) => (data: DataSet) => [{ document: build(data) }];
const each =
  <Document>(build: (data: DataSet) => Document[], idOf: (document: Document) => string) =>
  (data: DataSet) =>
    build(data).map((document) => ({ id: idOf(document), document }));

/** A feed's document is its XML text; feed.test.ts validates it against the Atom schema. */
const atomFeedSchema = z.string().startsWith('<?xml');
const atomFeedDescription =
  "An Atom 1.0 feed (RFC 4287). An entry's `updated` is the day the statement was made: the records do not " +
  'date additions or corrections. Links are relative to the feed.';

/** Typed rows: the builder's output must be what the schema describes. */
const entry = <Document>(row: CatalogueEntry<Document>): CatalogueEntry<Document> => row;

export const catalogue: Record<DocumentRouteName, CatalogueEntry> = {
  getOverview: entry({
    build: one(overview),
    schema: overviewSchema,
    component: 'Overview',
    summary: 'Everything the map needs for its first paint',
    description: 'Countries with their meetings and latest stance per topic, organisations, every meeting with its attendees.',
  }),
  listMeetings: entry({
    build: one(meetingList),
    schema: meetingListSchema,
    component: 'MeetingList',
    summary: 'All meetings, oldest first',
  }),
  getMeeting: entry({
    build: each(meetingDetails, (meeting) => meeting.id),
    schema: meetingDetailSchema,
    component: 'MeetingDetail',
    summary: 'One meeting: attendees with role, level and endorsement, outcome document, statements, sources',
    parameter: { description: 'Meeting id (a lowercase slug).', schema: slugSchema },
  }),
  listCountries: entry({
    build: one(countryList),
    schema: countryListSchema,
    component: 'CountryList',
    summary: 'All countries in the data set, by name',
  }),
  getCountry: entry({
    build: each(countryDetails, (country) => country.iso3),
    schema: countryDetailSchema,
    component: 'CountryDetail',
    summary: 'One country: profile, memberships, participation history, statements newest first',
    parameter: { description: 'ISO 3166-1 alpha-3 code, e.g. AFG.', schema: iso3Schema },
  }),
  listOrganisations: entry({
    build: one(organisationList),
    schema: organisationListSchema,
    component: 'OrganisationList',
    summary: 'All organisations in the data set, by name',
  }),
  getOrganisation: entry({
    build: each(organisationDetails, (organisation) => organisation.id),
    schema: organisationDetailSchema,
    component: 'OrganisationDetail',
    summary: 'One organisation: participation history and statements newest first',
    parameter: { description: 'Organisation id, e.g. csto.', schema: slugSchema },
  }),
  getSearchIndex: entry({
    build: one(searchIndex),
    schema: searchIndexSchema,
    component: 'SearchIndex',
    summary: 'Everything the search box finds, for matching on the client',
    description:
      'Countries, organisations, people (with their other spellings), meetings and statements (with their words), ' +
      'grouped by kind, each with what picking it opens.',
  }),
  getStatementsFeed: entry({
    build: one(statementsFeed),
    schema: atomFeedSchema,
    component: null,
    summary: 'Atom feed of every statement, newest first',
    description: atomFeedDescription,
  }),
  getCountryFeed: entry({
    build: countryFeeds,
    schema: atomFeedSchema,
    component: null,
    summary: 'Atom feed of the statements made for one country',
    description: atomFeedDescription,
    parameter: { description: 'ISO 3166-1 alpha-3 code, e.g. RUS.', schema: iso3Schema },
  }),
  getTopicFeed: entry({
    build: topicFeeds,
    schema: atomFeedSchema,
    component: null,
    summary: 'Atom feed of the statements taking a stance on one topic',
    description: atomFeedDescription,
    parameter: { description: 'Topic id, e.g. foreign-military-presence.', schema: topicSchema },
  }),
  getHealth: entry({
    build: one(health),
    schema: healthSchema,
    component: 'Health',
    summary: 'Liveness and the version of the loaded data set',
    description: '`dataVersion` is null when the table is reachable but not seeded. Never cached.',
  }),
  getCoverage: entry({
    build: one(coverage),
    schema: coverageDocumentSchema,
    component: 'Coverage',
    summary: 'What the record covers and how current it is',
    description: 'Totals per kind of record, the span of the meetings, and the searches for new events with what each found, newest first.',
  }),
  getOpenApiDocument: entry({
    // Not data, but rendered at seed time like the rest, so the schema library it needs stays out of the
    // API functions' bundles.
    build: one(() => buildOpenApiDocument(catalogue)),
    schema: null,
    component: null,
    summary: 'This document',
  }),
};

export interface RenderedDocument {
  readonly key: DocumentKey;
  readonly document: unknown;
}

export interface RenderedReadModel {
  /** Every document of the catalogue, parsed with its contract, in route order. */
  readonly documents: readonly RenderedDocument[];
  /** Every statement, newest first, parsed with its contract: /api/statements is assembled from these. */
  readonly statements: readonly { readonly record: Statement; readonly view: StatementView }[];
}

export function renderReadModel(dataset: Dataset): RenderedReadModel {
  const data = indexDataSet(dataset);
  const documents = routes.flatMap((route) => {
    if (!('document' in route)) return [];
    const { build, schema } = catalogue[route.name];
    return build(data).map(({ id, document }) => ({
      key: { document: route.document satisfies DocumentName, ...(id === undefined ? {} : { id }) },
      document: schema === null ? document : schema.parse(document),
    }));
  });
  const statements = data.statements.map(({ record, view }) => ({ record, view: statementViewSchema.parse(view) }));
  return { documents, statements };
}
