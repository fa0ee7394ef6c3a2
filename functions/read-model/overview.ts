/** /api/overview: everything the map needs for its first paint, in one document. */
import type { Overview } from '../../data/schema/api.ts';
import { countrySummaries } from './country.ts';
import type { DataSet } from './data-set.ts';
import { meetingSummaries } from './meeting.ts';
import { organisationSummaries } from './organisation.ts';

export function overview(data: DataSet): Overview {
  return {
    dataVersion: data.dataVersion,
    countries: countrySummaries(data),
    organisations: organisationSummaries(data),
    meetings: meetingSummaries(data),
  };
}
