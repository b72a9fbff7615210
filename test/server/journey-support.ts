/**
 * Helpers for the tests of the journey after booking: checklists, reschedule, follow-up windows
 * and the demo seed.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BookingBody, TestApp } from './support.js';

export interface Booked {
  id: string;
  token: string;
  booking: { id: string; service: string; start: string; end: string; status: string };
}

/** Books and asserts the 201. */
export async function booked(app: TestApp, body: Partial<BookingBody> & { start: string }): Promise<Booked> {
  const response = await app.book(body);
  const json = await response.json();
  assert.equal(response.status, 201, JSON.stringify(json));
  return { id: json.booking.id, token: json.accessToken, booking: json.booking };
}

export const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });

export function reschedule(app: TestApp, booking: { id: string; token: string }, body: unknown, key: string | null = randomUUID()): Promise<Response> {
  return app.postJson(`/bookings/${booking.id}/reschedule`, body, {
    ...bearer(booking.token),
    ...(key === null ? {} : { 'Idempotency-Key': key }),
  });
}

export function getChecklist(app: TestApp, booking: { id: string; token: string }): Promise<Response> {
  return app.request(`/bookings/${booking.id}/checklist`, { headers: bearer(booking.token) });
}

export function putItem(app: TestApp, booking: { id: string; token: string }, itemId: string, body: unknown): Promise<Response> {
  return app.request(`/bookings/${booking.id}/checklist/${encodeURIComponent(itemId)}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', ...bearer(booking.token) },
    body: JSON.stringify(body),
  });
}

export function followUpAvailability(
  app: TestApp,
  after: string | undefined,
  token: string | undefined,
  from: string,
  to: string,
  service = 'integration',
): Promise<Response> {
  const query = new URLSearchParams({ service, from, to, ...(after === undefined ? {} : { after }) });
  return app.request(`/availability?${query}`, { headers: token === undefined ? {} : bearer(token) });
}

/** Temp folders removed by `cleanup()` (call it from `after`). */
export function tempDirs(prefix: string): { make(): string; cleanup(): void } {
  const dirs: string[] = [];
  return {
    make() {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
    cleanup() {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}
