/**
 * A scripted, in-browser clinic backend for the stories. It answers the contract's paths under
 * `https://demo.kap.invalid/<name>/` and lets every other request through to the real `fetch`, so
 * an element in a story talks to it exactly as it would to a clinic's server: same URLs, headers,
 * status codes and error envelopes. Every body it sends (except a deliberately wrong one) is
 * validated with the contract's schemas first, and every request body it receives is validated
 * as the reference backend would.
 *
 * Each call to `demoBackend()` gets its own base URL and state, so several stories can share a
 * docs page, and a story re-rendered starts from a fresh clinic.
 */
import {
  AvailabilityResponse,
  BookingCreatedResponse,
  BookingRequest,
  BookingResponse,
  ChecklistItemResponse,
  ChecklistItemUpdate,
  ChecklistResponse,
  ErrorBody,
  HoldRequest,
  HoldResponse,
  IntakeResponseCreated,
  RescheduleRequest,
  ServicesResponse,
  type Booking,
  type ChecklistItemState,
  type Hold,
  type Service,
  type Slot,
} from '../src/api/schemas.js';
import { addDays, dayOf, parseDay, toInstant, zoneOffsetMinutes } from '../src/scheduling/zones.js';
import { DEMO_INTAKE_FORM } from '../src/forms/demo-intake.js';
import { IntakeSubmission, checkSubmission, parseFormDefinition } from '../src/forms/index.js';
import { KAP_DEFAULT_CHECKLIST, itemTexts, type ChecklistDefinitionInput } from '../src/checklist/index.js';

export const DEMO_ORIGIN = 'https://demo.kap.invalid';

const MINUTE = 60_000;

/** How one endpoint answers a request. */
export type Reply =
  /** What a correct backend would answer. */
  | 'ok'
  /** Never answers (until the request is aborted): loading and submitting states. */
  | 'never'
  /** `fetch` rejects, as when offline or blocked by CORS. */
  | 'network-error'
  /** `200` with a body that breaks the contract. */
  | 'wrong-shape'
  /** An error in the contract's envelope, e.g. `{ status: 409, code: 'slot_unavailable' }`. */
  | ErrorReply;

export interface ErrorReply {
  status: number;
  code: string;
  message?: string;
  fields?: Record<string, string>;
  /** Sent as `Retry-After` (seconds). */
  retryAfterSeconds?: number;
}

/** A reply, or a sequence of replies for successive requests (the last one repeats). */
export type Replies = Reply | Reply[];

export interface DemoScript {
  /** Delay before each answer, in ms; default 120. */
  delayMs?: number;
  /** The clinic's IANA zone; default `America/New_York`. */
  clinicTimeZone?: string;
  /** Weekday opening hours in the clinic's zone, `[open, close)` in hours; default `[9, 17]`. */
  openingHours?: [number, number];
  /** Minutes between slot starts; default 30. */
  slotEveryMinutes?: number;
  /** Minimum notice before a slot can be booked, in minutes; default 60. */
  minimumNoticeMinutes?: number;
  /** No free slots at all (a fully booked clinic). */
  noSlots?: boolean;
  /** How long a hold lasts, in seconds; default 300. */
  holdSeconds?: number;
  services?: Replies;
  availability?: Replies;
  hold?: Replies;
  releaseHold?: Replies;
  booking?: Replies;
  /** `GET forms/{id}`. */
  form?: Replies;
  /** `POST intake-responses`. */
  intake?: Replies;
  /** Intake form definitions by id; default the demo clinic's intake as `kap-demo-intake`. */
  forms?: Record<string, unknown>;
  /** `GET bookings/{id}/checklist` (after the token check). */
  checklist?: Replies;
  /** `PUT bookings/{id}/checklist/{itemId}` (after the token check). */
  checklistItem?: Replies;
  /** The checklist every booking gets; default the library's KAP example set. */
  checklistDefinition?: ChecklistDefinitionInput;
  /** `GET bookings/{id}` (after the token check). */
  readBooking?: Replies;
  /** `POST bookings/{id}/cancel` (after the token check). */
  cancel?: Replies;
  /** `POST bookings/{id}/reschedule` (after the token check). */
  reschedule?: Replies;
}

