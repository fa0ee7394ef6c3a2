/**
 * The cross-record rules: unique keys, every reference resolves, dates agree, one host per meeting. Pure and
 * free of the checker's reference data (ISO code lists, Natural Earth), so the seed function can run them
 * too (`referenceIssues`) without bundling those: a dangling reference passes the schema parse alone.
 * The full checker (./check.ts) runs them through `recordIssues`, between the schema and the country checks.
 */
import {
  datasetFiles,
  isCountryId,
  participationId,
  type Country,
  type Dataset,
  type EntityName,
  type Meeting,
  type Organisation,
  type Participation,
  type Statement,
} from '../schema/domain.ts';
import type { Issue } from './issue.ts';
import { entityNames, primaryKey, type CheckedRecord } from './records.ts';

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

