/**
 * Strong entity tags. Computed from the exact response bytes at seed time, so a request only compares
 * strings and never hashes a body.
 */
import { createHash } from 'node:crypto';

/** A strong ETag (quoted) for exactly these bytes: 128 bits of SHA-256, base64url. */
export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
}

/**
 * Does an If-None-Match header match the current ETag? RFC 9110 §13.1.2: the header is `*` or a list of
 * entity tags, compared weakly (a `W/` prefix is ignored).
 */
export function ifNoneMatchMatches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}
