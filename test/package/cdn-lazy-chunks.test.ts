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

describe('the intake files', () => {
  /** The chunks a form's first page may wait for: instruments, the screening page, the crisis panel, the markdown renderer, date and consent questions. */
  const FIRST_RENDER = ['built-in', 'medical-screening', 'included-page', 'intake-parts', 'markdown', 'date-consent'];

  it('fetch what a first render waits for in one round trip: a chunk’s own imports are asked for beside it', () => {
    for (const entry of ['kap-intake', 'kap-elements']) {
      const file = readFileSync(join(CDN, `${entry}.js`), 'utf8');
      const names = readdirSync(join(CDN, 'chunks'));
      for (const part of FIRST_RENDER) {
        const chunk = names.find((name) => new RegExp(`^${entry}-${part}-[\\w-]{6}\\.js$`).test(name));
        assert.ok(chunk && file.includes(`import(\`./chunks/${chunk}\`)`), `${entry}.js imports its ${part} chunk`);
        const code = readFileSync(join(CDN, 'chunks', chunk), 'utf8');
        // A chunk imports only its entry ("../kap-intake.js", here already) or other chunks ("./…").
        for (const [, other] of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) {
          assert.ok(file.includes(`import(\`./chunks/${other}\`)`), `${entry}.js asks for ${other} beside ${chunk}, which imports it`);
        }
      }
    }
  });
});