/** The demo clinic's services, as the reference backend seeds them. */
export const DEMO_SERVICES: Service[] = [
  {
    id: 'consultation',
    name: 'Consultation',
    description: 'A first conversation with a clinician: medical screening and whether KAP is right for you.',
    durationMinutes: 45,
    location: 'virtual',
    mode: 'instant',
  },
  {
    id: 'preparation',
    name: 'Preparation session',
    description: 'Clarify your goals, set an intention and learn what to expect.',
    durationMinutes: 60,
    location: 'virtual',
    mode: 'instant',
  },
  {
    id: 'administration',
    name: 'Ketamine session',
    description: 'Ketamine given in the clinic under medical supervision; about two hours in person.',
    durationMinutes: 120,
    location: 'in_person',
    mode: 'request',
  },
  {
    id: 'integration',
    name: 'Integration session',
    description: 'Meet your therapist within 24–48 hours to process the experience.',
    durationMinutes: 60,
    location: 'virtual',
    mode: 'instant',
    // Booked only 24–48 hours after a ketamine session ends, as the reference backend seeds it.
    followUp: { after: 'administration', minHoursAfterEnd: 24, maxHoursAfterEnd: 48 },
  },
];

/** Where a booking placed in advance (`seedBooking`) should lie. */
export interface SeedOptions {
  /** The earliest day it may start, counted from today; default 2. */
  daysAhead?: number;
  /** Weekdays it may fall on in the clinic's zone (0 = Sunday); default any open day. */
  weekdays?: number[];
  /** Default: what the service's mode gives (`confirmed` or `requested`). */
  status?: Booking['status'];
}

/** One request as the demo backend records it, for `play` functions to assert on. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  idempotencyKey: string | null;
}

export interface DemoBackend {
  /** The base URL to put in the element's `api` attribute. */
  readonly api: string;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** Bookings made, by id. */
  readonly bookings: Map<string, Booking>;
  /**
   * Places a booking as an earlier visit (or the clinic's staff) would have, on the first free
   * slot that fits `options`, and returns it with its access token: for manage and integration stories.
   */
  seedBooking(service: string, options?: SeedOptions): { booking: Booking; accessToken: string };
}

interface State extends Omit<DemoBackend, 'seedBooking'> {
  script: DemoScript;
  calls: Map<keyof DemoScript, number>;
  holds: Map<string, Hold>;
  /** Slot starts (ms) nobody can book any more: booked here, or taken by "someone else". */
  taken: Set<number>;
  tokens: Map<string, string>;
  replayed: Map<string, { status: number; body: unknown }>;
  /** Each booking's checklist items with their state, made when first asked for. */
  checklists: Map<string, ChecklistItemState[]>;
}

const backends = new Map<string, State>();
let counter = 0;

/** Sets up a fresh demo clinic and returns it; its `api` is what the element's `api` attribute gets. */
export function demoBackend(script: DemoScript = {}, name = 'clinic'): DemoBackend {
  installFetch();
  const slug = `${name.replace(/[^a-z0-9-]/gi, '-').toLowerCase()}-${++counter}`;
  const state: State = {
    api: `${DEMO_ORIGIN}/${slug}/`,
    requests: [],
    bookings: new Map(),
    script,
    calls: new Map(),
    holds: new Map(),
    taken: new Set(),
    tokens: new Map(),
    replayed: new Map(),
    checklists: new Map(),
  };
  backends.set(slug, state);
  return { ...state, seedBooking: (service, options) => seedBooking(state, service, options) };
}

