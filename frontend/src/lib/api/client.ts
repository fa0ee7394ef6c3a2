/**
 * Typed client of the read API (contract: data/schema/api.ts; types only, zod stays out of the page).
 * Every response is cached for the page's lifetime (the data changes only on redeploy); a failed request
 * is forgotten so that Retry asks again.
 */
import type {
  CountryDetail,
  CoverageDocument,
  Health,
  MeetingDetail,
  OrganisationDetail,
  Overview,
  SearchIndex,
} from '../../../../data/schema/api.ts';

export class ApiError extends Error {
  constructor(
    message: string,
    /** HTTP status, or null when the service could not be reached at all. */
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiClient {
  overview(): Promise<Overview>;
  meeting(id: string): Promise<MeetingDetail>;
  country(iso3: string): Promise<CountryDetail>;
  organisation(id: string): Promise<OrganisationDetail>;
  coverage(): Promise<CoverageDocument>;
  /** The loaded data's version; never cached, so it says whether the page's own copy is still current. */
  health(): Promise<Health>;
  /** Asked for only when needed: the search box is focused, or a link names a statement. */
  searchIndex(): Promise<SearchIndex>;
}

export function createApiClient(fetchImpl: typeof fetch = (...args) => fetch(...args), base = '/api'): ApiClient {
  const cache = new Map<string, Promise<unknown>>();

  async function request<T>(path: string): Promise<T> {
    let response: Response;
    try {
      // No custom headers: a request must match a preload in index.html (the boundaries) to reuse it.
      response = await fetchImpl(`${base}${path}`);
    } catch {
      throw new ApiError('The data service could not be reached.', null);
    }
    if (!response.ok) {
      let message = `The data service answered ${response.status}.`;
      try {
        const body = (await response.json()) as { error?: { message?: string } };
        if (body.error?.message) message = body.error.message;
      } catch {
        // Not our JSON error body (a proxy's HTML page, say): keep the generic message.
      }
      throw new ApiError(message, response.status);
    }
    try {
      return (await response.json()) as T;
    } catch {
      throw new ApiError('The data service sent a response that is not JSON.', response.status);
    }
  }

  function cached<T>(path: string): Promise<T> {
    let pending = cache.get(path) as Promise<T> | undefined;
    if (pending === undefined) {
      pending = request<T>(path);
      cache.set(path, pending);
      pending.catch(() => cache.delete(path));
    }
    return pending;
  }

  return {
    overview: () => cached<Overview>('/overview'),
    meeting: (id) => cached<MeetingDetail>(`/meetings/${encodeURIComponent(id)}`),
    country: (iso3) => cached<CountryDetail>(`/countries/${encodeURIComponent(iso3)}`),
    organisation: (id) => cached<OrganisationDetail>(`/organisations/${encodeURIComponent(id)}`),
    coverage: () => cached<CoverageDocument>('/coverage'),
    health: () => request<Health>('/health'),
    searchIndex: () => cached<SearchIndex>('/search-index'),
  };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
