/**
 * The store suite: the behaviour every engine of `Stores` (server/stores/types.ts) must have, run
 * against an engine by `runStoreSuite(name, open)`. It speaks only the interface, so a second
 * engine (PostgreSQL) adds one test file that calls it with its own `open`, and passes or fails on
 * exactly what the SQLite engine passes.
 *
 * `open` makes a fresh, empty database seeded with the demo clinic. Where the engine has more than
 * one connection to a database (a file, a server), `connect` gives another one, and the
 * concurrency tests spread their attempts over several: only the database can then keep a slot single.
 * The staff side (accounts, sessions, sign-in throttling, API keys, the audit log) is in staff.ts;
 * the console's (requests, decisions, the safety queue) in console.ts; the outbox's in notifications.ts.
 */
import { describe } from 'node:test';
import type { Stores } from '../../../server/stores/types.js';
import { availabilitySuite } from './availability.js';
import { bookingSuite } from './bookings.js';
import { checklistSuite } from './checklists.js';
import { clinicSuite } from './clinic.js';
import { concurrencySuite } from './concurrency.js';
import { configurationSuite } from './configuration.js';
import { consoleSuite } from './console.js';
import { holdSuite } from './holds.js';
import { idempotencySuite } from './idempotency.js';
import { intakeSuite } from './intake.js';
import { notificationSuite } from './notifications.js';
import { rescheduleSuite } from './reschedule.js';
import { staffSuite } from './staff.js';
import type { OpenStores } from './fixtures.js';

export type { OpenStores, StoreHarness } from './fixtures.js';

export function runStoreSuite(name: string, open: OpenStores): void {
  describe(`store suite: ${name}`, () => {
    clinicSuite(open);
    configurationSuite(open);
    availabilitySuite(open);
    holdSuite(open);
    bookingSuite(open);
    rescheduleSuite(open);
    checklistSuite(open);
    intakeSuite(open);
    idempotencySuite(open);
    staffSuite(open);
    consoleSuite(open);
    notificationSuite(open);
    concurrencySuite(open);
  });
}

export type { Stores };
