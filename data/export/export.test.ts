/**
 * The whole-data-set ZIP, unzipped: what it holds, that its rows are the records, that CITATION.cff is valid
 * Citation File Format 1.2.0 (against the format's own schema, vendored beside this test), and that no
 * curator's note leaves the repository.
 */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { unzipSync } from 'fflate';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { readRawDataset } from '../load.ts';
import { validateDataset } from '../check/check.ts';
import { datasetFiles, type Dataset } from '../schema/domain.ts';
import { dataVersionOf } from '../version.ts';
import { buildDataSetExport, zipDataSet } from './bundle.ts';
import { fromCsv, toCsv } from './csv.ts';
import { exportTables, jsonEntities } from './tables.ts';

const cffSchema = JSON.parse(readFileSync(new URL('./cff-1.2.0.schema.json', import.meta.url), 'utf8')) as object;

let dataset: Dataset;
let raw: Record<string, unknown[]>;
let files: Map<string, string>;
let folder: string;

beforeAll(async () => {
  raw = (await readRawDataset()) as Record<string, unknown[]>;
  dataset = validateDataset(raw as never);
  const exported = buildDataSetExport(dataset);
  folder = exported.folder;
  // Everything below reads the ZIP's bytes, unzipped, not the map they were made from.
  const unzipped = unzipSync(zipDataSet(exported));
  // ignoreBOM: keep the byte-order mark in the text, so the tests can see it is there.
  const utf8 = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });
  files = new Map(Object.entries(unzipped).map(([name, bytes]) => [name, utf8.decode(bytes)]));
});

const file = (name: string): string => {
  const text = files.get(`${folder}/${name}`);
  if (text === undefined) throw new Error(`${name} is not in the ZIP`);
  return text;
};

