/**
 * One structured line per request. Only what operations needs: never bodies, quotes, paths or query
 * values (they are client input and may be anything).
 */

export interface RequestLogLine {
  /** Route name from ./routes.ts, or `unmatched`. */
  readonly route: string;
  readonly method: string;
  readonly status: number;
  readonly durationMs: number;
  /** Lambda's request id (matches its START/END/REPORT lines). */
  readonly requestId: string;
  /** API Gateway's request id (matches its access log). */
  readonly apiRequestId: string;
  /** For 5xx only: the error's class and our own message. */
  readonly error?: string;
}

export type RequestLogger = (line: RequestLogLine) => void;

/** A plain JSON line on stdout, which CloudWatch Logs Insights parses without a Lambda log-format setting. */
export const jsonLineLogger: RequestLogger = (line) => {
  process.stdout.write(`${JSON.stringify({ level: line.status >= 500 ? 'ERROR' : 'INFO', ...line })}\n`);
};

export const silentLogger: RequestLogger = () => {};
