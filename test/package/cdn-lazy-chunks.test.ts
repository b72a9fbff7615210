/**
 * What a page needs only sometimes is not in the drop-in file it loads but in a chunk beside it,
 * fetched from the script's own origin when used (README.md, "Size"): `<kap-booking>`'s manage
 * views (only with a booking link) and its calendar-file writer (only once a time is held), and in
 * every file the website team's words for an unusable `api` attribute (only when it is). The
 * journey e2e test proves the chunks load in a browser. Needs `npm run build` first.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

const CDN = resolve(import.meta.dirname, '..', '..', 'dist', 'cdn');

function chunksOf(entry: string): string[] {
  return readdirSync(join(CDN, 'chunks'))
    .filter((name) => name.startsWith(`${entry}-`) && name.endsWith('.js'))
    .map((name) => readFileSync(join(CDN, 'chunks', name), 'utf8'));
}

/** Each file, and the code of it found only in one part: the manage view's cancel button, the iCalendar writer. */
const LAZY: { entry: string; part: string; marker: string }[] = [
  { entry: 'kap-booking', part: 'the manage views', marker: 'data-focus="cancel-action"' },
  { entry: 'kap-booking', part: 'the calendar-file writer', marker: 'BEGIN:VCALENDAR' },
  // In the file with all three, the checklist offers its reminders file at once: the writer stays.
  { entry: 'kap-elements', part: 'the manage views', marker: 'data-focus="cancel-action"' },
];

describe('the drop-in booking files', () => {
  it('leave the manage views and the calendar-file writer to their lazy chunks', () => {
    assert.ok(existsSync(join(CDN, 'kap-booking.js')), 'run `npm run build` first');
    for (const { entry, part, marker } of LAZY) {
      const file = readFileSync(join(CDN, `${entry}.js`), 'utf8');
      assert.ok(!file.includes(marker), `dist/cdn/${entry}.js carries ${part}`);
      assert.equal(chunksOf(entry).filter((chunk) => chunk.includes(marker)).length, 1, `one chunk of ${entry} carries ${part}`);
    }
  });
});

describe('every drop-in file', () => {
  it('leaves the website team’s words for an unusable api attribute to a lazy chunk', () => {
    const marker = 'Health information must travel encrypted';
    for (const entry of ['kap-booking', 'kap-intake', 'kap-prep-checklist', 'kap-elements']) {
      assert.ok(!readFileSync(join(CDN, `${entry}.js`), 'utf8').includes(marker), `dist/cdn/${entry}.js carries the words`);
      assert.equal(chunksOf(entry).filter((chunk) => chunk.includes(marker)).length, 1, `one chunk of ${entry} carries the words`);
    }
  });
});
