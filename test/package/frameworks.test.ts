/**
 * The framework typings and the editor data (scripts/write-framework-types.ts) cannot drift from
 * the elements: what `npm run build` wrote is what the manifest gives now, every attribute,
 * property and event is in them, and a real `tsc` compiles the apps in test/frameworks/ (React 19,
 * the React components, Preact, Solid, Vue's and Svelte's element types) — where each wrong use
 * carries an `@ts-expect-error` that must meet its error — and fails a copy of the React app
 * without those directives at exactly those lines. Needs `npm run build` first.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { elementsOf, type Manifest } from '../../scripts/frameworks/elements.js';
import { frameworkFiles } from '../../scripts/frameworks/files.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'frameworks');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const manifest = () => JSON.parse(read('custom-elements.json')) as Manifest;

describe('the framework typings and editor data', () => {
  it('are what the manifest gives now (npm run build wrote them from it)', () => {
    assert.ok(existsSync(join(ROOT, 'dist', 'frameworks')), 'run `npm run build` first');
    const files = frameworkFiles(manifest());
    assert.ok(Object.keys(files).length >= 13);
    for (const [path, content] of Object.entries(files)) assert.equal(read(path), content, `${path} is up to date`);
  });

  it('name every property, attribute and event of every element', () => {
    const elements = elementsOf(manifest());
    assert.deepEqual(
      elements.map((element) => element.tag),
      ['kap-booking', 'kap-intake', 'kap-prep-checklist'],
    );
    const react = read('dist/frameworks/react-jsx.d.ts');
    const solid = read('dist/frameworks/solid-jsx.d.ts');
    const vscode = JSON.parse(read('dist/vscode.html-custom-data.json')) as { tags: { name: string; attributes: { name: string }[] }[] };
    const webTypes = JSON.parse(read('dist/web-types.json')) as { contributions: { html: { elements: { name: string; attributes: { name: string }[] }[] } } };
    for (const element of elements) {
      const props = react.slice(react.indexOf(`interface ${element.className}ReactProps`));
      for (const property of element.properties)
        assert.match(props, new RegExp(`\\n  ${property}\\?: ${element.className}\\['${property}'\\]`), `${element.tag} ${property}`);
      for (const event of element.events) assert.ok(props.includes(`'on${event.name}'?: (event: ${event.type}) => void`), `${element.tag} on${event.name}`);
      for (const attribute of element.attributes) {
        assert.ok(solid.includes(`'attr:${attribute.name}'?:`), `Solid: ${element.tag} attr:${attribute.name}`);
        const documented = (list: { name: string; attributes: { name: string }[] }[]) =>
          list.find((tag) => tag.name === element.tag)?.attributes.map((entry) => entry.name);
        assert.ok(documented(vscode.tags)?.includes(attribute.name), `VS Code: ${element.tag} ${attribute.name}`);
        assert.ok(documented(webTypes.contributions.html.elements)?.includes(attribute.name), `web-types: ${element.tag} ${attribute.name}`);
      }
    }
  });

  it('give every event of every element its prop on the React components (kap-elements/react)', () => {
    const declarations = read('dist/types/react/index.d.ts');
    for (const element of elementsOf(manifest())) {
      const component = declarations.slice(declarations.indexOf(`export declare const ${element.className}:`)).split('}>;')[0]!;
      const props = element.events.map(
        (event) => `on${event.name.replace(/^kap-/, '').replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase())}: EventName<${event.type}>`,
      );
      for (const prop of props) assert.ok(component.includes(prop), `${element.className}: ${prop}`);
      assert.equal(component.match(/: EventName</g)?.length, props.length, `${element.className} has no other event props`);
    }
  });

  it('compile in apps of each framework with the real tsc, and a wrong attribute type fails', () => {
    // A copy of the React 19 app without its `@ts-expect-error` lines: each wrong use must fail there.
    const scratch = mkdtempSync(join(FIXTURES, '.scratch-'));
    try {
      const lines = readFileSync(join(FIXTURES, 'react19.tsx'), 'utf8').split('\n');
      const expected: number[] = [];
      const kept: string[] = [];
      for (const line of lines) {
        if (line.trim().startsWith('{/* @ts-expect-error')) expected.push(kept.length + 1);
        else kept.push(line);
      }
      assert.equal(expected.length, 5, 'the React 19 app has five wrong uses');
      writeFileSync(join(scratch, 'react19-unchecked.tsx'), kept.join('\n'));
      writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify({ extends: '../tsconfig.json', include: ['../*.tsx', '../*.ts', '*.tsx'] }));
      const tsc = spawnSync(
        process.execPath,
        [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(scratch, 'tsconfig.json'), '--pretty', 'false'],
        {
          cwd: ROOT,
          encoding: 'utf8',
        },
      );
      const errors = [...tsc.stdout.matchAll(/^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/gm)].map(([, file, line, code, message]) => ({
        file: file!,
        line: Number(line),
        code: code!,
        message: message!,
      }));
      assert.deepEqual(
        errors.filter((error) => !error.file.includes(basename(scratch))),
        [],
        'the apps compile: every right use, and every @ts-expect-error meets its error',
      );
      assert.deepEqual([...new Set(errors.map((error) => error.line))], expected, `errors at the wrong uses:\n${tsc.stdout}`);
      assert.ok(
        errors.some((error) => error.code === 'TS2322' && error.message.includes('"blue"')),
        `theme="blue" is refused:\n${tsc.stdout}`,
      );
      assert.notEqual(tsc.status, 0, 'tsc fails');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