function seedBooking(state: State, serviceId: string, options: SeedOptions = {}): { booking: Booking; accessToken: string } {
  const service = serviceById(serviceId);
  if (!service) throw new Error(`No demo service ${serviceId}`);
  const timeZone = state.script.clinicTimeZone ?? 'America/New_York';
  const from = Date.now() + (options.daysAhead ?? 2) * 24 * 60 * MINUTE;
  const slot = freeSlots(state, service, timeZone, from, from + 28 * 24 * 60 * MINUTE).find(
    (candidate) => !options.weekdays || options.weekdays.includes(new Date(parseDay(dayOf(candidate.start, timeZone))).getUTCDay()),
  );
  if (!slot) throw new Error(`No free ${serviceId} slot to seed a booking on`);
  const booking: Booking = {
    id: `bk-${randomId(10)}`,
    service: service.id,
    start: slot.start,
    end: slot.end,
    status: options.status ?? (service.mode === 'request' ? 'requested' : 'confirmed'),
  };
  const accessToken = randomId(32);
  if (booking.status !== 'cancelled') state.taken.add(Date.parse(slot.start));
  state.bookings.set(booking.id, booking);
  state.tokens.set(booking.id, accessToken);
  return { booking, accessToken };
}

// ---- fetch interception ----------------------------------------------------------------------

const ORIGINAL_FETCH = Symbol.for('kap-elements.demo-backend.fetch');

function installFetch(): void {
  const global = globalThis as typeof globalThis & { [ORIGINAL_FETCH]?: typeof fetch };
  if (global[ORIGINAL_FETCH]) return;
  const original = globalThis.fetch.bind(globalThis);
  global[ORIGINAL_FETCH] = original;
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (url.origin !== DEMO_ORIGIN) return original(input, init);
    return answer(new Request(url, init ?? (input instanceof Request ? input : undefined)), url, init?.signal ?? undefined);
  };
}

async function answer(request: Request, url: URL, signal: AbortSignal | undefined): Promise<Response> {
  const [slug, ...segments] = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const state = slug ? backends.get(slug) : undefined;
  state?.requests.push({
    method: request.method,
    path: segments.join('/'),
    query: Object.fromEntries(url.searchParams),
    idempotencyKey: request.headers.get('Idempotency-Key'),
  });
  const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
  await wait(state?.script.delayMs ?? 120, signal);
  if (!state) return error(404, 'not_found', 'No demo clinic at this address.');
  return route(state, request.method, segments, url.searchParams, request.headers, body, signal);
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = () => reject(signal?.reason ?? new DOMException('The request was aborted.', 'AbortError'));
    if (signal?.aborted) return aborted();
    if (ms === Infinity) {
      signal?.addEventListener('abort', aborted, { once: true });
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), aborted()), { once: true });
  });
}

/** The scripted reply for the next call to `endpoint`. */
function nextReply(state: State, endpoint: keyof DemoScript): Reply {
  const replies = state.script[endpoint] as Replies | undefined;
  const n = state.calls.get(endpoint) ?? 0;
  state.calls.set(endpoint, n + 1);
  if (replies === undefined) return 'ok';
  if (!Array.isArray(replies)) return replies;
  return replies[Math.min(n, replies.length - 1)] ?? 'ok';
}

/** Applies a scripted non-`ok` reply; returns undefined when the endpoint should answer normally. */
async function scripted(reply: Reply, signal: AbortSignal | undefined): Promise<Response | undefined> {
  if (reply === 'ok') return undefined;
  if (reply === 'never') {
    await wait(Infinity, signal);
    throw new Error('unreachable');
  }
  if (reply === 'network-error') throw new TypeError('Failed to fetch');
  if (reply === 'wrong-shape') return json(200, { slots: 'soon', note: 'this backend does not follow the contract' });
  return error(reply.status, reply.code, reply.message, reply.fields, reply.retryAfterSeconds);
}

// ---- routes ----------------------------------------------------------------------------------

