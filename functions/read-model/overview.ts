/** /api/overview: everything the map needs for its first paint, in one document. */
import type { Overview } from '../../data/schema/api.ts';
import { currentTo } from '../../data/schema/domain.ts';
import { countrySummaries } from './country.ts';
import type { DataSet } from './data-set.ts';
import { meetingSummaries } from './meeting.ts';
import { organisationSummaries } from './organisation.ts';

export function overview(data: DataSet): Overview {
  return {
    dataVersion: data.dataVersion,
    currentTo: currentTo(data.dataset.coverage),
    countries: countrySummaries(data),
    organisations: organisationSummaries(data),
    meetings: meetingSummaries(data),
  };
}
