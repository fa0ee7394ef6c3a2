import { describe, expect, it } from 'vitest';
import { conference, overview, round6, round7 } from '../testing/fixtures.ts';
import { compareRounds, meetingFacts, previousRound } from './rounds.ts';

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
      PAK: ['joined', null, 'member'],
      csto: ['joined', null, 'guest'],
      // a member before, invited but absent now: left
      IRN: ['left', 'member', 'invited-absent'],
      TKM: ['role-changed', 'guest', 'member'],
      AFG: ['unchanged', 'member', 'member'],
      CHN: ['unchanged', 'member', 'member'],
      RUS: ['unchanged', 'host', 'host'],
    });
    expect(changes.map((c) => c.change)).toEqual([
      'joined', 'joined', 'joined', 'left', 'role-changed', 'unchanged', 'unchanged', 'unchanged',
    ]);
  });

  it('reverses: joined one way is left the other way', () => {
    const forward = compareRounds(round6, round7);
    const backward = compareRounds(round7, round6);
    const joined = forward.filter((c) => c.change === 'joined').map((c) => c.actor);
    const left = backward.filter((c) => c.change === 'left').map((c) => c.actor);
    expect(left).toEqual(joined);
  });
});

describe('meetingFacts', () => {
  it('counts attendance, neighbours present and who did not endorse', () => {
    const neighbours = new Set(['CHN', 'IRN', 'PAK', 'TJK', 'TKM', 'UZB']);
    expect(meetingFacts(round7, neighbours)).toEqual({
      attendedCount: 7,
      neighboursAttended: 3, // CHN, TKM, PAK; Iran was invited but absent
      notEndorsing: ['PAK'],
      endorsementUnknown: ['BLR'],
    });
  });
});
