/**
 * A clinic for one story: the real reference backend, in memory, behind the Storybook server
 * (test/support/reference-backend.js, as in the browser tests), at `/api/<story>-<n>/`. Only where
 * a story asks does a fault stand in front of it: what the real backend cannot produce on demand
 * (a request that never ends, offline, a 5xx, a 429, an answer that breaks the contract). Every
 * other request, and everything a story sets up (bookings made earlier, items checked off), goes
 * to the real server.
 */
import type { AvailabilityResponse, Booking, BookingCreatedResponse, Slot } from '../../src/api/schemas.js';
import { MAX_AVAILABILITY_DAYS } from '../../src/scheduling/slots.js';

/** How one endpoint answers, in place of the real backend. */
export type Reply =
  /** The real backend answers. */
  | 'ok'
  /** Never answers (until the request is aborted): loading and submitting states. */
  | 'never'
  /** `fetch` rejects, as when offline or blocked by CORS. */
  | 'network-error'
  /** `200` with a body that breaks the contract. */
  | 'wrong-shape'
  /**
   * An error in the contract's envelope. `slot_unavailable` on a request that holds no time (a hold,
   * or a booking made without one) is made true instead: someone else books that time on the real
   * backend first, and the real backend answers. With a hold, the page's own hold keeps the time
   * out of the fresh times.
   */
  | ErrorReply;

export interface ErrorReply {
  status: number;
  code: string;
  message?: string;
  /** Sent as `Retry-After` (seconds). */
  retryAfterSeconds?: number;
}

/** A reply, or replies for successive requests (the last one repeats). */
export type Replies = Reply | Reply[];

const ENDPOINTS = {
  services: ['GET', /^services$/],
  availability: ['GET', /^availability$/],
  hold: ['POST', /^holds$/],
  releaseHold: ['DELETE', /^holds\/[^/]+$/],
  booking: ['POST', /^bookings$/],
  readBooking: ['GET', /^bookings\/[^/]+$/],
  cancel: ['POST', /^bookings\/[^/]+\/cancel$/],
  reschedule: ['POST', /^bookings\/[^/]+\/reschedule$/],
  checklist: ['GET', /^bookings\/[^/]+\/checklist$/],
  checklistItem: ['PUT', /^bookings\/[^/]+\/checklist\/[^/]+$/],
  form: ['GET', /^forms\/[^/]+$/],
  intake: ['POST', /^intake-responses$/],
  emailLinks: ['POST', /^booking-access\/email-links$/],
} as const satisfies Record<string, readonly [string, RegExp]>;

export type Endpoint = keyof typeof ENDPOINTS;

/** How a story's clinic is set up, and the faults in front of it. */
export interface ClinicScript extends Partial<Record<Endpoint, Replies>> {
  /** How long a hold lasts, in seconds; default the server's (5 minutes). */
  holdSeconds?: number;
  /** The clinic has no opening hours, so no free times at all. */
  noSlots?: boolean;
  /** The intake forms the clinic serves; default the demo intake (`kap-demo-intake`). */
  forms?: readonly unknown[];
  /** Checklist templates by service (`null`: none); default the demo clinic's. */
  checklists?: Record<string, unknown>;
}

/** One request the element made, for `play` functions to assert on. */
export interface RecordedRequest {
  method: string;
  /** Relative to the clinic's `api`, e.g. `bookings`. */
  path: string;
  idempotencyKey: string | null;
}

/** What the clinic's database holds (see `/api-records/` in test/support/reference-backend.js). */
export interface ClinicRecords {
  bookings: { id: string; status: Booking['status']; startMs: number; name: string }[];
  intakeResponses: { id: string; answers: string }[];
}

export interface Clinic {
  /** The base URL to put in the element's `api` attribute. */
  readonly api: string;
  /** Every request the page made to it, in order. */
  readonly requests: RecordedRequest[];
  records(): Promise<ClinicRecords>;
}

interface ClinicState extends Clinic {
  script: ClinicScript;
  calls: Map<Endpoint, number>;
}

