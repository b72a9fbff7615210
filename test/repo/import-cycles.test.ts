/**
 * Rooms that import in one direction only (issue 9, "no import cycle"): no cycle among the files of
 * the elements and their domain (`src/`), the reference backend (`server/`) or the staff console
 * (`console/`), type-only imports included — a type cycle is still two modules that cannot be
 * understood one without the other.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { importCycles, importGraph } from '../support/import-graph.js';

describe('imports', () => {
  test('no import cycle in src/, server/ and console/, type-only imports included', () => {
    assert.deepEqual(importCycles(importGraph('src', 'server', 'console')), []);
  });

  test('the check finds a cycle', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts', 'lit']],
      ['c.ts', ['a.ts']],
    ]);
    assert.deepEqual(importCycles(graph), ['a.ts → b.ts → c.ts → a.ts']);
  });
});
