/**
 * `npm test`: every check, two at a time, stopping at the first failure. The machine it is sized
 * for has two cores and most steps leave one idle: tsc, ESLint and lit-analyzer run on one thread,
 * and the node, browser, end-to-end and story checks spend much of their time waiting on a server,
 * a browser or the disk. Steps that need another's output wait for it (the package and end-to-end
 * tests need `npm run build`); the rest start longest first. Each step's output is printed whole
 * when it ends, so two steps never interleave, and a table of times closes the run.
 *
 *   node scripts/test.mjs            all steps (`npm test`)
 *   KAP_TEST_JOBS=1 node scripts/test.mjs   one at a time, in the order below
 */
import { spawn } from 'node:child_process';

/**
 * In the order they start; `after`: steps whose output it reads. The longest first, except that the
 * build goes early so the end-to-end tests (the second longest, which need it) start after a
 * minute rather than at the end of the other lane; the two lanes then end near each other. On the
 * 2-core machine (483 s in all): e2e 316 s, browser 239, node 137, lint 91, stories 73, build 49,
 * package 32, format 18, types 9. The lanes are as full as they can be (docs/test-time.md).
 */
const STEPS = [
  { name: 'test:browser' },
  { name: 'build' },
  { name: 'test:e2e', after: ['build'] },
  { name: 'test:node' },
  { name: 'lint' },
  { name: 'test:stories' },
  { name: 'test:package', after: ['build'] },
  { name: 'format:check' },
  { name: 'typecheck' },
];

const jobs = Math.max(1, Number(process.env.KAP_TEST_JOBS) || 2);
const started = performance.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** @type {Map<string, { ms: number, ok: boolean, stopped: boolean, output?: string }>} */
const done = new Map();
/** @type {Map<string, import('node:child_process').ChildProcess>} */
const running = new Map();
let failed = false;

function run(step) {
  return new Promise((resolve) => {
    const begun = performance.now();
    // Its own process group, so a failure elsewhere stops the whole step (browsers included).
    const child = spawn('npm', ['run', '--silent', step.name], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' },
    });
    running.set(step.name, child);
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (code) => {
      running.delete(step.name);
      const ms = performance.now() - begun;
      const ok = code === 0;
      // Stopped because another step failed: not a failure of its own, and its output is cut short.
      const stopped = failed && !ok;
      done.set(step.name, { ms, ok, stopped, output: ok || stopped ? undefined : Buffer.concat(output).toString('utf8') });
      process.stdout.write(`\n==> npm run ${step.name} (${ok ? 'passed' : stopped ? 'stopped' : `FAILED, exit ${code}`}, ${seconds(ms)})\n`);
      if (!stopped) process.stdout.write(Buffer.concat(output));
      resolve(ok);
    });
  });
}

function stopAll() {
  for (const child of running.values()) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}

// Interrupted: the steps run in their own process groups, so pass it on.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}

const waiting = [...(jobs === 1 ? [...STEPS].sort(byScriptOrder) : STEPS)];
await new Promise((finished) => {
  const next = () => {
    if (failed) return running.size === 0 && finished();
    if (waiting.length === 0 && running.size === 0) return finished();
    while (running.size < jobs) {
      const index = waiting.findIndex((step) => (step.after ?? []).every((name) => done.get(name)?.ok));
      if (index === -1) break;
      const [step] = waiting.splice(index, 1);
      void run(step).then((ok) => {
        if (!ok && !failed) {
          failed = true;
          stopAll();
        }
        next();
      });
    }
  };
  next();
});

/**
 * The lines of a failed step's output that say what failed, each with the few lines after it (the
 * assertion and where): a step's output runs to thousands of lines, and a CI log is often read
 * from its end. Covers web-test-runner (❌), node:test (✖, `not ok`) and tools' `error` lines.
 */
function failureLines(output) {
  const lines = output.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').split('\n');
  const marks = /❌|✖|^\s*not ok\b|\bAssertionError\b|^\s*\S.*\berror\b.*:\d+:\d+/i;
  const shown = new Set();
  for (const [index, line] of lines.entries()) {
    if (!marks.test(line)) continue;
    for (let next = index; next < Math.min(lines.length, index + 8); next++) shown.add(next);
  }
  const picked = [...shown].sort((a, b) => a - b).map((index) => lines[index]);
  return (picked.length ? picked.slice(0, 120) : lines.slice(-40)).join('\n');
}

/** The order `npm test` ran its steps in one at a time, before they ran two at a time. */
function byScriptOrder(a, b) {
  const order = ['typecheck', 'lint', 'test:node', 'test:browser', 'build', 'test:package', 'test:e2e', 'test:stories'];
  return order.indexOf(a.name) - order.indexOf(b.name);
}

console.log(`\n${'step'.padEnd(14)} time`);
for (const step of STEPS) {
  const result = done.get(step.name);
  const note = !result || result.ok ? '' : result.stopped ? '  stopped' : '  FAILED';
  console.log(`${step.name.padEnd(14)} ${result ? `${seconds(result.ms)}${note}` : 'not run'}`);
}
console.log(`${'npm test'.padEnd(14)} ${seconds(performance.now() - started)} (${jobs} at a time)`);
for (const [name, result] of done) {
  if (result.output !== undefined) console.log(`\nWhat failed in npm run ${name} (its whole output is above):\n${failureLines(result.output)}`);
}
process.exit(failed ? 1 : 0);