async function route(
  state: State,
  method: string,
  segments: string[],
  query: URLSearchParams,
  headers: Headers,
  body: string,
  signal: AbortSignal | undefined,
): Promise<Response> {
  const [resource, id, action] = segments;
  if (method === 'GET' && resource === 'services' && !id) {
    return (await scripted(nextReply(state, 'services'), signal)) ?? valid(200, ServicesResponse, { services: DEMO_SERVICES });
  }
  if (method === 'GET' && resource === 'availability' && !id) {
    return (await scripted(nextReply(state, 'availability'), signal)) ?? availability(state, query, headers);
  }
  if (method === 'POST' && resource === 'holds' && !id) {
    const reply = nextReply(state, 'hold');
    markTakenOnConflict(state, reply, body);
    return (await scripted(reply, signal)) ?? createHold(state, body);
  }
  if (method === 'DELETE' && resource === 'holds' && id && !action) {
    const reply = await scripted(nextReply(state, 'releaseHold'), signal);
    if (reply) return reply;
    return state.holds.delete(id) ? new Response(null, { status: 204 }) : error(404, 'not_found', 'No such hold.');
  }
  if (method === 'POST' && resource === 'bookings' && !id) {
    const reply = nextReply(state, 'booking');
    markTakenOnConflict(state, reply, body);
    return (await scripted(reply, signal)) ?? createBooking(state, headers, body);
  }
  if (resource === 'bookings' && id) {
    const booking = state.bookings.get(id);
    const authorised = booking && headers.get('Authorization') === `Bearer ${state.tokens.get(id)}`;
    if (!booking) return error(404, 'not_found', 'No such booking.');
    if (!authorised) return error(401, 'unauthorized', 'A valid access token is required.');
    if (method === 'GET' && !action) {
      return (await scripted(nextReply(state, 'readBooking'), signal)) ?? valid(200, BookingResponse, { booking });
    }
    if (method === 'POST' && action === 'reschedule') {
      const reply = nextReply(state, 'reschedule');
      markTakenOnConflict(state, reply, body);
      return (await scripted(reply, signal)) ?? reschedule(state, booking, headers, body);
    }
    if (method === 'GET' && action === 'checklist' && segments.length === 3) {
      return (await scripted(nextReply(state, 'checklist'), signal)) ?? checklist(state, booking);
    }
    if (method === 'PUT' && action === 'checklist' && segments.length === 4) {
      return (await scripted(nextReply(state, 'checklistItem'), signal)) ?? updateChecklistItem(state, booking, segments[3]!, body);
    }
    if (method === 'POST' && action === 'cancel') {
      const reply = await scripted(nextReply(state, 'cancel'), signal);
      if (reply) return reply;
      const cancelled: Booking = { ...booking, status: 'cancelled' };
      state.bookings.set(id, cancelled);
      state.taken.delete(Date.parse(booking.start));
      return valid(200, BookingResponse, { booking: cancelled });
    }
  }
  if (method === 'GET' && resource === 'forms' && id && !action) {
    return (await scripted(nextReply(state, 'form'), signal)) ?? serveForm(state, id);
  }
  if (method === 'POST' && resource === 'intake-responses' && !id) {
    return (await scripted(nextReply(state, 'intake'), signal)) ?? storeIntake(state, headers, body);
  }
  return error(404, 'not_found', `No route for ${method} ${segments.join('/')}.`);
}

function serviceById(id: string | null): Service | undefined {
  return DEMO_SERVICES.find((service) => service.id === id);
}

function availability(state: State, query: URLSearchParams, headers: Headers): Response {
  const service = serviceById(query.get('service'));
  const from = Date.parse(query.get('from') ?? '');
  const to = Date.parse(query.get('to') ?? '');
  if (!service) return error(404, 'not_found', 'Unknown service.');
  if (Number.isNaN(from) || Number.isNaN(to) || to <= from) {
    return error(422, 'validation_failed', 'from and to must be instants with from < to.', {
      from: 'Expected an ISO 8601 instant',
    });
  }
  const timeZone = state.script.clinicTimeZone ?? 'America/New_York';
  let slots = state.script.noSlots ? [] : freeSlots(state, service, timeZone, from, to);
  // A follow-up service is offered only in the window after the booking named by `after`.
  const followUp = service.followUp;
  if (followUp) {
    const after = query.get('after');
    if (!after) return error(422, 'validation_failed', 'Book this session from your earlier booking.', { after: 'Required' });
    const opener = state.bookings.get(after);
    if (!opener || headers.get('Authorization') !== `Bearer ${state.tokens.get(after)}`) {
      return error(401, 'unauthorized', 'A valid access token is required.');
    }
    if (opener.service !== followUp.after || opener.status === 'cancelled') {
      return error(422, 'validation_failed', 'That booking does not open this window.', { after: 'Not usable' });
    }
    const ended = Date.parse(opener.end);
    const [earliest, latest] = [ended + followUp.minHoursAfterEnd * 60 * MINUTE, ended + followUp.maxHoursAfterEnd * 60 * MINUTE];
    slots = slots.filter((slot) => Date.parse(slot.start) >= earliest && Date.parse(slot.start) <= latest);
  }
  return valid(200, AvailabilityResponse, { service: service.id, timeZone, slots });
}

