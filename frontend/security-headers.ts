/**
 * The security headers of the page, kept beside it because the page dictates its CSP: the one source for
 * CloudFront's response headers policy (infra/constructs/site-cdn.ts), the local stack's static server
 * (local/static-site.ts) and the browser tests, which run the built page under exactly this policy. Plain
 * strings: no CDK, no zod, so the local stack and the tests can import it without pulling either in.
 */

/**
 * Everything from our own origin. MapLibre 6 needs no `blob:`: its worker is a real file (`setWorkerUrl` in
 * frontend/src/lib/map/CountryMap.ts), the map draws no raster tiles, glyphs or sprites, and the one
 * generated image (the neighbours' hatch) goes in through `addImage`. `data:` images are the inline
 * SVG URIs of MapLibre's own stylesheet (the navigation control's icons). `'unsafe-inline'` styles: MapLibre
 * and Svelte set inline styles on elements (the canvas size, the hover tooltip's position).
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

export const contentTypeOptions = 'nosniff';
export const frameOptions = 'DENY';
export const referrerPolicy = 'strict-origin-when-cross-origin';
/** HSTS: one year, subdomains included. Sent over HTTPS only (CloudFront), never on http://localhost. */
export const strictTransportSecurityMaxAgeSeconds = 365 * 24 * 60 * 60;

/** The headers as HTTP sends them, for servers that set them directly (everything but HSTS). */
export const securityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': contentTypeOptions,
  'x-frame-options': frameOptions,
  'referrer-policy': referrerPolicy,
};
