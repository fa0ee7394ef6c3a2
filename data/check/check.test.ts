import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordsDir } from '../load.ts';
import { checkDataset, checkRawDataset, formatIssue } from './check.ts';
import { KAZAN, LAVROV_STATEMENT, fixtureRecords, writeDataset, type FixtureDataset } from '../fixtures/dataset.ts';

/** Lets a test put a value of the wrong type where the fixture's types would refuse it. */
const loose = (record: object) => record as Record<string, unknown>;

function messages(data: FixtureDataset): string[] {
  return checkRawDataset(data).issues.map(formatIssue);
}

/** Breaks a fresh copy of the fixture and returns the checker's messages. */
function messagesAfter(breakIt: (data: FixtureDataset) => void): string[] {
  const data = fixtureRecords();
  breakIt(data);
  return messages(data);
}

const meeting = (data: FixtureDataset) => data.meetings[0]!;
const statement = (data: FixtureDataset) => data.statements[0]!;
const participation = (data: FixtureDataset, actor: string) => data.participations.find((p) => p.actor === actor)!;
const country = (data: FixtureDataset, iso3: string) => data.countries.find((c) => c.iso3 === iso3)!;
const source = (data: FixtureDataset, id: string) => data.sources.find((s) => s.id === id)!;

describe('the minimal fixture', () => {
  it('passes every check and comes back parsed, with defaults applied', () => {
    const { issues, dataset } = checkRawDataset(fixtureRecords());
    expect(issues).toEqual([]);
    expect(dataset?.meetings).toHaveLength(2);
    expect(dataset?.countries.find((c) => c.iso3 === 'RUS')?.neighbourOfAfghanistan).toBeNull();
    expect(dataset?.participations.find((p) => p.actor === 'PAK')?.level).toBe('unknown');
  });
});

describe('schema violations', () => {
  it.each<[string, (data: FixtureDataset) => void, string]>([
    [
      'wrong type',
      (data) => (loose(meeting(data)).round = '5'),
      `meetings.json: ${KAZAN}: round: must be a number, got "5"`,
    ],
    [
      'not an integer',
      (data) => (meeting(data).round = 5.5),
      `meetings.json: ${KAZAN}: round: must be an integer, got 5.5`,
    ],
    [
      'bad enum value',
      (data) => (loose(meeting(data)).format = 'zoom'),
      `meetings.json: ${KAZAN}: format: must be one of "in-person", "online", "hybrid", got "zoom"`,
    ],
    [
      'a date that does not exist',
      (data) => (meeting(data).startDate = '2023-02-30'),
      `meetings.json: ${KAZAN}: startDate: "2023-02-30" is not a real calendar date`,
    ],
    [
      'a date in another format',
      (data) => (statement(data).date = '29.09.2023'),
      `statements.json: ${LAVROV_STATEMENT}: date: "29.09.2023" must be a date written YYYY-MM-DD, or YYYY-MM when only the month is known`,
    ],
    [
      'missing field',
      (data) => delete loose(meeting(data)).city,
      `meetings.json: ${KAZAN}: city: is required`,
    ],
    [
      'unknown field',
      (data) => (loose(meeting(data)).location = 'Kazan'),
      `meetings.json: ${KAZAN}: location: unknown field`,
    ],
    [
      'nested field',
      (data) => (statement(data).speaker = { name: '', office: null }),
      `statements.json: ${LAVROV_STATEMENT}: speaker.name: must not be empty`,
    ],
    [
      'a confidence below confirmed without a reason',
      (data) => (meeting(data).confidence = { level: 'partly' }),
      `meetings.json: ${KAZAN}: confidence.reason: needs a reason when the level is not "confirmed"`,
    ],
    [
      'a written message read out with nobody reading it',
      (data) => delete statement(data).readBy,
      `statements.json: ${LAVROV_STATEMENT}: readBy: a written message read out needs "readBy"`,
    ],
    [
      'an actor id that is neither a country nor an organisation',
      (data) => (statement(data).actors = ['Russia']),
      `statements.json: ${LAVROV_STATEMENT}: actors[0]: "Russia" must be a country code (e.g. RUS) or an organisation id (e.g. csto)`,
    ],
    [
      'a number out of range',
      (data) => (country(data, 'UZB').memberships![0]!.since = 1900),
      'countries.json: UZB: memberships[0].since: must be at least 1945, got 1900',
    ],
    [
      'a record that is not an object',
      (data) => (data.organisations as unknown[]).push('sco'),
      'organisations.json: #2: must be a JSON object, got "sco"',
    ],
  ])('%s', (_, breakIt, expected) => {
    expect(messagesAfter(breakIt)).toEqual([expected]);
  });

  it('names a record without a usable id by its position', () => {
    expect(messagesAfter((data) => delete loose(data.sources[2]!).id)).toEqual([
      `participations.json: ${KAZAN}/TJK: sources[0]: unknown source "tass-1682301"`,
      'statements.json: kabulov-kazan-2023-tajikistan: sources[0]: unknown source "tass-1682301"',
      'sources.json: #2: id: is required',
    ]);
  });

  it('reports every problem of every record, not the first one', () => {
    expect(
      messagesAfter((data) => {
        loose(meeting(data)).format = 'zoom';
        delete loose(meeting(data)).city;
        loose(source(data, 'tass-1682511')).publisher = 7;
      }),
    ).toEqual([
      `meetings.json: ${KAZAN}: city: is required`,
      `meetings.json: ${KAZAN}: format: must be one of "in-person", "online", "hybrid", got "zoom"`,
      'sources.json: tass-1682511: publisher: must be a string, got 7',
    ]);
  });
});