/** Weekday slots within opening hours in the clinic's zone, minus taken and held ones. */
function freeSlots(state: State, service: Service, timeZone: string, from: number, to: number): Slot[] {
  const [open, close] = state.script.openingHours ?? [9, 17];
  const step = state.script.slotEveryMinutes ?? 30;
  const earliest = Date.now() + (state.script.minimumNoticeMinutes ?? 60) * MINUTE;
  const held = new Set([...state.holds.values()].filter(isLive).map((hold) => Date.parse(hold.start)));
  const slots: Slot[] = [];
  const lastDay = dayOf(new Date(to), timeZone);
  for (let day = dayOf(new Date(from), timeZone); day <= lastDay; day = addDays(day, 1)) {
    const weekday = new Date(parseDay(day)).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (let minute = open * 60; minute + service.durationMinutes <= close * 60; minute += step) {
      const start = wallClockInstant(day, minute, timeZone);
      if (start < from || start >= to || start < earliest || state.taken.has(start) || held.has(start)) continue;
      slots.push({ start: toInstant(start), end: toInstant(start + service.durationMinutes * MINUTE) });
    }
  }
  return slots;
}

/** The instant a wall clock in `timeZone` reads `minuteOfDay` on `day`. */
function wallClockInstant(day: string, minuteOfDay: number, timeZone: string): number {
  const asUTC = parseDay(day) + minuteOfDay * MINUTE;
  const first = asUTC - zoneOffsetMinutes(new Date(asUTC), timeZone) * MINUTE;
  return asUTC - zoneOffsetMinutes(new Date(first), timeZone) * MINUTE;
}

function isLive(hold: Hold): boolean {
  return Date.parse(hold.expiresAt) > Date.now();
}

function createHold(state: State, body: string): Response {
  const parsed = HoldRequest.safeParse(parseJson(body));
  if (!parsed.success) return validationError(parsed.error.issues);
  const service = serviceById(parsed.data.service);
  if (!service) return error(422, 'validation_failed', 'Unknown service.', { service: 'Unknown service' });
  const start = Date.parse(parsed.data.start);
  const heldByOther = [...state.holds.values()].some((hold) => isLive(hold) && Date.parse(hold.start) === start);
  if (state.taken.has(start) || heldByOther) return error(409, 'slot_unavailable', 'That time has just been taken.');
  const hold: Hold = {
    id: `hold-${randomId(12)}`,
    service: service.id,
    start: toInstant(start),
    end: toInstant(start + service.durationMinutes * MINUTE),
    expiresAt: toInstant(Math.floor(Date.now() / 1000) * 1000 + (state.script.holdSeconds ?? 300) * 1000),
  };
  state.holds.set(hold.id, hold);
  return valid(201, HoldResponse, { hold });
}

function createBooking(state: State, headers: Headers, body: string): Response {
  const key = headers.get('Idempotency-Key');
  if (!key) return error(400, 'idempotency_key_missing', 'POST bookings requires an Idempotency-Key header.');
  const replay = state.replayed.get(key);
  if (replay) return json(replay.status, replay.body);
  const parsed = BookingRequest.safeParse(parseJson(body));
  if (!parsed.success) return validationError(parsed.error.issues);
  const request = parsed.data;
  const service = serviceById(request.service);
  if (!service) return error(422, 'validation_failed', 'Unknown service.', { service: 'Unknown service' });
  const start = Date.parse(request.start);
  if (request.holdId) {
    const hold = state.holds.get(request.holdId);
    if (!hold || !isLive(hold)) return error(409, 'hold_expired', 'The hold on this time has expired.');
    if (Date.parse(hold.start) !== start) return error(409, 'slot_unavailable', 'The hold is for another time.');
    state.holds.delete(request.holdId);
  }
  if (state.taken.has(start)) return error(409, 'slot_unavailable', 'That time has just been taken.');
  const booking: Booking = {
    id: `bk-${randomId(10)}`,
    service: service.id,
    start: toInstant(start),
    end: toInstant(start + service.durationMinutes * MINUTE),
    status: service.mode === 'request' ? 'requested' : 'confirmed',
  };
  const accessToken = randomId(32);
  state.taken.add(start);
  state.bookings.set(booking.id, booking);
  state.tokens.set(booking.id, accessToken);
  const created = { booking, accessToken };
  BookingCreatedResponse.parse(created);
  state.replayed.set(key, { status: 201, body: created });
  return json(201, created);
}

