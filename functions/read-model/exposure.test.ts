/**
 * Every domain field is either shown or hidden (./exposure.ts), and the documents agree: on the fixture and
 * on the curated data, a shown field a record has reaches the record's documents, a hidden one never does.
 */
import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import {
  attendeeViewSchema,
  countryDetailSchema,
  coverageDocumentSchema,
  meetingDetailSchema,
  organisationDetailSchema,
  overviewCountrySchema,
  overviewMeetingSchema,
  overviewOrganisationSchema,
  participationViewSchema,
  overviewSchema,
  sourceViewSchema,
  speakerViewSchema,
  statementViewSchema,
} from '../../data/schema/api.ts';
import {
  confidenceSchema,
  currentTo,
  datasetFiles,
  speakerSchema,
  stanceSchema,
  type Dataset,
  type EntityName,
} from '../../data/schema/domain.ts';
import { readDatasetFiles } from '../../data/load.ts';
import { fixtureDataset } from '../../data/fixtures/dataset.ts';
import { renderReadModel } from './catalogue.ts';
import { exposure } from './exposure.ts';

const entities = Object.keys(datasetFiles) as EntityName[];

/**
 * Shown whole wherever they appear: the contract uses these very schemas (confidence, stance), or shows the
 * value resolved (a speaker: by person id, name and the office held on the day; see the people tests below).
 */
const opaque = new Set<z.ZodType>([confidenceSchema, stanceSchema, speakerSchema]);

interface ZodLike {
  _zod: { def: { type: string; innerType?: ZodLike; element?: ZodLike; in?: ZodLike; shape?: Record<string, ZodLike> } };
}

/** Through optional, nullable, default, array and pipe wrappers to what they hold. */
function unwrap(schema: ZodLike): ZodLike {
  const { def } = schema._zod;
  const inner = def.innerType ?? def.element ?? def.in;
  return inner === undefined ? schema : unwrap(inner);
}

function fieldPaths(schema: ZodLike, prefix = ''): string[] {
  const shape = unwrap(schema)._zod.def.shape;
  if (shape === undefined) return [];
  return Object.entries(shape).flatMap(([key, child]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return opaque.has(unwrap(child) as unknown as z.ZodType) ? [path] : [path, ...fieldPaths(child, path)];
  });
}

/** The values at a dotted path, through arrays; a missing (undefined) value is no value, null is one. */
function valuesAt(value: unknown, path: readonly string[]): unknown[] {
  if (path.length === 0) return value === undefined ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((element) => valuesAt(element, path));
  if (value === null || typeof value !== 'object') return [];
  return valuesAt((value as Record<string, unknown>)[path[0] as string], path.slice(1));
}

/** Each record of each entity with the view that shows it (null: the record appears in no document). */
function recordsWithViews(dataset: Dataset): Record<EntityName, { record: unknown; view: unknown }[]> {
  const { documents, statements } = renderReadModel(dataset);
  const document = (name: string, id?: string) =>
    documents.find(({ key }) => key.document === name && key.id === id)?.document as Record<string, unknown> | undefined;
  const sourcesShown = new Map<string, unknown>();
  const collectSources = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(collectSources);
    if (value === null || typeof value !== 'object') return;
    const object = value as Record<string, unknown>;
    if (typeof object.id === 'string' && 'publisher' in object && 'url' in object) sourcesShown.set(object.id, object);
    Object.values(object).forEach(collectSources);
  };
  documents.forEach(({ document: body }) => collectSources(body));
  const actorDocument = (actor: string) => document(/^[A-Z]{3}$/.test(actor) ? 'COUNTRY' : 'ORGANISATION', actor);
  const listed = (body: Record<string, unknown> | undefined, field: string) => (body?.[field] ?? []) as { meeting?: { id: string }; actor?: { id: string } }[];

  return {
    countries: dataset.countries.map((record) => ({ record, view: document('COUNTRY', record.iso3) })),
    organisations: dataset.organisations.map((record) => ({ record, view: document('ORGANISATION', record.id) })),
    meetings: dataset.meetings.map((record) => ({ record, view: document('MEETING', record.id) })),
    statements: dataset.statements.map((record) => ({
      record,
      view: statements.find(({ record: other }) => other.id === record.id)?.view,
    })),
    // Shown twice: under the actor in the meeting's document, under the meeting in the actor's.
    participations: dataset.participations.map((record) => ({
      record,
      view: {
        ...listed(actorDocument(record.actor), 'participations').find(
          (view) => view.meeting?.id === record.meeting,
        ),
        ...listed(document('MEETING', record.meeting), 'attendees').find(
          (view) => view.actor?.id === record.actor,
        ),
      },
    })),
    sources: dataset.sources.flatMap((record) =>
      sourcesShown.has(record.id) ? [{ record, view: sourcesShown.get(record.id) }] : [],
    ),
    // People are not a document of their own: they are shown through speakers (tested below).
    people: [],
    coverage: dataset.coverage.map((record) => ({
      record,
      view: (document('COVERAGE')?.searches as { topic: string; searched: string }[] | undefined)?.find(
        (view) => view.topic === record.topic && view.searched === record.searched,
      ),
    })),
  };
}