describe('unique primary keys', () => {
  it('rejects a duplicate id', () => {
    expect(messagesAfter((data) => data.statements.push(structuredClone(statement(data))))).toEqual([
      `statements.json: ${LAVROV_STATEMENT}: id: duplicate key, already used by record #0`,
    ]);
  });

  it('rejects a duplicate country code', () => {
    expect(messagesAfter((data) => data.countries.push({ iso3: 'IND', isoNumeric: '356', name: 'India again' }))).toEqual([
      'countries.json: IND: iso3: duplicate key, already used by record #8',
      'countries.json: IND: isoNumeric: "356" is already used by record #8 (IND)',
    ]);
  });

  it('rejects a second participation of the same actor in the same meeting', () => {
    expect(messagesAfter((data) => data.participations.push({ ...participation(data, 'PAK'), role: 'guest' }))).toEqual([
      `participations.json: ${KAZAN}/PAK: meeting/actor: duplicate key, already used by record #1`,
    ]);
  });
});

describe('references', () => {
  it.each<[string, (data: FixtureDataset) => void, string[]]>([
    ['meeting host', (data) => (meeting(data).host = 'KAZ'), [`meetings.json: ${KAZAN}: host: unknown country "KAZ"`]],
    [
      'meeting source',
      (data) => (meeting(data).sources = ['mfa-kazan-2023', 'tass-999']),
      [`meetings.json: ${KAZAN}: sources[1]: unknown source "tass-999"`],
    ],
    [
      'outcome source',
      (data) => (meeting(data).outcome!.sources = ['tass-999']),
      [`meetings.json: ${KAZAN}: outcome.sources[0]: unknown source "tass-999"`],
    ],
    [
      'participation meeting',
      (data) => (participation(data, 'PAK').meeting = 'moscow-format-9-nowhere'),
      ['participations.json: moscow-format-9-nowhere/PAK: meeting: unknown meeting "moscow-format-9-nowhere"'],
    ],
    [
      'participation actor (country)',
      (data) => (participation(data, 'PAK').actor = 'KAZ'),
      [`participations.json: ${KAZAN}/KAZ: actor: unknown country "KAZ"`],
    ],
    [
      'participation actor (organisation)',
      (data) => (participation(data, 'PAK').actor = 'sco'),
      [`participations.json: ${KAZAN}/sco: actor: unknown organisation "sco"`],
    ],
    [
      'participation source',
      (data) => (participation(data, 'TJK').sources = ['tass-999']),
      [`participations.json: ${KAZAN}/TJK: sources[0]: unknown source "tass-999"`],
    ],
    [
      'statement actor',
      (data) => (statement(data).actors = ['RUS', 'sco']),
      [`statements.json: ${LAVROV_STATEMENT}: actors[1]: unknown organisation "sco"`],
    ],
    [
      'statement meeting',
      (data) => (statement(data).meeting = 'moscow-format-9-nowhere'),
      [`statements.json: ${LAVROV_STATEMENT}: meeting: unknown meeting "moscow-format-9-nowhere"`],
    ],
    [
      'statement source',
      (data) => (statement(data).sources = ['informeurope-2023-09-30', 'tass-999']),
      [`statements.json: ${LAVROV_STATEMENT}: sources[1]: unknown source "tass-999"`],
    ],
    [
      'quote source that exists but is not among the statement sources',
      (data) => (statement(data).quoteSource = 'mfa-kazan-2023'),
      [`statements.json: ${LAVROV_STATEMENT}: quoteSource: "mfa-kazan-2023" is not one of this statement's sources`],
    ],
    [
      'quote source that does not exist',
      (data) => (statement(data).quoteSource = 'tass-999'),
      [
        `statements.json: ${LAVROV_STATEMENT}: quoteSource: unknown source "tass-999"`,
        `statements.json: ${LAVROV_STATEMENT}: quoteSource: "tass-999" is not one of this statement's sources`,
      ],
    ],
    [
      'variant source',
      (data) => (statement(data).variants![0]!.source = 'tass-999'),
      [`statements.json: ${LAVROV_STATEMENT}: variants[0].source: unknown source "tass-999"`],
    ],
    [
      'membership organisation',
      (data) => (country(data, 'UZB').memberships![0]!.organisation = 'sco'),
      ['countries.json: UZB: memberships[0].organisation: unknown organisation "sco"'],
    ],
    [
      'membership source',
      (data) => (country(data, 'UZB').memberships![0]!.sources = ['tass-999']),
      ['countries.json: UZB: memberships[0].sources[0]: unknown source "tass-999"'],
    ],
    [
      'neighbour source',
      (data) => (country(data, 'CHN').neighbourOfAfghanistan!.sources = ['tass-999']),
      ['countries.json: CHN: neighbourOfAfghanistan.sources[0]: unknown source "tass-999"'],
    ],
    [
      'other border figure source',
      (data) => (country(data, 'IRN').neighbourOfAfghanistan!.otherFigures![0]!.sources = ['tass-999']),
      ['countries.json: IRN: neighbourOfAfghanistan.otherFigures[0].sources[0]: unknown source "tass-999"'],
    ],
    [
      'organisation source',
      (data) => (data.organisations[0]!.sources = ['tass-999']),
      ['organisations.json: csto: sources[0]: unknown source "tass-999"'],
    ],
  ])('%s', (_, breakIt, expected) => {
    expect(messagesAfter(breakIt)).toEqual(expected);
  });

  it('does not call a record dangling when it exists but fails its own schema', () => {
    expect(messagesAfter((data) => (loose(meeting(data)).format = 'zoom'))).toEqual([
      `meetings.json: ${KAZAN}: format: must be one of "in-person", "online", "hybrid", got "zoom"`,
    ]);
  });
});

