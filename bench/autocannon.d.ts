/** Types for autocannon 9, which ships none: only what the benchmark uses. */
declare module 'autocannon' {
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    /** Each connection sends these in turn, starting over after the last. */
    requests?: { method?: string; path?: string }[];
    /** Seconds before a request counts as timed out (default 10). */
    timeout?: number;
  }

  interface Result {
    errors: number;
    timeouts: number;
    non2xx: number;
    /** Seconds. */
    duration: number;
  }

  /** The running benchmark: a promise of the result that also emits each response as it arrives. */
  interface Instance extends PromiseLike<Result> {
    on(event: 'response', listener: (client: unknown, statusCode: number, responseBytes: number, responseTimeMs: number) => void): this;
  }

  export default function autocannon(options: Options): Instance;
}
