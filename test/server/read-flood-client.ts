/**
 * The attacker's side of read-flood.test.ts, in its own process so that its event loop does not
 * share the server's: fires `reads` GETs at once (over separate connections), and once the server
 * has begun answering them, one booking; prints what came back as one JSON line.
 *
 * argv: <base url> <read path> <reads> <forwarded-for addresses, comma-separated, or "-"> <booking JSON>
 */
import http from 'node:http';

const [base, readPath, readsArg, forwardedArg, bookingJson] = process.argv.slice(2) as [string, string, string, string, string];
const forwarded = forwardedArg === '-' ? [] : forwardedArg.split(',');
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(path, base), { method, headers, agent }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode!, ms: performance.now() - started }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

let answered = 0;
const reads = Array.from({ length: Number(readsArg) }, (_, i) => {
  const headers: Record<string, string> = forwarded.length ? { 'X-Forwarded-For': forwarded[i % forwarded.length]! } : {};
  return send('GET', readPath, headers).then((result) => {
    answered += 1;
    return result;
  });
});
while (answered === 0) await new Promise((resolve) => setImmediate(resolve));
const readsAnsweredBeforeBooking = answered;
const booking = await send(
  'POST',
  'bookings',
  { 'Content-Type': 'application/json', 'Idempotency-Key': `flood-${process.pid}`, ...(forwarded.length ? { 'X-Forwarded-For': forwarded[0]! } : {}) },
  bookingJson,
);
const results = await Promise.all(reads);
const statuses: Record<string, number> = {};
for (const { status } of results) statuses[status] = (statuses[status] ?? 0) + 1;
process.stdout.write(`${JSON.stringify({ statuses, booking, slowestReadMs: Math.max(...results.map((result) => result.ms)), readsAnsweredBeforeBooking })}\n`);
