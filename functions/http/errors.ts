/**
 * Errors the API answers with, and the one place any thrown value becomes a status code. Messages are fixed
 * text: they never echo client input (which may be 10 kB of anything) nor internals.
 */
import { StoreUnavailableError } from '../store/diplomacy-store.ts';
import { allowedMethods } from './routes.ts';

export type ErrorCode =
  | 'bad_request'
  | 'not_found'
  | 'method_not_allowed'
  | 'internal_error'
  | 'service_unavailable';

export class HttpError extends Error {
  override readonly name = 'HttpError';

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string): HttpError => new HttpError(400, 'bad_request', message);

export const notFound = (message: string): HttpError => new HttpError(404, 'not_found', message);

export const methodNotAllowed = (): HttpError =>
  new HttpError(405, 'method_not_allowed', `This API is read-only: use ${allowedMethods.join(' or ')}.`, {
    allow: allowedMethods.join(', '),
  });

/** The table is reachable but has not been seeded: an operator's problem, not the client's. */
export const notSeeded = (): HttpError =>
  new HttpError(503, 'service_unavailable', 'The data set has not been loaded yet; try again shortly.', {
    'retry-after': '30',
  });

export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof StoreUnavailableError) {
    return new HttpError(503, 'service_unavailable', 'The data store is unavailable; try again shortly.', {
      'retry-after': '5',
    });
  }
  return new HttpError(500, 'internal_error', 'Something went wrong on our side.');
}

/** The document, or a 404 with this message. */
export function orNotFound<T>(document: T | null, message: string): T {
  if (document === null) throw notFound(message);
  return document;
}

/** A document that exists whenever the table is seeded (the overview, the lists), or a 503. */
export function orNotSeeded<T>(document: T | null): T {
  if (document === null) throw notSeeded();
  return document;
}