/** Moves `booking` to a free slot of its service, atomically: never two bookings, never none. */
function reschedule(state: State, booking: Booking, headers: Headers, body: string): Response {
  const key = headers.get('Idempotency-Key');
  if (!key) return error(400, 'idempotency_key_missing', 'POST bookings/{id}/reschedule requires an Idempotency-Key header.');
  const replay = state.replayed.get(key);
  if (replay) return json(replay.status, replay.body);
  if (booking.status === 'cancelled') return error(409, 'booking_cancelled', 'This booking was cancelled.');
  const parsed = RescheduleRequest.safeParse(parseJson(body));
  if (!parsed.success) return validationError(parsed.error.issues);
  const service = serviceById(booking.service)!;
  const start = Date.parse(parsed.data.start);
  if (parsed.data.holdId) {
    const hold = state.holds.get(parsed.data.holdId);
    if (!hold || !isLive(hold)) return error(409, 'hold_expired', 'The hold on this time has expired.');
    if (Date.parse(hold.start) !== start) return error(409, 'slot_unavailable', 'The hold is for another time.');
    state.holds.delete(parsed.data.holdId);
  }
  const own = Date.parse(booking.start);
  if (start !== own && state.taken.has(start)) return error(409, 'slot_unavailable', 'That time has just been taken.');
  const moved: Booking = { ...booking, start: toInstant(start), end: toInstant(start + service.durationMinutes * MINUTE) };
  state.taken.delete(own);
  state.taken.add(start);
  state.bookings.set(booking.id, moved);
  const answer = { booking: moved };
  BookingResponse.parse(answer);
  state.replayed.set(key, { status: 200, body: answer });
  return json(200, answer);
}

// ---- checklists -------------------------------------------------------------------------------

/** A booking's checklist, copied from the demo clinic's definition when first asked for. */
function checklistItems(state: State, bookingId: string): ChecklistItemState[] {
  let items = state.checklists.get(bookingId);
  if (!items) {
    const definition = state.script.checklistDefinition ?? KAP_DEFAULT_CHECKLIST;
    items = definition.items.map((item) => ({
      id: item.id,
      ...itemTexts(item, definition.lang ?? 'en'),
      ...(item.dueOffsetMinutes === undefined ? {} : { dueOffsetMinutes: item.dueOffsetMinutes }),
      required: item.required ?? true,
      done: false,
    }));
    state.checklists.set(bookingId, items);
  }
  return items;
}

function checklist(state: State, booking: Booking): Response {
  const timeZone = state.script.clinicTimeZone ?? 'America/New_York';
  return valid(200, ChecklistResponse, { booking, timeZone, items: checklistItems(state, booking.id) });
}

function setItemDone(items: ChecklistItemState[], index: number, done: boolean): ChecklistItemState {
  const { doneAt, ...rest } = items[index]!;
  const item: ChecklistItemState = done
    ? { ...rest, done: true, doneAt: doneAt ?? toInstant(Math.floor(Date.now() / 1000) * 1000) }
    : { ...rest, done: false };
  items[index] = item;
  return item;
}

