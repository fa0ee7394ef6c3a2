/**
 * The data checker: every rule the curated records must satisfy, as pure functions that return issues.
 * The CLI (./cli.ts) only prints them; the seed loader and tests call checkDataset/checkRawDataset directly.
 *
 * Order of work: each file is parsed record by record against its zod schema (./records.ts); the keys of
 * every record that has one are indexed, valid or not, so a reference to a record with a schema error is not
 * also reported as dangling; the cross-record rules then run on the records that passed their schema.
 * A file that cannot be read or is not an array is reported once, and references into it are not checked.
 */
import { stat } from 'node:fs/promises';
import isoCountries from 'i18n-iso-countries';
import {
  datasetFiles,
  isCountryId,
  participationId,
  type Country,
  type Dataset,
  type EntityName,
  type Meeting,
  type Participation,
  type Statement,
  type Organisation,
} from '../schema/domain.ts';
import { readRawFiles, recordsDir, type RawDataset } from '../load.ts';
import { naturalEarthNeighboursOfAfghanistan, type BoundaryNeighbour } from './boundaries.ts';
import type { Issue } from './issue.ts';
import { checkFileRecords, entityNames, isPlainObject, type CheckedRecord } from './records.ts';

export type { Issue } from './issue.ts';
export { formatIssue } from './issue.ts';

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

// ---------------------------------------------------------------------------------------------------------

type CheckedDataset = { [E in EntityName]: CheckedRecord<E>[] | null };

/** The keys present in each file; null when the file itself is unusable, so references into it are skipped. */
type KeyIndex = Record<EntityName, ReadonlySet<string> | null>;

function checkContents(contents: ReadonlyMap<EntityName, unknown>, fileIssues: Issue[]): CheckResult {
  const issues = [...fileIssues];
  const checked = {} as CheckedDataset;
  for (const entity of entityNames) {
    const checkedFile = contents.has(entity) ? checkFileRecords(entity, contents.get(entity)) : null;
    if (checkedFile?.ok === false) issues.push(checkedFile.issue);
    (checked as Record<EntityName, CheckedRecord[] | null>)[entity] = checkedFile?.ok ? checkedFile.records : null;
  }
  const keys = indexKeys(checked);
  const meetingsById = new Map<string, Meeting>();
  for (const record of checked.meetings ?? []) if (record.value) meetingsById.set(record.value.id, record.value);

  const rules = new RecordRules(keys, meetingsById);
  for (const entity of entityNames) {
    const records = checked[entity];
    if (records === null) continue;
    const { file } = datasetFiles[entity];
    const keyField = entity === 'participations' ? 'meeting/actor' : datasetFiles[entity].key;
    const firstIndexByKey = new Map<string, number>();
    for (const record of records) {
      const add = (field: string | null, message: string) => issues.push({ file, record: record.label, field, message });
      issues.push(...record.issues);
      if (record.key !== null) {
        const first = firstIndexByKey.get(record.key);
        if (first === undefined) firstIndexByKey.set(record.key, record.index);
        else add(keyField, `duplicate key, already used by record #${first}`);
      }
      if (record.value !== null) for (const problem of rules.check(entity, record.value)) add(problem.field, problem.message);
    }
  }
  if (checked.countries !== null) issues.push(...checkCountryCodes(checked.countries));

  // Grouped by file in datasetFiles order; within a file, record by record, then the whole-file checks.
  const fileOrder = (issue: Issue) => entityNames.findIndex((entity) => datasetFiles[entity].file === issue.file);
  issues.sort((a, b) => fileOrder(a) - fileOrder(b));
  return { issues, dataset: issues.length === 0 ? toDataset(checked) : null };
}

function indexKeys(checked: CheckedDataset): KeyIndex {
  const keys = {} as KeyIndex;
  for (const entity of entityNames) {
    const records: CheckedRecord[] | null = checked[entity];
    keys[entity] = records === null ? null : new Set(records.flatMap((record) => (record.key === null ? [] : [record.key])));
  }
  return keys;
}

function toDataset(checked: CheckedDataset): Dataset {
  const dataset = {} as Record<EntityName, unknown[]>;
  for (const entity of entityNames) dataset[entity] = (checked[entity] ?? []).map((record) => record.value);
  return dataset as unknown as Dataset;
}

interface Problem {
  field: string | null;
  message: string;
}

const nouns: Record<EntityName, string> = {
  countries: 'country',
  organisations: 'organisation',
  meetings: 'meeting',
  participations: 'participation',
  statements: 'statement',
  sources: 'source',
};

/** The cross-record rules for one valid record. Holds the indexes; keeps per-run state (hosts seen) only. */
class RecordRules {
  /** meeting id → the participation that claimed the host role first. */
  private readonly hostParticipations = new Map<string, string>();

  constructor(
    private readonly keys: KeyIndex,
    private readonly meetings: ReadonlyMap<string, Meeting>,
  ) {}

