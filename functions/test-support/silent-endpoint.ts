/**
 * A TCP server that accepts every connection and never answers: the endpoint that hangs a client without
 * timeouts (a stuck proxy, a firewall that accepts and drops, a paused emulator).
 */
import { once } from 'node:events';
import { createServer, type AddressInfo, type Socket } from 'node:net';

export interface SilentEndpoint {
  /** e.g. `http://127.0.0.1:41234` */
  readonly url: string;
  /** Connections accepted so far: proof that a client reached it (and so timed out, not failed to connect). */
  readonly connections: number;
  close(): Promise<void>;
}

export async function startSilentEndpoint(): Promise<SilentEndpoint> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('error', () => {}); // the client hangs up when it gives up
    socket.on('close', () => sockets.delete(socket));
    socket.resume(); // read and discard whatever arrives, answer nothing
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get connections() {
      return connections;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