describe('dates', () => {
  it('rejects a meeting that ends before it starts', () => {
    expect(messagesAfter((data) => (meeting(data).endDate = '2023-09-28'))).toEqual([
      `meetings.json: ${KAZAN}: endDate: 2023-09-28 is before startDate 2023-09-29`,
    ]);
  });

  it("rejects a statement dated outside its meeting's dates", () => {
    expect(messagesAfter((data) => (statement(data).date = '2023-09-30'))).toEqual([
      `statements.json: ${LAVROV_STATEMENT}: date: 2023-09-30 is outside meeting "${KAZAN}" (2023-09-29)`,
    ]);
  });

  it('accepts any day of a meeting that lasts several days, and no other', () => {
    const data = fixtureRecords();
    meeting(data).endDate = '2023-09-30';
    statement(data).date = '2023-09-30';
    expect(messages(data)).toEqual([]);
    statement(data).date = '2023-10-01';
    expect(messages(data)).toEqual([
      `statements.json: ${LAVROV_STATEMENT}: date: 2023-10-01 is outside meeting "${KAZAN}" (2023-09-29 to 2023-09-30)`,
    ]);
  });

  it('rejects a membership that ends before it begins', () => {
    expect(messagesAfter((data) => (country(data, 'UZB').memberships![0]!.until = 2001))).toEqual([
      'countries.json: UZB: memberships[0].until: 2001 is before since 2006',
    ]);
  });
});

