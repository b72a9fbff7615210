/** Starting and stopping @hono/node-server servers, with the real port when asked for port 0. */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';

/** Serves `fetch` with @hono/node-server; rejects when the port cannot be bound. */
export function listen(fetch: Parameters<typeof serve>[0]['fetch'], port: number, hostname: string): Promise<{ server: ServerType; port: number }> {
  return new Promise((resolvePromise, reject) => {
    const server = serve({ fetch, port, hostname }, (info: AddressInfo) => resolvePromise({ server, port: info.port }));
    server.once('error', reject);
  });
}

export function closeServer(server: ServerType): Promise<void> {
  return new Promise((resolvePromise) => {
    server.close(() => resolvePromise());
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
}
