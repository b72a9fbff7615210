/**
 * A calendar file (`.ics`) offered as a Blob URL for an `<a download>`: made again only when what
 * goes in it changes, the previous URL given back when replaced and when the element leaves the
 * page. Used before render, never in it.
 *
 * The module that writes the file (`load`: src/scheduling/ics.ts, or a module built on it) is
 * imported when a file is first offered — in the drop-in files, a chunk fetched from the script's
 * own origin, so a page that offers no file never loads it; the element renders again once it has
 * come. Without it (the chunk could not be fetched) no file is offered, and the rest of the
 * element works on.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { importOnce } from './import-once.js';

export class CalendarFileUrl<Writer> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #import: () => Promise<Writer>;
  #writer: Writer | undefined;
  #file: { key: string; url: string } | undefined;

  constructor(host: ReactiveControllerHost, load: () => Promise<Writer>) {
    this.#host = host;
    this.#import = importOnce(load);
    host.addController(this);
  }

  get url(): string | undefined {
    return this.#file?.url;
  }

  /** Imports the writer once (again after a failed attempt). Never rejects. */
  load = (): Promise<void> =>
    this.#import().then(
      (writer) => void (this.#writer = writer),
      () => undefined,
    );

  /**
   * Offers the file the writer works out (`make`: `key` stands for what goes in it, so an
   * unchanged file is not made again, and `write` makes it). Before the writer has come, asks for
   * it and for a render once it is here. Returns the writer, once it has come.
   */
  offer(make: (writer: Writer) => { key: string; write: () => string }): Writer | undefined {
    const writer = this.#writer;
    if (!writer) {
      void this.load().then(() => this.#writer && this.#host.requestUpdate());
      return;
    }
    const { key, write } = make(writer);
    if (this.#file?.key !== key) {
      const ics = write();
      this.revoke();
      this.#file = { key, url: URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' })) };
    }
    return writer;
  }

  revoke(): void {
    if (this.#file) URL.revokeObjectURL(this.#file.url);
    this.#file = undefined;
  }

  hostDisconnected(): void {
    this.revoke();
  }
}
