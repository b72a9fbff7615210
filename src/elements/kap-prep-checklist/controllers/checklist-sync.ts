/**
 * The state of a checklist's items between the client and the backend, apart from rendering.
 *
 * A tick shows at once (optimistic) and is then saved. Each item keeps what the backend holds
 * (`saved`) apart from what the client asked for (`wanted`), and has at most one save in flight:
 * a second tick of the same item while it is saving is not sent alongside but after it, with the
 * latest wish — so the last tick wins on the server as on the screen, and saves of different items
 * never touch each other. A save that fails puts the item back to what the backend holds, says so
 * and offers the same change again; the backend is then asked for the items' real state, in case
 * the change was saved and only the answer was lost — and asked again until it answers (with
 * backoff, at once when the browser comes back online or the page is shown again), so the screen
 * always ends up matching the backend. Meanwhile `syncStatus` says it is checking.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbort } from '../../../api/abort.js';
import type { ChecklistItemState } from '../../../api/schemas.js';

/** An item as the element shows it: the definition's fields and whether it is done. */
export type ChecklistEntry = Omit<ChecklistItemState, 'doneAt'>;

export interface ChecklistSyncContext {
  /**
   * Saves `done` for `itemId` and resolves with what the backend now holds; returns `undefined`
   * when there is no backend (a static page), where a tick is kept in memory only.
   */
  save(itemId: string, done: boolean): Promise<boolean> | undefined;
  /** Asks the backend for every item's state (after a failed save); `undefined` with no backend. */
  fetchStates(): Promise<ReadonlyMap<string, boolean>> | undefined;
  /** The backend now holds `done` for `itemId` (or, with no backend, the client ticked it). */
  saved(itemId: string, done: boolean): void;
  /** A save failed and the item went back; the element reports it (`kap-error`). */
  failed(error: unknown): void;
}

interface ItemSync {
  /** What the backend holds, as far as the element knows. */
  saved: boolean;
  /** What the client last asked for. */
  wanted: boolean;
  saving: boolean;
  /** The last save failed: the item shows `saved`, and Retry asks for `wanted` again. */
  failure: { error: unknown; wanted: boolean } | undefined;
}

/**
 * Checking with the backend after a failed save: `checking` (asking, or about to ask again),
 * `offline` (waiting for the connection), `checked` (the screen shows what the backend holds).
 */
export type SyncStatus = 'checking' | 'offline' | 'checked';

/** The first wait before asking the backend again; it doubles each time, up to a minute. */
export const RECHECK_FIRST_MS = 5_000;
const RECHECK_MAX_MS = 60_000;

export class ChecklistSync implements ReactiveController {
  /** Set while a failed save leaves the screen unsure of what the backend holds, and once checked. */
  syncStatus: SyncStatus | undefined;

  #host: ReactiveControllerHost;
  #context: ChecklistSyncContext;
  #entries: ChecklistEntry[] = [];
  #items = new Map<string, ItemSync>();
  /** Bumped by `reset`, so answers to an earlier checklist's saves are dropped. */
  #generation = 0;
  /** A save failed and the backend has not yet said what it holds. */
  #unsure = false;
  #checking = false;
  #recheckTimer: ReturnType<typeof setTimeout> | undefined;
  #rechecks = 0;

