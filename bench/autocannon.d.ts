/** Types for autocannon 9, which ships none: only what the benchmark uses. */
declare module 'autocannon' {
  interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
  }

  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    headers?: Record<string, string>;
    method?: string;
    /** Each connection sends these in turn, starting over after the last. */
    requests?: { method?: string; path?: string; headers?: Record<string, string> }[];
    /** Seconds before a request counts as timed out (default 10). */
    timeout?: number;
  }

  interface Result {
    /** Milliseconds. */
    latency: Histogram;
    /** Requests per second. */
    requests: Histogram & { total: number };
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    /** Seconds. */
    duration: number;
  }

  /** The running benchmark: a promise of the result that also emits each response as it arrives. */
  interface Instance extends PromiseLike<Result> {
    on(
      event: 'response',
      listener: (client: unknown, statusCode: number, responseBytes: number, responseTimeMs: number) => void,
    ): this;
  }

  export default function autocannon(options: Options): Instance;
}
