/**
 * A server process for the kill -9 test (notifications-restart.test.ts), over the SQLite file
 * `argv[2]`. Mode `change`: books through the API, prints `committed`, and waits to be killed before
 * any worker runs. Mode `sending`: books, starts the worker with a transport that never finishes,
 * prints `sending` once a delivery is claimed and being sent, and waits to be killed.
 */
import { randomUUID } from 'node:crypto';
import { createApp } from '../../server/app.js';

const [path, mode] = process.argv.slice(2);
const kap = createApp({ db: path!, now: () => new Date(Date.parse('2026-03-02T12:00:00Z')) });
const response = await kap.app.request('/bookings', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
  body: JSON.stringify({
    service: 'consultation',
    start: '2026-03-03T15:00:00Z',
    client: { name: 'Rosalind Vance', email: 'rosalind.vance@example.com', phone: '+1 212 555 0147' },
    consent: { privacy: true },
  }),
});
if (response.status !== 201) throw new Error(`booking answered ${response.status}`);
if (mode === 'change') {
  process.stdout.write('committed\n');
} else {
  kap.startNotifications({
    email: {
      kind: 'test',
      send: () => {
        process.stdout.write('sending\n');
        return new Promise<void>(() => {});
      },
    },
    siteUrl: 'http://site.test/',
    consoleUrl: 'http://kap.test/console/',
    leaseMs: 60_000,
    pollMs: 20,
  });
}
setInterval(() => {}, 1000);