describe('hosts', () => {
  it('rejects a host participation by a country that does not host the meeting', () => {
    expect(
      messagesAfter((data) => {
        participation(data, 'RUS').role = 'member';
        participation(data, 'PAK').role = 'host';
      }),
    ).toEqual([`participations.json: ${KAZAN}/PAK: role: is host, but meeting "${KAZAN}" is hosted by RUS`]);
  });

  it('rejects a second host participation in one meeting', () => {
    expect(messagesAfter((data) => (participation(data, 'PAK').role = 'host'))).toEqual([
      `participations.json: ${KAZAN}/PAK: role: is host, but meeting "${KAZAN}" is hosted by RUS`,
      `participations.json: ${KAZAN}/PAK: role: is host, but meeting "${KAZAN}" already has host ${KAZAN}/RUS`,
    ]);
  });

  it('does not require the host country to have a participation', () => {
    expect(messagesAfter((data) => (data.participations = data.participations.filter((p) => p.actor !== 'RUS')))).toEqual([]);
  });
});

describe('sources behind participations and statements', () => {
  it.each<[string, (data: FixtureDataset) => void, string]>([
    [
      'participation with an empty list',
      (data) => (participation(data, 'PAK').sources = []),
      `participations.json: ${KAZAN}/PAK: sources: needs at least one source`,
    ],
    [
      'participation without the field',
      (data) => delete loose(participation(data, 'PAK')).sources,
      `participations.json: ${KAZAN}/PAK: sources: is required`,
    ],
    [
      'statement with an empty list',
      (data) => (statement(data).sources = []),
      `statements.json: ${LAVROV_STATEMENT}: sources: needs at least one source`,
    ],
    [
      'the same source twice',
      (data) => (participation(data, 'PAK').sources = ['mfa-kazan-2023', 'mfa-kazan-2023']),
      `participations.json: ${KAZAN}/PAK: sources: lists the same source twice`,
    ],
  ])('%s', (_, breakIt, expected) => {
    // An empty source list also leaves quoteSource unlisted: only the schema message is asserted here.
    expect(messagesAfter(breakIt)).toContain(expected);
  });
});

describe('source URLs', () => {
  it.each([
    ['ftp://tass.com/politics/1682511'],
    ['/politics/1682511'],
    ['tass.com/politics/1682511'],
    ['javascript:alert(1)'],
    ['https://'],
  ])('rejects %s', (url) => {
    expect(messagesAfter((data) => (source(data, 'tass-1682511').url = url))).toEqual([
      `sources.json: tass-1682511: url: ${JSON.stringify(url)} must be an absolute http(s) URL`,
    ]);
  });

  it('accepts plain http', () => {
    expect(messagesAfter((data) => (source(data, 'tass-1682511').url = 'http://tass.com/politics/1682511'))).toEqual([]);
  });
});

