/**
 * The page that renders and answers one form, for `<kap-intake>` ("kap", the CDN bundle) or for the
 * plain-DOM floor ("floor", `floor-intake.js`). Both expose the same two functions to the bench:
 *
 * - `renderForm(name, inputs)`: renders the named form; resolves with [ms until the first page's
 *   inputs are all in the DOM and its Continue button is, ms to the next painted frame, inputs on
 *   screen, DOM nodes (every node: elements, text, comments)]. `<kap-intake>` reads its definition
 *   from a child `<script type="application/json">` (its one request, `GET clinic`, answered in the
 *   page); the floor gets the same form as
 *   `parseFormDefinition()` resolved it in Node.
 * - `answerForm(kind, id, run)`: clicks a radio of question `id` (a different option each run) or
 *   types a character into text field `id`, as a person would; resolves with [ms until the update
 *   is done — the element's `updateComplete`, the floor's synchronous handler — and ms to the next
 *   painted frame]. The answer must then be in the state (`flow.answers`, the floor's answers).
 */
import { FORMS } from './forms.js';

export type FormPeer = 'kap' | 'floor';

const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * The element's one request, `GET clinic` (for the crisis panel's phone, as every form that names
 * none reads it), answered at once by an in-page `fetch` stand-in, as the booking pages answer
 * theirs: the time measured is the element's own work, and no failing request retries under it.
 */
const clinicStandIn = `const API = 'https://bench.kap.invalid/kap/';
  const clinic = JSON.stringify({ name: 'Bench Clinic', timeZone: 'America/New_York', phone: '+1 212 555 0100' });
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = String(input);
    if (!url.startsWith(API)) return realFetch(input, init);
    const found = url === API + 'clinic';
    return new Response(found ? clinic : '{"error":{"code":"not_found","message":"no"}}', { status: found ? 200 : 404, headers: { 'Content-Type': 'application/json' } });
  };`;

export function intakePage(peer: FormPeer): string {
  const definitions = Object.fromEntries(Object.entries(FORMS).map(([name, form]) => [name, JSON.stringify(form.definition)]));
  const resolved = Object.fromEntries(Object.entries(FORMS).map(([name, form]) => [name, { intro: form.intro, page: form.firstPage }]));
  return /* html */ `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>intake benchmark (${peer})</title></head>
<body>
<main id="stage"></main>
<script type="module">
  ${peer === 'floor' ? `import { renderFloor } from '/floor-intake.js';\n  const resolved = ${json(resolved)};` : `const definitions = ${json(definitions)};\n  ${clinicStandIn}`}
  const paint = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
  const nodes = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
    let count = 0;
    while (walker.nextNode()) count++;
    return count;
  };
  let current;

  window.renderForm = (name, expected) => new Promise((done, fail) => {
    const stage = document.getElementById('stage');
    stage.replaceChildren();
    ${
      peer === 'floor'
        ? `const host = document.createElement('div');
    const root = host;
    const started = performance.now();
    stage.append(host);
    const state = renderFloor(host, { intro: resolved[name].intro }, resolved[name].page);
    const inDom = performance.now() - started;
    current = { root, answers: () => state.answers, settled: () => undefined };
    const inputs = root.querySelectorAll('input, textarea').length;
    if (expected && inputs !== expected) fail(new Error('the floor shows ' + inputs + ' inputs, expected ' + expected));
    paint().then(() => done([inDom, performance.now() - started, inputs, nodes(root)]));`
        : `const element = document.createElement('kap-intake');
    // The definition is local; the api answers GET clinic (clinicStandIn).
    element.setAttribute('api', API);
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = definitions[name];
    element.append(script);
    const started = performance.now();
    const timeout = setTimeout(() => {
      const text = element.shadowRoot.textContent.replace(/\\s+/g, ' ').slice(0, 300);
      fail(new Error('after 10 s, ' + inputs() + ' of ' + expected + ' inputs shown: ' + text));
    }, 10_000);
    stage.append(element);
    const root = element.shadowRoot;
    const inputs = () => root.querySelectorAll('input, textarea').length;
    current = { root, answers: () => element.flow.answers, settled: () => element.updateComplete };
    const check = () => {
      if (inputs() < expected || !root.querySelector('button[type="submit"]')) return;
      observer.disconnect();
      const inDom = performance.now() - started;
      paint().then(() => {
        clearTimeout(timeout);
        done([inDom, performance.now() - started, inputs(), nodes(root)]);
      });
    };
    const observer = new MutationObserver(check);
    observer.observe(root, { childList: true, subtree: true });
    check();`
    }
  });

  window.answerForm = async (kind, id, run) => {
    const { root, answers, settled } = current;
    await paint();
    let started;
    let expected;
    if (kind === 'radio') {
      const radios = [...root.querySelectorAll('input[type="radio"]')].filter((input) => input.name === id);
      let radio = radios[(run + 1) % radios.length];
      if (radio.checked) radio = radios[(run + 2) % radios.length];
      expected = radio.value;
      started = performance.now();
      radio.click();
    } else {
      const input = root.querySelector('#' + CSS.escape('f-' + id));
      expected = input.value + String.fromCharCode(97 + (run % 26));
      started = performance.now();
      input.value = expected;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: expected.at(-1) }));
    }
    await settled();
    const updated = performance.now() - started;
    if (answers()[id] !== expected) throw new Error('the answer to ' + id + ' did not reach the state');
    await paint();
    return [updated, performance.now() - started];
  };
</script>
${peer === 'kap' ? '<script type="module" src="/kap-elements.js"></script>' : ''}
</body>
</html>`;
}
