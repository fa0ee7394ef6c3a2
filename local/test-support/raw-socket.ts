/**
 * One HTTP/1.1 exchange over a fresh TCP connection, with the request written byte for byte as given: no
 * client library validates or normalises anything (a NUL in the request line, a 20 kB header, a CONNECT).
 * The request asks for `Connection: close`, so the response ends with the connection. A request that
 * announces more body than it sends can only wait: `abandonAfterMs` gives up on it (status 0, `abandoned`).
 */
import { connect } from 'node:net';

export interface RawExchange {
  /** 0 when the server closed or reset the connection without a response. */
  readonly status: number;
  /** Lower-cased names; repeated headers joined with commas. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** A socket error, a timeout, or an unparseable response. */
  readonly failure?: string;
}

export function exchange(
  baseUrl: string,
  request: Buffer,
  { timeoutMs = 15_000, abandonAfterMs }: { timeoutMs?: number; abandonAfterMs?: number } = {},
): Promise<RawExchange> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let failure: string | undefined;
    const socket = connect(Number(port), hostname);
    socket.setTimeout(timeoutMs, () => {
      failure = 'timeout';
      socket.destroy();
    });
    if (abandonAfterMs !== undefined) {
      const abandon = setTimeout(() => {
        if (chunks.length > 0) return;
        failure = 'abandoned';
        socket.destroy();
      }, abandonAfterMs);
      socket.once('close', () => clearTimeout(abandon));
    }
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // The server may answer and close before reading the whole request (a 431): EPIPE/ECONNRESET then.
    socket.on('error', (error: NodeJS.ErrnoException) => (failure ??= error.code ?? error.message));
    socket.on('close', () => {
      const parsed = parseResponse(Buffer.concat(chunks));
      resolve(parsed.status === 0 ? { ...parsed, failure: failure ?? 'closed without a response' } : parsed);
    });
    socket.write(request);
  });
}

/** The final response (1xx interim responses skipped); chunked bodies decoded. */
export function parseResponse(data: Buffer): RawExchange {
  let rest = data;
  for (;;) {
    const end = rest.indexOf('\r\n\r\n');
    if (end === -1) return { status: 0, headers: {}, body: '' };
    const [statusLine = '', ...headerLines] = rest.subarray(0, end).toString('latin1').split('\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
    const body = rest.subarray(end + 4);
    if (status >= 100 && status < 200) {
      rest = body;
      continue;
    }
    const headers: Record<string, string> = {};
    for (const line of headerLines) {
      const colon = line.indexOf(':');
      if (colon === -1) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
    }
    const decoded = headers['transfer-encoding']?.toLowerCase() === 'chunked' ? dechunk(body) : body;
    return { status, headers, body: decoded.toString('utf8') };
  }
}

function dechunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset < data.length) {
    const lineEnd = data.indexOf('\r\n', offset);
    if (lineEnd === -1) break;
    const size = Number.parseInt(data.subarray(offset, lineEnd).toString('latin1'), 16);
    if (!(size > 0)) break;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
