import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meetingSeries, topics } from '../../../../data/schema/labels.ts';
import { DEFAULT_TOPIC, DEFAULT_VIEW, parseView, serialiseView, type ViewState } from './url.ts';

const slug = fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+){0,4}$/);
const iso3 = fc.stringMatching(/^[A-Z]{3}$/);

/** Views as the page can produce them: a country or an organisation, a topic only on the stance layer. */
const views: fc.Arbitrary<ViewState> = fc
  .record({
    meeting: fc.option(slug, { nil: null }),
    actor: fc.oneof(
      fc.constant({ country: null, organisation: null }),
      iso3.map((c) => ({ country: c, organisation: null })),
      slug.map((o) => ({ country: null, organisation: o })),
    ),
    layer: fc.constantFrom('roles', 'changes', 'stance' as const),
    topic: fc.constantFrom(...topics),
    page: fc.constantFrom('map', 'matrix', 'about' as const),
    compare: fc.option(slug, { nil: null }),
    sort: fc.constantFrom('name', 'attended', 'neighbours' as const),
    series: fc.option(fc.constantFrom(...meetingSeries), { nil: null }),
    statement: fc.option(slug, { nil: null }),
  })
  .map(({ meeting, actor, layer, topic, page, compare, sort, series, statement }) => ({
    meeting,
    ...actor,
    statement,
    layer,
    topic: layer === 'stance' ? topic : DEFAULT_TOPIC,
    page,
    compare: meeting === null ? null : compare,
    sort: page === 'matrix' ? sort : DEFAULT_VIEW.sort,
    series: page === 'matrix' ? series : null,
  }));

describe('view URL', () => {
  it('reads the matrix with its order and series, and the round a meeting is compared with', () => {
    expect(parseView('?view=matrix&sort=attended&series=moscow-format')).toMatchObject({
      page: 'matrix',
      sort: 'attended',
      series: 'moscow-format',
    });
    expect(parseView('?meeting=b&compare=a')).toMatchObject({ meeting: 'b', compare: 'a' });
    // A comparison needs a meeting; unknown pages, orders and series fall back to the defaults.
    expect(parseView('?compare=a&view=nope&sort=x&series=y')).toEqual(DEFAULT_VIEW);
    expect(serialiseView({ ...DEFAULT_VIEW, page: 'about', sort: 'name' })).toBe('?view=about');
  });

  it('round-trips every view: parse(serialise(view)) is the view', () => {
    fc.assert(
      fc.property(views, (view) => {
        expect(parseView(serialiseView(view))).toEqual(view);
      }),
    );
  });

  it('gives every view exactly one URL: serialise(parse(url)) is stable', () => {
    fc.assert(
      fc.property(views, (view) => {
        const url = serialiseView(view);
        expect(serialiseView(parseView(url))).toBe(url);
      }),
    );
  });

  it('writes nothing for the default view and leaves defaults out', () => {
    expect(serialiseView(DEFAULT_VIEW)).toBe('');
    expect(serialiseView({ ...DEFAULT_VIEW, meeting: 'moscow-format-7-moscow-2025', country: 'RUS' })).toBe(
      '?meeting=moscow-format-7-moscow-2025&country=RUS',
    );
    expect(serialiseView({ ...DEFAULT_VIEW, layer: 'stance' })).toBe('?layer=stance');
    expect(serialiseView({ ...DEFAULT_VIEW, layer: 'stance', topic: 'narcotics' })).toBe('?layer=stance&topic=narcotics');
  });

  it('reads a hand-written link', () => {
    expect(parseView('?meeting=moscow-format-7-moscow-2025&country=RUS&layer=changes')).toEqual({
      ...DEFAULT_VIEW,
      meeting: 'moscow-format-7-moscow-2025',
      country: 'RUS',
      layer: 'changes',
    });
    expect(parseView('?org=csto')).toEqual({ ...DEFAULT_VIEW, organisation: 'csto' });
  });

  it('reads ids in any case', () => {
    expect(parseView('?country=afg&meeting=Moscow-Format-7-Moscow-2025')).toEqual({
      ...DEFAULT_VIEW,
      country: 'AFG',
      meeting: 'moscow-format-7-moscow-2025',
    });
    expect(parseView('?org=CSTO')).toEqual({ ...DEFAULT_VIEW, organisation: 'csto' });
  });

  it('falls back to the default for anything malformed', () => {
    expect(parseView('?meeting=Not%20A%20Slug&country=russia&layer=heatmap&topic=weather')).toEqual(DEFAULT_VIEW);
    expect(parseView('?country=RUS&org=csto')).toEqual({ ...DEFAULT_VIEW, country: 'RUS' });
  });
});
