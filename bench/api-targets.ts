/**
 * What the API benchmarks request: one representative request per route (two for /api/statements, the whole
 * list and a filtered one), with ids taken from the data the stack serves, and the one DynamoDB request our
 * handler makes for each (the bare baseline server makes exactly that request).
 */
import type { Overview } from '../data/schema/api.ts';
import { mostSelectivePartition } from '../functions/adapters/dynamodb/dynamodb-store.ts';
import { keys, type ItemKey } from '../functions/adapters/dynamodb/keys.ts';
import { routes, type RouteName } from '../functions/http/routes.ts';
import type { StatementFilters } from '../functions/store/diplomacy-store.ts';

export type DynamoDbRequest =
  | { readonly operation: 'GetItem'; readonly pk: string; readonly sk: string }
  | { readonly operation: 'Query'; readonly pk: string };

export interface ApiTarget {
  readonly route: RouteName;
  /** Path and query, e.g. `/api/statements?country=RUS&topic=foreign-military-presence`. */
  readonly target: string;
  readonly dynamodb: DynamoDbRequest;
}

const getItem = (key: ItemKey): DynamoDbRequest => ({ operation: 'GetItem', ...key });
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

  const filtered = { country: country.iso3, topic: 'foreign-military-presence' } as const;
  const targets: Record<RouteName, [target: string, dynamodb: DynamoDbRequest][]> = {
    getOverview: [['/api/overview', getItem(keys.overview())]],
    listMeetings: [['/api/meetings', getItem(keys.meetingList())]],
    getMeeting: [[`/api/meetings/${meeting.id}`, getItem(keys.meeting(meeting.id))]],
    listCountries: [['/api/countries', getItem(keys.countryList())]],
    getCountry: [[`/api/countries/${country.iso3}`, getItem(keys.country(country.iso3))]],
    listOrganisations: [['/api/organisations', getItem(keys.organisationList())]],
    getOrganisation: [[`/api/organisations/${organisation.id}`, getItem(keys.organisation(organisation.id))]],
    listStatements: [
      ['/api/statements', query({})],
      [`/api/statements?country=${filtered.country}&topic=${filtered.topic}`, query(filtered)],
    ],
    getHealth: [['/api/health', getItem(keys.health())]],
    getOpenApiDocument: [['/api/openapi.json', getItem(keys.openApiDocument())]],
  };
  return routes.flatMap((route) => targets[route.name].map(([target, dynamodb]) => ({ route: route.name, target, dynamodb })));
}
