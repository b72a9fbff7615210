/**
 * The api client's node tests share these: a scripted fake `fetch` that answers each call with
 * the next step (a response, a thrown error, or a hang until the request is aborted), and a sleep
 * that only records its delays, so retry timing is observable without waiting.
 */
import { KapApiClient, type KapClientOptions } from '../../src/api/index.js';

export const API = 'https://api.clinic.example/kap/v1/';

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  });
}

export function apiError(status: number, code: string, message = 'Something went wrong.', extra: object = {}, headers: Record<string, string> = {}) {
  return json(status, { error: { code, message, ...extra } }, headers);
}

export interface RecordedCall {
  url: URL;
  init: RequestInit;
  headers: Headers;
  body: string | undefined;
  signal: AbortSignal;
}

/** A step answers one call: a response, a thrown error, or 'hang' until the request is aborted. */
export type Step = Response | Error | 'hang' | ((call: RecordedCall) => Response | Promise<Response>);

export function scriptedFetch(steps: Step[]) {
  const calls: RecordedCall[] = [];
  const fetch: typeof globalThis.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call: RecordedCall = {
      url: new URL(String(input)),
      init,
      headers: new Headers(init.headers),
      body: init.body == null ? undefined : String(init.body),
      signal: init.signal!,
    };
    calls.push(call);
    const step = steps.shift();
    if (step === undefined) throw new Error(`unexpected request #${calls.length}: ${init.method} ${call.url}`);
    if (step instanceof Error) throw step;
    if (step === 'hang') {
      return new Promise<Response>((_, reject) => {
        const fail = () => reject(call.signal.reason);
        if (call.signal.aborted) fail();
        else call.signal.addEventListener('abort', fail, { once: true });
      });
    }
    return typeof step === 'function' ? step(call) : step;
  };
  return { fetch, calls, remaining: steps };
}

export function recordingSleep() {
  const delays: number[] = [];
  const sleep = async (ms: number) => {
    delays.push(ms);
  };
  return { sleep, delays };
}

export function clientWith(steps: Step[], options: Partial<KapClientOptions> = {}) {
  const scripted = scriptedFetch(steps);
  const { sleep, delays } = recordingSleep();
  const client = new KapApiClient({ api: API, fetch: scripted.fetch, sleep, random: () => 0.5, ...options });
  return { client, calls: scripted.calls, delays, remaining: scripted.remaining };
}