const clinics = new Map<string, ClinicState>();
const realFetch: typeof fetch = window.fetch.bind(window);
let counter = 0;

/** Opens a fresh clinic on the real backend, set up as `script` says. */
export async function openClinic(name: string, script: ClinicScript = {}): Promise<Clinic> {
  installFetch();
  const namespace = `${name.replace(/[^a-z0-9-]/gi, '-').toLowerCase()}-${Date.now().toString(36)}${++counter}`;
  const options = script.holdSeconds === undefined ? '' : `~holdSeconds=${script.holdSeconds}`;
  const checklists = script.checklists ?? {};
  if (script.forms || script.noSlots || Object.keys(checklists).length) {
    const setup = await realFetch(`/api-setup/${encodeURIComponent(namespace + options)}`, {
      method: 'POST',
      body: JSON.stringify({ forms: script.forms, checklists, closed: script.noSlots ?? false }),
    });
    if (!setup.ok) throw new Error(`The story's clinic could not be set up: ${await setup.text()}`);
  }
  const api = `/api/${encodeURIComponent(namespace + options)}/`;
  const state: ClinicState = {
    api,
    requests: [],
    script,
    calls: new Map(),
    records: async () => (await realFetch(`/api-records/${encodeURIComponent(namespace + options)}`)).json(),
  };
  clinics.set(api, state);
  return state;
}

/** Someone who booked through the API earlier: the client of a seeded booking. */
const EARLIER_CLIENT = { name: 'Robin Earlier-Visit', email: 'robin.earlier@example.org', phone: '+1 212 555 0142' };
const SOMEONE_ELSE = { name: 'Sam Someone-Else', email: 'sam.else@example.org', phone: '+1 212 555 0199' };
const DAY = 86_400_000;

/** Where a booking placed in advance should lie. */
export interface SeedOptions {
  /** The earliest day it may start, counted from today; default 2. */
  daysAhead?: number;
  /** Weekdays it may fall on in the clinic's zone (0 = Sunday); default any open day. */
  weekdays?: number[];
  /** Cancel it after booking. */
  cancelled?: boolean;
}

/** Books the first free `service` time that fits `options` through the real API, as an earlier visit would have. */
export async function seedBooking(clinic: Clinic, service: string, options: SeedOptions = {}): Promise<BookingCreatedResponse> {
  const from = Date.now() + (options.daysAhead ?? 2) * DAY;
  const { slots, timeZone } = await availability(clinic, service, from, from + 28 * DAY);
  const slot = slots.find((candidate) => !options.weekdays || options.weekdays.includes(weekdayIn(candidate.start, timeZone)));
  if (!slot) throw new Error(`No free ${service} time to seed a booking on`);
  const created = (await post(clinic, 'bookings', {
    service,
    start: slot.start,
    client: EARLIER_CLIENT,
    consent: { privacy: true },
  })) as BookingCreatedResponse;
  if (options.cancelled) {
    await post(clinic, `bookings/${created.booking.id}/cancel`, {}, created.accessToken);
    return { ...created, booking: { ...created.booking, status: 'cancelled' } };
  }
  return created;
}

/** A booking as the real backend now has it. */
export async function bookingOnServer(clinic: Clinic, seeded: BookingCreatedResponse): Promise<Booking> {
  const response = await realFetch(`${clinic.api}bookings/${seeded.booking.id}`, { headers: { Authorization: `Bearer ${seeded.accessToken}` } });
  if (!response.ok) throw new Error(`GET booking: ${response.status}`);
  return ((await response.json()) as { booking: Booking }).booking;
}

/** Checks off `itemIds` of a booking's checklist through the real API, as the client would have on an earlier visit. */
export async function checkOff(clinic: Clinic, seeded: BookingCreatedResponse, itemIds: readonly string[]): Promise<void> {
  for (const itemId of itemIds) {
    const response = await realFetch(`${clinic.api}bookings/${seeded.booking.id}/checklist/${itemId}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${seeded.accessToken}` },
      body: JSON.stringify({ done: true }),
    });
    if (!response.ok) throw new Error(`Checking off ${itemId}: ${response.status}`);
  }
}

