/**
 * The cross-record rules: unique keys, every reference resolves, dates agree, one host per meeting. Pure and
 * free of the checker's reference data (ISO code lists, Natural Earth), so the seed function can run them
 * too (`referenceIssues`) without bundling those: a dangling reference passes the schema parse alone.
 * The full checker (./check.ts) runs them through `recordIssues`, between the schema and the country checks.
 */
import {
  datasetFiles,
  dateSpan,
  isCountryId,
  participationId,
  type Country,
  type Dataset,
  type EntityName,
  type Meeting,
  type Organisation,
  type Participation,
  type Person,
  type Speaker,
  type Statement,
} from '../schema/domain.ts';
import { findCuratorWording, verbatimOrCuratorFields } from '../schema/reader-text.ts';
import { seriesTitle } from '../schema/titles.ts';
import { officeHeldOn } from '../people.ts';
import { slugPattern } from '../schema/ids.ts';
import type { Issue } from '../load/issue.ts';
import { entityNames, primaryKey, type CheckedRecord } from '../load/records.ts';

/** Each file's records after the schema parse; null for a file that could not be used at all. */
export type CheckedDataset = { [E in EntityName]: CheckedRecord<E>[] | null };

/** The keys present in each file; null when the file itself is unusable, so references into it are skipped. */
type KeyIndex = Record<EntityName, ReadonlySet<string> | null>;

/**
 * Record by record, file by file: the record's schema issues, a duplicate key, then the cross-record rules
 * for a record that passed its schema.
 */
export function recordIssues(checked: CheckedDataset): Issue[] {
  const issues: Issue[] = [];
  const keys = indexKeys(checked);
  const meetingsById = new Map<string, Meeting>();
  for (const record of checked.meetings ?? []) if (record.value) meetingsById.set(record.value.id, record.value);
  const peopleById = new Map<string, Person>();
  for (const record of checked.people ?? []) if (record.value) peopleById.set(record.value.id, record.value);

  const rules = new RecordRules(keys, meetingsById, peopleById);
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
      if (record.value !== null) {
        for (const problem of rules.check(entity, record.value)) add(problem.field, problem.message);
        for (const problem of readerTextProblems(entity, record.value)) add(problem.field, problem.message);
      }
    }
  }
  return issues;
}

/** The cross-record problems of a data set that passed its schema parse (data/load.ts parseDataset). */
export function referenceIssues(dataset: Dataset): Issue[] {
  const checked = {} as Record<EntityName, CheckedRecord[]>;
  for (const entity of entityNames) {
    checked[entity] = (dataset[entity] as readonly unknown[]).map((value, index) => {
      const key = primaryKey(entity, value);
      return { index, label: key ?? `#${index}`, key, raw: value, value: value as CheckedRecord['value'], issues: [] };
    });
  }
  return recordIssues(checked as CheckedDataset);
}

function indexKeys(checked: CheckedDataset): KeyIndex {
  const keys = {} as KeyIndex;
  for (const entity of entityNames) {
    const records: CheckedRecord[] | null = checked[entity];
    keys[entity] = records === null ? null : new Set(records.flatMap((record) => (record.key === null ? [] : [record.key])));
  }
  return keys;
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
  people: 'person',
  sources: 'source',
  coverage: 'coverage entry',
};

/** The cross-record rules for one valid record. Holds the indexes; keeps per-run state (hosts seen) only. */
class RecordRules {
  /** meeting id → the participation that claimed the host role first. */
  private readonly hostParticipations = new Map<string, string>();

  constructor(
    private readonly keys: KeyIndex,
    private readonly meetings: ReadonlyMap<string, Meeting>,
    private readonly people: ReadonlyMap<string, Person>,
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
      case 'people':
        return this.person(value as Person);
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
    const title = seriesTitle(meeting);
    return [
      ...(title !== null && meeting.title !== title ? [{ field: 'title', message: `must be "${title}" (one title pattern per series)` }] : []),
      // Related conferences are one-offs: numbering them would make "previous round" compare unlike meetings.
      ...(meeting.series === 'other' && meeting.round !== null
        ? [{ field: 'round', message: 'must be null for a related conference (series "other" has no rounds)' }]
        : []),
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
    const meetingForDate = this.meetings.get(participation.meeting);
    if (participation.headOfDelegation !== null && meetingForDate !== undefined) {
      problems.push(...this.speakerRef('headOfDelegation', participation.headOfDelegation, meetingForDate.startDate, false));
    }
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
    problems.push(...this.speakerRef('speaker', statement.speaker, statement.date, true));
    if (statement.meeting !== null) {
      problems.push(...this.ref('meeting', 'meetings', statement.meeting));
      const meeting = this.meetings.get(statement.meeting);
      // A meeting whose dates are inverted is reported on the meeting itself. A month-precision date only
      // has to overlap the meeting.
      const datesUsable = meeting !== undefined && meeting.startDate <= meeting.endDate;
      const span = dateSpan(statement.date);
      if (datesUsable && (span.last < meeting.startDate || span.first > meeting.endDate)) {
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

  private person(person: Person): Problem[] {
    const problems = this.actorRef('actor', person.actor);
    person.offices.forEach((office, i) => {
      problems.push(...this.sourceRefs(`offices[${i}].sources`, office.sources));
      if (office.from !== null && office.to !== null && dateSpan(office.to).last < dateSpan(office.from).first) {
        problems.push({ field: `offices[${i}].to`, message: `${office.to} is before from ${office.from}` });
      }
    });
    return problems;
  }

  /**
   * A named person's record exists and, for a speaker, shows an office held on `date` (open ends count as
   * held). A head of delegation whose person record lists no office at all passes: some sources name the
   * person but not the post.
   */
  private speakerRef(field: string, speaker: Speaker, date: string, officeRequired: boolean): Problem[] {
    if (speaker.person === undefined) return [];
    const known = this.ref(`${field}.person`, 'people', speaker.person);
    const person = this.people.get(speaker.person);
    if (known.length > 0 || person === undefined) return known;
    if ((!officeRequired && person.offices.length === 0) || officeHeldOn(person, date) !== null) return [];
    // An office whose dates are inverted is reported on the person; do not repeat it here.
    if (person.offices.some((office) => office.from !== null && office.to !== null && dateSpan(office.to).last < dateSpan(office.from).first)) return [];
    return [{ field: `${field}.person`, message: `"${person.id}" has no office whose dates cover ${date}` }];
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


/** Reader text (everything the API serves but quotes, clauses, URLs and curator notes) in plain prose. */
function readerTextProblems(entity: EntityName, record: unknown): Problem[] {
  const problems: Problem[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      // A whole value that is a slug is an id or a code (`invited-absent`), not prose.
      const found = slugPattern.test(value) ? null : findCuratorWording(value);
      if (found !== null) problems.push({ field: path, message: `is shown to readers but contains ${found}: put research notes in curatorNote` });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${path}[${i}]`));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if (verbatimOrCuratorFields.has(key) || (entity === 'sources' && key === 'title')) continue;
        walk(item, path === '' ? key : `${path}.${key}`);
      }
    }
  };
  walk(record, '');
  return problems;
}