/** The contract schemas a hidden top-level field must not appear in (the OpenAPI document is built from them). */
const contracts: Record<EntityName, readonly ZodLike[]> = {
  countries: [countryDetailSchema, overviewCountrySchema],
  organisations: [organisationDetailSchema, overviewOrganisationSchema],
  meetings: [meetingDetailSchema, overviewMeetingSchema],
  participations: [attendeeViewSchema, participationViewSchema],
  statements: [statementViewSchema],
  sources: [sourceViewSchema],
  people: [speakerViewSchema],
  coverage: [overviewSchema, coverageDocumentSchema.shape.searches.element],
};

const datasets = { fixture: fixtureDataset(), curated: await readDatasetFiles() };
const rendered = Object.entries(datasets).map(([name, dataset]) => [name, recordsWithViews(dataset)] as const);

describe.each(entities)('%s', (entity) => {
  const { shown, hidden } = exposure[entity] as { shown: readonly string[]; hidden: readonly string[] };

  test('every field of the domain schema is either shown or hidden, not both', () => {
    const domainFields = fieldPaths(datasetFiles[entity].schema as unknown as ZodLike).sort();
    expect([...shown, ...hidden].sort(), 'add the new field to `shown` or `hidden` in read-model/exposure.ts').toEqual(
      domainFields,
    );
    expect(shown.filter((field) => hidden.includes(field))).toEqual([]);
  });

  test('a hidden field is not in the API contract', () => {
    for (const schema of contracts[entity]) {
      const fields = Object.keys(unwrap(schema)._zod.def.shape ?? {});
      expect(fields.filter((field) => hidden.includes(field))).toEqual([]);
    }
  });

  test.each(rendered)('on the %s data, shown fields reach the documents and hidden ones do not', (_name, byEntity) => {
    for (const { record, view } of byEntity[entity]) {
      expect(view, `a ${entity} record is in no document`).toBeDefined();
      for (const field of shown) {
        const path = field.split('.');
        expect(valuesAt(view, path).length, `${entity}.${field}`).toBe(valuesAt(record, path).length);
      }
      for (const field of hidden) expect(valuesAt(view, field.split('.')), `${entity}.${field}`).toEqual([]);
    }
  });

  test.skipIf(entity === 'people')('every shown field is present in some record, so the check above is not empty', () => {
    const unexercised = shown.filter((field) =>
      rendered.every(([, byEntity]) => byEntity[entity].every(({ record }) => valuesAt(record, field.split('.')).length === 0)),
    );
    expect(unexercised, 'give a fixture record this field').toEqual([]);
  });
});

describe.each(Object.entries(datasets))('people and coverage on the %s data', (_name, dataset) => {
  const { documents, statements } = renderReadModel(dataset);
  const speakers: { person: string | null; name: string; office: string | null }[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(collect);
    if (value === null || typeof value !== 'object') return;
    const object = value as Record<string, unknown>;
    for (const field of ['speaker', 'headOfDelegation'] as const) {
      if (object[field] && typeof object[field] === 'object') speakers.push(object[field] as (typeof speakers)[number]);
    }
    Object.values(object).forEach(collect);
  };
  // The OpenAPI document describes speakers (a `speaker` schema object): it holds no data.
  documents.filter(({ key }) => key.document !== 'OPENAPI').forEach(({ document }) => collect(document));
  statements.forEach(({ view }) => collect(view));

  test('a named speaker is shown with the person\'s name and one of their office titles, never their curator notes', () => {
    const people = new Map(dataset.people.map((person) => [person.id, person]));
    for (const speaker of speakers.filter((s) => s.person !== null)) {
      const person = people.get(speaker.person!);
      expect(person, speaker.person!).toBeDefined();
      expect(speaker.name).toBe(person!.name);
      if (speaker.office !== null) expect(person!.offices.map((office) => office.title)).toContain(speaker.office);
      expect(Object.keys(speaker).sort()).toEqual(['name', 'office', 'person']);
    }
  });

  test('the overview says which month the record is current to', () => {
    const overview = documents.find(({ key }) => key.document === 'OVERVIEW')?.document as { currentTo: string | null };
    expect(overview.currentTo).toBe(currentTo(dataset.coverage));
  });
});
