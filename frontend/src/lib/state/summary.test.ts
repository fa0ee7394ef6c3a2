import { describe, expect, it } from 'vitest';
import { round7 } from '../testing/fixtures.ts';
import { meetingSummaryText } from './summary.ts';

describe('meetingSummaryText', () => {
  it('says in words what the map shows for the meeting, confirmed attendance apart from the rest', () => {
    const neighbours = new Set(['CHN', 'IRN', 'PAK', 'TJK', 'TKM', 'UZB']);
    const names: Record<string, string> = {
      RUS: 'Russia',
      PAK: 'Pakistan',
      TKM: 'Turkmenistan',
      IRN: 'Iran',
      KAZ: 'Kazakhstan',
      UZB: 'Uzbekistan',
    };
    const text = meetingSummaryText(round7, neighbours, (actor) => names[actor] ?? actor);
    expect(text).toContain('Moscow, 7 Oct 2025.');
    expect(text).toContain(
      "Attended: 6 confirmed, 3 not confirmed, 1 disputed; of Afghanistan's 6 bordering neighbours: 2 confirmed, 1 not confirmed, 1 disputed.",
    );
    expect(text).toContain('Host: Russia.');
    expect(text).toContain('Member, not confirmed: Kazakhstan and Uzbekistan.');
    expect(text).toContain('Invited, absent: Iran.');
    expect(text).toContain('Member, disputed: Turkmenistan.');
    expect(text).toContain('which calls foreign military infrastructure unacceptable.');
    expect(text).toContain('Attended but did not endorse it: Pakistan.');
  });
});