function updateChecklistItem(state: State, booking: Booking, itemId: string, body: string): Response {
  if (booking.status === 'cancelled') return error(409, 'booking_cancelled', 'This booking was cancelled.');
  const parsed = ChecklistItemUpdate.safeParse(parseJson(body));
  if (!parsed.success) return validationError(parsed.error.issues);
  const items = checklistItems(state, booking.id);
  const index = items.findIndex((item) => item.id === itemId);
  if (index < 0) return error(404, 'not_found', 'This checklist has no such item.');
  return valid(200, ChecklistItemResponse, { item: setItemDone(items, index, parsed.data.done) });
}

/** Checks off `itemIds` of a booking's checklist, as the client would have on an earlier visit. */
export function checkOffDemoItems(backend: DemoBackend, bookingId: string, itemIds: readonly string[]): void {
  const state = backends.get(new URL(backend.api).pathname.split('/')[1] ?? '');
  if (!state) throw new Error('Not a demo clinic');
  const items = checklistItems(state, bookingId);
  items.forEach((item, index) => {
    if (itemIds.includes(item.id)) setItemDone(items, index, true);
  });
}

/** A scripted `slot_unavailable` means someone else got the slot: it leaves availability too. */
function markTakenOnConflict(state: State, reply: Reply, body: string): void {
  if (typeof reply !== 'object' || reply.code !== 'slot_unavailable') return;
  const start = Date.parse((parseJson(body) as { start?: string } | undefined)?.start ?? '');
  if (!Number.isNaN(start)) state.taken.add(start);
}

// ---- responses -------------------------------------------------------------------------------

interface Parser {
  parse(data: unknown): unknown;
}

/** A JSON response whose body has been checked against the contract first. */
function valid(status: number, schema: Parser, body: unknown): Response {
  schema.parse(body);
  return json(status, body);
}

function json(status: number, body: unknown, extraHeaders: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...extraHeaders },
  });
}

function error(
  status: number,
  code: string,
  message = code.replace(/_/g, ' '),
  fields?: Record<string, string>,
  retryAfterSeconds?: number,
): Response {
  const body = { error: fields ? { code, message, fields } : { code, message } };
  ErrorBody.parse(body);
  return json(status, body, retryAfterSeconds === undefined ? {} : { 'Retry-After': String(retryAfterSeconds) });
}

function validationError(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): Response {
  const fields = Object.fromEntries(issues.map((issue) => [issue.path.map(String).join('.'), issue.message]));
  return error(422, 'validation_failed', 'Some answers need correcting.', fields);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function randomId(length: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(crypto.getRandomValues(new Uint8Array(length)), (byte) => alphabet[byte % alphabet.length]).join('');
}

// ---- intake ------------------------------------------------------------------------------------

/** The forms this clinic serves: the script's, else the demo clinic's intake as `kap-demo-intake`. */
function intakeForms(state: State): Record<string, unknown> {
  return state.script.forms ?? { 'kap-demo-intake': { ...DEMO_INTAKE_FORM, id: 'kap-demo-intake' } };
}

function serveForm(state: State, id: string): Response {
  const definition = intakeForms(state)[id];
  return definition ? json(200, definition) : error(404, 'not_found', 'No such form.');
}

/** Checks an intake as the reference backend does (answers against the form), then stores nothing but its key. */
function storeIntake(state: State, headers: Headers, body: string): Response {
  const key = headers.get('Idempotency-Key');
  if (!key) return error(400, 'idempotency_key_missing', 'POST intake-responses requires an Idempotency-Key header.');
  const replay = state.replayed.get(key);
  if (replay) return json(replay.status, replay.body);
  const parsed = IntakeSubmission.safeParse(parseJson(body));
  if (!parsed.success) return validationError(parsed.error.issues);
  const definition = parseFormDefinition(intakeForms(state)[parsed.data.form]);
  if (!definition.ok) return error(422, 'validation_failed', 'No such form.', { form: 'Unknown form' });
  const checked = checkSubmission(definition.form, parsed.data);
  if (!checked.ok) return error(422, 'validation_failed', 'Some answers need correcting.', checked.fields);
  const created = { response: { id: `ir-${randomId(12)}`, receivedAt: toInstant(Math.floor(Date.now() / 1000) * 1000) } };
  IntakeResponseCreated.parse(created);
  state.replayed.set(key, { status: 201, body: created });
  return json(201, created);
}
