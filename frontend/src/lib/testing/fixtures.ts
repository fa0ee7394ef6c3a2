/** A small overview in the API's shape, for the unit tests. */
import type { Overview, OverviewAttendee, OverviewMeeting } from '../../../../data/schema/api.ts';

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

const country = (iso3: string, name: string, neighbourBorderKm: number | null = null) => ({
  iso3,
  name,
  neighbourBorderKm,
  meetings: [],
  latestStances: {},
});

export const overview: Overview = {
  dataVersion: 'test',
  currentTo: '2026-12',
  countries: [
    country('AFG', 'Afghanistan'),
    { ...country('CHN', 'China', 91), latestStances: { 'foreign-military-presence': { stance: 'opposes', statementId: 's-1', date: '2025-10-07' } } },
    { ...country('IRN', 'Iran', 921), latestStances: { 'foreign-military-presence': { stance: 'mixed', statementId: 's-2', date: '2024-10-04' } } },
    country('PAK', 'Pakistan', 2670),
    country('TJK', 'Tajikistan', 1357),
    country('TKM', 'Turkmenistan', 804),
    country('UZB', 'Uzbekistan', 144),
    { ...country('RUS', 'Russia'), latestStances: { 'foreign-military-presence': { stance: 'opposes', statementId: 's-3', date: '2025-10-07' } } },
    country('BLR', 'Belarus'),
    country('KAZ', 'Kazakhstan'),
  ],
  organisations: [
    { id: 'csto', name: 'Collective Security Treaty Organization', shortName: 'CSTO', statementCount: 1 },
    { id: 'sco', name: 'Shanghai Cooperation Organisation', shortName: 'SCO', statementCount: 0 },
  ],
  meetings: [round6, conference, round7],
};
