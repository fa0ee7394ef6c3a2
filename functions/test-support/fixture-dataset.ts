/**
 * A small, self-contained dataset for tests, written from the curated research: the
 * Kazan 2023 round of the Moscow Format and the Tehran 2021 neighbours' meeting, a few statements, one by
 * an organisation. Tests use it so they do not depend on how far data/records/ has been written.
 */
import { parseDataset, type RawDataset } from '../../data/load.ts';
import type { Dataset } from '../../data/schema/domain.ts';

const confirmed = { level: 'confirmed' } as const;

export const kazanMeetingId = 'moscow-format-5-kazan-2023';
export const tehranMeetingId = 'neighbours-fm-2-tehran-2021';

export function rawFixtureDataset(): RawDataset {
  return {
    sources: [
      {
        id: 'mfa-kazan-press-release',
        publisher: 'Russian Ministry of Foreign Affairs',
        url: 'https://rfembassy.ru/eng/lm/news/press_releases/?cid=0&rid=524',
        title: null,
        published: '2023-09-29',
      },
      {
        id: 'tass-1682301',
        publisher: 'TASS',
        url: 'https://tass.com/politics/1682301',
        title: null,
        published: '2023-09-29',
      },
      {
        id: 'silkway-lavrov-kazan',
        publisher: 'Silk Way News',
        url: 'https://www.silkway.news/lavrov-russian-federation-does-not-128361/',
        title: null,
        published: null,
      },
      {
        id: 'tass-1354561',
        publisher: 'TASS',
        url: 'https://tass.com/politics/1354561',
        title: null,
        published: '2021-10-27',
      },
      {
        id: 'fmprc-tehran-joint-statement',
        publisher: 'Ministry of Foreign Affairs of the PRC',
        url: 'https://www.fmprc.gov.cn/mfa_eng/wjb_663304/wjbz_663308/activities_663312/202110/t20211030_10404009.html',
        title: 'Joint Statement of the Second Foreign Ministers Meeting of Afghanistan Neighboring Countries',
        published: '2021-10-27',
      },
      {
        id: 'csto-example',
        publisher: 'CSTO',
        url: 'https://en.odkb-csto.org/',
        title: null,
        published: null,
        note: 'fixture source for tests',
        archived: 'https://web.archive.org/web/2024/https://en.odkb-csto.org/',
        curatorNote: 'fixture curator note',
      },
    ],
    organisations: [
      { id: 'csto', name: 'Collective Security Treaty Organization', shortName: 'CSTO', sources: ['csto-example'] },
      { id: 'un', name: 'United Nations', shortName: 'UN' },
    ],
    countries: [
      { iso3: 'AFG', isoNumeric: '004', name: 'Afghanistan' },
      neighbour('CHN', '156', 'China', 91),
      { iso3: 'IND', isoNumeric: '356', name: 'India' },
      neighbour('IRN', '364', 'Iran', 921),
      neighbour('PAK', '586', 'Pakistan', 2670),
      {
        iso3: 'RUS',
        isoNumeric: '643',
        name: 'Russia',
        memberships: [{ organisation: 'csto', status: 'member', since: 2002, sources: ['csto-example'] }],
      },
      {
        ...neighbour('TJK', '762', 'Tajikistan', 1357),
        memberships: [{ organisation: 'csto', status: 'member', since: 2002, sources: ['csto-example'] }],
      },
      neighbour('TKM', '795', 'Turkmenistan', 804),
      neighbour('UZB', '860', 'Uzbekistan', 144),
    ],
    meetings: [
      {
        id: kazanMeetingId,
        series: 'moscow-format',
        round: 5,
        title: '5th meeting of the Moscow Format consultations on Afghanistan',
        startDate: '2023-09-29',
        endDate: '2023-09-29',
        city: 'Kazan',
        host: 'RUS',
        format: 'in-person',
        outcome: {
          name: 'Kazan Declaration',
          adopted: 'yes',
          rejectsForeignMilitaryInfrastructure: 'unknown',
          sources: ['mfa-kazan-press-release'],
        },
        confidence: confirmed,
        sources: ['mfa-kazan-press-release'],
      },
      {
        id: tehranMeetingId,
        series: 'neighbours-foreign-ministers',
        round: 2,
        title: "2nd meeting of the foreign ministers of Afghanistan's neighbouring countries",
        startDate: '2021-10-27',
        endDate: '2021-10-27',
        city: 'Tehran',
        host: 'IRN',
        format: 'hybrid',
        outcome: {
          name: 'Joint statement',
          adopted: 'yes',
          rejectsForeignMilitaryInfrastructure: 'unknown',
          sources: ['fmprc-tehran-joint-statement'],
        },
        confidence: confirmed,
        sources: ['fmprc-tehran-joint-statement'],
      },
    ],
    participations: [
      kazan('RUS', 'host', 'yes', {
        level: 'special-representative',
        headOfDelegation: { name: 'Zamir Kabulov', office: 'Presidential Special Representative for Afghanistan' },
      }),
      kazan('CHN', 'member', 'yes'),
      kazan('IND', 'member', 'yes'),
      kazan('IRN', 'member', 'yes'),
      kazan('PAK', 'member', 'yes'),
      kazan('UZB', 'member', 'yes'),
      kazan('AFG', 'guest', 'yes', {
        level: 'minister',
        headOfDelegation: { name: 'Amir Khan Muttaqi', office: 'Acting Foreign Minister' },
      }),
      kazan('TJK', 'member', 'no', {
        confidence: {
          level: 'disputed',
          reason: 'Listed as present by nCa and Business-Gazeta, absent from the MFA press release.',
        },
        sources: ['mfa-kazan-press-release', 'tass-1682301'],
      }),
      tehran('IRN', 'host'),
      tehran('PAK', 'member'),
      tehran('TJK', 'member'),
      tehran('CHN', 'by-video'),
      tehran('RUS', 'by-video'),
      tehran('un', 'by-video'),
      tehran('AFG', 'invited-absent', {
        endorsedOutcome: 'unknown',
        confidence: { level: 'partly', reason: 'Iran said the Taliban had asked to attend.' },
      }),
    ],
    people: [
      {
        id: 'sergey-lavrov',
        name: 'Sergey Lavrov',
        aliases: ['Sergei Lavrov'],
        actor: 'RUS',
        offices: [{ title: 'Minister of Foreign Affairs of Russia', from: '2004-03-09', to: null, sources: ['tass-1354561'] }],
        curatorNote: 'fixture person',
      },
    ],
    coverage: [
      {
        id: 'moscow-format-2026',
        topic: 'An eighth round of the Moscow Format',
        searched: '2026-12-01',
        queries: ['eighth meeting Moscow format'],
        found: false,
        result: 'No report of an eighth round was found.',
      },
    ],
    statements: [
      {
        id: 'lavrov-kazan-2023-infrastructure',
        speaker: { person: 'sergey-lavrov' },
        actors: ['RUS'],
        date: '2023-09-29',
        meeting: kazanMeetingId,
        quote:
          'We consider unacceptable the deployment of military infrastructure of third countries in Afghanistan and neighbouring states.',
        quoteSource: 'silkway-lavrov-kazan',
        delivery: 'written-message-read',
        readBy: 'Zamir Kabulov',
        stances: [
          {
            topic: 'foreign-military-presence',
            stance: 'opposes',
            summary: 'US/NATO military infrastructure in or around Afghanistan',
          },
        ],
        confidence: { level: 'partly', reason: 'Fixture wording, not the verbatim text.' },
        sources: ['silkway-lavrov-kazan'],
      },
      {
        id: 'kabulov-kazan-2023-tajikistan',
        speaker: { name: 'Zamir Kabulov', office: 'Presidential Special Representative for Afghanistan' },
        actors: ['RUS'],
        date: '2023-09-29',
        meeting: kazanMeetingId,
        quote: 'almost everybody has signed off on the Kazan Declaration, except Tajikistan',
        quoteSource: 'tass-1682301',
        delivery: 'spoken',
        stances: [{ topic: 'regional-dialogue', stance: 'supports', summary: 'The Kazan Declaration' }],
        confidence: confirmed,
        sources: ['tass-1682301'],
      },
      {
        id: 'lavrov-tehran-2021-neighbours',
        speaker: { person: 'sergey-lavrov' },
        actors: ['RUS'],
        date: '2021-10-27',
        meeting: tehranMeetingId,
        quote:
          "We once again call on Afghanistan's neighboring countries to prevent the military presence of the US and NATO on their territory",
        quoteSource: 'tass-1354561',
        delivery: 'spoken',
        stances: [
          { topic: 'foreign-military-presence', stance: 'opposes', summary: 'US and NATO forces in the neighbours' },
        ],
        confidence: confirmed,
        sources: ['tass-1354561'],
      },
      {
        id: 'tehran-2021-joint-statement',
        speaker: { name: 'Foreign ministers', office: null },
        actors: ['IRN', 'PAK', 'TJK'],
        date: '2021-10-27',
        meeting: tehranMeetingId,
        quote: 'countries primarily responsible for the difficulties in Afghanistan should earnestly deliver on their commitment',
        quoteSource: 'fmprc-tehran-joint-statement',
        delivery: 'joint-statement',
        stances: [
          {
            topic: 'reconstruction-responsibility',
            stance: 'supports',
            summary: 'Those responsible should pay for reconstruction',
          },
        ],
        confidence: confirmed,
        sources: ['fmprc-tehran-joint-statement'],
      },
      {
        id: 'csto-2022-southern-border',
        speaker: { name: 'CSTO Secretariat', office: null },
        actors: ['csto'],
        date: '2022-05-16',
        meeting: null,
        quote: 'The situation on the southern borders of the CSTO remains a concern.',
        quoteSource: 'csto-example',
        delivery: 'written',
        stances: [{ topic: 'regional-security', stance: 'mixed', summary: 'Threats from Afghanistan' }],
        confidence: { level: 'unconfirmed', reason: 'Fixture statement for tests.' },
        sources: ['csto-example'],
      },
    ],
  };
}

export function fixtureDataset(): Dataset {
  return parseDataset(rawFixtureDataset());
}

function neighbour(iso3: string, isoNumeric: string, name: string, borderKm: number) {
  return { iso3, isoNumeric, name, neighbourOfAfghanistan: { borderKm, sources: ['mfa-kazan-press-release'] } };
}

function kazan(actor: string, role: string, endorsedOutcome: string, extra: Record<string, unknown> = {}) {
  return {
    meeting: kazanMeetingId,
    actor,
    role,
    endorsedOutcome,
    confidence: confirmed,
    sources: ['mfa-kazan-press-release'],
    ...extra,
  };
}

function tehran(actor: string, role: string, extra: Record<string, unknown> = {}) {
  return {
    meeting: tehranMeetingId,
    actor,
    role,
    endorsedOutcome: 'yes',
    confidence: confirmed,
    sources: ['fmprc-tehran-joint-statement'],
    ...extra,
  };
}