describe('the whole data set as a ZIP', () => {
  it('holds a README, CITATION.cff, the data version and every entity as CSV and JSON, in one folder', () => {
    const names = [...files.keys()];
    expect(names.every((name) => name.startsWith(`${folder}/`))).toBe(true);
    const expected = ['README.md', 'CITATION.cff', 'data-version.txt'];
    for (const entity of ['meetings', 'countries', 'organisations', 'participations', 'statements', 'people', 'sources']) {
      expected.push(`${entity}.csv`, `${entity}.json`);
    }
    for (const name of expected) expect(names).toContain(`${folder}/${name}`);
    expect(file('data-version.txt').trim()).toBe(dataVersionOf(dataset));
    expect(folder).toContain(dataVersionOf(dataset));
  });

  it('is the same bytes for the same data', () => {
    expect(zipDataSet(buildDataSetExport(dataset))).toEqual(zipDataSet(buildDataSetExport(dataset)));
  });

  it('has a JSON file per entity whose records are the curated records, without curators\' notes', () => {
    for (const entity of jsonEntities) {
      const body = JSON.parse(file(`${entity}.json`)) as { dataVersion: string; records: unknown[]; citation: string };
      expect(body.dataVersion).toBe(dataVersionOf(dataset));
      expect(body.citation).toContain(body.dataVersion);
      expect(body.records).toHaveLength(dataset[entity].length);
      // Every record, field for field, once the notes are dropped (nested ones too: outcome, offices).
      const strip = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, inner: unknown) => (key === 'curatorNote' ? undefined : inner)));
      expect(body.records).toEqual(strip(dataset[entity]));
    }
  });

  it('has a CSV per table that parses back to one row per fact, with the records\' keys', () => {
    for (const spec of exportTables) {
      const text = file(`${spec.name}.csv`);
      expect(text.startsWith('\uFEFF'), `${spec.name}.csv starts with a byte-order mark`).toBe(true);
      expect(text.split('\r\n')[0]).not.toMatch(/^\uFEFF#/);
      const { columns, rows } = fromCsv(text);
      expect(columns).toEqual(spec.columns.map((c) => c.name));
      expect(rows).toHaveLength(spec.table(dataset).rows.length);
      for (const row of rows) expect(row).toHaveLength(columns.length);
    }
    const column = (table: string, name: string) => {
      const { columns, rows } = fromCsv(file(`${table}.csv`));
      return rows.map((row) => row[columns.indexOf(name)]);
    };
    expect(column('meetings', 'id')).toEqual(dataset.meetings.map((m) => m.id));
    expect(column('countries', 'iso3')).toEqual(dataset.countries.map((c) => c.iso3));
    expect(column('organisations', 'id')).toEqual(dataset.organisations.map((o) => o.id));
    expect(column('participations', 'actor')).toEqual(dataset.participations.map((p) => p.actor));
    expect(column('statements', 'quote')).toEqual(dataset.statements.map((s) => s.quote));
    expect(column('people', 'id')).toEqual(dataset.people.map((p) => p.id));
    expect(column('sources', 'url')).toEqual(dataset.sources.map((s) => s.url));
    expect(column('statement-stances', 'statement')).toEqual(dataset.statements.flatMap((s) => s.stances.map(() => s.id)));
    expect(column('people-offices', 'title')).toEqual(dataset.people.flatMap((p) => p.offices.map((o) => o.title)));
    // Dates as the data writes them: ISO days, or months where only the month is known.
    for (const date of [...column('meetings', 'startDate'), ...column('statements', 'date')]) expect(date).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
  });

  it('covers every field of every exported entity in some CSV column (a new field cannot go missing silently)', () => {
    const headers = new Set(exportTables.flatMap((spec) => spec.columns.map((c) => c.name)));
    // Fields written under another name, or as a table of their own.
    const elsewhere: Record<string, string> = {
      outcome: 'outcomeName',
      neighbourOfAfghanistan: 'neighbourOfAfghanistan',
      memberships: 'country-memberships',
      headOfDelegation: 'headOfDelegationPerson',
      speaker: 'speakerPerson',
      stances: 'statement-stances',
      variants: 'statement-variants',
      offices: 'people-offices',
    };
    const tables = new Set(exportTables.map((spec) => spec.name));
    for (const entity of jsonEntities) {
      const shape = (datasetFiles[entity].schema as unknown as { shape?: Record<string, unknown>; def?: { in?: { shape: Record<string, unknown> } } });
      const fields = Object.keys(shape.shape ?? shape.def?.in?.shape ?? {});
      expect(fields.length, `${entity}: schema fields found`).toBeGreaterThan(2);
      for (const field of fields.filter((f) => f !== 'curatorNote')) {
        const target = elsewhere[field] ?? field;
        expect(headers.has(target) || tables.has(target), `${entity}.${field} has a CSV column or table`).toBe(true);
      }
    }
  });

  it('never holds a curator\'s note', () => {
    const notes: string[] = [];
    JSON.stringify(raw, (key, value: unknown) => {
      if (key === 'curatorNote' && typeof value === 'string') notes.push(value);
      return value;
    });
    expect(notes.length).toBeGreaterThan(10);
    for (const [name, text] of files) {
      expect(text, name).not.toContain('curatorNote');
      for (const note of notes.filter((n) => n.length > 30)) expect(text.includes(note), `${name} holds a curator's note`).toBe(false);
    }
  });

  it('has a CITATION.cff that is valid Citation File Format 1.2.0 and names the data version', () => {
    const cff = parseYaml(file('CITATION.cff')) as Record<string, unknown>;
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(cffSchema);
    expect(validate(cff), JSON.stringify(validate.errors)).toBe(true);
    expect(cff['cff-version']).toBe('1.2.0');
    expect(cff.version).toBe(dataVersionOf(dataset));
    expect(cff.type).toBe('dataset');
  });

  it('the CFF check can fail: a file without authors is refused', () => {
    const cff = parseYaml(file('CITATION.cff')) as Record<string, unknown>;
    delete cff.authors;
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    expect(ajv.validate(cffSchema, cff)).toBe(false);
  });

  it('has a README with every table and column, the licence as the repository states it, and how to cite', () => {
    const readme = file('README.md');
    for (const spec of exportTables) {
      expect(readme).toContain(`### ${spec.name}.csv`);
      for (const column of spec.columns) expect(readme).toContain(`| \`${column.name}\` |`);
    }
    expect(readme).toContain('MIT for the code. The data cites its sources; quotes remain their publishers\' words.');
    expect(readme).toContain('## How to cite');
    expect(readme).toContain(dataVersionOf(dataset));
  });
});

describe('toCsv', () => {
  it('writes the header row alone for no rows, and quotes what needs quoting', () => {
    expect(toCsv(['a', 'b'], [])).toBe('\uFEFFa,b\r\n');
    expect(fromCsv(toCsv(['a', 'b'], []))).toEqual({ columns: ['a', 'b'], rows: [] });
    const rows = [['say "no", twice', null], ['line\nbreak', 3], ['Тегеран', true]] as const;
    expect(fromCsv(toCsv(['a', 'b'], rows)).rows).toEqual([['say "no", twice', ''], ['line\nbreak', '3'], ['Тегеран', 'true']]);
  });
});
