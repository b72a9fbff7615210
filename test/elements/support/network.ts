/**
 * Records every `fetch` the page makes and, only when a test asks, injects a fault the real
 * backend cannot produce on demand (offline, a hang, a 500, a 429, a wrong shape, a lost answer).
 * Everything else passes through to the real reference backend behind the test server.
 */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string;
  signal: AbortSignal;
  /** Whether the request may outlive the page (`fetch` keepalive). */
  keepalive: boolean;
}

export type Fault = (request: Request, passThrough: () => Promise<Response>) => Promise<Response>;

interface FaultRule {
  method: string;
  path: RegExp;
  fault: Fault;
  remaining: number;
}

export class Network {
  readonly requests: RecordedRequest[] = [];
  readonly realFetch: typeof fetch = window.fetch.bind(window);
  #rules: FaultRule[] = [];

  /** Starts recording afresh (no requests, no faults) and takes over `window.fetch`. */
  install(): this {
    this.requests.length = 0;
    this.#rules = [];
    window.fetch = this.#fetch;
    return this;
  }

  restore(): void {
    window.fetch = this.realFetch;
  }

  /** Answers matching requests with `fault`, `times` times (default: until `clearFaults`). */
  fail(method: string, path: RegExp, fault: Fault, times = Infinity): void {
    this.#rules.push({ method, path, fault, remaining: times });
  }

  clearFaults(): void {
    this.#rules = [];
  }

  to(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(new URL(r.url).pathname));
  }

  #fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const body = request.body ? await request.clone().text() : '';
    this.requests.push({
      method: request.method,
      url: request.url,
      headers: request.headers,
      body,
      signal: request.signal,
      keepalive: request.keepalive,
    });
    const path = new URL(request.url).pathname;
    const rule = this.#rules.find((r) => r.remaining > 0 && r.method === request.method && r.path.test(path));
    if (!rule) return this.realFetch(request);
    rule.remaining -= 1;
    return rule.fault(request, () => this.realFetch(request));
  };
}

export const offline: Fault = () => Promise.reject(new TypeError('Failed to fetch'));

/** Never answers; rejects only when the request is aborted (as a real hung request would). */
export const hang: Fault = (request) =>
  new Promise((_, reject) => {
    const abort = () => reject(new DOMException('The user aborted a request.', 'AbortError'));
    if (request.signal.aborted) abort();
    request.signal.addEventListener('abort', abort, { once: true });
  });

export function answer(status: number, body: unknown, headers: Record<string, string> = {}): Fault {
  return async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json', ...headers },
    });
}

export function errorAnswer(status: number, code: string, headers: Record<string, string> = {}): Fault {
  return answer(status, { error: { code, message: `Injected ${code}` } }, headers);
}

/** Lets the request reach the real backend (which commits it), then loses the answer. */
export function loseAnswerAfterCommit(seen: unknown[]): Fault {
  return async (_request, passThrough) => {
    const response = await passThrough();
    seen.push(await response.json());
    throw new TypeError('Failed to fetch');
  };
}