describe('the neighbour list against Natural Earth', () => {
  it('reports a neighbour whose flag was removed', () => {
    expect(messagesAfter((data) => (country(data, 'TJK').neighbourOfAfghanistan = null))).toEqual([
      'countries.json: TJK: neighbourOfAfghanistan: is not set, but Natural Earth draws a border with Afghanistan',
    ]);
  });

  it('reports a country flagged as a neighbour that has no border with Afghanistan', () => {
    expect(
      messagesAfter(
        (data) => (country(data, 'IND').neighbourOfAfghanistan = { borderKm: 106, sources: ['cia-factbook-afghanistan'] }),
      ),
    ).toEqual(['countries.json: IND: neighbourOfAfghanistan: is set, but Natural Earth draws no border with Afghanistan']);
  });

  it('reports a neighbour missing from countries.json', () => {
    expect(messagesAfter((data) => (data.countries = data.countries.filter((c) => c.iso3 !== 'TKM')))).toEqual([
      'countries.json: TKM: no record, but Natural Earth draws a border with Afghanistan (isoNumeric "795", "Turkmenistan")',
    ]);
  });

  it('reports a numeric code that does not belong to the country, which would break the mapping', () => {
    expect(messagesAfter((data) => (country(data, 'UZB').isoNumeric = '398'))).toEqual([
      'countries.json: UZB: isoNumeric: "398" is not the ISO 3166-1 numeric code of UZB ("860")',
    ]);
  });
});

describe('whole files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'data-check-'));
    await writeDataset(dir, fixtureRecords());
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const messagesIn = async (directory: string) => (await checkDataset(directory)).issues.map(formatIssue);

  it('reads a valid directory', async () => {
    const { issues, dataset } = await checkDataset(dir);
    expect(issues).toEqual([]);
    expect(dataset?.statements[0]?.id).toBe(LAVROV_STATEMENT);
  });

  it('reports invalid JSON with its line and column, and skips references into that file', async () => {
    const file = path.join(dir, 'sources.json');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('"publisher": "TASS",', '"publisher": "TASS"'));
    expect(await messagesIn(dir)).toEqual([
      `sources.json: invalid JSON at line 12, column 5: expected ',' or '}', found '"'`,
    ]);
  });

  it('reports a file that is not an array', async () => {
    await writeFile(path.join(dir, 'meetings.json'), '{ "meetings": [] }\n');
    expect(await messagesIn(dir)).toEqual(['meetings.json: must be a JSON array of records, got an object']);
  });

  it('reports a missing file', async () => {
    await rm(path.join(dir, 'organisations.json'));
    expect(await messagesIn(dir)).toEqual(['organisations.json: file not found']);
  });

  it('reports a missing directory', async () => {
    const missing = path.join(dir, 'nope');
    expect(await messagesIn(missing)).toEqual([`${missing}: no such directory`]);
  });

  it('accepts a file saved with a byte-order mark', async () => {
    const file = path.join(dir, 'meetings.json');
    await writeFile(file, `\uFEFF${await readFile(file, 'utf8')}`);
    expect(await messagesIn(dir)).toEqual([]);
  });

  it('checks raw JSON that is not an array without reading files', () => {
    const data = { ...fixtureRecords(), statements: null };
    expect(checkRawDataset(data).issues.map(formatIssue)).toEqual([
      'statements.json: must be a JSON array of records, got null',
    ]);
  });
});

describe('the curated data in data/records/', () => {
  it('passes every check', async () => {
    const { issues } = await checkDataset(recordsDir);
    expect(issues.map(formatIssue)).toEqual([]);
  });
});

const person = (data: FixtureDataset, id: string) => data.people.find((p) => p.id === id)!;

