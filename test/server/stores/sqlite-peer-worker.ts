/** The worker behind `sqlitePeer()`: its own connection to the file, answering calls one by one. */
import { parentPort, workerData } from 'node:worker_threads';
import { isRefusal } from '../../../server/stores/refusal.js';
import { openSqliteStores } from '../../../server/stores/sqlite/index.js';
import type { PeerReply, PeerRequest } from './sqlite-peer.js';

const { path, timeZone } = workerData as { path: string; timeZone: string };
const stores = openSqliteStores(path, { timeZone });
const port = parentPort!;

port.on('message', async ({ id, store, method, args }: PeerRequest) => {
  let reply: PeerReply;
  try {
    const target = (store ? stores[store as keyof typeof stores] : stores) as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    reply = { id, value: await target[method]!(...args) };
  } catch (error) {
    reply = isRefusal(error)
      ? { id, refusal: { reason: error.reason, ...(error.retryAt !== undefined ? { retryAt: error.retryAt } : {}) } }
      : { id, error: String(error) };
  }
  port.postMessage(reply);
});
port.postMessage('ready');
