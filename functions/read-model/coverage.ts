/** /api/coverage: what the record covers and how current it is (the page's "About the record"). */
import type { CoverageDocument } from '../../data/schema/api.ts';
import { currentTo } from '../../data/schema/domain.ts';
import type { DataSet } from './data-set.ts';

export function coverage(data: DataSet): CoverageDocument {
  const { dataset, meetingsOldestFirst } = data;
  const searches = [...dataset.coverage].sort((a, b) => b.searched.localeCompare(a.searched) || a.id.localeCompare(b.id));
  return {
    dataVersion: data.dataVersion,
    currentTo: currentTo(dataset.coverage),
    lastSearched: searches[0]?.searched ?? null,
    totals: {
      meetings: dataset.meetings.length,
      countries: dataset.countries.length,
      organisations: dataset.organisations.length,
      statements: dataset.statements.length,
      sources: dataset.sources.length,
    },
    meetingsFrom: meetingsOldestFirst[0]?.startDate ?? null,
    meetingsTo: meetingsOldestFirst.at(-1)?.startDate ?? null,
    searches: searches.map(({ topic, searched, found, result }) => ({ topic, searched, found, result })),
  };
}