describe('people, offices and speakers', () => {
  it.each<[string, (data: FixtureDataset) => void, string]>([
    [
      'a speaker whose person id does not resolve',
      (data) => (statement(data).speaker = { person: 'sergei-lavrov' }),
      `statements.json: ${LAVROV_STATEMENT}: speaker.person: unknown person "sergei-lavrov"`,
    ],
    [
      'a head of delegation whose person id does not resolve',
      (data) => (participation(data, 'RUS').headOfDelegation = { person: 'kabulov' }),
      `participations.json: ${KAZAN}/RUS: headOfDelegation.person: unknown person "kabulov"`,
    ],
    [
      'an office whose dates do not cover the statement',
      (data) => (person(data, 'sergey-lavrov').offices[0]!.to = '2023-09-28'),
      `statements.json: ${LAVROV_STATEMENT}: speaker.person: "sergey-lavrov" has no office whose dates cover 2023-09-29`,
    ],
    [
      'a head of delegation whose only office ended before the meeting',
      (data) => Object.assign(person(data, 'zamir-kabulov').offices[0]!, { to: '2022-01', sources: ['mfa-kazan-2023'] }),
      `participations.json: ${KAZAN}/RUS: headOfDelegation.person: "zamir-kabulov" has no office whose dates cover 2023-09-29`,
    ],
    [
      'a speaker named twice, by person and by name',
      (data) => (statement(data).speaker = { person: 'sergey-lavrov', name: 'Sergey Lavrov' }),
      `statements.json: ${LAVROV_STATEMENT}: speaker.name: comes from the person record: leave it out when "person" is given`,
    ],
    [
      'a speaker with neither person nor name',
      (data) => (statement(data).speaker = {}),
      `statements.json: ${LAVROV_STATEMENT}: speaker.person: is required, or "name" for an unnamed speaker`,
    ],
    [
      'office dates without a source',
      (data) => (person(data, 'zamir-kabulov').offices[0]!.from = '2011-03'),
      'people.json: zamir-kabulov: offices[0].sources: needs a source for its dates',
    ],
    [
      'an office that ends before it starts',
      (data) => (person(data, 'sergey-lavrov').offices[0]!.to = '2004-02'),
      'people.json: sergey-lavrov: offices[0].to: 2004-02 is before from 2004-03-09',
    ],
    [
      'a person speaking for an unknown actor',
      (data) => (person(data, 'sergey-lavrov').actor = 'SUN'),
      'people.json: sergey-lavrov: actor: unknown country "SUN"',
    ],
  ])('%s', (_name, breakIt, expected) => {
    expect(messagesAfter(breakIt)).toEqual([expected]);
  });

  it('a speaker holding no office at the time is refused, whatever the other offices', () => {
    const found = messagesAfter((data) => {
      person(data, 'sergey-lavrov').offices = [
        { title: 'Ambassador to the UN', from: '1994-04', to: '2004-03', sources: ['mfa-kazan-2023'] },
      ];
    });
    expect(found).toEqual([
      `statements.json: ${LAVROV_STATEMENT}: speaker.person: "sergey-lavrov" has no office whose dates cover 2023-09-29`,
      'statements.json: lavrov-tehran-2021-neighbours: speaker.person: "sergey-lavrov" has no office whose dates cover 2021-10-27',
    ]);
  });
});

describe('dates known only to the month', () => {
  it('accepts YYYY-MM on a statement, inside its meeting when the month overlaps it', () => {
    expect(messagesAfter((data) => (statement(data).date = '2023-09'))).toEqual([]);
  });

  it.each<[string, string, string]>([
    ['a month-precision date written with day 00', '2023-09-00', '"2023-09-00" has day 00: a date known only to the month is written YYYY-MM'],
    ['a month that does not exist', '2023-13', '"2023-13" is not a real calendar date'],
  ])('%s', (_name, date, message) => {
    expect(messagesAfter((data) => (statement(data).date = date))).toEqual([`statements.json: ${LAVROV_STATEMENT}: date: ${message}`]);
  });

  it('refuses a month that misses the meeting', () => {
    expect(messagesAfter((data) => (statement(data).date = '2023-10'))).toEqual([
      `statements.json: ${LAVROV_STATEMENT}: date: 2023-10 is outside meeting "${KAZAN}" (2023-09-29)`,
    ]);
  });
});

