import { createServer } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { intakePage } from './intake-page.js';
const bundle = process.argv[2]!;
const name = process.argv[3] ?? 'page30';
const server = createServer((req, res) => {
  if (req.url === '/intake') res.writeHead(200, { 'Content-Type': 'text/html' }).end(intakePage('kap'));
  else if (req.url === '/kap-elements.js') res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(bundle));
  else res.writeHead(404).end();
});
await new Promise<void>((d) => server.listen(0, '127.0.0.1', d));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/intake`);
await page.waitForFunction(`customElements.get('kap-intake') !== undefined`);
const expected = Number(process.argv[4] ?? 72);
for (let i = 0; i < 5; i++) await page.evaluate(([n, e]) => (window as any).renderForm(n, e), [name, expected] as const);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
const times = [];
for (let i = 0; i < 20; i++) times.push((await page.evaluate(([n, e]) => (window as any).renderForm(n, e), [name, expected] as const))[0]);
const { profile: p1 } = await cdp.send('Profiler.stop');
await cdp.send('Profiler.start');
const up = [];
for (let i = 0; i < 30; i++) up.push((await page.evaluate(([i]) => (window as any).answerForm('radio', 'q' + [1,7,11,17,21,27][i % 6], i), [i] as const))[0]);
const { profile: p2 } = await cdp.send('Profiler.stop');
console.log('render', times.map((t) => t.toFixed(1)).join(' '));
console.log('answer', up.map((t) => t.toFixed(1)).join(' '));
for (const [label, profile] of [['render', p1], ['answer', p2]] as const) {
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
  const counts = new Map<number, number>();
  for (const s of profile.samples!) counts.set(s, (counts.get(s) ?? 0) + 1);
  for (const [id, c] of counts) { const n: any = byId.get(id); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + c); }
  const total = profile.samples!.length;
  console.log(`--- ${label} self top`);
  for (const [k, c] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((100 * c / total).toFixed(1).padStart(5), k);
  writeFileSync(`/tmp/h9prof/${label}.cpuprofile`, JSON.stringify(profile));
}
await browser.close(); server.close();
