/**
 * The data checker: every rule the curated records must satisfy, as pure functions that return issues.
 * The CLI (./cli.ts) only prints them; the seed loader and tests call checkDataset/checkRawDataset directly.
 *
 * Order of work: each file is parsed record by record against its zod schema (./records.ts); the keys of
 * every record that has one are indexed, valid or not, so a reference to a record with a schema error is not
 * also reported as dangling; the cross-record rules (./references.ts) then run on the records that passed
 * their schema; last, the country codes and the neighbour list are checked against ISO 3166 and Natural Earth.
 * A file that cannot be read or is not an array is reported once, and references into it are not checked.
 */
import { stat } from 'node:fs/promises';
import isoCountries from 'i18n-iso-countries';
import { datasetFiles, type Dataset, type EntityName } from '../schema/domain.ts';
import { readRawFiles, recordsDir, type RawDataset } from '../load.ts';
import { naturalEarthNeighboursOfAfghanistan, type BoundaryNeighbour } from './boundaries.ts';
import type { Issue } from '../load/issue.ts';
import { checkFileRecords, entityNames, isPlainObject, type CheckedRecord } from '../load/records.ts';
import { recordIssues, type CheckedDataset } from './references.ts';
import { sizeIssues } from './sizes.ts';
import { DatasetError } from '../load/issue.ts';

export type { Issue } from '../load/issue.ts';
export { formatIssue } from '../load/issue.ts';

export interface CheckResult {
  /** Empty when the data is valid. */
  issues: Issue[];
  /** The parsed records (defaults applied), only when there are no issues. */
  dataset: Dataset | null;
}

/** Reads `dir` (default data/records/) and checks it. Never throws for bad data: every problem is an issue. */
export async function checkDataset(dir: string = recordsDir): Promise<CheckResult> {
  const isDirectory = await stat(dir).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
  if (!isDirectory) return { issues: [{ file: dir, record: null, field: null, message: 'no such directory' }], dataset: null };
  const files = await readRawFiles(dir);
  const readable = new Map<EntityName, unknown>();
  const unreadable: Issue[] = [];
  for (const entity of entityNames) {
    const read = files[entity];
    if (read.ok) readable.set(entity, read.content);
    else unreadable.push({ file: datasetFiles[entity].file, record: null, field: null, message: read.problem });
  }
  return checkContents(readable, unreadable);
}

/** Checks already-parsed JSON, one value per entity file (e.g. the files bundled into the seed function). */
export function checkRawDataset(raw: RawDataset): CheckResult {
  return checkContents(new Map(entityNames.map((entity) => [entity, raw[entity]])), []);
}

/**
 * The one validator: every rule of `npm run data:check`, for code that must refuse bad data before using it
 * (the seed, the local stack). Returns the parsed records or throws a DatasetError carrying every problem.
 */
export function validateDataset(raw: RawDataset): Dataset {
  const { issues, dataset } = checkRawDataset(raw);
  if (dataset === null) throw new DatasetError(issues);
  return dataset;
}

// ---------------------------------------------------------------------------------------------------------

function checkContents(contents: ReadonlyMap<EntityName, unknown>, fileIssues: Issue[]): CheckResult {
  const issues = [...fileIssues];
  const checked = {} as CheckedDataset;
  for (const entity of entityNames) {
    const checkedFile = contents.has(entity) ? checkFileRecords(entity, contents.get(entity)) : null;
    if (checkedFile?.ok === false) issues.push(checkedFile.issue);
    (checked as Record<EntityName, CheckedRecord[] | null>)[entity] = checkedFile?.ok ? checkedFile.records : null;
  }
  issues.push(...recordIssues(checked));
  if (checked.countries !== null) issues.push(...checkCountryCodes(checked.countries));
  issues.push(...sizeIssues(validRecords(checked)));

  // Grouped by file in datasetFiles order; within a file, record by record, then the whole-file checks.
  const fileOrder = (issue: Issue) => entityNames.findIndex((entity) => datasetFiles[entity].file === issue.file);
  issues.sort((a, b) => fileOrder(a) - fileOrder(b));
  return { issues, dataset: issues.length === 0 ? toDataset(checked) : null };
}

