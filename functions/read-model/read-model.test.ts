/** The read model's rules on the fixture data set, with no database: orders, stances, references, the catalogue. */
import { describe, expect, test } from 'vitest';
import type { Dataset, Statement } from '../../data/schema/domain.ts';
import { pathParameterRules } from '../http/parameters.ts';
import { pathParameterName, routes } from '../http/routes.ts';
import { fixtureDataset, KAZAN } from '../../data/fixtures/dataset.ts';
import { catalogue, renderReadModel } from './catalogue.ts';
import { countrySummaries } from './country.ts';
import { indexDataSet } from './data-set.ts';
import { DatasetReferenceError } from './lookup.ts';
import { meetingDetails, meetingSummaries } from './meeting.ts';

const data = (dataset: Dataset = fixtureDataset()) => indexDataSet(dataset);

describe('orders', () => {
  test('meetings oldest first; countries by name; statements newest first; attendees host first', () => {
    const starts = meetingSummaries(data()).map((meeting) => meeting.startDate);
    expect(starts).toEqual([...starts].sort());
    const names = countrySummaries(data()).map((country) => country.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    for (const meeting of meetingDetails(data())) {
      const dates = meeting.statements.map((statement) => statement.date);
      expect(dates).toEqual([...dates].sort().reverse());
    }
    const kazan = meetingDetails(data()).find((meeting) => meeting.id === KAZAN);
    expect(kazan?.attendees[0]?.role).toBe('host');
  });
});

describe("a commentator's words are never a country's stance", () => {
  const withNewestStatement = (official: boolean): Dataset => {
    const dataset = fixtureDataset();
    const template = dataset.statements.find((statement) => statement.actors.includes('RUS')) as Statement;
    dataset.statements.push({
      ...template,
      id: 'newest-rus-statement',
      date: '2030-01-01',
      official,
      stances: [{ topic: 'narcotics', stance: 'supports', summary: 'Supports it.' }],
    });
    return dataset;
  };
  const russia = (dataset: Dataset) => countrySummaries(data(dataset)).find((country) => country.iso3 === 'RUS');

  test('an official statement sets the latest stance', () => {
    expect(russia(withNewestStatement(true))?.latestStances.narcotics).toEqual({
      stance: 'supports',
      statementId: 'newest-rus-statement',
      date: '2030-01-01',
    });
  });

  test('it heads the stance history, with the speaker, the office on the day and the delivery', () => {
    const history = russia(withNewestStatement(true))?.stances ?? [];
    const template = fixtureDataset().statements.find((statement) => statement.actors.includes('RUS')) as Statement;
    expect(history[0]).toMatchObject({ topic: 'narcotics', stance: 'supports', statementId: 'newest-rus-statement', date: '2030-01-01', delivery: template.delivery, actorCount: template.actors.length });
    expect(history[0]?.speaker.name).not.toBe('');
    const dates = history.map((entry) => entry.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  test('the latest stance is the first entry of its topic in the history', () => {
    const country = russia(withNewestStatement(true))!;
    for (const [topic, latest] of Object.entries(country.latestStances)) {
      const first = country.stances.find((entry) => entry.topic === topic);
      expect({ stance: first?.stance, statementId: first?.statementId, date: first?.date }).toEqual(latest);
    }
  });

  test("a commentator's does not, though it is listed with the country", () => {
    const dataset = withNewestStatement(false);
    expect(russia(dataset)?.latestStances.narcotics).toEqual(russia(fixtureDataset())?.latestStances.narcotics);
    expect(russia(dataset)?.stances.map((entry) => entry.statementId)).not.toContain('newest-rus-statement');
    const [detail] = catalogue.getCountry.build(data(dataset)).filter(({ id }) => id === 'RUS');
    expect(JSON.stringify(detail?.document)).toContain('newest-rus-statement');
  });
});

test('a reference to a missing record names it', () => {
  const dataset = fixtureDataset();
  dataset.participations.push({ ...dataset.participations[0]!, meeting: 'no-such-meeting' });
  expect(() => renderReadModel(dataset)).toThrow(DatasetReferenceError);
  expect(() => renderReadModel(dataset)).toThrow(/meeting no-such-meeting/);
});

describe('the catalogue', () => {
  test('renders every document deterministically, each parsed by its contract', () => {
    expect(renderReadModel(fixtureDataset())).toEqual(renderReadModel(fixtureDataset()));
  });

  test.each(routes.filter((route) => 'document' in route).map((route) => [route.name, route] as const))(
    '%s: one document, or one per record with the id its path parameter takes',
    (name, route) => {
      const built = catalogue[name].build(data());
      const parameter = pathParameterName(route);
      if (parameter === undefined) {
        expect(built.map(({ id }) => id)).toEqual([undefined]);
      } else {
        expect(pathParameterRules[parameter], `a rule for {${parameter}} in parameters.ts`).toBeDefined();
        for (const { id } of built) expect(pathParameterRules[parameter]?.accepts(id ?? '')).toBe(true);
      }
    },
  );
});
