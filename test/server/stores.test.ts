/**
 * The store suite (test/server/stores/suite.ts) against the SQLite engine: in memory, and on a
 * file with three more connections in worker threads, so that concurrent attempts are truly
 * parallel transactions on one database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStores } from '../../server/stores/sqlite/index.js';
import { sqlitePeer, type SqlitePeer } from './stores/sqlite-peer.js';
import { runStoreSuite } from './stores/suite.js';

const TIME_ZONE = 'America/New_York';

runStoreSuite('SQLite in memory', async () => {
  const stores = openSqliteStores(':memory:', { timeZone: TIME_ZONE });
  return { stores, dispose: () => stores.close() };
});

runStoreSuite('SQLite file, several connections', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kap-store-suite-'));
  const path = join(dir, 'kap.sqlite');
  const stores = openSqliteStores(path, { timeZone: TIME_ZONE });
  const peers: SqlitePeer[] = [];
  return {
    stores,
    async connect() {
      const peer = await sqlitePeer(path, TIME_ZONE);
      peers.push(peer);
      return peer;
    },
    async dispose() {
      await Promise.all(peers.map((peer) => peer.terminate()));
      await stores.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
