/**
 * Hostile HTTP requests against the API's routes, as a client could write them on the wire, generated from a
 * seed (the same seed, the same request):
 * path traversal, unicode, encoded and raw NULs, very long values, parameter floods, wrong methods and bad
 * headers (a huge If-None-Match, hundreds of headers, invalid characters, no Host, bad Content-Length),
 * plus valid requests so the success paths run too. `toWire` gives the exact bytes to send.
 *
 * What the API owes every one of them (`judge`): an answer, never a 5xx, and JSON: a document for 2xx, an
 * `{"error":{"code","message"}}` for 4xx (no body for HEAD and 304). `fuzzServer` sends many and counts.
 */
import { pick, seededRandom } from '../../data/fixtures/seeded-random.ts';
import { matchRoute, routes } from '../../functions/http/routes.ts';
import { exchange } from './raw-socket.ts';

export const categories = ['traversal', 'unicode', 'nul', 'long', 'flood', 'method', 'header', 'valid'] as const;
export type Category = (typeof categories)[number];

export interface HostileRequest {
  readonly category: Category;
  readonly method: string;
  /** The request target as sent (already percent-encoded, or deliberately not). */
  readonly target: string;
  /** In order; `Host` and `Connection: close` are added by toWire unless `noHost`. */
  readonly headers: readonly (readonly [string, string])[];
  readonly body?: string;
  readonly noHost?: boolean;
  /** Announces more body than it sends: the server can only wait for the rest (the client gives up). */
  readonly incomplete?: boolean;
}

type Random = () => number;
const between = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

/** Valid ids and values from the real data, so some requests succeed. */
export const validValues = {
  meeting: 'moscow-format-5-kazan-2023',
  country: 'RUS',
  organisation: 'csto',
  topic: 'foreign-military-presence',
  stance: 'opposes',
};

/** Each route with its parameter filled by `value` (or the valid one). */
function routePath(random: Random, value?: string): string {
  const route = pick(random, routes);
  const fill = value ?? (route.path.includes('countries') ? validValues.country : route.path.includes('organisations') ? validValues.organisation : validValues.meeting);
  return route.path.replace(/\{[^}]+\}/, fill);
}

