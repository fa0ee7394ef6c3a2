/** /api/health once the table is seeded: which data set it holds. */
import type { Health } from '../../data/schema/api.ts';
import type { DataSet } from './data-set.ts';

export function health(data: DataSet): Health {
  return { status: 'ok', dataVersion: data.dataVersion };
}
