import { describe, expect, it } from 'vitest';
import { participationRoles } from '../../../../data/schema/labels.ts';
import { attendee, conference, meeting, overview, round6, round7 } from '../testing/fixtures.ts';
import {
  attendeesByRole,
  certaintyOf,
  compareRounds,
  comparedWith,
  earlierMeetings,
  groupByReason,
  meetingFacts,
  previousRound,
} from './rounds.ts';

const neighbours = new Set(['CHN', 'IRN', 'PAK', 'TJK', 'TKM', 'UZB']);

describe('certaintyOf', () => {
  it('puts "partly" and "unconfirmed" together as not confirmed, and keeps "disputed" apart', () => {
    expect(certaintyOf({ confidence: { level: 'confirmed' } })).toBe('confirmed');
    expect(certaintyOf({ confidence: { level: 'partly', reason: 'r' } })).toBe('not-confirmed');
    expect(certaintyOf({ confidence: { level: 'unconfirmed', reason: 'r' } })).toBe('not-confirmed');
    expect(certaintyOf({ confidence: { level: 'disputed', reason: 'r' } })).toBe('disputed');
  });
});

describe('previousRound', () => {
  it('is the latest earlier meeting of the same series', () => {
    expect(previousRound(overview.meetings, round7)?.id).toBe(round6.id);
  });

  it('is null for the first round and for one-off conferences', () => {
    expect(previousRound(overview.meetings, round6)).toBeNull();
    expect(previousRound(overview.meetings, conference)).toBeNull();
  });
});

describe('compareRounds', () => {
  it('finds who joined, left and changed role, and who stayed the same', () => {
    const changes = compareRounds(round6, round7);
    const byActor = Object.fromEntries(changes.map((c) => [c.actor, [c.change, c.before, c.after]]));
    expect(byActor).toEqual({
      // invited but absent before, a guest now: joined
      BLR: ['joined', 'invited-absent', 'guest'],
      KAZ: ['joined', null, 'member'],
      PAK: ['joined', null, 'member'],
      UZB: ['joined', null, 'member'],
      csto: ['joined', null, 'guest'],
      sco: ['joined', null, 'guest'],
      // a member before, invited but absent now: left
      IRN: ['left', 'member', 'invited-absent'],
      TKM: ['role-changed', 'guest', 'member'],
      AFG: ['unchanged', 'member', 'member'],
      CHN: ['unchanged', 'member', 'member'],
      RUS: ['unchanged', 'host', 'host'],
    });
    expect(changes.map((c) => c.change)).toEqual([
      'joined', 'joined', 'joined', 'joined', 'joined', 'joined', 'left', 'role-changed', 'unchanged', 'unchanged', 'unchanged',
    ]);
  });

  it('counts a role that is not confirmed as attendance, and marks the change as not confirmed', () => {
    const confirmed = Object.fromEntries(compareRounds(round6, round7).map((c) => [c.actor, c.confirmed]));
    expect(confirmed).toEqual({
      BLR: true,
      PAK: true,
      csto: true,
      IRN: true,
      AFG: true,
      RUS: true,
      KAZ: false, // unconfirmed now
      UZB: false,
      sco: false, // partly now
      TKM: false, // disputed now
      CHN: false, // unconfirmed at the previous round
    });
  });

  it('reverses: joined one way is left the other way', () => {
    const forward = compareRounds(round6, round7);
    const backward = compareRounds(round7, round6);
    const joined = forward.filter((c) => c.change === 'joined').map((c) => c.actor);
    const left = backward.filter((c) => c.change === 'left').map((c) => c.actor);
    expect(left).toEqual(joined);
    expect(backward.map((c) => [c.actor, c.confirmed])).toEqual(expect.arrayContaining(forward.map((c) => [c.actor, c.confirmed])));
  });
});

