/**
 * The booking pages: `<kap-booking>` against an in-page `fetch` stand-in that answers at once from a
 * prepared fortnight of slots (round the clock, every 15 minutes), so the time measured is the
 * element's own work; the same page as an iframe embed; and the plain-DOM floor on the same data.
 */
export const ZONE = 'America/New_York';
/** Monday 2 March 2026, 06:00 in New York. */
export const NOW = '2026-03-02T11:00:00Z';
export const FORTNIGHT_SLOTS = 14 * 24 * 4;

/**
 * The booking page. "inline": the bundle is loaded by the page and `renderOnce()` is called by the
 * bench. "lazy": no bundle yet; `renderOnce({ loadScript: true })` adds the bundle's script tag and
 * the element together, so the time includes fetching and running the bundle. "frame": the page an
 * iframe embed would load; it renders one element by itself and tells its parent (`postMessage`) when
 * the times are in the DOM and when the next frame has been painted. "floor": no bundle; `renderOnce()`
 * renders the plain-DOM floor (`floor-booking.js`) from the same stand-in backend instead.
 */
export function bookingPage(mode: 'inline' | 'lazy' | 'frame' | 'floor'): string {
  return /* html */ `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>kap-booking benchmark</title></head>
<body>
<main id="stage"></main>
<script type="module">
  const API = 'https://bench.kap.invalid/kap/';
  const MINUTE = 60_000;
  const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
  const first = Math.ceil(Date.now() / (15 * MINUTE)) * 15 * MINUTE;
  const slots = Array.from({ length: ${FORTNIGHT_SLOTS} }, (_, i) => ({
    start: iso(first + i * 15 * MINUTE),
    end: iso(first + i * 15 * MINUTE + 45 * MINUTE),
  }));
  const bodies = {
    services: JSON.stringify({ services: [{ id: 'consultation', name: 'Consultation', description: 'A first conversation.', durationMinutes: 45, location: 'virtual', mode: 'instant' }] }),
    availability: JSON.stringify({ service: 'consultation', timeZone: '${ZONE}', slots }),
  };
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = new URL(String(input));
    if (!url.href.startsWith(API)) return realFetch(input, init);
    const body = bodies[url.pathname.slice(new URL(API).pathname.length)];
    return body
      ? new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } })
      : new Response('{"error":{"code":"not_found","message":"no"}}', { status: 404, headers: { 'Content-Type': 'application/json' } });
  };

  /**
   * Renders one element; resolves with [ms to time buttons in the DOM, ms to the next painted frame,
   * times, days]. With loadScript, the bundle's script tag is added at the same moment as the element.
   */
  const nodes = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
    let count = 0;
    while (walker.nextNode()) count++;
    return count;
  };
  window.renderFloorOnce = async () => {
    const { renderBookingFloor } = await import('/floor-booking.js');
    const stage = document.getElementById('stage');
    stage.replaceChildren();
    const host = document.createElement('div');
    const started = performance.now();
    stage.append(host);
    await renderBookingFloor(host, API, '${ZONE}');
    const inDom = performance.now() - started;
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
    return [inDom, performance.now() - started, host.querySelectorAll('[part~="time"]').length, host.querySelectorAll('[part~="day"]').length, nodes(host)];
  };
  window.renderOnce = ({ loadScript = false, onInDom } = {}) => new Promise((done, fail) => {
    const stage = document.getElementById('stage');
    stage.replaceChildren();
    const element = document.createElement('kap-booking');
    element.setAttribute('api', API);
    element.setAttribute('time-zone', '${ZONE}');
    // Set up as a clinic's page should be: without it, every new element warns the website team.
    element.setAttribute('privacy-url', '/privacy');
    const started = performance.now();
    const timeout = setTimeout(() => fail(new Error('no time buttons after 10 s')), 10_000);
    if (loadScript) {
      const script = document.createElement('script');
      script.type = 'module';
      script.src = '/kap-elements.js';
      document.head.append(script);
    }
    stage.append(element);
    const observer = new MutationObserver(() => check());
    const check = () => {
      const times = element.shadowRoot.querySelectorAll('[part~="time"]').length;
      if (!times) return;
      observer.disconnect();
      const inDom = performance.now() - started;
      onInDom?.();
      requestAnimationFrame(() => setTimeout(() => {
        clearTimeout(timeout);
        done([inDom, performance.now() - started, times, element.shadowRoot.querySelectorAll('[part~="day"]').length, nodes(element.shadowRoot)]);
      }));
    };
    const start = () => {
      observer.observe(element.shadowRoot, { childList: true, subtree: true });
      check();
    };
    if (customElements.get('kap-booking')) start();
    else customElements.whenDefined('kap-booking').then(start);
  });
</script>
${mode === 'lazy' || mode === 'floor' ? '' : '<script type="module" src="/kap-elements.js"></script>'}
${
  mode === 'frame'
    ? `<script type="module">
  const [, , times, days] = await window.renderOnce({ onInDom: () => parent.postMessage({ type: 'times' }, '*') });
  parent.postMessage({ type: 'painted', times, days }, '*');
</script>`
    : ''
}
</body>
</html>`;
}

/**
 * The embed a clinic's page would hold: an iframe from another origin (and site, so Chromium gives it
 * its own renderer process) whose page is the booking. Timed from appending the iframe until the
 * frame reports the times in its DOM, and until it reports its next painted frame.
 */
export function embedPage(frameOrigin: string): string {
  return /* html */ `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>kap-booking in an iframe, benchmark</title></head>
<body>
<main id="stage"></main>
<script type="module">
  let run = 0;
  window.embedOnce = () => new Promise((done, fail) => {
    const stage = document.getElementById('stage');
    stage.replaceChildren();
    const frame = document.createElement('iframe');
    frame.title = 'Book an appointment';
    frame.style.cssText = 'width: 100%; height: 900px; border: 0';
    frame.src = '${frameOrigin}/frame?run=' + run++;
    let inDom;
    const timeout = setTimeout(() => fail(new Error('no times from the frame after 10 s')), 10_000);
    const listen = (event) => {
      if (event.origin !== '${frameOrigin}' || event.source !== frame.contentWindow) return;
      if (event.data.type === 'times') inDom = performance.now() - started;
      if (event.data.type !== 'painted') return;
      clearTimeout(timeout);
      removeEventListener('message', listen);
      done([inDom, performance.now() - started, event.data.times, event.data.days]);
    };
    addEventListener('message', listen);
    const started = performance.now();
    stage.append(frame);
  });
</script>
</body>
</html>`;
}