/** UTF-8 bytes of anything outside printable ASCII, percent-encoded, as a browser sends a typed URL. */
export const encodeTarget = (text: string): string =>
  Array.from(text, (character) =>
    /^[\x21-\x7e]$/.test(character)
      ? character
      : Array.from(Buffer.from(character, 'utf8'), (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  ).join('');

const traversals = ['..', '%2e%2e', '..%2f', '%2E%2E%2F', '....//', '..\\', '%252e%252e%252f', '..%c0%af', '%2e%2e%5c', '.%2e', '/..;/'];
const unicodeSamples = [
  'ＲＵＳ', 'Ä', 'рус', 'افغانستان', 'ملاقات', '会议', '\u202Egnp.exe', '\u200B', '\uFEFF', 'e\u0301', '👩‍👩‍👧', '\uD800', '\uDFFF',
  '%C0%AF', '%ED%A0%80', '%EF%BB%BF', '%F4%90%80%80', '%FF%FE', '%E0%A4%A', '%', '%zz', '%u0041',
];
const methods = ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'CONNECT', 'PROPFIND', 'MKCOL', 'FOO', 'get', 'Get', 'HEAD'];

function unicodeText(random: Random): string {
  return Array.from({ length: between(random, 1, 4) }, () => pick(random, unicodeSamples)).join('');
}

function queryFor(random: Random, pairs: number, value: () => string): string {
  const names = ['country', 'organisation', 'meeting', 'topic', 'stance', 'unknown', 'a[]', '__proto__', 'constructor'];
  return Array.from({ length: pairs }, () => `${pick(random, names)}=${value()}`).join('&');
}

export function hostileRequest(random: Random): HostileRequest {
  const category = pick(random, categories);
  const get = (target: string, headers: HostileRequest['headers'] = []): HostileRequest => ({ category, method: 'GET', target, headers });
  switch (category) {
    case 'traversal': {
      const climb = Array.from({ length: between(random, 1, 6) }, () => pick(random, traversals)).join('/');
      const goal = pick(random, ['etc/passwd', 'index.html', 'api/overview', 'package.json', '', 'win.ini']);
      return get(pick(random, [`/api/${climb}/${goal}`, routePath(random, `${climb}/${goal}`), `/api/meetings/${climb}`, `/api/statements?meeting=${climb}`]));
    }
    case 'unicode': {
      const text = unicodeText(random);
      const encoded = random() < 0.7;
      const target = random() < 0.6 ? routePath(random, text) : `/api/statements?${queryFor(random, between(random, 1, 3), () => text)}`;
      return get(encoded ? encodeTarget(target) : target);
    }
    case 'nul': {
      const nul = pick(random, ['%00', '%2500', '\0', '%00%00', 'RUS%00', '%00.json']);
      return get(pick(random, [routePath(random, nul), `/api/statements?country=${nul}`, `/api/overview${nul}`, `/api/${nul}/overview`]));
    }
    case 'long': {
      const length = pick(random, [300, 2_049, 10_000, 20_000, 100_000]);
      const long = 'a'.repeat(length);
      return get(
        pick(random, [
          routePath(random, long),
          `/api/statements?meeting=${long}`,
          `/api/${'x/'.repeat(Math.floor(length / 2))}`,
          `/api/countries/${'%41'.repeat(Math.floor(length / 3))}`,
        ]),
      );
    }
    case 'flood': {
      const pairs = between(random, 100, 1_200);
      const repeat = random() < 0.5;
      const query = repeat
        ? Array.from({ length: pairs }, () => `country=${validValues.country}`).join('&')
        : Array.from({ length: pairs }, (_, i) => `p${i}=${i}`).join('&');
      return get(pick(random, [`/api/statements?${query}`, `/api/overview?${query}`, `/api/statements?${'&'.repeat(pairs)}`]));
    }
    case 'method': {
      const method = pick(random, methods);
      const body = random() < 0.5 ? JSON.stringify({ statements: [], '__proto__': { polluted: true } }) : undefined;
      return {
        category,
        method,
        target: method === 'CONNECT' ? pick(random, ['127.0.0.1:22', '/api/overview']) : routePath(random),
        headers: body === undefined ? [] : [['content-type', 'application/json'], ['content-length', String(Buffer.byteLength(body))]],
        ...(body === undefined ? {} : { body }),
      };
    }
    case 'header': {
      const variant = between(random, 0, 9);
      const target = routePath(random);
      switch (variant) {
        case 0: // a huge list of entity tags, under and over Node's 16 kB header limit
          return get(target, [['if-none-match', Array.from({ length: between(random, 100, 1_500) }, (_, i) => `"tag-${i}"`).join(', ')]]);
        case 1:
          return get(target, [['if-none-match', pick(random, ['*', 'W/*', '""', '"', 'W/', ',,,,', '"a" "b"', `${'W/'.repeat(500)}"x"`])]]);
        case 2: // hundreds of headers
          return get(target, Array.from({ length: between(random, 100, 400) }, (_, i) => [`x-h${i}`, String(i)] as const));
        case 3: // characters HTTP forbids in a header value
          return get(target, [['if-none-match', `"x${pick(random, ['\x01', '\x7f', '\r', '\n', '\0'])}y"`]]);
        case 4:
          return { category, method: 'GET', target, headers: [], noHost: true };
        case 5: {
          const length = pick(random, ['abc', '-1', '99999999999', '1, 2', '0']);
          return { ...get(target, [['content-length', length]]), ...(length === '99999999999' ? { incomplete: true } : {}) };
        }
        case 6: {
          const body = pick(random, ['zz\r\nhello\r\n0\r\n\r\n', '5\r\nab', '0\r\n\r\n']);
          return { ...get(target, [['transfer-encoding', 'chunked']]), body, ...(body === '5\r\nab' ? { incomplete: true } : {}) };
        }
        case 7:
          return get(target, [['cookie', `session=${'c'.repeat(between(random, 1_000, 20_000))}`]]);
        case 8:
          return get(target, [['if-none-match', Buffer.from(unicodeText(random), 'utf8').toString('latin1')]]);
        default:
          return get(target, [
            ['host', 'evil.example'],
            ['x-forwarded-for', '127.0.0.1, ::1'],
            ['accept-encoding', 'br;q=abc, *;q=-1'],
            ['range', 'bytes=0-1'],
          ]);
      }
    }
    case 'valid':
    default: {
      const method = random() < 0.8 ? 'GET' : 'HEAD';
      const query = random() < 0.3 ? `?country=${validValues.country}&topic=${validValues.topic}` : '';
      const target = random() < 0.3 ? `/api/statements${query}` : routePath(random);
      return { category: 'valid', method, target, headers: random() < 0.2 ? [['if-none-match', '"stale"']] : [] };
    }
  }
}

export function toWire(request: HostileRequest): Buffer {
  const hasHost = request.headers.some(([name]) => name.toLowerCase() === 'host');
  const headers = [
    ...(request.noHost || hasHost ? [] : [['host', 'localhost'] as const]),
    ...request.headers,
    ['connection', 'close'] as const,
  ];
  const head = `${request.method} ${request.target} HTTP/1.1\r\n${headers.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`;
  // latin1 keeps each char as one byte: raw non-ASCII in the request line goes out as the bytes given.
  return Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(request.body ?? '', 'utf8')]);
}

