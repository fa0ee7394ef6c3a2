/**
 * Building HTTP API (payload 2.0) results: JSON documents with CDN caching headers and conditional GET,
 * and JSON errors.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { StoredDocument } from '../store/diplomacy-store.ts';
import { ifNoneMatchMatches } from './etag.ts';
import type { HttpError } from './errors.ts';

export type ApiResult = APIGatewayProxyStructuredResultV2 & {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
};

export const cacheControl = {
  /** The data changes only on redeploy: browsers recheck after a minute, the CDN after five, and the CDN
   *  may serve a stale copy for a day while it revalidates (or while the origin is down). */
  data: 'public, max-age=60, s-maxage=300, stale-while-revalidate=86400',
  /** Client errors are cheap to answer and may stop being errors after a redeploy (a new meeting id). */
  clientError: 'public, max-age=10, s-maxage=60',
  /** Health checks and server errors must reach the origin every time. */
  none: 'no-store',
} as const;

const jsonContentType = 'application/json; charset=utf-8';

/** A reply: a stored document, and how long it may be cached. */
export interface Reply extends StoredDocument {
  readonly cacheControl?: string;
  /** JSON unless the route says otherwise (a feed). */
  readonly mediaType?: string;
}

export function documentResult(reply: Reply, request: { method: string; ifNoneMatch: string | undefined }): ApiResult {
  const headers = {
    'cache-control': reply.cacheControl ?? cacheControl.data,
    etag: reply.etag,
  };
  if (ifNoneMatchMatches(request.ifNoneMatch, reply.etag)) return { statusCode: 304, headers, body: '' };
  return {
    statusCode: 200,
    headers: { ...headers, 'content-type': reply.mediaType ? `${reply.mediaType}; charset=utf-8` : jsonContentType, 'x-content-type-options': 'nosniff' },
    body: request.method === 'HEAD' ? '' : reply.body,
  };
}

export function errorResult(error: HttpError, method: string): ApiResult {
  return {
    statusCode: error.status,
    headers: {
      ...error.headers,
      'cache-control': error.status < 500 && error.status !== 405 ? cacheControl.clientError : cacheControl.none,
      'content-type': jsonContentType,
      'x-content-type-options': 'nosniff',
    },
    body: method === 'HEAD' ? '' : JSON.stringify({ error: { code: error.code, message: error.message } }),
  };
}
