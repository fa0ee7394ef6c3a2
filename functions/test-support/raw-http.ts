/**
 * HTTP requests with the request target sent exactly as given. fetch() would normalise it first (resolve
 * `../`, re-encode), which hides exactly the inputs the API must survive.
 */
import { Agent, request } from 'node:http';

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 8 });

export function rawRequest(
  baseUrl: string,
  target: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = request({ hostname, port, path: target, method, headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
      response.on('error', reject);
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      // A kept-alive socket the server closed (its 5 s keep-alive timeout) just as we reused it: the request
      // never reached a handler. Node's documented remedy is to send it again on a fresh socket.
      if (outgoing.reusedSocket && error.code === 'ECONNRESET') {
        rawRequest(baseUrl, target, { method, headers, body }).then(resolve, reject);
      } else reject(error);
    });
    // A request the server never answers must fail the test, not hang it.
    outgoing.setTimeout(10_000, () => outgoing.destroy(new Error(`no response to ${method} ${target.slice(0, 200)}`)));
    outgoing.end(body);
  });
}

/**
 * What an HTTP client puts on the wire for a string typed into a URL: every byte outside printable ASCII
 * percent-encoded (UTF-8; a lone surrogate becomes U+FFFD as in any encoder), and `%` kept as typed, so
 * malformed escapes such as `%E0%A4%A` reach the server.
 */
export function asRequestTarget(text: string): string {
  return Array.from(text, (character) =>
    /^[\x21-\x7e]$/.test(character)
      ? character
      : Array.from(Buffer.from(character, 'utf8'), (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  ).join('');
}
