/**
 * The curated data set as flat tables, one row per fact: an entity's own fields in its table, and a list of
 * structured things (a statement's stances, a person's offices) in a table of its own keyed by the owner's
 * id. Lists of ids (sources, actors) are one cell, the ids separated by "; ". Dates stay as the data writes
 * them (ISO `YYYY-MM-DD`, or `YYYY-MM` where only the month is known). Curators' notes never appear.
 *
 * Each column says what it holds: the ZIP's README is written from these descriptions.
 */
import type { Confidence, Dataset, Speaker } from '../schema/domain.ts';
import type { Cell } from './csv.ts';

export interface Column<T> {
  readonly name: string;
  readonly about: string;
  readonly value: (record: T) => Cell;
}

export interface TableSpec<T> {
  /** The file name without extension: `meetings` → meetings.csv. */
  readonly name: string;
  readonly about: string;
  readonly rows: (dataset: Dataset) => readonly T[];
  readonly columns: readonly Column<T>[];
}

export interface Table {
  readonly name: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

const ids = (list: readonly string[]): string => list.join('; ');
const optional = (value: string | undefined): Cell => value ?? null;
const confidenceColumns = <T extends { confidence: Confidence }>(what: string): Column<T>[] => [
  { name: 'confidence', about: `How sure ${what} is: confirmed, partly (some of it confirmed), disputed (sources disagree) or unconfirmed (not found in anything read).`, value: (r) => r.confidence.level },
  { name: 'confidenceReason', about: 'What is missing or what the sources disagree on; empty when confirmed.', value: (r) => optional(r.confidence.reason) },
];
const sourcesColumn = <T extends { sources: readonly string[] }>(about = 'The sources, by id in sources.csv.'): Column<T> => ({
  name: 'sources',
  about,
  value: (r) => ids(r.sources),
});
/** A named speaker by person id (name and office in people.csv); an unnamed one by name and office. */
const speakerColumns = <T>(prefix: string, what: string, speakerOf: (r: T) => Speaker | null): Column<T>[] => [
  { name: `${prefix}Person`, about: `The ${what} by id in people.csv, when a person record names them.`, value: (r) => speakerOf(r)?.person ?? null },
  { name: `${prefix}Name`, about: `The ${what}'s name when there is no person record (for a joint statement: the document's name).`, value: (r) => speakerOf(r)?.name ?? null },
  { name: `${prefix}Office`, about: `That unnamed ${what}'s office, when known.`, value: (r) => speakerOf(r)?.office ?? null },
];

type Row<K extends keyof Dataset> = Dataset[K][number];
type Membership = Row<'countries'>['memberships'][number] & { country: string };
type BorderFigure = NonNullable<Row<'countries'>['neighbourOfAfghanistan']>['otherFigures'][number] & { country: string };
type Stance = Row<'statements'>['stances'][number] & { statement: string };
type Variant = Row<'statements'>['variants'][number] & { statement: string };
type Office = Row<'people'>['offices'][number] & { person: string };

const meetings: TableSpec<Row<'meetings'>> = {
  name: 'meetings',
  about: 'One row per meeting.',
  rows: (d) => d.meetings,
  columns: [
    { name: 'id', about: 'Primary key.', value: (m) => m.id },
    { name: 'series', about: 'moscow-format, neighbours-foreign-ministers or other (a related conference).', value: (m) => m.series },
    { name: 'round', about: 'Round within the series; empty for a one-off conference.', value: (m) => m.round },
    { name: 'title', about: 'Official name.', value: (m) => m.title },
    { name: 'startDate', about: 'First day.', value: (m) => m.startDate },
    { name: 'endDate', about: 'Last day.', value: (m) => m.endDate },
    { name: 'city', about: 'Where it was held.', value: (m) => m.city },
    { name: 'host', about: 'The host country, by ISO 3166-1 alpha-3 code.', value: (m) => m.host },
    { name: 'format', about: 'in-person, online or hybrid.', value: (m) => m.format },
    { name: 'summary', about: 'A few sentences: venue, who opened it, what is notable or disputed.', value: (m) => optional(m.summary) },
    { name: 'outcomeName', about: 'The outcome document; empty when none is known.', value: (m) => m.outcome?.name ?? null },
    { name: 'outcomeAdopted', about: 'Was it adopted: yes, no or unknown.', value: (m) => m.outcome?.adopted ?? null },
    {
      name: 'outcomeRejectsForeignMilitaryInfrastructure',
      about: 'Does the document itself call foreign military infrastructure in or around Afghanistan unacceptable: yes, no or unknown.',
      value: (m) => m.outcome?.rejectsForeignMilitaryInfrastructure ?? null,
    },
    { name: 'outcomeClause', about: 'That clause verbatim, when a source gives it.', value: (m) => optional(m.outcome?.clause) },
    { name: 'outcomeNote', about: 'What is known about the outcome document and what is not.', value: (m) => optional(m.outcome?.note) },
    { name: 'outcomeSources', about: 'Sources for the outcome document, by id.', value: (m) => (m.outcome ? ids(m.outcome.sources) : null) },
    ...confidenceColumns<Row<'meetings'>>("the meeting's name, date, place and host"),
    sourcesColumn(),
  ],
};

const countries: TableSpec<Row<'countries'>> = {
  name: 'countries',
  about: 'One row per country that attended, was invited or has a statement on record.',
  rows: (d) => d.countries,
  columns: [
    { name: 'iso3', about: 'Primary key: ISO 3166-1 alpha-3 code.', value: (c) => c.iso3 },
    { name: 'isoNumeric', about: 'ISO 3166-1 numeric code (joins the country to the boundaries).', value: (c) => c.isoNumeric },
    { name: 'name', about: 'English short name.', value: (c) => c.name },
    { name: 'neighbourOfAfghanistan', about: 'true for the six countries that border Afghanistan.', value: (c) => c.neighbourOfAfghanistan !== null },
    { name: 'borderKm', about: 'Length of the border with Afghanistan in km (CIA World Factbook); other published figures are in country-border-figures.csv.', value: (c) => c.neighbourOfAfghanistan?.borderKm ?? null },
    { name: 'borderNote', about: 'A note on the border figures.', value: (c) => optional(c.neighbourOfAfghanistan?.note) },
    { name: 'borderSources', about: 'Sources for borderKm, by id.', value: (c) => (c.neighbourOfAfghanistan ? ids(c.neighbourOfAfghanistan.sources) : null) },
  ],
};

const borderFigures: TableSpec<BorderFigure> = {
  name: 'country-border-figures',
  about: 'Other published lengths of a border with Afghanistan that disagree with borderKm: kept, not averaged.',
  rows: (d) => d.countries.flatMap((c) => (c.neighbourOfAfghanistan?.otherFigures ?? []).map((f) => ({ ...f, country: c.iso3 }))),
  columns: [
    { name: 'country', about: 'ISO 3166-1 alpha-3 code.', value: (f) => f.country },
    { name: 'km', about: 'The length given.', value: (f) => f.km },
    { name: 'by', about: 'Who gives it.', value: (f) => f.by },
    { name: 'note', about: 'A note on the figure.', value: (f) => optional(f.note) },
    sourcesColumn(),
  ],
};

const memberships: TableSpec<Membership> = {
  name: 'country-memberships',
  about: "A country's membership in an organisation: one row each.",
  rows: (d) => d.countries.flatMap((c) => c.memberships.map((m) => ({ ...m, country: c.iso3 }))),
  columns: [
    { name: 'country', about: 'ISO 3166-1 alpha-3 code.', value: (m) => m.country },
    { name: 'organisation', about: 'The organisation, by id in organisations.csv.', value: (m) => m.organisation },
    { name: 'status', about: 'member, former-member, observer or partner.', value: (m) => m.status },
    { name: 'since', about: 'Year it began, if known.', value: (m) => m.since },
    { name: 'until', about: 'Year it ended, if it did.', value: (m) => m.until },
    sourcesColumn(),
  ],
};

const organisations: TableSpec<Row<'organisations'>> = {
  name: 'organisations',
  about: 'One row per organisation that attended or spoke.',
  rows: (d) => d.organisations,
  columns: [
    { name: 'id', about: 'Primary key, used as an actor id (csto, un).', value: (o) => o.id },
    { name: 'name', about: 'Full name.', value: (o) => o.name },
    { name: 'shortName', about: 'Abbreviation.', value: (o) => o.shortName },
    { name: 'description', about: 'Its part in these meetings.', value: (o) => optional(o.description) },
    sourcesColumn('Sources about the organisation, by id (may be empty).'),
  ],
};

const participations: TableSpec<Row<'participations'>> = {
  name: 'participations',
  about: 'One row per actor per meeting, including actors invited who stayed away. Key: meeting + actor.',
  rows: (d) => d.participations,
  columns: [
    { name: 'meeting', about: 'The meeting, by id.', value: (p) => p.meeting },
    { name: 'actor', about: 'A country (ISO alpha-3, capitals) or an organisation (id, lower case).', value: (p) => p.actor },
    { name: 'role', about: 'host, member, guest, observer, by-video or invited-absent.', value: (p) => p.role },
    ...speakerColumns<Row<'participations'>>('headOfDelegation', 'head of delegation', (p) => p.headOfDelegation),
    { name: 'level', about: 'Rank of the head of delegation (head-of-state … non-official, or unknown).', value: (p) => p.level },
    { name: 'endorsedOutcome', about: 'Did this actor endorse the outcome document: yes, no or unknown.', value: (p) => p.endorsedOutcome },
    ...confidenceColumns<Row<'participations'>>('the participation'),
    { name: 'note', about: 'Context.', value: (p) => optional(p.note) },
    sourcesColumn(),
  ],
};

const statements: TableSpec<Row<'statements'>> = {
  name: 'statements',
  about: 'One row per statement; its stances are in statement-stances.csv, other published wordings in statement-variants.csv.',
  rows: (d) => d.statements,
  columns: [
    { name: 'id', about: 'Primary key.', value: (s) => s.id },
    { name: 'date', about: 'When the words were said or issued (YYYY-MM when only the month is known).', value: (s) => s.date },
    { name: 'meeting', about: 'The meeting it was said at, by id; empty when none.', value: (s) => s.meeting },
    ...speakerColumns<Row<'statements'>>('speaker', 'speaker', (s) => s.speaker),
    { name: 'actors', about: 'Whom the words speak for: one actor, or every signatory of a joint statement.', value: (s) => ids(s.actors) },
    { name: 'quote', about: 'Verbatim as published by quoteSource; for delivery "paraphrase", a one-sentence summary of what that source reports.', value: (s) => s.quote },
    { name: 'quoteSource', about: 'The source whose wording the quote copies, by id.', value: (s) => s.quoteSource },
    { name: 'extent', about: 'full, or fragment when the source quotes only a word or phrase.', value: (s) => s.extent },
    { name: 'delivery', about: 'spoken, written-message-read, written, joint-statement or paraphrase.', value: (s) => s.delivery },
    { name: 'official', about: 'false for a commentator (an analyst, a journalist): never counted as the actor\'s stance.', value: (s) => s.official },
    { name: 'readBy', about: 'Who read a written message out.', value: (s) => optional(s.readBy) },
    ...confidenceColumns<Row<'statements'>>('the words, so attributed,'),
    { name: 'note', about: 'Context.', value: (s) => optional(s.note) },
    sourcesColumn('The sources, by id; includes quoteSource.'),
  ],
};

const stances: TableSpec<Stance> = {
  name: 'statement-stances',
  about: 'One row per position a statement takes on a topic.',
  rows: (d) => d.statements.flatMap((s) => s.stances.map((stance) => ({ ...stance, statement: s.id }))),
  columns: [
    { name: 'statement', about: 'The statement, by id.', value: (s) => s.statement },
    { name: 'topic', about: 'The topic (foreign-military-presence, taliban-recognition, …).', value: (s) => s.topic },
    { name: 'stance', about: 'opposes, supports or mixed.', value: (s) => s.stance },
    { name: 'summary', about: 'What exactly is opposed or supported.', value: (s) => s.summary },
  ],
};

const variants: TableSpec<Variant> = {
  name: 'statement-variants',
  about: 'Other published wordings of a statement (another translation, another wire copy), each verbatim from its source.',
  rows: (d) => d.statements.flatMap((s) => s.variants.map((variant) => ({ ...variant, statement: s.id }))),
  columns: [
    { name: 'statement', about: 'The statement, by id.', value: (v) => v.statement },
    { name: 'quote', about: 'The wording.', value: (v) => v.quote },
    { name: 'source', about: 'The source that publishes it, by id.', value: (v) => v.source },
  ],
};

const people: TableSpec<Row<'people'>> = {
  name: 'people',
  about: 'One row per named speaker or head of delegation; offices in people-offices.csv.',
  rows: (d) => d.people,
  columns: [
    { name: 'id', about: 'Primary key.', value: (p) => p.id },
    { name: 'name', about: 'The spelling the data uses.', value: (p) => p.name },
    { name: 'aliases', about: 'Other spellings met in sources, separated by "; ".', value: (p) => ids(p.aliases) },
    { name: 'actor', about: 'Whom the person speaks for.', value: (p) => p.actor },
  ],
};

const offices: TableSpec<Office> = {
  name: 'people-offices',
  about: 'One row per office a person held, in order of precedence: the first held on a date is the one shown.',
  rows: (d) => d.people.flatMap((p) => p.offices.map((office) => ({ ...office, person: p.id }))),
  columns: [
    { name: 'person', about: 'The person, by id.', value: (o) => o.person },
    { name: 'title', about: 'The office.', value: (o) => o.title },
    { name: 'from', about: 'First day or month in office; empty when no source gives it.', value: (o) => o.from },
    { name: 'to', about: 'Last day or month; empty while held or when no source gives it.', value: (o) => o.to },
    sourcesColumn('Sources for the dates, by id.'),
  ],
};

const sources: TableSpec<Row<'sources'>> = {
  name: 'sources',
  about: 'One row per article or document cited.',
  rows: (d) => d.sources,
  columns: [
    { name: 'id', about: 'Primary key.', value: (s) => s.id },
    { name: 'publisher', about: 'Who published it.', value: (s) => s.publisher },
    { name: 'url', about: 'Where it can be read.', value: (s) => s.url },
    { name: 'title', about: 'The headline as published; empty when it was not recorded (never made up from the URL).', value: (s) => s.title },
    { name: 'published', about: 'Publication date (or month); empty when unknown.', value: (s) => s.published },
    { name: 'archived', about: 'A stored copy of the page.', value: (s) => optional(s.archived) },
    { name: 'note', about: 'A note for readers.', value: (s) => optional(s.note) },
  ],
};

/** A table as the ZIP needs it: its name, what it and each column hold, and its rows from a data set. */
export interface ExportTable {
  readonly name: string;
  readonly about: string;
  readonly columns: readonly { readonly name: string; readonly about: string }[];
  readonly table: (dataset: Dataset) => Table;
}

function exportTable<T>(spec: TableSpec<T>): ExportTable {
  return {
    name: spec.name,
    about: spec.about,
    columns: spec.columns.map(({ name, about }) => ({ name, about })),
    table: (dataset) => tableOf(spec, dataset),
  };
}

/** Every table, in the order the README lists them. Each JSON file holds one entity's records whole. */
export const exportTables: readonly ExportTable[] = [
  exportTable(meetings),
  exportTable(participations),
  exportTable(countries),
  exportTable(memberships),
  exportTable(borderFigures),
  exportTable(organisations),
  exportTable(statements),
  exportTable(stances),
  exportTable(variants),
  exportTable(people),
  exportTable(offices),
  exportTable(sources),
];

/** The entities exported as JSON (the curated records, curators' notes removed), one file each. */
export const jsonEntities = ['meetings', 'participations', 'countries', 'organisations', 'statements', 'people', 'sources'] as const;

export function tableOf<T>(spec: TableSpec<T>, dataset: Dataset): Table {
  return {
    name: spec.name,
    columns: spec.columns.map((c) => c.name),
    rows: spec.rows(dataset).map((record) => spec.columns.map((c) => c.value(record))),
  };
}

/** A copy without any `curatorNote`, at any depth: research notes never leave the repository. */
export function withoutCuratorNotes<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutCuratorNotes) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).filter(([key]) => key !== 'curatorNote').map(([key, inner]) => [key, withoutCuratorNotes(inner)]),
    ) as T;
  }
  return value;
}