async function availability(clinic: Clinic, service: string, fromMs: number, toMs: number): Promise<{ slots: Slot[]; timeZone: string }> {
  const slots: Slot[] = [];
  let timeZone = '';
  for (let from = fromMs; from < toMs; from += MAX_AVAILABILITY_DAYS * DAY) {
    const to = Math.min(toMs, from + MAX_AVAILABILITY_DAYS * DAY);
    const query = new URLSearchParams({ service, from: instant(from), to: instant(to) });
    const response = await realFetch(`${clinic.api}availability?${query}`);
    if (!response.ok) throw new Error(`availability of ${service}: ${response.status}`);
    const part = (await response.json()) as AvailabilityResponse;
    slots.push(...part.slots);
    timeZone = part.timeZone;
  }
  return { slots, timeZone };
}

async function post(clinic: Clinic, path: string, body: unknown, token?: string): Promise<unknown> {
  const response = await realFetch(`${clinic.api}${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'Idempotency-Key': crypto.randomUUID(),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

function instant(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function weekdayIn(at: string, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }).format(Date.parse(at));
  return ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(name);
}

// ---- faults in front of the real backend ---------------------------------------------------------

let installed = false;

function installFetch(): void {
  if (installed) return;
  installed = true;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const clinic = [...clinics.values()].find((candidate) => url.pathname.startsWith(candidate.api));
    if (!clinic) return realFetch(request);
    const path = decodeURIComponent(url.pathname.slice(clinic.api.length));
    clinic.requests.push({ method: request.method, path, idempotencyKey: request.headers.get('Idempotency-Key') });
    const endpoint = (Object.keys(ENDPOINTS) as Endpoint[]).find((name) => {
      const [method, pattern] = ENDPOINTS[name];
      return method === request.method && pattern.test(path);
    });
    const reply = endpoint ? nextReply(clinic, endpoint) : 'ok';
    if (reply === 'ok') return realFetch(request);
    if (reply === 'never') return never(request.signal);
    if (reply === 'network-error') throw new TypeError('Failed to fetch');
    if (reply === 'wrong-shape') return json(200, { slots: 'soon', note: 'this backend does not follow the contract' });
    if (reply.code === 'slot_unavailable' && (await someoneElseBooks(clinic, path, request.clone()))) return realFetch(request);
    return json(
      reply.status,
      { error: { code: reply.code, message: reply.message ?? reply.code.replace(/_/g, ' ') } },
      reply.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(reply.retryAfterSeconds) },
    );
  };
}

function nextReply(clinic: ClinicState, endpoint: Endpoint): Reply {
  const replies = clinic.script[endpoint];
  const n = clinic.calls.get(endpoint) ?? 0;
  clinic.calls.set(endpoint, n + 1);
  if (replies === undefined) return 'ok';
  if (!Array.isArray(replies)) return replies;
  return replies[Math.min(n, replies.length - 1)] ?? 'ok';
}

/** Makes a scripted `slot_unavailable` true when no hold of the page's keeps the time: someone else books it. */
async function someoneElseBooks(clinic: Clinic, path: string, request: Request): Promise<boolean> {
  const body = (await request.json()) as { service?: string; start: string; holdId?: string };
  if (body.holdId) return false;
  let service = body.service;
  const moving = /^bookings\/([^/]+)\/reschedule$/.exec(path);
  if (moving) {
    const response = await realFetch(`${clinic.api}bookings/${moving[1]}`, { headers: { Authorization: request.headers.get('Authorization') ?? '' } });
    service = ((await response.json()) as { booking: Booking }).booking.service;
  }
  await post(clinic, 'bookings', { service, start: body.start, client: SOMEONE_ELSE, consent: { privacy: true } });
  return true;
}

function never(signal: AbortSignal): Promise<Response> {
  return new Promise((_, reject) => {
    const abort = () => reject(signal.reason ?? new DOMException('The request was aborted.', 'AbortError'));
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
  });
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } });
}
