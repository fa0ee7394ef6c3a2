/** dynalite (the DynamoDB wire protocol in pure Node) in this process, on a free loopback port. */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';

export interface EmbeddedDynamoDb {
  readonly endpoint: string;
  close(): Promise<void>;
}

/** In memory, or persisted as LevelDB in `dataDir`. */
export async function startEmbeddedDynamoDb({ dataDir }: { dataDir?: string } = {}): Promise<EmbeddedDynamoDb> {
  // 0 ms: tables are ACTIVE at once (dynalite's default mimics AWS's half-second delay).
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(dataDir ? { path: dataDir } : {}) });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