  constructor(host: ReactiveControllerHost, context: ChecklistSyncContext) {
    this.#host = host;
    this.#context = context;
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('online', this.#recheckNow);
    document.addEventListener('visibilitychange', this.#recheckWhenShown);
    this.#recheckNow();
  }

  hostDisconnected(): void {
    removeEventListener('online', this.#recheckNow);
    document.removeEventListener('visibilitychange', this.#recheckWhenShown);
    clearTimeout(this.#recheckTimer);
    this.#recheckTimer = undefined;
  }

  /** Starts over from what the backend (or the page's definition) says. */
  reset(entries: readonly ChecklistEntry[]): void {
    this.#generation += 1;
    this.#unsure = false;
    this.#rechecks = 0;
    this.syncStatus = undefined;
    clearTimeout(this.#recheckTimer);
    this.#entries = entries.map((entry) => ({ ...entry }));
    this.#items = new Map(entries.map((entry) => [entry.id, { saved: entry.done, wanted: entry.done, saving: false, failure: undefined }]));
    this.#host.requestUpdate();
  }

  /** The items in the definition's order, each `done` as the client should see it. */
  get entries(): ChecklistEntry[] {
    return this.#entries.map((entry) => ({ ...entry, done: this.shownDone(entry.id) }));
  }

  /** The items with the state the backend holds (for counts that events report). */
  get savedEntries(): ChecklistEntry[] {
    return this.#entries.map((entry) => ({ ...entry, done: this.#items.get(entry.id)?.saved ?? entry.done }));
  }

  shownDone(itemId: string): boolean {
    const item = this.#items.get(itemId);
    if (!item) return false;
    return item.failure ? item.saved : item.wanted;
  }

  isSaving(itemId: string): boolean {
    return this.#items.get(itemId)?.saving ?? false;
  }

  /** The failed change of `itemId`, if its last save failed: the error and what was wanted. */
  failureOf(itemId: string): { error: unknown; wanted: boolean } | undefined {
    return this.#items.get(itemId)?.failure;
  }

  /** The client ticked or unticked `itemId`. */
  toggle(itemId: string, done: boolean): void {
    const item = this.#items.get(itemId);
    if (!item) return;
    item.wanted = done;
    item.failure = undefined;
    if (this.syncStatus === 'checked') this.syncStatus = undefined;
    this.#host.requestUpdate();
    if (!item.saving) void this.#saveUntilSettled(itemId, item);
  }

  /** Asks again for the change whose save failed. */
  retry(itemId: string): void {
    const failure = this.failureOf(itemId);
    if (failure) this.toggle(itemId, failure.wanted);
  }

  async #saveUntilSettled(itemId: string, item: ItemSync): Promise<void> {
    const generation = this.#generation;
    item.saving = true;
    this.#host.requestUpdate();
    try {
      // One save at a time per item; a tick made meanwhile is sent next, with the latest wish.
      while (item.wanted !== item.saved) {
        const asked = item.wanted;
        const saving = this.#context.save(itemId, asked);
        const done = saving === undefined ? asked : await saving;
        if (generation !== this.#generation) return;
        this.#record(itemId, item, done);
        // A backend that keeps another state than the one asked for has the last word.
        if (done !== asked) {
          if (item.wanted === asked) item.wanted = done;
          break;
        }
      }
    } catch (error) {
      if (generation !== this.#generation || isAbort(error)) return;
      // The client may have asked meanwhile for what the backend already holds: nothing is lost.
      if (item.wanted !== item.saved) {
        item.failure = { error, wanted: item.wanted };
        item.wanted = item.saved;
        this.#context.failed(error);
        void this.#reconcile();
      }
    } finally {
      if (generation === this.#generation) {
        item.saving = false;
        this.#host.requestUpdate();
      }
    }
  }

  #record(itemId: string, item: ItemSync, done: boolean): void {
    if (item.saved === done) return;
    item.saved = done;
    this.#context.saved(itemId, done);
  }

  /**
   * After a failed save, learns what the backend really holds for every item not being saved: a
   * change whose answer was lost may have been saved after all, and then it no longer failed.
   * Asks until the backend answers: again after a wait that doubles (5 s, 10 s… up to a minute),
   * and at once when the browser is back online or the page is shown again.
   */
  async #reconcile(): Promise<void> {
    this.#unsure = true;
    if (this.#checking) return;
    const fetching = this.#context.fetchStates();
    if (!fetching) return;
    clearTimeout(this.#recheckTimer);
    this.#recheckTimer = undefined;
    const generation = this.#generation;
    this.#checking = true;
    this.syncStatus = 'checking';
    this.#host.requestUpdate();
    let states: ReadonlyMap<string, boolean>;
    try {
      states = await fetching;
    } catch (error) {
      if (generation !== this.#generation || isAbort(error)) return;
      this.syncStatus = globalThis.navigator?.onLine === false ? 'offline' : 'checking';
      const wait = Math.min(RECHECK_MAX_MS, RECHECK_FIRST_MS * 2 ** this.#rechecks++);
      this.#recheckTimer = setTimeout(this.#recheckNow, wait);
      this.#host.requestUpdate();
      return;
    } finally {
      if (generation === this.#generation) this.#checking = false;
    }
    if (generation !== this.#generation) return;
    for (const [itemId, item] of this.#items) {
      const done = states.get(itemId);
      if (done === undefined || item.saving) continue;
      this.#record(itemId, item, done);
      if (item.failure?.wanted === done) item.failure = undefined;
      if (!item.failure) item.wanted = done;
    }
    this.#unsure = false;
    this.#rechecks = 0;
    this.syncStatus = 'checked';
    this.#host.requestUpdate();
  }

  /** Online again, or the wait is over: ask now if still unsure. */
  #recheckNow = (): void => {
    if (this.#unsure) void this.#reconcile();
  };

  /** The page is shown again (a phone woken, a tab brought back): ask now if still unsure. */
  #recheckWhenShown = (): void => {
    if (document.visibilityState === 'visible') this.#recheckNow();
  };
}