describe('reader text and citations', () => {
  it.each<[string, (data: FixtureDataset) => void, string]>([
    [
      'a research mark in a reason',
      (data) => (participation(data, 'TJK').confidence = { level: 'disputed', reason: 'Present per nCa [P].' }),
      `participations.json: ${KAZAN}/TJK: confidence.reason: is shown to readers but contains "[P]" (a research mark): put research notes in curatorNote`,
    ],
    [
      'curator wording in a note',
      (data) => (source(data, 'informeurope-2023-09-30').note = 'date from the URL'),
      'sources.json: informeurope-2023-09-30: note: is shown to readers but contains "date from the URL" (a research note about the date): put research notes in curatorNote',
    ],
    [
      'a field name in a stance summary',
      (data) => (((statement(data).stances ?? [])[0]!.summary = 'See quoteSource.')),
      `statements.json: ${LAVROV_STATEMENT}: stances[0].summary: is shown to readers but contains "quoteSource" (a field name of the data schema): put research notes in curatorNote`,
    ],
    [
      'an empty title',
      (data) => (source(data, 'tass-1682511').title = ' '),
      'sources.json: tass-1682511: title: must not be empty',
    ],
    [
      'a URL naming the default port',
      (data) => (source(data, 'tass-1682511').url = 'https://tass.com:443/politics/1682511'),
      'sources.json: tass-1682511: url: "https://tass.com:443/politics/1682511" names the default port (":443" or ":80"): leave it out',
    ],
    [
      'a URL with a doubled slash in its path',
      (data) => (source(data, 'tass-1682511').url = 'https://tass.com/politics//1682511'),
      'sources.json: tass-1682511: url: "https://tass.com/politics//1682511" has "//" inside its path',
    ],
    [
      'a numbered round that does not follow its series title',
      (data) => (meeting(data).title = '5th Meeting of the Moscow Format of Consultations on Afghanistan'),
      `meetings.json: ${KAZAN}: title: must be "5th meeting of the Moscow Format consultations on Afghanistan" (one title pattern per series)`,
    ],
  ])('%s', (_name, breakIt, expected) => {
    expect(messagesAfter(breakIt)).toEqual([expected]);
  });

  it('leaves curator notes, verbatim quotes and codes alone', () => {
    const found = messagesAfter((data) => {
      statement(data).curatorNote = 'The fact sheet marks this [C]; coded as spoken.';
      participation(data, 'TJK').role = 'invited-absent';
    });
    expect(found).toEqual([]);
  });

  it('a related conference has no round', () => {
    const found = messagesAfter((data) => Object.assign(meeting(data), { series: 'other', round: 5 }));
    expect(found).toEqual([`meetings.json: ${KAZAN}: round: must be null for a related conference (series "other" has no rounds)`]);
  });
});

describe('what fits in a database item', () => {
  it('names a record too large to store', () => {
    const found = messagesAfter((data) => (statement(data).quote = 'x'.repeat(20_000)));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^statements.json: ${LAVROV_STATEMENT}: is \\d+ bytes, over the 16000 one record may take$`));
  });

  it('names the country whose document would gather too much', () => {
    const found = messagesAfter((data) => {
      const template = statement(data);
      for (let i = 0; i < 40; i += 1) data.statements.push({ ...template, id: `bulk-${i}`, quote: 'y'.repeat(9_000) });
    });
    expect(found.some((line) => /^countries.json: RUS: its document would gather about \d+ KB/.test(line))).toBe(true);
    expect(found.every((line) => !line.startsWith('statements.json'))).toBe(true);
  });
});
