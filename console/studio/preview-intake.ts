/**
 * `<studio-preview-intake>`: the real `<kap-intake>` (its class, its views, its English and Spanish),
 * for the studio's preview only — loaded lazily by `<studio-form-preview>`, so the console's first
 * load carries none of it. The one difference: what the element asks its backend is answered here,
 * in this page, by `#answer`, so nothing a marketer types in the preview is sent anywhere. Sending
 * is answered as stored (the confirmation shows, `kap-intake-submit` fires); the clinic's public
 * profile (`GET clinic`, for the crisis panel's phone) is read from the console's own server, with
 * no body; anything else is 404. The drop-in file is untouched: this lives in the console's bundle.
 */
import type { PropertyValues } from 'lit';
import { KapApiClient } from '../../src/api/client.js';
import type { ConfigurationProblem } from '../../src/base/configuration-report.js';
import { KapIntake } from '../../src/kap-intake.js';
import '../../src/es.js';

/** Never asked: `#answer` answers every request the element makes. */
const NOWHERE = 'https://preview.invalid/';

export class StudioPreviewIntake extends KapIntake {
  /** Reads `GET clinic` from the console's server (no body, nothing typed): the preview's crisis panel offers its phone. */
  clinic: (() => Promise<unknown>) | undefined;
  /** The requests the element made, as method and path only: the studio says sending was a preview. */
  readonly asked: string[] = [];
  readonly #local = new KapApiClient({ api: NOWHERE, fetch: (input, init) => this.#answer(String(input), init) });

  constructor() {
    super();
    // A valid address, so the element sets itself up as on a clinic's site; `#local` replaces its client.
    this.api = NOWHERE;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.client = this.#local;
  }

  /**
   * A draft's problems are the editor's to list, at their questions, as the marketer types: the
   * preview shows the element's own message naming the problem, without the console line and the
   * `kap-error` meant for a website team (a half-written draft would log one at every keystroke).
   */
  protected override reportConfigurationProblem(problem: ConfigurationProblem): void {
    this.configurationProblem = problem;
    this.requestUpdate();
  }

  async #answer(url: string, init: RequestInit | undefined): Promise<Response> {
    const path = new URL(url).pathname.slice(1);
    const method = init?.method ?? 'GET';
    this.asked.push(`${method} ${path}`);
    if (method === 'GET' && path === 'clinic' && this.clinic) {
      try {
        return json(200, await this.clinic());
      } catch {
        return json(503, { error: { code: 'unavailable', message: 'The clinic could not be read.' } });
      }
    }
    if (method === 'POST' && path === 'intake-responses') {
      return json(201, { response: { id: 'preview', receivedAt: new Date().toISOString() } });
    }
    return json(404, { error: { code: 'not_found', message: 'The preview answers nothing else.' } });
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

if (!customElements.get('studio-preview-intake')) customElements.define('studio-preview-intake', StudioPreviewIntake);

declare global {
  interface HTMLElementTagNameMap {
    'studio-preview-intake': StudioPreviewIntake;
  }
}
