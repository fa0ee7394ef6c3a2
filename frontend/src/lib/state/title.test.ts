import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW } from './url.ts';
import { SITE_TITLE, documentTitle } from './title.ts';

const names = new Map([
  ['RUS', 'Russia'],
  ['csto', 'CSTO'],
]);
const nameOf = (actor: string) => names.get(actor) ?? actor;
const kazan = { title: '5th meeting of the Moscow Format consultations on Afghanistan' };

describe('documentTitle', () => {
  it('is the site name alone for the default view, and until the names have arrived', () => {
    expect(documentTitle(DEFAULT_VIEW, nameOf, null)).toBe(SITE_TITLE);
    expect(documentTitle({ ...DEFAULT_VIEW, country: 'RUS' }, null, kazan)).toBe(SITE_TITLE);
  });

  it('names the meeting, the country or organisation, or both', () => {
    expect(documentTitle(DEFAULT_VIEW, nameOf, kazan)).toBe(`${kazan.title} – ${SITE_TITLE}`);
    expect(documentTitle({ ...DEFAULT_VIEW, organisation: 'csto' }, nameOf, null)).toBe(`CSTO – ${SITE_TITLE}`);
    expect(documentTitle({ ...DEFAULT_VIEW, country: 'RUS' }, nameOf, kazan)).toBe(`Russia at ${kazan.title} – ${SITE_TITLE}`);
  });

  it('names the matrix (with its open cell) and the about page', () => {
    expect(documentTitle({ ...DEFAULT_VIEW, page: 'matrix' }, nameOf, null)).toBe(`All meetings at a glance – ${SITE_TITLE}`);
    expect(documentTitle({ ...DEFAULT_VIEW, page: 'matrix', country: 'RUS' }, nameOf, kazan)).toBe(
      `Russia at ${kazan.title} – All meetings at a glance – ${SITE_TITLE}`,
    );
    expect(documentTitle({ ...DEFAULT_VIEW, page: 'about', country: 'RUS' }, nameOf, kazan)).toBe(`About the record – ${SITE_TITLE}`);
  });
});