describe('meetingFacts', () => {
  it('counts attendance and neighbours present by certainty, and who did not endorse', () => {
    const facts = meetingFacts(round7, neighbours);
    expect(facts.attended).toEqual({ confirmed: 6, notConfirmed: 3, disputed: 1 });
    // CHN and PAK confirmed, UZB not confirmed, TKM disputed; Iran was invited but absent
    expect(facts.neighboursAttended).toEqual({ confirmed: 2, notConfirmed: 1, disputed: 1 });
    expect(facts.notEndorsing).toEqual(['PAK']);
    expect(facts.endorsementUnknown).toEqual(['BLR', 'KAZ', 'UZB']);
    expect(facts.uncertain.map((a) => a.actor)).toEqual(['TKM', 'KAZ', 'UZB', 'sco']);
  });

  it('lists an absence that is disputed with the uncertain records, but never counts it as attendance', () => {
    const absent = meeting('m', '2025-01-01', [
      attendee('RUS', 'host'),
      attendee('TKM', 'invited-absent', { confidence: { level: 'disputed', reason: 'lists differ' } }),
    ]);
    const facts = meetingFacts(absent, neighbours);
    expect(facts.attended).toEqual({ confirmed: 1, notConfirmed: 0, disputed: 0 });
    expect(facts.uncertain.map((a) => a.actor)).toEqual(['TKM']);
  });
});

describe('attendeesByRole', () => {
  it('lists each role with the confirmed first, then the not confirmed, then the disputed', () => {
    const lines = attendeesByRole(round7, participationRoles).map((l) => [l.role, l.certainty, l.attendees.map((a) => a.actor)]);
    expect(lines).toEqual([
      ['host', 'confirmed', ['RUS']],
      ['member', 'confirmed', ['AFG', 'CHN', 'PAK']],
      ['member', 'not-confirmed', ['KAZ', 'UZB']],
      ['member', 'disputed', ['TKM']],
      ['guest', 'confirmed', ['BLR', 'csto']],
      ['guest', 'not-confirmed', ['sco']],
      ['invited-absent', 'confirmed', ['IRN']],
    ]);
  });
});

describe('groupByReason', () => {
  it('puts the records of one role that share a reason together, in first-seen order', () => {
    const invited = { level: 'unconfirmed', reason: 'Invited only.' } as const;
    const groups = groupByReason([
      ...meetingFacts(round7, neighbours).uncertain,
      attendee('KGZ', 'guest', { confidence: invited }),
    ]);
    expect(groups.map((g) => [g.role, g.certainty, g.reason, g.attendees.map((a) => a.actor)])).toEqual([
      ['member', 'disputed', 'reports differ', ['TKM']],
      ['member', 'not-confirmed', 'Invited; no source confirms that it attended.', ['KAZ', 'UZB']],
      ['guest', 'not-confirmed', 'Named in advance as a speaker.', ['sco']],
      ['guest', 'not-confirmed', 'Invited only.', ['KGZ']],
    ]);
  });
});

describe('comparedWith', () => {
  const round5 = meeting('moscow-format-5-kazan-2023', '2023-09-29', [attendee('RUS', 'host')]);
  const meetings = [round5, round6, conference, round7];

  it('is the chosen earlier meeting, of any series', () => {
    expect(comparedWith(meetings, round7, round5.id)?.id).toBe(round5.id);
    expect(comparedWith(meetings, round7, conference.id)?.id).toBe(conference.id);
  });

  it('falls back to the previous round for no choice, an unknown id, the meeting itself or a later one', () => {
    for (const compare of [null, 'nope', round7.id]) expect(comparedWith(meetings, round7, compare)?.id).toBe(round6.id);
    expect(comparedWith(meetings, round6, round7.id)?.id).toBe(round5.id);
  });

  it('offers every earlier meeting, newest first', () => {
    expect(earlierMeetings(meetings, round7).map((m) => m.id)).toEqual([conference.id, round6.id, round5.id]);
  });
});