/** The records that passed their schema, as a data set (for rules that need every file at once). */
function validRecords(checked: CheckedDataset): Dataset {
  const dataset = {} as Record<EntityName, unknown[]>;
  for (const entity of entityNames) dataset[entity] = (checked[entity] ?? []).flatMap((record) => (record.value === null ? [] : [record.value]));
  return dataset as unknown as Dataset;
}

function toDataset(checked: CheckedDataset): Dataset {
  const dataset = {} as Record<EntityName, unknown[]>;
  for (const entity of entityNames) dataset[entity] = (checked[entity] ?? []).map((record) => record.value);
  return dataset as unknown as Dataset;
}

// ---------------------------------------------------------------------------------------------------------
// Country codes and the neighbour list. These look at raw records too: a country whose record fails its
// schema elsewhere still counts as present, so one mistake is not reported three times.

function checkCountryCodes(countries: readonly CheckedRecord<'countries'>[]): Issue[] {
  const file = datasetFiles.countries.file;
  const issues: Issue[] = [];
  const byNumeric = new Map<string, CheckedRecord<'countries'>>();
  const wrongNumeric = new Set<CheckedRecord<'countries'>>();
  for (const record of countries) {
    if (!isPlainObject(record.raw) || typeof record.raw.isoNumeric !== 'string') continue;
    const numeric = record.raw.isoNumeric;
    const holder = byNumeric.get(numeric);
    const expected = record.key === null ? undefined : isoCountries.alpha3ToNumeric(record.key);
    if (holder !== undefined) {
      const message = `"${numeric}" is already used by record #${holder.index} (${holder.label})`;
      issues.push({ file, record: record.label, field: 'isoNumeric', message });
    } else if (expected !== undefined && expected !== numeric) {
      const message = `"${numeric}" is not the ISO 3166-1 numeric code of ${record.key} ("${expected}")`;
      issues.push({ file, record: record.label, field: 'isoNumeric', message });
      wrongNumeric.add(record);
    } else {
      byNumeric.set(numeric, record);
    }
  }
  issues.push(...checkNeighbours(countries, byNumeric, wrongNumeric, naturalEarthNeighboursOfAfghanistan()));
  return issues;
}

/**
 * Natural Earth's ids are ISO numeric codes, mapped to our records through their isoNumeric. A record whose
 * code is wrong was reported above and is left out here, so one mistake gives one message.
 */
function checkNeighbours(
  countries: readonly CheckedRecord<'countries'>[],
  byNumeric: ReadonlyMap<string, CheckedRecord<'countries'>>,
  wrongNumeric: ReadonlySet<CheckedRecord<'countries'>>,
  boundaryNeighbours: readonly BoundaryNeighbour[],
): Issue[] {
  const file = datasetFiles.countries.file;
  const field = 'neighbourOfAfghanistan';
  const issues: Issue[] = [];
  const presentKeys = new Set(countries.map((record) => record.key));
  for (const neighbour of boundaryNeighbours) {
    const record = byNumeric.get(neighbour.isoNumeric);
    const iso3 = isoCountries.numericToAlpha3(neighbour.isoNumeric);
    if (record === undefined && !(iso3 !== undefined && presentKeys.has(iso3))) {
      issues.push({
        file,
        record: iso3 ?? `isoNumeric ${neighbour.isoNumeric}`,
        field: null,
        message: `no record, but Natural Earth draws a border with Afghanistan (isoNumeric "${neighbour.isoNumeric}", "${neighbour.name}")`,
      });
    } else if (record !== undefined && !isNeighbourFlagSet(record)) {
      issues.push({ file, record: record.label, field, message: 'is not set, but Natural Earth draws a border with Afghanistan' });
    }
  }
  const computed = new Set(boundaryNeighbours.map((neighbour) => neighbour.isoNumeric));
  for (const record of countries) {
    if (!isNeighbourFlagSet(record) || wrongNumeric.has(record)) continue;
    const numeric = isPlainObject(record.raw) ? record.raw.isoNumeric : undefined;
    if (!(typeof numeric === 'string' && computed.has(numeric))) {
      issues.push({ file, record: record.label, field, message: 'is set, but Natural Earth draws no border with Afghanistan' });
    }
  }
  return issues;
}

function isNeighbourFlagSet(record: CheckedRecord<'countries'>): boolean {
  return isPlainObject(record.raw) && record.raw.neighbourOfAfghanistan != null;
}
