/**
 * What the API benchmarks request: one representative request per route (two for /api/statements, the whole
 * list and a filtered one), with ids taken from the data the stack serves, and the one DynamoDB request our
 * handler makes for each (the bare baseline server makes exactly that request). Every route that serves a
 * stored document is measured by its GetItem, so a newly catalogued document is measured without a change
 * here.
 */
import type { Overview } from '../data/schema/api.ts';
import { readDatasetFiles } from '../data/load.ts';
import { mostSelectivePartition } from '../functions/adapters/dynamodb/dynamodb-store.ts';
import { documentItemKey } from '../functions/adapters/dynamodb/keys.ts';
import { pathParameterName, routes, type DocumentRouteName, type RouteName } from '../functions/http/routes.ts';
import { catalogue } from '../functions/read-model/catalogue.ts';
import { indexDataSet } from '../functions/read-model/data-set.ts';
import type { DocumentKey, StatementFilters } from '../functions/store/diplomacy-store.ts';

export type DynamoDbRequest =
  | { readonly operation: 'GetItem'; readonly pk: string; readonly sk: string }
  | { readonly operation: 'Query'; readonly pk: string };

export interface ApiTarget {
  readonly route: RouteName;
  /** Path and query, e.g. `/api/statements?country=RUS&topic=foreign-military-presence`. */
  readonly target: string;
  readonly dynamodb: DynamoDbRequest;
}

const getItem = (key: DocumentKey): DynamoDbRequest => ({ operation: 'GetItem', ...documentItemKey(key) });
const query = (filters: StatementFilters): DynamoDbRequest => ({ operation: 'Query', pk: mostSelectivePartition(filters).pk });

export async function apiTargets(baseUrl: string): Promise<ApiTarget[]> {
  const response = await fetch(`${baseUrl}/api/overview`);
  if (!response.ok) throw new Error(`GET /api/overview: ${response.status}`);
  const overview = (await response.json()) as Overview;
  const meeting = overview.meetings.find((candidate) => candidate.city === 'Kazan') ?? overview.meetings[0];
  // Russia has the largest country document (about 60 kB), so it is the heaviest GetItem.
  const country = overview.countries.find((candidate) => candidate.iso3 === 'RUS') ?? overview.countries[0];
  const organisation = [...overview.organisations].sort((a, b) => b.statementCount - a.statementCount)[0];
  if (!meeting || !country || !organisation) throw new Error('The data set needs a meeting, a country and an organisation');
  const chosenIds: Partial<Record<DocumentRouteName, string>> = {
    getMeeting: meeting.id,
    getCountry: country.iso3,
    getOrganisation: organisation.id,
  };

  const filtered = { country: country.iso3, topic: 'foreign-military-presence' } as const;
  const targets: ApiTarget[] = [];
  for (const route of routes) {
    if (!('document' in route)) {
      targets.push(
        { route: route.name, target: '/api/statements', dynamodb: query({}) },
        {
          route: route.name,
          target: `/api/statements?country=${filtered.country}&topic=${filtered.topic}`,
          dynamodb: query(filtered),
        },
      );
      continue;
    }
    const parameter = pathParameterName(route);
    if (parameter === undefined) {
      targets.push({ route: route.name, target: route.path, dynamodb: getItem({ document: route.document }) });
      continue;
    }
    const id = chosenIds[route.name] ?? (await largestDocumentId(route.name));
    targets.push({
      route: route.name,
      target: route.path.replace(`{${parameter}}`, id),
      dynamodb: getItem({ document: route.document, id }),
    });
  }
  return targets;
}

/** For a document route with no chosen id: the record whose document is largest, the heaviest GetItem. */
async function largestDocumentId(route: DocumentRouteName): Promise<string> {
  const built = catalogue[route].build(indexDataSet(await readDatasetFiles()));
  const size = (document: unknown) => JSON.stringify(document).length;
  const largest = [...built].sort((a, b) => size(b.document) - size(a.document))[0];
  if (largest?.id === undefined) throw new Error(`${route}: the data set has no document to request`);
  return largest.id;
}
