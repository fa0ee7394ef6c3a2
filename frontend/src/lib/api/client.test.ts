import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApiClient } from './client.ts';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('api client', () => {
  it('asks once per resource and shares the answer', async () => {
    const fetchImpl = vi.fn(async () => json({ dataVersion: 'x', countries: [], organisations: [], meetings: [] }));
    const api = createApiClient(fetchImpl);
    const [a, b] = await Promise.all([api.overview(), api.overview()]);
    expect(a).toBe(b);
    await api.overview();
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    expect(fetchImpl).toHaveBeenCalledWith('/api/overview');
  });

  it('encodes ids into the path', async () => {
    const fetchImpl = vi.fn(async () => json({}));
    const api = createApiClient(fetchImpl);
    await api.meeting('moscow-format-7-moscow-2025');
    await api.country('RUS');
    await api.organisation('a/b');
    expect(fetchImpl.mock.calls.map((c) => (c as unknown[])[0])).toEqual([
      '/api/meetings/moscow-format-7-moscow-2025',
      '/api/countries/RUS',
      '/api/organisations/a%2Fb',
    ]);
  });

  it("turns the API's error body into the message, keeps the status, and forgets the failure", async () => {
    const fetchImpl = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(json({ error: { code: 'not_found', message: 'No country XYZ' } }, 404))
      .mockResolvedValueOnce(json({ iso3: 'XYZ' }));
    const api = createApiClient(fetchImpl);
    const failure = await api.country('XYZ').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ message: 'No country XYZ', status: 404 });
    await expect(api.country('XYZ')).resolves.toEqual({ iso3: 'XYZ' });
  });

  it('says plainly when the service cannot be reached or answers with something else', async () => {
    const down = createApiClient(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(down.overview()).rejects.toMatchObject({ message: 'The data service could not be reached.', status: null });
    const proxy = createApiClient(async () => new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(proxy.overview()).rejects.toMatchObject({ message: 'The data service answered 502.', status: 502 });
  });
});