export interface Verdict {
  readonly ok: boolean;
  readonly problem?: string;
}

/** Any answer but a 5xx, always JSON: a document for 2xx, an error object for 4xx; no body for HEAD or 304. */
/** The non-JSON media type the route of a request target declares, if any. */
function declaredMediaType(target: string): string | undefined {
  const route = matchRoute(target.split('?')[0] ?? '', routes)?.route;
  return route && 'mediaType' in route ? route.mediaType : undefined;
}

export function judge(request: HostileRequest, response: { status: number; headers: Readonly<Record<string, string>>; body: string; failure?: string }): Verdict {
  if (response.status === 0) {
    if (request.incomplete && response.failure === 'abandoned') return { ok: true };
    return { ok: false, problem: `no response (${response.failure ?? 'closed'})` };
  }
  if (response.status >= 500) return { ok: false, problem: `status ${response.status}` };
  if (response.status === 304) return { ok: true };
  // A feed answers 200 in its own media type (routes.ts `mediaType`); its errors are JSON like the rest.
  const declared = declaredMediaType(request.target);
  if (response.status === 200 && declared !== undefined && response.headers['content-type']?.startsWith(`${declared};`)) return { ok: true };
  if (!response.headers['content-type']?.startsWith('application/json')) {
    return { ok: false, problem: `status ${response.status} with content-type ${response.headers['content-type'] ?? '(none)'}` };
  }
  if (request.method === 'HEAD') return { ok: true };
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.body);
  } catch {
    return { ok: false, problem: `status ${response.status} with a body that is not JSON` };
  }
  if (response.status >= 400) {
    const error = (parsed as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    if (typeof error?.code !== 'string' || typeof error.message !== 'string') {
      return { ok: false, problem: `status ${response.status} without {"error":{"code","message"}}` };
    }
  }
  return { ok: true };
}

/** A short description for reports: method, the first 80 characters of the target, the category. */
export const describeRequest = (request: HostileRequest): string =>
  `${request.category}: ${request.method} ${JSON.stringify(request.target.slice(0, 80))}${request.target.length > 80 ? `… (${request.target.length} chars)` : ''}`;

/**
 * Sends `requests` hostile requests to `url`, `concurrency` at a time, each on a fresh socket; request N is
 * `hostileRequest(seededRandom(seed + N))`, so a failure (listed by its number, up to ten) replays. A request
 * that announces a body it never sends is given up after `abandonAfterMs` (status 0).
 */
export async function fuzzServer(url: string, { requests, seed, concurrency = 8, abandonAfterMs = 1_000, log = (_line: string) => {} }: { requests: number; seed: number; concurrency?: number; abandonAfterMs?: number; log?: (line: string) => void }) {
  const byCategory = Object.fromEntries(categories.map((category) => [category, 0])) as Record<Category, number>;
  /** Status code → count (0: no response). */
  const statuses: Record<string, number> = {};
  const failures: string[] = [];
  const counts = { serverErrors: 0, notJson: 0, noResponse: 0 };
  let next = 0;
  const worker = async () => {
    while (next < requests) {
      const index = next++;
      const request = hostileRequest(seededRandom(seed + index));
      const response = await exchange(url, toWire(request), { abandonAfterMs: request.incomplete ? abandonAfterMs : undefined });
      byCategory[request.category] += 1;
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      const verdict = judge(request, response);
      if (verdict.ok) continue;
      counts[response.status === 0 ? 'noResponse' : response.status >= 500 ? 'serverErrors' : 'notJson'] += 1;
      if (failures.length < 10) failures.push(`#${index} of seed ${seed}: ${describeRequest(request)}: ${verdict.problem}`);
    }
  };
  const progress = setInterval(() => log(`  ${next} of ${requests} sent`), 10_000);
  await Promise.all(Array.from({ length: concurrency }, worker)).finally(() => clearInterval(progress));
  return { requests, seed, concurrency, byCategory, statuses, ...counts, failures };
}
