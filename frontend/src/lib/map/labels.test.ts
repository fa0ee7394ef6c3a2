import { describe, expect, it } from 'vitest';
import { placeLabels, shortName, type LabelRequest, type Rect } from './labels.ts';

/** 7 px per character, 14 px tall: a stand-in for the page font. */
const measure = (text: string) => ({ width: text.length * 7, height: 14 });
const options = { width: 400, height: 300, measure };

function request(iso3: string, name: string, point: [number, number], extentPx = 120, priority = 5): LabelRequest {
  return {
    iso3,
    name,
    short: shortName(iso3, name),
    priority,
    point,
    extent: { left: point[0] - extentPx / 2, top: point[1] - extentPx / 2, width: extentPx, height: extentPx },
    fill: '#56B4E9',
  };
}

const overlap = (a: Rect, b: Rect) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

describe('placeLabels', () => {
  it('centres a name on its label point when nothing is in the way', () => {
    const { labels, dropped } = placeLabels([request('KAZ', 'Kazakhstan', [200, 100])], options);
    expect(dropped).toEqual([]);
    expect(labels).toEqual([{ iso3: 'KAZ', text: 'Kazakhstan', shortened: false, rect: { left: 165, top: 93, width: 70, height: 14 } }]);
  });

  it('never lets two names overlap: the less important one moves, shortens, or is dropped', () => {
    const crowded = [
      request('UZB', 'Uzbekistan', [200, 150], 60, 3),
      request('TKM', 'Turkmenistan', [195, 155], 60, 4),
      request('TJK', 'Tajikistan', [205, 152], 30, 4),
      request('KGZ', 'Kyrgyzstan', [210, 148], 30, 4),
      request('AFG', 'Afghanistan', [200, 160], 80, 1),
    ];
    const { labels, dropped } = placeLabels(crowded, options);
    for (const [i, a] of labels.entries()) for (const b of labels.slice(i + 1)) expect(overlap(a.rect, b.rect), `${a.iso3}/${b.iso3}`).toBe(false);
    expect(labels.length + dropped.length).toBe(crowded.length);
    // the most important keeps its full name in the centre
    expect(labels[0]).toMatchObject({ iso3: 'AFG', text: 'Afghanistan', rect: { left: 200 - 38.5, top: 153 } });
  });

  it('uses the short form where only it fits', () => {
    const { labels } = placeLabels([request('KGZ', 'Kyrgyzstan', [30, 30], 30)], { ...options, width: 60, height: 60 });
    expect(labels).toMatchObject([{ iso3: 'KGZ', text: 'KGZ', shortened: true }]);
  });

  it('keeps names inside the map and away from the controls', () => {
    const zoomButtons = { left: 360, top: 0, width: 40, height: 70 };
    const { labels } = placeLabels([request('CHN', 'China', [335, 30]), request('IND', 'India', [2, 290])], {
      ...options,
      obstacles: [zoomButtons],
    });
    for (const label of labels) {
      expect(label.rect.left).toBeGreaterThanOrEqual(0);
      expect(label.rect.top).toBeGreaterThanOrEqual(0);
      expect(label.rect.left + label.rect.width).toBeLessThanOrEqual(400);
      expect(label.rect.top + label.rect.height).toBeLessThanOrEqual(300);
      expect(overlap(label.rect, zoomButtons)).toBe(false);
    }
    expect(labels.map((l) => l.iso3).sort()).toEqual(['CHN', 'IND']);
  });

  it('writes no name for a country whose label point is outside the view', () => {
    expect(placeLabels([request('USA', 'United States of America', [-50, 100])], options)).toEqual({ labels: [], markers: [], dropped: [] });
  });

  it('shortens a more important name that spills over its country, to make room for another', () => {
    // Two countries 30 px apart, each 40 px wide, in a strip too low for one name above another.
    const pair = [request('UZB', 'Uzbekistan', [40, 15], 40, 3), request('TKM', 'Turkmenistan', [70, 15], 40, 4)];
    const { labels, dropped } = placeLabels(pair, { ...options, width: 100, height: 30 });
    expect(dropped).toEqual([]);
    expect(labels.map((l) => l.text).sort()).toEqual(['TKM', 'UZB']);
  });

  it('marks a country smaller than a few pixels (8), and writes its name beside the marker', () => {
    const { labels, markers } = placeLabels([request('QAT', 'Qatar', [100, 100], 3)], options);
    expect(markers).toEqual([{ iso3: 'QAT', fill: '#56B4E9', x: 100, y: 100 }]);
    expect(labels).toHaveLength(1);
    expect(overlap(labels[0]!.rect, { left: 95, top: 95, width: 10, height: 10 })).toBe(false);
    // a country drawn large enough gets no marker
    expect(placeLabels([request('QAT', 'Qatar', [100, 100], 12)], options).markers).toEqual([]);
  });

  it('starts with the short form for a name more than twice as wide as its country', () => {
    const uae = request('ARE', 'United Arab Emirates', [200, 150], 30);
    expect(placeLabels([uae], options).labels).toMatchObject([{ iso3: 'ARE', text: 'UAE', shortened: true }]);
    // but Afghanistan (priority 1) keeps its full name
    const afghanistan = request('AFG', 'Afghanistan', [200, 150], 20, 1);
    expect(placeLabels([afghanistan], options).labels).toMatchObject([{ text: 'Afghanistan' }]);
  });

  it('shortens to a common short form or the ISO code', () => {
    expect(shortName('ARE', 'United Arab Emirates')).toBe('UAE');
    expect(shortName('KGZ', 'Kyrgyzstan')).toBe('KGZ');
    expect(shortName('IND', 'India')).toBe('India');
  });
});
