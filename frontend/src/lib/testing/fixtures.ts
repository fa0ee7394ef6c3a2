/** A small overview in the API's shape, for the unit tests. */
import type { Overview, OverviewAttendee, OverviewCountry, OverviewMeeting, StanceRecord } from '../../../../data/schema/api.ts';

const confirmed = { level: 'confirmed' } as const;
/** Moscow 2018's case: invited, and no source confirms that it came. */
const invitedOnly = { level: 'unconfirmed', reason: 'Invited; no source confirms that it attended.' } as const;

export function attendee(actor: string, role: OverviewAttendee['role'], extra: Partial<OverviewAttendee> = {}): OverviewAttendee {
  return {
    actor,
    kind: /^[A-Z]{3}$/.test(actor) ? 'country' : 'organisation',
    role,
    endorsedOutcome: 'yes',
    confidence: confirmed,
    ...extra,
  };
}

export function meeting(id: string, startDate: string, attendees: OverviewAttendee[], extra: Partial<OverviewMeeting> = {}): OverviewMeeting {
  return {
    id,
    series: 'moscow-format',
    round: null,
    title: id,
    startDate,
    endDate: startDate,
    city: 'Moscow',
    host: 'RUS',
    format: 'in-person',
    outcome: { name: 'Joint statement', adopted: 'yes', rejectsForeignMilitaryInfrastructure: 'yes' },
    attendees,
    ...extra,
  };
}

export const round6 = meeting('moscow-format-6-moscow-2024', '2024-10-04', [
  attendee('RUS', 'host'),
  attendee('AFG', 'member'),
  attendee('CHN', 'member', { confidence: invitedOnly }),
  attendee('IRN', 'member'),
  attendee('TKM', 'guest'),
  attendee('BLR', 'invited-absent'),
]);

export const round7 = meeting('moscow-format-7-moscow-2025', '2025-10-07', [
  attendee('RUS', 'host'),
  attendee('AFG', 'member'),
  attendee('CHN', 'member'),
  attendee('TKM', 'member', { confidence: { level: 'disputed', reason: 'reports differ' } }),
  attendee('BLR', 'guest', { endorsedOutcome: 'unknown' }),
  attendee('IRN', 'invited-absent'),
  attendee('PAK', 'member', { endorsedOutcome: 'no' }),
  attendee('KAZ', 'member', { confidence: invitedOnly, endorsedOutcome: 'unknown' }),
  attendee('UZB', 'member', { confidence: invitedOnly, endorsedOutcome: 'unknown' }),
  attendee('csto', 'guest'),
  attendee('sco', 'guest', { confidence: { level: 'partly', reason: 'Named in advance as a speaker.' } }),
]);

export const conference = meeting('minsk-eurasian-security-2024', '2024-10-31', [attendee('BLR', 'host')], {
  series: 'other',
  city: 'Minsk',
  host: 'BLR',
  outcome: null,
});

/** One official stance; the speaker is named for the table. */
export function stance(
  topic: StanceRecord['topic'],
  value: StanceRecord['stance'],
  date: string,
  statementId: string,
  delivery: StanceRecord['delivery'] = 'spoken',
  actorCount = delivery === 'joint-statement' ? 10 : 1,
): StanceRecord {
  const speaker = { name: `Speaker of ${statementId}`, office: 'Minister', person: null };
  return { topic, stance: value, date, statementId, speaker, delivery, actorCount };
}

/** A country with its stance history (newest first); the latest stance per topic follows from it, as the API's does. */
const country = (iso3: string, name: string, neighbourBorderKm: number | null = null, stances: StanceRecord[] = []): OverviewCountry => {
  const latestStances: OverviewCountry['latestStances'] = {};
  for (const { topic, stance: value, statementId, date } of stances) latestStances[topic] ??= { stance: value, statementId, date };
  return { iso3, name, neighbourBorderKm, meetings: [], latestStances, stances };
};

const presence = 'foreign-military-presence';

export const overview: Overview = {
  dataVersion: 'test',
  currentTo: '2026-12',
  countries: [
    country('AFG', 'Afghanistan'),
    // A joint statement now; its own words before round 6.
    country('CHN', 'China', 91, [stance(presence, 'opposes', '2025-10-07', 's-1', 'joint-statement'), stance(presence, 'mixed', '2021-03', 's-0')]),
    country('IRN', 'Iran', 921, [stance(presence, 'mixed', '2024-10-04', 's-2'), stance('narcotics', 'opposes', '2024-10-04', 's-5', 'written', 4)]),
    country('PAK', 'Pakistan', 2670),
    country('TJK', 'Tajikistan', 1357),
    country('TKM', 'Turkmenistan', 804),
    country('UZB', 'Uzbekistan', 144),
    // Nothing before round 6: its first stance comes after it.
    country('RUS', 'Russia', null, [stance(presence, 'opposes', '2025-10-07', 's-3'), stance(presence, 'supports', '2024-12-01', 's-4', 'written')]),
    country('BLR', 'Belarus'),
    country('KAZ', 'Kazakhstan'),
  ],
  organisations: [
    { id: 'csto', name: 'Collective Security Treaty Organization', shortName: 'CSTO', statementCount: 1 },
    { id: 'sco', name: 'Shanghai Cooperation Organisation', shortName: 'SCO', statementCount: 0 },
  ],
  meetings: [round6, conference, round7],
};
