/**
 * Everything the API returns from the curated data is for readers: no research marks, no references to the
 * research notes, no coding jargon, no schema field names (data/schema/reader-text.ts). The checker holds
 * the records to this; this test holds the documents to it, so a builder that copied a curator's field
 * would fail here too. Ids and codes (whole values that are slugs) are not prose and are skipped.
 */
import { describe, expect, test } from 'vitest';
import { readDatasetFiles } from '../../data/load.ts';
import { slugPattern } from '../../data/schema/ids.ts';
import { findCuratorWording } from '../../data/schema/reader-text.ts';
import { renderReadModel } from './catalogue.ts';

/** `path: "found" (what)` for every string under `value` that a reader should not see. */
function curatorWordingIn(value: unknown, path: string): string[] {
  if (typeof value === 'string') {
    const found = slugPattern.test(value) ? null : findCuratorWording(value);
    return found === null ? [] : [`${path}: ${found}`];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => curatorWordingIn(item, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => curatorWordingIn(item, `${path}.${key}`));
  }
  return [];
}

describe('the API on the curated data', async () => {
  const { documents, statements } = renderReadModel(await readDatasetFiles());
  // The OpenAPI document describes the schema; naming its fields is its job.
  const served = documents.filter(({ key }) => key.document !== 'OPENAPI');

  test('serves every document and statement without research marks or curator wording', () => {
    expect(served.length).toBeGreaterThan(40);
    const found = [
      ...served.flatMap(({ key, document }) => curatorWordingIn(document, `${key.document}${key.id ? `#${key.id}` : ''}`)),
      ...statements.flatMap(({ record, view }) => curatorWordingIn(view, `statement#${record.id}`)),
    ];
    expect(found).toEqual([]);
  });

  test('never serves a curator note', () => {
    const text = JSON.stringify([served.map(({ document }) => document), statements.map(({ view }) => view)]);
    expect(text).not.toContain('curatorNote');
  });

  test('the check can fail: it finds a research mark where one is put', () => {
    expect(curatorWordingIn({ note: 'Present per nCa [P].' }, 'doc')).toEqual(['doc.note: "[P]" (a research mark)']);
  });
});
