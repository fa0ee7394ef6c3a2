import { describe, expect, it } from 'vitest';
import { attendee, conference, meeting, overview, round6, round7 } from '../testing/fixtures.ts';
import { actorNames, neighboursOf } from './highlights.ts';
import { buildMatrix, cellText, columnLabel, endorsementGlyph } from './matrix.ts';

const names = actorNames(overview);
const nameOf = (actor: string) => names.get(actor) ?? actor;
const neighbours = neighboursOf(overview);
const build = (sort: 'name' | 'attended' | 'neighbours', series: 'moscow-format' | 'other' | null = null) =>
  buildMatrix(overview, { sort, series }, nameOf, neighbours);

describe('buildMatrix', () => {
  it('has a column per meeting, grouped by series in date order, and a row per actor listed anywhere', () => {
    const matrix = build('name');
    expect(matrix.series.map((g) => [g.series, g.meetings.map((m) => m.id)])).toEqual([
      ['moscow-format', [round6.id, round7.id]],
      ['other', [conference.id]],
    ]);
    expect(matrix.columns.map((m) => m.id)).toEqual([round6.id, round7.id, conference.id]);
    const listed = new Set(overview.meetings.flatMap((m) => m.attendees.map((a) => a.actor)));
    expect(new Set([...matrix.countries, ...matrix.organisations].map((r) => r.actor))).toEqual(listed);
    expect(matrix.organisations.map((r) => r.name)).toEqual(['CSTO', 'SCO']);
  });

  it('puts each record in its cell and counts attendance in any role but "invited, absent"', () => {
    const belarus = build('name').countries.find((r) => r.actor === 'BLR')!;
    expect(belarus.cells.map((cell) => cell?.role ?? null)).toEqual(['invited-absent', 'guest', 'host']);
    expect(belarus.attended).toBe(2);
    const pakistan = build('name').countries.find((r) => r.actor === 'PAK')!;
    expect(pakistan.cells.map((cell) => cell?.role ?? null)).toEqual([null, 'member', null]);
  });

  it('orders rows by name, by meetings attended, or Afghanistan and its neighbours first', () => {
    expect(build('name').countries.map((r) => r.actor)).toEqual(['AFG', 'BLR', 'CHN', 'IRN', 'KAZ', 'PAK', 'RUS', 'TKM', 'UZB']);
    expect(build('attended').countries.slice(0, 4).map((r) => [r.actor, r.attended])).toEqual([
      ['AFG', 2],
      ['BLR', 2],
      ['CHN', 2],
      ['RUS', 2],
    ]);
    expect(build('neighbours').countries.map((r) => r.actor)).toEqual(['AFG', 'CHN', 'IRN', 'PAK', 'TKM', 'UZB', 'BLR', 'KAZ', 'RUS']);
  });

  it('shows one series alone, without the actors listed only elsewhere', () => {
    const other = build('name', 'other');
    expect(other.columns.map((m) => m.id)).toEqual([conference.id]);
    expect(other.countries.map((r) => r.actor)).toEqual(['BLR']);
    expect(other.organisations).toEqual([]);
  });
});

describe('a cell in words and glyphs', () => {
  const at7 = (actor: string) => round7.attendees.find((a) => a.actor === actor)!;

  it('says the role, how sure the record is and the endorsement', () => {
    expect(cellText(at7('RUS'), round7)).toBe('Host, confirmed, endorsed the outcome document');
    expect(cellText(at7('PAK'), round7)).toBe('Member, confirmed, did not endorse the outcome document');
    expect(cellText(at7('KAZ'), round7)).toBe('Member, not confirmed, endorsement not on record');
    expect(cellText(at7('TKM'), round7)).toBe('Member, disputed, endorsed the outcome document');
    expect(cellText(at7('IRN'), round7)).toBe('Invited, absent, confirmed');
    expect(cellText(conference.attendees[0]!, conference)).toBe('Host, confirmed, no outcome document');
    expect(cellText(null, round7)).toBe('not on record');
  });

  it('marks an endorsement only where there was an outcome document and the record says yes or no', () => {
    expect(endorsementGlyph(at7('RUS'), round7)).toBe('✓');
    expect(endorsementGlyph(at7('PAK'), round7)).toBe('⊘');
    expect(endorsementGlyph(at7('BLR'), round7)).toBe('');
    expect(endorsementGlyph(at7('IRN'), round7)).toBe('');
    expect(endorsementGlyph(conference.attendees[0]!, conference)).toBe('');
  });

  it('labels a column with its city, without a parenthesis, and its year', () => {
    expect(columnLabel(meeting('x', '2022-03-30', [attendee('CHN', 'host')], { city: 'Tunxi (Huangshan)' }))).toEqual({
      place: 'Tunxi',
      year: '2022',
    });
  });
});
