/**
 * Serves the built page (frontend/dist) the way the deployed CloudFront + S3 site does: hashed files under
 * /assets/ cached for a year, everything else revalidated, `index.html` for any other path (the page
 * routes itself), gzip or brotli when the browser accepts it, and CloudFront's security headers (the same
 * values, from frontend/security-headers.ts; no HSTS on http://localhost) on every response. Reads the folder
 * on every request, so a `npm run build` while the stack runs is picked up; until there is a build,
 * explains how to make one.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { securityHeaders } from '../frontend/security-headers.ts';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.zip': 'application/zip',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pbf': 'application/x-protobuf',
};

const compressible = /^(text\/|application\/(json|geo\+json|javascript)|image\/svg)/;

const cacheControl = {
  /** Vite puts content hashes in these names: a changed file is a new URL. */
  hashedAsset: 'public, max-age=31536000, immutable',
  other: 'no-cache',
};

const compressors = {
  // Quality 5: most of brotli's gain at a fraction of quality 11's time (files are compressed on demand).
  br: (data: Buffer) =>
    promisify(brotliCompress)(data, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } }),
  gzip: (data: Buffer) => promisify(gzip)(data),
};
type Encoding = keyof typeof compressors;

export function createStaticSite(root: string) {
  const resolvedRoot = path.resolve(root);
  /** Compressed copies per encoding and file; the size and modification time tell a rebuilt file apart. */
  const compressedCache = new Map<string, { version: string; data: Promise<Buffer> }>();

  /**
   * The file a URL path names, only if it really is inside the built folder: `..` is refused, and so is a
   * symlink (of the file or of a folder on the way) that leads out of it, e.g. `dist/x -> /etc/passwd`.
   * Symlinks that stay inside are followed. The folder's own real path is read per request: it may be
   * rebuilt, or itself be a symlink.
   */
  async function fileAt(urlPath: string): Promise<{ file: string; size: number; mtimeMs: number } | null> {
    const requested = path.resolve(resolvedRoot, `.${urlPath}`);
    if (!isInside(resolvedRoot, requested)) return null; // `..` escapes
    try {
      const [realRoot, file] = await Promise.all([realpath(resolvedRoot), realpath(requested)]);
      if (!isInside(realRoot, file)) return null;
      const info = await stat(file);
      return info.isFile() ? { file, size: info.size, mtimeMs: info.mtimeMs } : null;
    } catch {
      return null;
    }
  }

  return async function serveStatic(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...securityHeaders, allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      response.end('Method not allowed\n');
      return;
    }
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(new URL(request.url ?? '/', 'http://local').pathname);
    } catch {
      response.writeHead(400, { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' });
      response.end('Bad request\n');
      return;
    }
    const isAsset = urlPath.startsWith('/assets/');
    const found = urlPath.includes('\0') ? null : await fileAt(urlPath === '/' ? '/index.html' : urlPath);
    const target = found ?? (isAsset ? null : await fileAt('/index.html'));
    if (target === null) {
      const built = isAsset && (await fileAt('/index.html')) !== null;
      response.writeHead(built ? 404 : urlPath === '/' ? 200 : 404, {
        ...securityHeaders,
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      });
      response.end(built ? '<!doctype html><title>Not found</title><p>Not found.</p>\n' : notBuiltPage);
      return;
    }

    const type = contentTypes[path.extname(target.file).toLowerCase()] ?? 'application/octet-stream';
    const encoding = compressible.test(type) && target.size > 1024 ? acceptedEncoding(request) : null;
    const headers: Record<string, string> = {
      ...securityHeaders,
      'content-type': type,
      'cache-control': isAsset && found !== null ? cacheControl.hashedAsset : cacheControl.other,
      vary: 'accept-encoding',
    };
    let data: Buffer = await readFile(target.file);
    if (encoding !== null) {
      const key = `${encoding}:${target.file}`;
      const version = `${target.size}:${target.mtimeMs}`;
      let cached = compressedCache.get(key);
      if (cached?.version !== version) {
        cached = { version, data: compressors[encoding](data) };
        compressedCache.set(key, cached);
      }
      data = await cached.data;
      headers['content-encoding'] = encoding;
    }
    response.writeHead(200, { ...headers, 'content-length': String(data.length) });
    response.end(request.method === 'HEAD' ? undefined : data);
  };
}

function isInside(root: string, file: string): boolean {
  return file === root || file.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

function acceptedEncoding(request: IncomingMessage): Encoding | null {
  const accepted = String(request.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return null;
}

const notBuiltPage = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Page not built</title>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>The page has not been built yet</h1>
<p>The API is running: try <a href="/api/overview">/api/overview</a> or
<a href="/api/openapi.json">/api/openapi.json</a>.</p>
<p>Build the page with <code>npm run build</code> (it writes <code>frontend/dist/</code>), then reload.</p>
</body>
</html>
`;
