/**
 * The API on the curated data in data/records/: every document it can serve matches the OpenAPI document,
 * and the facts the product is built around come through (Kazan 2023: roles, Tajikistan disputed and not
 * endorsing the declaration).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CountryList, MeetingDetail, MeetingList, OrganisationList } from '../../data/schema/api.ts';
import { topics } from '../../data/schema/domain.ts';
import { startLocalStack, type LocalStack } from '../../local/stack.ts';
import { responseValidator } from '../test-support/openapi-responses.ts';
import { rawRequest } from '../test-support/raw-http.ts';

let stack: LocalStack;
let validator: ReturnType<typeof responseValidator>;

beforeAll(async () => {
  stack = await startLocalStack({ port: 0, quiet: true, staticDir: '/nonexistent' });
  validator = responseValidator(JSON.parse((await rawRequest(stack.url, '/api/openapi.json')).body));
});

afterAll(async () => {
  await stack?.close();
});

async function getValid<T>(target: string, routePath: string): Promise<T> {
  const response = await rawRequest(stack.url, target);
  expect(response.status, target).toBe(200);
  const body = JSON.parse(response.body) as T;
  validator.assertValid(routePath, 200, body);
  return body;
}

describe('the curated data set through the API', () => {
  test('Kazan 2023 (5th Moscow Format): attendees with roles; Tajikistan disputed, did not endorse', async () => {
    const { meetings } = await getValid<MeetingList>('/api/meetings', '/api/meetings');
    const kazan = meetings.find((meeting) => meeting.city === 'Kazan' && meeting.series === 'moscow-format');
    expect(kazan, 'a Moscow Format meeting in Kazan').toBeDefined();
    expect(kazan?.startDate).toBe('2023-09-29');

    const detail = await getValid<MeetingDetail>(`/api/meetings/${kazan?.id}`, '/api/meetings/{id}');
    const roleOf = (actor: string) => detail.attendees.find((attendee) => attendee.actor.id === actor)?.role;
    expect(roleOf('RUS')).toBe('host');
    expect(roleOf('AFG')).toBe('guest');
    expect(roleOf('CHN')).toBe('member');
    const tajikistan = detail.attendees.find((attendee) => attendee.actor.id === 'TJK');
    expect(tajikistan?.endorsedOutcome).toBe('no');
    expect(tajikistan?.confidence.level).toBe('disputed');
    expect(tajikistan?.confidence.reason).toBeTruthy();
    expect(detail.outcome?.adopted).toBe('yes');
  });

  test('every document the API can serve matches the OpenAPI document', async () => {
    await getValid('/api/overview', '/api/overview');
    await getValid('/api/health', '/api/health');
    await getValid('/api/statements', '/api/statements');
    const { meetings } = await getValid<MeetingList>('/api/meetings', '/api/meetings');
    const { countries } = await getValid<CountryList>('/api/countries', '/api/countries');
    const { organisations } = await getValid<OrganisationList>('/api/organisations', '/api/organisations');
    for (const meeting of meetings) {
      await getValid(`/api/meetings/${meeting.id}`, '/api/meetings/{id}');
      await getValid(`/api/statements?meeting=${meeting.id}`, '/api/statements');
    }
    for (const country of countries) {
      await getValid(`/api/countries/${country.iso3}`, '/api/countries/{iso3}');
      await getValid(`/api/statements?country=${country.iso3}`, '/api/statements');
    }
    for (const organisation of organisations) {
      await getValid(`/api/organisations/${organisation.id}`, '/api/organisations/{id}');
      await getValid(`/api/statements?organisation=${organisation.id}`, '/api/statements');
    }
    for (const topic of topics) await getValid(`/api/statements?topic=${topic}`, '/api/statements');
    expect(meetings.length).toBeGreaterThan(0);
  });
});