  check<E extends EntityName>(entity: E, value: Dataset[E][number]): Problem[] {
    switch (entity) {
      case 'countries':
        return this.country(value as Country);
      case 'organisations':
        return this.sourceRefs('sources', (value as Organisation).sources);
      case 'meetings':
        return this.meeting(value as Meeting);
      case 'participations':
        return this.participation(value as Participation);
      case 'statements':
        return this.statement(value as Statement);
      default:
        return [];
    }
  }

  private country(country: Country): Problem[] {
    const problems = country.memberships.flatMap((membership, i) => [
      ...this.ref(`memberships[${i}].organisation`, 'organisations', membership.organisation),
      ...this.sourceRefs(`memberships[${i}].sources`, membership.sources),
      ...(membership.since !== null && membership.until !== null && membership.until < membership.since
        ? [{ field: `memberships[${i}].until`, message: `${membership.until} is before since ${membership.since}` }]
        : []),
    ]);
    const neighbour = country.neighbourOfAfghanistan;
    if (neighbour !== null) {
      problems.push(...this.sourceRefs('neighbourOfAfghanistan.sources', neighbour.sources));
      neighbour.otherFigures.forEach((figure, i) =>
        problems.push(...this.sourceRefs(`neighbourOfAfghanistan.otherFigures[${i}].sources`, figure.sources)),
      );
    }
    return problems;
  }

  private meeting(meeting: Meeting): Problem[] {
    return [
      ...this.ref('host', 'countries', meeting.host),
      ...(meeting.endDate < meeting.startDate
        ? [{ field: 'endDate', message: `${meeting.endDate} is before startDate ${meeting.startDate}` }]
        : []),
      ...(meeting.outcome === null ? [] : this.sourceRefs('outcome.sources', meeting.outcome.sources)),
      ...this.sourceRefs('sources', meeting.sources),
    ];
  }

  private participation(participation: Participation): Problem[] {
    const problems = [
      ...this.ref('meeting', 'meetings', participation.meeting),
      ...this.actorRef('actor', participation.actor),
      ...this.sourceRefs('sources', participation.sources),
    ];
    if (participation.role === 'host') {
      const meeting = this.meetings.get(participation.meeting);
      // An unknown host is reported on the meeting; comparing against it would repeat that mistake.
      if (meeting !== undefined && this.keys.countries?.has(meeting.host) !== false && meeting.host !== participation.actor) {
        problems.push({ field: 'role', message: `is host, but meeting "${meeting.id}" is hosted by ${meeting.host}` });
      }
      const earlier = this.hostParticipations.get(participation.meeting);
      if (earlier === undefined) this.hostParticipations.set(participation.meeting, participationId(participation));
      else problems.push({ field: 'role', message: `is host, but meeting "${participation.meeting}" already has host ${earlier}` });
    }
    return problems;
  }

  private statement(statement: Statement): Problem[] {
    const problems = statement.actors.flatMap((actor, i) => this.actorRef(`actors[${i}]`, actor));
    if (statement.meeting !== null) {
      problems.push(...this.ref('meeting', 'meetings', statement.meeting));
      const meeting = this.meetings.get(statement.meeting);
      // A meeting whose dates are inverted is reported on the meeting itself.
      const datesUsable = meeting !== undefined && meeting.startDate <= meeting.endDate;
      if (datesUsable && (statement.date < meeting.startDate || statement.date > meeting.endDate)) {
        const span = meeting.startDate === meeting.endDate ? meeting.startDate : `${meeting.startDate} to ${meeting.endDate}`;
        problems.push({ field: 'date', message: `${statement.date} is outside meeting "${meeting.id}" (${span})` });
      }
    }
    if (!statement.sources.includes(statement.quoteSource)) {
      // When it is listed, sources[] reports it if unknown; otherwise say both things that are wrong.
      problems.push(...this.ref('quoteSource', 'sources', statement.quoteSource));
      problems.push({ field: 'quoteSource', message: `"${statement.quoteSource}" is not one of this statement's sources` });
    }
    statement.variants.forEach((variant, i) => problems.push(...this.ref(`variants[${i}].source`, 'sources', variant.source)));
    problems.push(...this.sourceRefs('sources', statement.sources));
    return problems;
  }

  private ref(field: string, target: EntityName, id: string): Problem[] {
    const known = this.keys[target];
    return known === null || known.has(id) ? [] : [{ field, message: `unknown ${nouns[target]} "${id}"` }];
  }

  private actorRef(field: string, actor: string): Problem[] {
    return this.ref(field, isCountryId(actor) ? 'countries' : 'organisations', actor);
  }

  private sourceRefs(field: string, ids: readonly string[]): Problem[] {
    return ids.flatMap((id, i) => this.ref(`${field}[${i}]`, 'sources', id));
  }
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
