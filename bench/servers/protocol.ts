/** Messages between the benchmark (./child.ts) and a server process (./process.ts). */

export interface MemorySample {
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
}

export type ParentMessage = { type: 'memory' } | { type: 'reset-peak' } | { type: 'gc' } | { type: 'close' };

export type ServerMessage =
  | { type: 'ready'; url: string; pid: number }
  | { type: 'failed'; message: string }
  | { type: 'memory'; now: MemorySample; peak: MemorySample };
