/**
 * What `npm start` prints when it cannot start: one line saying what is wrong and what to do, for the
 * failures a person can cause (a busy port, an unreachable DynamoDB endpoint, broken data), never a stack
 * trace. Broken data is the one case with more lines: each problem once, in data:check's format.
 */
import { DatasetError, formatIssue } from '../data/load/issue.ts';
import { StoreUnavailableError } from '../functions/store/diplomacy-store.ts';

export interface StartupSettings {
  readonly port: number;
  readonly host: string;
  /** The endpoint the user named (DYNAMODB_ENDPOINT); undefined for the embedded store. */
  readonly dynamodbEndpoint?: string;
}

/** The message for a failure we can explain, or null for anything else (a bug: print it whole). */
export function describeStartupFailure(error: unknown, settings: StartupSettings): string | null {
  const where = `${settings.host}:${settings.port}`;
  if (error instanceof DatasetError) {
    return (
      `npm start: the data in data/records/ has ${error.issues.length} problem(s); fix them and start again:\n` +
      error.issues.map((issue) => `  ${formatIssue(issue)}`).join('\n')
    );
  }
  if (error instanceof StoreUnavailableError) {
    const store =
      settings.dynamodbEndpoint === undefined
        ? 'the embedded DynamoDB'
        : `DynamoDB at ${settings.dynamodbEndpoint} (DYNAMODB_ENDPOINT)`;
    return `npm start: ${store} ${whatWentWrong(error.cause)}; is it running? Unset DYNAMODB_ENDPOINT to use the embedded one.`;
  }
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'EADDRINUSE':
      return `npm start: port ${settings.port} on ${settings.host} is already in use (another npm start?); stop that process or pick another port, e.g. PORT=${settings.port === 3000 ? 3001 : 3000} npm start`;
    case 'EACCES':
      return `npm start: no permission to listen on ${where}; pick a port above 1023, e.g. PORT=3000 npm start`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `npm start: HOST=${settings.host} is not an address of this machine; use 127.0.0.1 (the default) or 0.0.0.0`;
  }
  return null;
}

function whatWentWrong(cause: unknown): string {
  const name = cause instanceof Error ? cause.name : '';
  const code = (cause as NodeJS.ErrnoException | undefined)?.code ?? '';
  if (name === 'TimeoutError' || code === 'ETIMEDOUT') return 'did not answer in time';
  if (code === 'ECONNREFUSED') return 'refused the connection';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'has a host name that does not resolve';
  if (name === 'ResourceNotFoundException') return 'has no such table';
  return `failed (${[name, code].filter(Boolean).join(' ') || 'unknown error'})`;
}
